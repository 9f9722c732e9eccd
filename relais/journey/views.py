"""Public pages for the programme's data: a stage, a project, an ambassador."""

from django.shortcuts import get_object_or_404, render

from relais.stories.listing import story_cards
from relais.stories.models import StoryPage

from .models import Ambassador, LaureateProject, Stage


def stage_detail(request, slug):
    """Show what happens at a stage and the stories that tell it."""
    stage = get_object_or_404(Stage.objects.select_related("programme"), slug=slug)
    siblings = list(Stage.objects.filter(programme=stage.programme_id))
    position = next(i for i, s in enumerate(siblings) if s.pk == stage.pk)
    context = {
        "stage": stage,
        "position": position + 1,
        "stage_count": len(siblings),
        "previous_stage": siblings[position - 1] if position > 0 else None,
        "next_stage": siblings[position + 1] if position + 1 < len(siblings) else None,
        "stories": story_cards(StoryPage.objects.filter(stages=stage))[:24],
        "stage_dates": [d for d in stage.programme.upcoming_dates() if d.stage_id == stage.pk],
    }
    return render(request, "journey/stage.html", context)


def project_detail(request, slug):
    """Show a laureate project, its editions, ambassadors and stories."""
    project = get_object_or_404(
        LaureateProject.objects.select_related("commune", "commune__parent").prefetch_related(
            "themes", "editions"
        ),
        slug=slug,
    )
    context = {
        "project": project,
        "ambassadors": project.ambassadors.filter(public_profile=True),
        "stories": story_cards(StoryPage.objects.filter(project=project)),
    }
    return render(request, "journey/laureate_project.html", context)


def ambassador_list(request):
    """List the ambassadors who opted in for a public portrait."""
    ambassadors = Ambassador.objects.filter(public_profile=True).select_related("photo")
    return render(request, "journey/ambassador_list.html", {"ambassadors": ambassadors})


def ambassador_detail(request, slug):
    """Show an ambassador's portrait; only for those who opted in."""
    ambassador = get_object_or_404(
        Ambassador.objects.select_related("photo"), slug=slug, public_profile=True
    )
    context = {
        "ambassador": ambassador,
        "projects": ambassador.projects.select_related("commune"),
        "stories": story_cards(StoryPage.objects.filter(ambassadors=ambassador)),
    }
    return render(request, "journey/ambassador.html", context)

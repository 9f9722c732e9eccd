"""Public pages of the programme's data with their stories: a stage, a project, an ambassador.

They live with the stories because stories are what they mainly show; `journey` keeps the data.
"""

from django.shortcuts import get_object_or_404, render

from relais.journey.models import Ambassador, LaureateProject, Stage

from .listing import story_cards
from .models import StoryPage


def stage_detail(request, slug):
    """Show what happens at a stage and the stories that tell it."""
    stage = get_object_or_404(Stage.objects.select_related("programme"), slug=slug)
    place = stage.place()
    context = {
        "stage": stage,
        "position": place.number,
        "stage_count": place.count,
        "previous_stage": place.previous,
        "next_stage": place.next,
        "stories": story_cards(StoryPage.objects.filter(stages=stage))[:24],
        "stage_dates": [d for d in stage.programme.upcoming_dates() if d.stage_id == stage.pk],
    }
    return render(request, "stories/stage.html", context)


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
    return render(request, "stories/laureate_project.html", context)


def ambassador_list(request):
    """List the ambassadors who opted in for a public portrait."""
    ambassadors = Ambassador.objects.filter(public_profile=True).select_related("photo")
    return render(request, "stories/ambassador_list.html", {"ambassadors": ambassadors})


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
    return render(request, "stories/ambassador.html", context)

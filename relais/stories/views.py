"""Public pages of the programme's data with their stories: a project, an ambassador.

They live with the stories because stories are what they mainly show; `journey` keeps the data.
The page of a stage is its guide, with the knowledge cards (relais.knowledge).
Each page costs a fixed number of queries, whatever the number of stories: stages come from
the content cache, story cards from `cards`, long lists of stories are paginated.
"""

from django.shortcuts import get_object_or_404, render

from relais.core.page_cache import declare, depends_on, public_page
from relais.core.site_tree import root_page
from relais.journey.models import Ambassador, LaureateProject

from .cache_rules import AMBASSADORS, stories_of
from .cards import StoryPaginator, story_cards, story_count
from .models import StoryPage

STORIES_PER_PAGE = 24  # on a project or ambassador page, before a second page


def upcoming_dates(request, stage):
    """Return the next dates of the stage's programme (the site's is already loaded)."""
    programme = getattr(root_page(request), "programme", None)
    if programme is not None and programme.pk == stage.programme_id:
        return programme.upcoming
    return stage.programme.upcoming_dates()


def paginated_stories(request, stories, cache_name):
    """Return the page of story cards asked for in the URL (counted once per content change)."""
    count = story_count(cache_name, stories)
    paginator = StoryPaginator(stories, STORIES_PER_PAGE, count, name=cache_name)
    return paginator.get_page(request.GET.get("page"))


@public_page(params=[("page", "page")])
def project_detail(request, slug):
    """Show a laureate project, its editions, ambassadors and stories."""
    project = get_object_or_404(
        LaureateProject.objects.select_related("commune", "commune__parent").prefetch_related(
            "themes", "editions"
        ),
        slug=slug,
    )
    depends_on(request, project)
    declare(request, stories_of(LaureateProject, project.pk))
    stories = story_cards(StoryPage.objects.filter(project=project))
    context = {
        "project": project,
        "ambassadors": project.ambassadors.filter(public_profile=True),
        "stories": paginated_stories(request, stories, f"project:{project.pk}"),
    }
    return render(request, "stories/laureate_project.html", context)


@public_page()
def ambassador_list(request):
    """List the ambassadors who opted in for a public portrait."""
    declare(request, AMBASSADORS)
    ambassadors = Ambassador.objects.filter(public_profile=True).select_related("photo")
    return render(request, "stories/ambassador_list.html", {"ambassadors": ambassadors})


@public_page(params=[("page", "page")])
def ambassador_detail(request, slug):
    """Show an ambassador's portrait; only for those who opted in."""
    ambassador = get_object_or_404(
        Ambassador.objects.select_related("photo", "account"), slug=slug, public_profile=True
    )
    depends_on(request, ambassador)
    declare(request, stories_of(Ambassador, ambassador.pk))
    stories = story_cards(StoryPage.objects.filter(ambassadors=ambassador))
    context = {
        "ambassador": ambassador,
        "projects": ambassador.projects.select_related("commune"),
        "stories": paginated_stories(request, stories, f"ambassador:{ambassador.pk}"),
    }
    return render(request, "stories/ambassador.html", context)

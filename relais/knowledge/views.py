"""Public pages of the know-how: a card, the cards with filters, and a guide per stage.

Each costs a fixed number of queries whatever the number of cards: lists read ids in the
order of citations, tiles come from the page store (`cards.tiles`), counts and menus from
the content cache.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render

from relais.core.content_cache import cached_for_content
from relais.core.page_cache import declare, depends_on, public_page
from relais.core.site_tree import children_of, root_page
from relais.core.text import sorted_by_name
from relais.journey.lookups import all_stages, in_order, stage_by_slug
from relais.journey.models import Stage
from relais.stories.cache_rules import stories_of
from relais.stories.cards import first_cards, story_cards, story_count
from relais.stories.models import StoryIndexPage, StoryPage
from relais.stories.views import upcoming_dates

from .cache_rules import CARDS, cards_of_stage
from .cards import MOST_CITED_FIRST, card_types, count_by_type, tiles, top_cards_by_type
from .forms import CardFilterForm
from .models import CardRedirect, KnowledgeCard
from .sources import public_sources

CARDS_PER_PAGE = 24
GUIDE_CARDS_PER_TYPE = 6
GUIDE_STORIES = 6
GUIDE_LISTENING = 4


@public_page(params=[("etape", "slug"), ("type", "slug"), ("theme", "slug"), ("page", "page")])
def card_list(request):
    """List the public cards, most cited first, filtered by stage, type and theme."""
    declare(request, CARDS)
    form = CardFilterForm(request.GET or None)
    cards = form.filter(KnowledgeCard.objects.public())
    count = count_by_type(f"list:{form.cache_key()}", cards)
    paginator = Paginator(
        cards.order_by(*MOST_CITED_FIRST).values_list("pk", flat=True), CARDS_PER_PAGE
    )
    paginator.__dict__["count"] = sum(count.values())  # counted once per content change
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = tiles(list(page.object_list))
    context = {"filter_form": form, "cards": page, "active_filters": form.active_filters()}
    return render(request, "knowledge/card_list.html", context)


@public_page()
def card_detail(request, slug):
    """Show a card with the words of those who say it; a merged card's address redirects."""
    card = (
        KnowledgeCard.objects.public()
        .select_related("card_type", "territory")
        .filter(slug=slug)
        .first()
    )
    if card is None:
        moved = CardRedirect.objects.filter(old_slug=slug).select_related("card").first()
        if moved is None or not moved.card.is_public:
            raise Http404
        return redirect(moved.card, permanent=True)
    depends_on(request, card)
    context = {
        "card": card,
        "stages": in_order(all_stages(), card.stages.values_list("pk", flat=True)),
        "themes": sorted_by_name(card.themes.all()),
        "sources": public_sources(card),
    }
    return render(request, "knowledge/card.html", context)


@public_page()
def stage_guide(request, slug):
    """The guide of a stage: what happens and when, the ambassadors' cards, stories to hear.

    What a newcomer prints before a comptoir: the print stylesheet gives a clean A4.
    """
    stage = stage_by_slug(slug)
    if stage is None:
        raise Http404
    declare(request, stories_of(Stage, stage.pk), cards_of_stage(stage.pk))
    place = stage.place(s for s in all_stages().values() if s.programme_id == stage.programme_id)
    cards = KnowledgeCard.objects.public().filter(stages=stage)
    counts = count_by_type(f"stage:{stage.pk}", cards)
    top = (  # ranked once per content change: the ranking reads every card of the stage
        cached_for_content(
            f"guide-cards:{stage.pk}", lambda: top_cards_by_type(cards, GUIDE_CARDS_PER_TYPE)
        )
        if counts
        else {}
    )
    shown = tiles([pk for ids in top.values() for pk in ids], in_guide=True)
    stories = story_cards(StoryPage.objects.filter(stages=stage))
    count = story_count(f"stage:{stage.pk}", stories)
    heard = stories.filter(has_audio=True)
    context = {
        "stage": stage,
        "position": place.number,
        "stage_count": place.count,
        "previous_stage": place.previous,
        "next_stage": place.next,
        "stage_dates": [d for d in upcoming_dates(request, stage) if d.stage_id == stage.pk],
        "card_groups": _groups(shown, counts),
        "card_count": sum(counts.values()),
        "stories": first_cards(stories, count, GUIDE_STORIES, f"stage:{stage.pk}"),
        "story_count": count,
        "listing": _story_listing(request),
        "listening": first_cards(
            heard,
            story_count(f"stage-audio:{stage.pk}", heard),
            GUIDE_LISTENING,
            f"stage-audio:{stage.pk}",
        ),
    }
    return render(request, "knowledge/stage_guide.html", context)


def _story_listing(request):
    """Return the site's list of stories (the guide links to its stage's filter), or None."""
    root = root_page(request)
    children = children_of(root) if root is not None else []
    return next((page for page in children if isinstance(page, StoryIndexPage) and page.live), None)


def _groups(shown, counts):
    """Group tiles by card type, in the editors' order of types, with each type's total."""
    groups = []
    for type_id, kind in card_types().items():
        members = [tile for tile in shown if tile.type_id == type_id]
        if members:
            groups.append({"type": kind, "tiles": members, "total": counts.get(type_id, 0)})
    return groups

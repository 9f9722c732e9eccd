"""Editors' screens: a card from a passage of a testimony or a story, and merging two cards."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder

from relais.collect.admin_views import reviewable
from relais.collect.models import Answer
from relais.stories.models import StoryPage

from . import passages
from .admin_forms import AddToCardForm, CardFromPassageForm, MergeForm, PassageForm
from .models import CARD_BODY_MAX_LENGTH, KnowledgeCard
from .services import add_source, merge_cards

# Answers are read on the testimony review screen: only its readers may quote them.
may_quote_answers = permission_required(
    ["knowledge.add_knowledgecard", "collect.change_testimony"], raise_exception=True
)
may_quote_stories = permission_required("knowledge.add_knowledgecard", raise_exception=True)
may_merge = permission_required(
    ["knowledge.change_knowledgecard", "knowledge.delete_knowledgecard"], raise_exception=True
)


@dataclass
class Source:
    """What a passage is taken from, as the passage screen shows and stores it."""

    text: str
    heading: str
    back_url: str
    back_label: str
    source: dict  # keyword arguments of services.add_source: story= or answer=
    stages: list = field(default_factory=list)
    themes: list = field(default_factory=list)


def text_allowed(testimony):
    """Whether a testimony's words may be quoted: its owner agreed to publish its text."""
    return testimony.consent_text_scope


def quotable_answers():
    return Answer.objects.filter(testimony__in=reviewable()).exclude(text="")


def edit_url(user, card):
    return AdminURLFinder(user).get_edit_url(card)


@may_quote_answers
def passage_from_answer(request, pk):
    answer = get_object_or_404(
        quotable_answers().select_related("testimony", "question__stage"), pk=pk
    )
    back_url = reverse("collect_admin:review", args=[answer.testimony_id])
    if not text_allowed(answer.testimony):
        messages.error(
            request,
            _(
                "This answer cannot be quoted on a card: the ambassador did not agree to "
                "publish the text of the testimony."
            ),
        )
        return redirect(back_url)
    source = Source(
        text=passages.answer_text(answer),
        heading=f"{answer.testimony.title} – {answer.question.text}",
        back_url=back_url,
        back_label=_("Back to the testimony"),
        source={"answer": answer},
        stages=[answer.question.stage],
    )
    return passage_screen(request, source)


@may_quote_stories
def passage_from_story(request, pk):
    story = get_object_or_404(StoryPage, pk=pk)
    source = Source(
        text=passages.story_text(story),
        heading=story.title,
        back_url=reverse("wagtailadmin_pages:edit", args=[story.pk]),
        back_label=_("Back to the story"),
        source={"story": story},
        stages=list(story.stages.all()),
        themes=list(story.themes.all()),
    )
    return passage_screen(request, source)


def passage_screen(request, source):
    """Step one picks the passage (GET), step two makes the card or adds the source (POST)."""
    passage_form = PassageForm(source.text, request.GET or None)
    card_form = add_form = None
    passage = None
    if request.method == "POST":
        passage_form = PassageForm(source.text)
        passage = passages.normalize(request.POST.get("quote", ""))
        if "existing-card" in request.POST:
            add_form = AddToCardForm(source.text, request.POST)
            if add_form.is_valid():
                return add_passage(request, source, add_form)
        else:
            card_form = CardFromPassageForm(source.text, request.POST)
            if card_form.is_valid():
                return create_card(request, source, card_form)
    elif passage_form.is_bound and passage_form.is_valid():
        passage = passage_form.cleaned_data["passage"]
    if passage:
        card_form = card_form or CardFromPassageForm(source.text, initial=initial(source, passage))
        add_form = add_form or AddToCardForm(source.text, initial={"quote": passage})
    if not request.user.has_perm("knowledge.change_knowledgecard"):
        add_form = None
    context = {
        "source": source,
        "passage_form": passage_form,
        "passage": passage,
        "card_form": card_form,
        "add_form": add_form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "knowledge/admin/passage.html", context, status=status)


def initial(source, passage):
    """What the card form starts with: the passage as text, the source's stages and themes."""
    return {
        "quote": passage,
        "body": passage[:CARD_BODY_MAX_LENGTH],
        "stages": source.stages,
        "themes": source.themes,
        "live": True,
    }


def create_card(request, source, form):
    with transaction.atomic():
        card = form.save()
        add_source(card, quote=form.cleaned_data["quote"], **source.source)
    messages.success(
        request, _("Card “%(title)s” created from the passage.") % {"title": card.title}
    )
    return redirect(edit_url(request.user, card))


def add_passage(request, source, form):
    card = form.cleaned_data["card"]
    add_source(card, quote=form.cleaned_data["quote"], **source.source)
    messages.success(
        request, _("The passage is now a source of the card “%(title)s”.") % {"title": card.title}
    )
    return redirect(edit_url(request.user, card))


@may_merge
def merge(request, pk):
    """Choose the card to keep (GET), see what will happen, then merge (POST)."""
    merged = get_object_or_404(KnowledgeCard, pk=pk)
    form = MergeForm(merged, request.POST if request.method == "POST" else request.GET or None)
    if form.is_bound and form.is_valid():
        kept = form.cleaned_data["kept"]
        if request.method == "POST":
            title = merged.title
            merge_cards(kept, merged)
            messages.success(
                request,
                _("“%(merged)s” was merged into “%(kept)s”.") % {"merged": title, "kept": kept},
            )
            return redirect(edit_url(request.user, kept))
        context = {"merged": merged, "kept": kept, "form": form}
        return render(request, "knowledge/admin/merge_confirm.html", context)
    context = {"merged": merged, "form": form, "cancel_url": edit_url(request.user, merged)}
    return render(request, "knowledge/admin/merge.html", context)

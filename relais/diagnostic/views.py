"""The diagnostic's public pages: the questions, the result, and a path kept by link.

Nothing is stored unless the person asks: the result's address carries the answers. A kept
path is the answers alone under an unguessable token; whoever has the link may delete it.
"""

import secrets
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from relais.core.page_cache import declare, use_query
from relais.core.public_forms import within_limit
from relais.core.site_tree import root_page
from relais.knowledge.cache_rules import CARDS
from relais.stories.cache_rules import AMBASSADORS, STORIES

from . import matching
from .cache_rules import DIAGNOSTIC
from .forms import DiagnosticForm, KeepPathForm
from .models import KeptPath
from .questions import all_questions
from .scoring import chosen_answers, profile

TOKEN_BYTES = 24  # 32 characters in the address: not guessable
# Kept paths per address: a person keeps one or two; more in an hour is a robot or a flood.
KEEP_LIMIT, KEEP_WINDOW_SECONDS = 10, 3600


def _questions(request):
    """Return the questions; the page cache keys the page on their answers only."""
    questions = all_questions()
    use_query(request, [(question.slug, "slug") for question in questions])
    declare(request, DIAGNOSTIC)
    return questions


def questions(request):
    """All the questions on one page (answers in the address are checked); a script shows
    them one per screen."""
    form = DiagnosticForm(_questions(request), initial=request.GET.dict())
    return render(request, "diagnostic/questions.html", {"form": form})


def result(request):
    """The personal path for the answers in the address; missing ones: the questions again,
    with what is missing said in French (status 200: a GET form, like the other results)."""
    questions = _questions(request)
    if not request.GET:  # sent with no answer at all (no script): the questions, one message
        form = DiagnosticForm(questions)
        return render(request, "diagnostic/questions.html", {"form": form, "nothing": True})
    form = DiagnosticForm(questions, request.GET)
    if not form.is_valid():
        return render(request, "diagnostic/questions.html", {"form": form})
    # A cached path goes stale when any story, card or ambassador changes: one may now fit.
    declare(request, STORIES, CARDS, AMBASSADORS)
    context = path_context(request, questions, form.cleaned_data)
    context["keep_url"] = reverse("diagnostic:keep") + "?" + urlencode(form.cleaned_data)
    return render(request, "diagnostic/result.html", context)


def path_context(request, questions, values):
    """Return what the result page shows for `values` ({question slug: answer name})."""
    chosen = chosen_answers(questions, values)
    person = profile(questions, chosen)
    programme = getattr(root_page(request), "programme", None)  # loaded with the home page
    comptoir, comptoir_near = matching.nearest_comptoir(person, programme)
    query = urlencode({slug: answer.value for slug, answer in chosen.items()})
    stories, other_stories = matching.stories(person)
    cards, other_cards = matching.cards(person)
    return {
        "profile": person,
        "change_url": reverse("diagnostic:questions") + "?" + query,
        "answers": [(q, chosen[q.slug]) for q in questions if q.slug in chosen],
        "programme": programme,
        "next_stages": matching.next_stages(person, programme),
        "comptoir": comptoir,
        "comptoir_near": comptoir_near,
        # None near the person (or "elsewhere"): all the sessions, so they can pick one.
        "comptoirs": [] if comptoir_near else matching.comptoir_sessions(programme),
        "stories": stories,
        "other_stories": other_stories,
        "cards": cards,
        "other_cards": other_cards,
        "ambassadors": matching.ambassadors(person),
    }


@never_cache
def keep(request):
    """Offer to keep the path under a link (GET), and keep it (POST): no name, no address."""
    questions = all_questions()
    data = request.POST if request.method == "POST" else request.GET
    form = KeepPathForm(questions, data)
    if not form.is_valid():
        if request.method == "POST" and form.is_trapped():
            return redirect("diagnostic:questions")
        form = DiagnosticForm(questions, data)
        return render(request, "diagnostic/questions.html", {"form": form})
    answers = {slug: value for slug, value in form.cleaned_data.items() if slug != "website"}
    result_url = reverse("diagnostic:result") + "?" + urlencode(answers)
    context = {"form": form, "answers": answers, "result_url": result_url}
    if request.method != "POST":
        return render(request, "diagnostic/keep.html", context)
    if form.is_trapped():  # a robot: treated as sent, nothing kept
        return redirect(result_url)
    if not within_limit(request, "diagnostic-keep", KEEP_LIMIT, KEEP_WINDOW_SECONDS):
        context["refused"] = _(
            "You kept many paths in a short time. Wait a few minutes and try again."
        )
        return render(request, "diagnostic/keep.html", context, status=429)
    kept = KeptPath.objects.create(token=secrets.token_urlsafe(TOKEN_BYTES), answers=answers)
    return redirect("diagnostic:kept", token=kept.token)


@never_cache
def kept(request, token):
    """A kept path: the result for the stored answers, with a way to delete it."""
    return _kept_page(request, get_object_or_404(KeptPath, token=token))


def _kept_page(request, path, delete_error="", status=200):
    context = path_context(request, all_questions(), path.answers)
    context.update({"kept": path, "result_url": "", "delete_error": delete_error})
    response = render(request, "diagnostic/result.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_POST
def delete_kept(request, token):
    """Delete a kept path for good once the box saying so is ticked (no script needed);
    its link then answers "not found". Unticked: the path again, with a French error."""
    path = get_object_or_404(KeptPath, token=token)
    if request.POST.get("confirm") != "yes":
        error = _("Tick the box to confirm that you want to delete your path.")
        return _kept_page(request, path, delete_error=error, status=400)
    path.delete()
    return render(request, "diagnostic/deleted.html")

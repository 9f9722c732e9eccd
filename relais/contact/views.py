"""Ask an ambassador for advice: the form on their portrait's own page, then a confirmation.

Only ambassadors with a public portrait who accept questions, and have an address to receive
them, have these pages; for anybody else they answer 404, as a portrait that does not exist.
The ambassador's address never reaches a template: it is read in the service only.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from relais.core.page_cache import depends_on, public_page
from relais.core.public_forms import within_limit, within_target_limit
from relais.journey.models import Ambassador

from .forms import QuestionForm
from .services import RelayFailed, relay_question

FORM_TEMPLATE = "contact/question_form.html"
QUESTION_FIELDS = ("first_name", "email", "message")
HOUR, DAY = 3600, 86400


def ambassador_taking_questions(slug):
    """Return the ambassador whose portrait offers the form, or raise Http404."""
    ambassador = get_object_or_404(
        Ambassador.objects.select_related("account"),
        slug=slug,
        public_profile=True,
        accepts_questions=True,
    )
    if not ambassador.question_address:
        raise Http404
    return ambassador


def burst_refusal(request, ambassador):
    """Return why a post is refused as one of too many, or "" when it may be sent."""
    per_address = settings.RELAIS_QUESTIONS_PER_ADDRESS_PER_HOUR
    if not within_limit(request, "ambassador-question", per_address, HOUR):
        return _(
            "You have sent too many messages in a short time (%(limit)d an hour at most): "
            "try again in an hour. Your text is kept below."
        ) % {"limit": per_address}
    per_ambassador = settings.RELAIS_QUESTIONS_PER_AMBASSADOR_PER_DAY
    if not within_target_limit("ambassador-question", per_ambassador, DAY, ambassador.pk):
        return _(
            "%(name)s has received many questions today: try again tomorrow. "
            "Your text is kept below."
        ) % {"name": ambassador.display_name}
    return ""


@never_cache
def ask(request, slug):
    """Show the form; relay a valid question and redirect to the confirmation."""
    ambassador = ambassador_taking_questions(slug)
    data = request.POST if request.method == "POST" else None
    form = QuestionForm(data, ambassador=ambassador)
    context = {"ambassador": ambassador, "form": form}
    if data is None:
        return render(request, FORM_TEMPLATE, context)
    if form.is_trapped():  # a robot: it is told the question left, and nothing is sent
        return redirect("contact:sent", slug=ambassador.slug)
    if not form.is_valid():
        return render(request, FORM_TEMPLATE, context)
    refusal = burst_refusal(request, ambassador)
    if refusal:
        form.add_error(None, refusal)
        return render(request, FORM_TEMPLATE, context, status=429)
    try:
        relay_question(ambassador, **{k: form.cleaned_data[k] for k in QUESTION_FIELDS})
    except RelayFailed:
        context["send_failed"] = True
        return render(request, FORM_TEMPLATE, context, status=503)
    return redirect("contact:sent", slug=ambassador.slug)


@public_page()
def sent(request, slug):
    """Confirm that the question left; the same page for everybody, so it may be cached."""
    ambassador = ambassador_taking_questions(slug)
    depends_on(request, ambassador)
    return render(request, "contact/question_sent.html", {"ambassador": ambassador})

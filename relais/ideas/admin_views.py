"""The editors' screen of one idea: answer and publish it in the FAQ, answer it privately,
turn it into a draft card, or discard it."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder

from relais.knowledge.models import CardType

from . import services
from .admin_forms import CardFromIdeaForm, FaqFromIdeaForm, PrivateAnswerForm
from .choices import IdeaKind
from .models import Idea

may_moderate = permission_required("ideas.change_idea", raise_exception=True)
TIP_CARD_TYPE = "astuce"


def default_card_type(idea):
    """A tip becomes an "astuce" card when that type exists; anything else, the first type."""
    types = CardType.objects.all()
    if idea.kind == IdeaKind.TIP:
        return types.filter(slug=TIP_CARD_TYPE).first() or types.first()
    return types.first()


def allowed_actions(user, idea):
    """Return the actions this editor may take on this idea."""
    actions = {"discard"}
    if idea.consent_to_publish and user.has_perm("ideas.add_faqentry"):
        actions.add("faq")
    if idea.consent_to_publish and user.has_perm("knowledge.add_knowledgecard"):
        actions.add("card")
    if idea.email:
        actions.add("private")
    return actions


def blank_forms(idea):
    return {
        "faq": FaqFromIdeaForm(instance=services.new_faq_entry(idea)),
        "private": PrivateAnswerForm(),
        "card": CardFromIdeaForm(
            initial={
                "title": services.shortened(idea.text, services.CARD_TITLE_MAX_LENGTH),
                "card_type": default_card_type(idea),
            }
        ),
    }


@may_moderate
def moderate(request, pk):
    idea = get_object_or_404(Idea, pk=pk)
    actions = allowed_actions(request.user, idea)
    forms = blank_forms(idea)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in actions:
            messages.error(request, _("This action is not possible on this idea."))
            return redirect("ideas_admin:moderate", idea.pk)
        done = ACTIONS[action](request, idea, forms)
        if done is not None:
            return done
        status = 400
    context = {"idea": idea, "actions": actions, "forms": forms, "list_url": list_url()}
    return render(request, "ideas/admin/moderate.html", context, status=status)


def list_url():
    return reverse("ideas_idea:index")


def publish(request, idea, forms):
    form = forms["faq"] = FaqFromIdeaForm(request.POST, instance=services.new_faq_entry(idea))
    if not form.is_valid():
        return None
    entry = form.save(commit=False)
    services.publish_as_faq(idea, entry, request.build_absolute_uri)
    messages.success(request, _("The question is published in the FAQ."))
    return redirect(list_url())


def answer(request, idea, forms):
    form = forms["private"] = PrivateAnswerForm(request.POST)
    if not form.is_valid():
        return None
    services.answer_privately(idea, form.cleaned_data["answer"])
    messages.success(request, _("Your answer was sent by email."))
    return redirect(list_url())


def make_card(request, idea, forms):
    form = forms["card"] = CardFromIdeaForm(request.POST)
    if not form.is_valid():
        return None
    data = form.cleaned_data
    card = services.make_card(idea, data["card_type"], data["stages"], data["title"])
    messages.success(
        request,
        _("Draft card created: rewrite it and add a source before publishing it."),
    )
    return redirect(AdminURLFinder(request.user).get_edit_url(card))


def discard(request, idea, forms):
    services.discard(idea)
    messages.success(request, _("The idea was discarded."))
    return redirect(list_url())


ACTIONS = {"faq": publish, "private": answer, "card": make_card, "discard": discard}

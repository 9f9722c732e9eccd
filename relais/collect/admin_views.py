"""Editors' side, inside the Wagtail admin: invite, review, return, turn into a story."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets.button import Button, HeaderButton

from relais.media.private import private_file_response

from . import accounts, publishing, workflow
from .choices import MediaStatus, TestimonyStatus
from .forms import ReturnForm
from .models import Testimony

# Which file of a recording each player source or download reads.
AUDIO_VARIANTS = {
    "original": ("original", "application/octet-stream"),
    "ogg": ("web_ogg", "audio/ogg"),
    "mp3": ("web_mp3", "audio/mpeg"),
}


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Ambassador's email address"))
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)


# Wagtail already sends people without admin access to its sign-in; inside the admin,
# someone who may not review testimonies is refused (403), not sent to sign in again.
editor_required = permission_required("collect.change_testimony", raise_exception=True)


def reviewable():
    """Return the testimonies editors may see: drafts stay private to their owner."""
    return Testimony.objects.exclude(status=TestimonyStatus.DRAFT)


def ambassador_name(testimony):
    """Return how editors name an ambassador: the public name, else the account's full name."""
    return (
        testimony.public_name
        or testimony.owner.get_full_name()
        or _("Ambassador without a name yet")
    )


def actor_name(change, testimony):
    """Return who made a status change, without showing anyone's email address."""
    if change.actor_id is None:
        return "—"
    if change.actor_id == testimony.owner_id:
        return ambassador_name(testimony)
    return change.actor.get_full_name() or change.actor.get_username()


def consent_scope(testimony):
    """Return what the owner agreed to publish as a French list: "texte, photos et voix"."""
    scopes = [
        (testimony.consent_text_scope, _("text")),
        (testimony.consent_image_scope, _("photos")),
        (testimony.consent_voice_scope, _("voice")),
    ]
    return get_text_list([label for agreed, label in scopes if agreed], _("and"))


def review_url(testimony):
    return reverse("collect_admin:review", args=[testimony.pk])


class TestimonyIndexView(IndexView):
    """The editors' list: sent testimonies only, each leading to its review screen."""

    def get_base_queryset(self):
        return reviewable().select_related("owner")

    def get_edit_url(self, instance):
        """A testimony is acted upon on its review screen, never in a generic form."""
        return review_url(instance)

    def get_list_more_buttons(self, instance):
        review = MenuItem(_("Review"), url=review_url(instance), icon_name="view", priority=10)
        inspect = MenuItem(
            _("Inspect"), url=self.get_inspect_url(instance), icon_name="info-circle", priority=20
        )
        return [review, inspect]

    @cached_property
    def header_buttons(self):
        invite_url = reverse("collect_admin:invite")
        return [HeaderButton(_("Invite an ambassador"), url=invite_url, icon_name="mail")]


class TestimonyInspectView(InspectView):
    """A summary of a sent testimony, naming its ambassador without an email address."""

    # Labels of fields that have no French verbose name on the model (no migration for that).
    labels = {
        "ambassador": gettext_lazy("Ambassador"),
        "consent": gettext_lazy("Consent version"),
        "consented_at": gettext_lazy("Consent given on"),
        "consent_scope": gettext_lazy("May be published"),
        "created_at": gettext_lazy("Started on"),
        "updated_at": gettext_lazy("Last change"),
    }

    def get_object(self, queryset=None):
        return get_object_or_404(reviewable().select_related("owner"), pk=unquote(str(self.pk)))

    def get_field_label(self, field_name, field):
        if field_name in self.labels:
            return self.labels[field_name]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None else value

    def get_ambassador_display_value(self):
        return ambassador_name(self.object)

    def get_consent_scope_display_value(self):
        return consent_scope(self.object) or "—"

    @cached_property
    def header_more_buttons(self):
        return [Button(_("Review"), url=review_url(self.object), icon_name="view")]


def answer_actions(answer, user):
    """Return what other apps offer to do with an answer (components, in hook order).

    Apps above this one (knowledge cards) register a `relais_testimony_answer_actions` hook
    taking (answer, user) and returning components: this app never imports them.
    """
    return [
        component
        for hook in hooks.get_hooks("relais_testimony_answer_actions")
        for component in hook(answer, user)
    ]


@editor_required
def testimony_review(request, pk):
    testimony = get_object_or_404(reviewable().select_related("owner"), pk=pk)
    history = list(testimony.history.select_related("actor"))
    for change in history:
        change.actor_name = actor_name(change, testimony)
    answers = list(testimony.answers.exclude(text="").select_related("question__stage"))
    for answer in answers:
        answer.testimony = testimony  # read by the hooks, without a query each
        answer.actions = answer_actions(answer, request.user)
    context = {
        "testimony": testimony,
        "ambassador_name": ambassador_name(testimony),
        "consent_scope": consent_scope(testimony),
        "answers": answers,
        "photos": testimony.photos.all(),
        "recordings": testimony.recordings.all(),
        "ready": MediaStatus.READY,
        "history": history,
        "actions": workflow.editor_actions(testimony),
        "return_form": ReturnForm(),
    }
    return render(request, "collect/admin/testimony_review.html", context)


@editor_required
def testimony_photo(request, pk, photo_id):
    """Serve a photo of a testimony under review, for the preview and the download."""
    testimony = get_object_or_404(reviewable(), pk=pk)
    photo = get_object_or_404(testimony.photos, public_id=photo_id)
    return private_file_response(photo.file, photo.content_type, photo.display_name)


@editor_required
def testimony_audio(request, pk, recording_id, variant):
    """Serve a recording of a testimony under review: the player's sources or the original."""
    testimony = get_object_or_404(reviewable(), pk=pk)
    recording = get_object_or_404(testimony.recordings, public_id=recording_id)
    field, content_type = AUDIO_VARIANTS.get(variant, (None, None))
    stored = getattr(recording, field) if field else None
    if not stored:
        raise Http404
    return private_file_response(stored, content_type, recording.display_name)


@editor_required
@require_POST
def testimony_action(request, pk, action):
    testimony = get_object_or_404(reviewable(), pk=pk)
    if action not in workflow.editor_actions(testimony):
        raise PermissionDenied
    if action == "review":
        workflow.change_status(testimony, TestimonyStatus.IN_REVIEW, request.user)
    elif action == "return":
        form = ReturnForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Write a comment for the ambassador."))
            return redirect("collect_admin:review", pk=pk)
        workflow.change_status(
            testimony, TestimonyStatus.RETURNED, request.user, form.cleaned_data["comment"]
        )
    elif action == "story":
        if testimony.status != TestimonyStatus.IN_REVIEW:  # a story is drafted under review
            workflow.change_status(testimony, TestimonyStatus.IN_REVIEW, request.user)
        story = publishing.create_story_draft(testimony, request.user)
        messages.success(request, _("A draft story was created: edit it, then publish it."))
        return redirect("wagtailadmin_pages:edit", story.pk)
    messages.success(request, _("Done."))
    return redirect("collect_admin:review", pk=pk)


@editor_required
def invite(request):
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.invite_ambassador(form.cleaned_data["email"], form.cleaned_data["first_name"])
        messages.success(request, _("The invitation was sent."))
        return redirect("testimonies:index")
    return render(request, "collect/admin/invite.html", {"form": form})

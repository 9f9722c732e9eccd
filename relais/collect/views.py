"""Contributor space: an ambassador tells, illustrates, consents, submits or withdraws."""

from sesame.views import LoginView as SesameLoginView

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import (
    LoginView,
    PasswordChangeView,
    PasswordResetCompleteView,
    PasswordResetConfirmView,
    PasswordResetDoneView,
    PasswordResetView,
)
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from relais.journey.models import Stage
from relais.media.private import (
    private_file_response,
    private_ranged_response,
    private_stored_response,
)
from relais.media.uploads import MediaRejected

from . import accounts, erasure, services
from .choices import TestimonyStatus
from .forms import (
    STALE_CONSENT,
    AudioForm,
    ConsentForm,
    ContributorPasswordChangeForm,
    ContributorSetPasswordForm,
    PasswordResetRequestForm,
    PasswordSignInForm,
    PhotoForm,
    RequestLinkForm,
    StageAnswersForm,
    TestimonyForm,
    TranscriptForm,
)
from .models import ConsentText, InterviewQuestion, Testimony, TestimonyAudio, TestimonyPhoto

CONFLICT_MESSAGE = gettext_lazy(
    "This testimony was changed in another window since you opened this page. "
    "Your text is kept below: copy it, then reload the page."
)


def contributor_required(view):
    """Signed-in users only, sent to the contributor sign-in; everything is private: never cache."""
    return never_cache(login_required(view, login_url=reverse_lazy("collect:login")))


def own_testimony(request, pk, editable=False):
    """Return the user's own testimony; someone else's does not exist for them (404)."""
    testimony = get_object_or_404(Testimony, pk=pk, owner=request.user)
    if editable and not testimony.editable_by_owner:
        raise PermissionDenied
    return testimony


def stages_with_questions():
    return list(Stage.objects.filter(questions__isnull=False).distinct().order_by("sort_order"))


@never_cache
def request_link(request):
    form = RequestLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = (
            get_user_model()
            .objects.filter(email__iexact=form.cleaned_data["email"], is_active=True)
            .first()
        )
        if user is not None and accounts.may_send_link(user.email):
            accounts.send_login_link(user)
        context = {
            "email": form.cleaned_data["email"],
            "emails_per_hour": accounts.MAX_LINKS_PER_HOUR,
        }
        return render(request, "collect/link_sent.html", context)
    return render(request, "collect/login.html", {"form": form})


class PasswordLogin(LoginView):
    form_class = PasswordSignInForm
    template_name = "collect/password_login.html"

    def get_default_redirect_url(self):
        return reverse("collect:dashboard")


class PasswordChange(PasswordChangeView):
    """Choose a first password (invited by link, none yet), or change it (old one asked)."""

    template_name = "collect/password_change.html"
    success_url = reverse_lazy("collect:dashboard")

    def get_form_class(self):
        if self.request.user.has_usable_password():
            return ContributorPasswordChangeForm
        return ContributorSetPasswordForm

    def form_valid(self, form):
        messages.success(
            self.request,
            _("Your password is saved: you can now also sign in with it."),
        )
        return super().form_valid(form)


class PasswordReset(PasswordResetView):
    """Email a link to choose a new password, through the configured email backend."""

    form_class = PasswordResetRequestForm
    template_name = "collect/password_reset.html"
    email_template_name = "collect/email/password_reset.txt"
    subject_template_name = "collect/email/password_reset_subject.txt"
    success_url = reverse_lazy("collect:password_reset_sent")

    @property
    def extra_email_context(self):
        """Build links on the site's configured address, like sign-in links."""
        return {"base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}


class PasswordResetSent(PasswordResetDoneView):
    template_name = "collect/password_reset_sent.html"

    def get_context_data(self, **kwargs):
        """Say the hourly limit the reset form shares with sign-in links."""
        return super().get_context_data(emails_per_hour=accounts.MAX_LINKS_PER_HOUR, **kwargs)


class PasswordResetConfirm(PasswordResetConfirmView):
    form_class = ContributorSetPasswordForm
    template_name = "collect/password_reset_confirm.html"
    success_url = reverse_lazy("collect:password_reset_complete")


class PasswordResetComplete(PasswordResetCompleteView):
    template_name = "collect/password_reset_complete.html"


class LinkLogin(SesameLoginView):
    """Sign in with a one-time link; an expired or used link gets a clear page."""

    def get_default_redirect_url(self):
        return reverse("collect:dashboard")

    def login_failed(self):
        return render(self.request, "collect/link_invalid.html", status=403)


@require_POST
def sign_out(request):
    logout(request)
    return redirect("collect:login")


@contributor_required
def dashboard(request):
    testimonies = Testimony.objects.filter(owner=request.user).select_related("story")
    return render(request, "collect/dashboard.html", {"testimonies": testimonies})


@contributor_required
def testimony_create(request):
    form = TestimonyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        testimony = form.save(commit=False)
        testimony.owner = request.user
        testimony.save()
        return redirect("collect:testimony", pk=testimony.pk)
    return render(request, "collect/testimony_form.html", {"form": form})


@contributor_required
def testimony_detail(request, pk):
    testimony = own_testimony(request, pk)
    stages = stages_with_questions()
    answered = set(testimony.answers.exclude(text="").values_list("question__stage_id", flat=True))
    missing, photos_without_alt = services.missing_before_submission(testimony)
    context = {
        "testimony": testimony,
        "stages": [(stage, stage.pk in answered) for stage in stages],
        "done_count": len(answered),
        "missing": missing,
        "photos_without_alt": photos_without_alt,
        "photo_form": PhotoForm(),
        "audio_form": AudioForm(),
        "recordings": [
            (recording, transcript_form(recording)) for recording in testimony.recordings.all()
        ],
    }
    return render(request, "collect/testimony_detail.html", context)


def transcript_form(recording, data=None):
    """Return the transcript form of one recording; the prefix keeps its ids unique."""
    return TranscriptForm(data, instance=recording, prefix=f"recording-{recording.pk}")


def _stage_context(testimony, stage, form):
    place = stage.place(stages_with_questions())
    return {
        "testimony": testimony,
        "stage": stage,
        "form": form,
        "position": place.number,
        "stage_count": place.count,
        "next_stage": place.next,
        "previous_stage": place.previous,
    }


def _locked_stage(request, testimony, stage, questions):
    """Show a sent or published testimony's answers as text, never as fields to type in.

    A form posted from a page opened before sending is refused (403), with what was typed
    shown back so that it can be copied.
    """
    saved = dict(testimony.answers.filter(question__in=questions).values_list("question", "text"))
    unsaved = []
    if request.method == "POST":
        for question in questions:
            typed = request.POST.get(StageAnswersForm.field_name(question), "")
            if typed.strip() and typed.replace("\r\n", "\n") != saved.get(question.pk, ""):
                unsaved.append((question, typed))
    context = {
        **_stage_context(testimony, stage, form=None),
        "answers": [(question, saved.get(question.pk, "")) for question in questions],
        "unsaved": unsaved,
    }
    status = 403 if request.method == "POST" else 200
    return render(request, "collect/stage_form.html", context, status=status)


@contributor_required
def testimony_stage(request, pk, slug):
    testimony = own_testimony(request, pk)
    stage = get_object_or_404(Stage, slug=slug)
    questions = InterviewQuestion.objects.filter(stage=stage)
    if not questions:
        raise Http404
    if not testimony.editable_by_owner:
        return _locked_stage(request, testimony, stage, questions)
    if request.method != "POST":
        initial = {"version": testimony.version}
        for answer in testimony.answers.filter(question__in=questions):
            initial[StageAnswersForm.field_name(answer.question)] = answer.text
        form = StageAnswersForm(initial=initial, questions=questions)
        return render(request, "collect/stage_form.html", _stage_context(testimony, stage, form))
    form = StageAnswersForm(request.POST, questions=questions)
    status = 200
    if form.is_valid():
        try:
            services.save_answers(testimony, form.answers(), form.cleaned_data["version"])
        except services.EditConflict:
            form.add_error(None, CONFLICT_MESSAGE)
            status = 409
        else:
            messages.success(request, _("Your answers are saved."))
            context = _stage_context(testimony, stage, form)
            target = context["next_stage"] if "next" in request.POST else None
            if target:
                return redirect("collect:stage", pk=testimony.pk, slug=target.slug)
            return redirect("collect:testimony", pk=testimony.pk)
    else:
        status = 400
    return render(
        request, "collect/stage_form.html", _stage_context(testimony, stage, form), status=status
    )


@contributor_required
@require_POST
def autosave(request, pk, slug):
    """Save a stage's answers in the background; 409 when another tab saved first, 403
    once the testimony was sent (the script says so instead of guessing from the status)."""
    testimony = own_testimony(request, pk)
    if not testimony.editable_by_owner:
        message = _(
            "Not saved: this testimony was sent to the editorial team and can no longer "
            "be changed here. Your text is kept in this page: copy it if you need it."
        )
        return JsonResponse({"saved": False, "locked": True, "message": message}, status=403)
    questions = InterviewQuestion.objects.filter(stage__slug=slug)
    form = StageAnswersForm(request.POST, questions=questions)
    if not form.is_valid():
        errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
        return JsonResponse({"saved": False, "errors": errors}, status=400)
    try:
        version = services.save_answers(testimony, form.answers(), form.cleaned_data["version"])
    except services.EditConflict:
        message = _("Changed in another window: your text is kept in this page but was not saved.")
        return JsonResponse({"saved": False, "conflict": True, "message": message}, status=409)
    return JsonResponse({"saved": True, "version": version})


def _media_upload(request, pk, form_class, store):
    testimony = own_testimony(request, pk, editable=True)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            store(testimony, form.cleaned_data)
        except MediaRejected as rejected:
            form.add_error("file", rejected.message)
    wants_json = request.headers.get("Accept") == "application/json"
    if form.errors:
        if wants_json:
            return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=400)
        return render(
            request, "collect/media_error.html", {"testimony": testimony, "form": form}, status=400
        )
    messages.success(request, _("Your file is saved."))
    if wants_json:
        return JsonResponse({"saved": True})
    return redirect("collect:testimony", pk=testimony.pk)


@contributor_required
@require_POST
def photo_upload(request, pk):
    def store(testimony, data):
        services.add_photo(testimony, data["file"], data["alt_text"])

    return _media_upload(request, pk, PhotoForm, store)


@contributor_required
@require_POST
def audio_upload(request, pk):
    def store(testimony, data):
        services.add_recording(testimony, data["file"], data["transcript"])

    return _media_upload(request, pk, AudioForm, store)


@contributor_required
def photo_alt(request, pk, photo_id):
    photo = get_object_or_404(
        TestimonyPhoto, public_id=photo_id, testimony__owner=request.user, testimony_id=pk
    )
    if request.method == "POST" and photo.testimony.editable_by_owner:
        photo.alt_text = request.POST.get("alt_text", "")[:250]
        photo.save(update_fields=["alt_text"])
    return redirect("collect:testimony", pk=pk)


def own_media(request, model, pk, public_id):
    """Return a photo or recording of the user's editable testimony (404 if not theirs)."""
    media = get_object_or_404(
        model, public_id=public_id, testimony_id=pk, testimony__owner=request.user
    )
    if not media.testimony.editable_by_owner:
        raise PermissionDenied
    return media


def confirm_media_delete(request, media, kind, delete, done_message):
    """Ask before deleting one photo or recording; the confirmed POST erases its files."""
    if request.method == "POST":
        delete(media)
        messages.success(request, done_message)
        return redirect("collect:testimony", pk=media.testimony_id)
    context = {"testimony": media.testimony, kind: media, "kind": kind}
    return render(request, "collect/media_delete.html", context)


@contributor_required
def photo_delete(request, pk, photo_id):
    photo = own_media(request, TestimonyPhoto, pk, photo_id)
    return confirm_media_delete(
        request, photo, "photo", services.delete_photo, _("The photo is deleted.")
    )


@contributor_required
def recording_delete(request, pk, recording_id):
    recording = own_media(request, TestimonyAudio, pk, recording_id)
    return confirm_media_delete(
        request,
        recording,
        "recording",
        services.delete_recording,
        _("The recording is deleted."),
    )


@contributor_required
def recording_transcript(request, pk, recording_id):
    """Save the transcript of a recording; on error, show it again with the text typed."""
    recording = own_media(request, TestimonyAudio, pk, recording_id)
    form = transcript_form(recording, request.POST if request.method == "POST" else None)
    if form.is_valid():
        form.save()
        messages.success(request, _("The transcript is saved."))
        return redirect(reverse("collect:testimony", args=[pk]) + f"#recording-{recording.pk}")
    context = {"testimony": recording.testimony, "recording": recording, "form": form}
    status = 400 if form.errors else 200
    return render(request, "collect/transcript_form.html", context, status=status)


@contributor_required
def submit(request, pk):
    testimony = own_testimony(request, pk, editable=True)
    missing, photos_without_alt = services.missing_before_submission(testimony)
    consent = ConsentText.objects.order_by("-created_at").first()
    form = ConsentForm(
        request.POST or None, initial={"public_name": request.user.first_name}, current=consent
    )
    blocked = bool(missing or photos_without_alt or consent is None)
    if request.method == "POST" and not blocked and form.is_valid():
        services.submit(testimony, request.user, form.cleaned_data)
        messages.success(request, _("Thank you! Your testimony was sent to the editorial team."))
        return redirect("collect:testimony", pk=testimony.pk)
    stale = not blocked and form.is_stale()
    if stale:  # the newest text to accept, without the errors of a form sent for another one
        form = form.with_current_text()
    status = 409 if stale else 400 if form.errors else 200
    context = {
        "testimony": testimony,
        "form": form,
        "consent": consent,
        "stale_message": STALE_CONSENT if stale else "",
        "missing": missing,
        "photos_without_alt": photos_without_alt,
    }
    return render(request, "collect/submit.html", context, status=status)


@contributor_required
def withdraw(request, pk):
    testimony = own_testimony(request, pk)
    if request.method == "POST":
        erasure.withdraw(testimony)
        messages.success(request, _("Your testimony was withdrawn and its files deleted."))
        return redirect("collect:dashboard")
    return render(request, "collect/withdraw.html", {"testimony": testimony})


def _can_read(user, testimony):
    """The owner always; editors once the testimony was sent to them (never a draft), and
    only once they passed the admin's second factor (django-otp's `is_verified`)."""
    if testimony.owner_id == user.pk:
        return True
    return (
        testimony.status != TestimonyStatus.DRAFT
        and accounts.is_editor(user)
        and user.is_verified()
    )


@contributor_required
def photo_file(request, photo_id):
    photo = get_object_or_404(
        TestimonyPhoto.objects.select_related("testimony"), public_id=photo_id
    )
    if not _can_read(request.user, photo.testimony):
        raise Http404
    return private_file_response(photo.file, photo.content_type, photo.display_name)


@contributor_required
def photo_thumbnail(request, photo_id):
    """Serve a photo's small preview, written on first request for older uploads."""
    photo = get_object_or_404(
        TestimonyPhoto.objects.select_related("testimony"), public_id=photo_id
    )
    if not _can_read(request.user, photo.testimony) or not services.ensure_thumbnail(photo):
        raise Http404
    name = f"{photo.display_name or 'photo'}-vignette.jpg"
    return private_stored_response(photo.file.storage, photo.thumbnail_name, "image/jpeg", name)


AUDIO_VARIANTS = {
    "original": ("original", "application/octet-stream"),
    "ogg": ("web_ogg", "audio/ogg"),
    "mp3": ("web_mp3", "audio/mpeg"),
}


@contributor_required
def audio_file(request, recording_id, variant):
    recording = get_object_or_404(
        TestimonyAudio.objects.select_related("testimony"), public_id=recording_id
    )
    if variant not in AUDIO_VARIANTS or not _can_read(request.user, recording.testimony):
        raise Http404
    field, content_type = AUDIO_VARIANTS[variant]
    stored = getattr(recording, field)
    if not stored:
        raise Http404
    return private_ranged_response(request, stored, content_type, recording.display_name)


@contributor_required
def my_data(request):
    context = {"export_token": erasure.export_token(request.user)}
    return render(request, "collect/my_data.html", context)


@contributor_required
def export_data(request, token):
    if not erasure.export_token_is_valid(token, request.user):
        return render(request, "collect/export_expired.html", status=403)
    response = FileResponse(
        erasure.export_zip(request.user),  # closed by the response once sent
        as_attachment=True,
        filename="mes-donnees-relais.zip",
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@contributor_required
def delete_account(request):
    if request.method == "POST" and request.POST.get("confirm") == "oui":
        user = request.user
        logout(request)
        erasure.delete_account(user)
        return render(request, "collect/account_deleted.html")
    return render(request, "collect/delete_account.html")

"""Contributor forms: every field is bounded, labelled and explains its errors in French."""

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from relais.core.sign_in_lockout import LockoutMixin

from . import accounts
from .models import TEXT_MAX_LENGTH, ConsentText, Testimony, TestimonyAudio

TOO_LONG = _("This text is too long: %(limit_value)d characters at most (it has %(show_value)d).")


class RequestLinkForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)


class PasswordSignInForm(LockoutMixin, AuthenticationForm):
    """Django's sign-in form, locked after too many failures from the same address."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many failed attempts: wait 15 minutes or ask for a sign-in link."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Your email address")  # ambassadors' user name


class NewPasswordMixin:
    """Keep a new password's rules and its errors on the field where it is chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's help is an HTML list, which cannot sit in our help paragraph.
        self.fields["new_password1"].help_text = " ".join(password_validators_help_texts())

    def validate_password_for_user(self, user, *args, **kwargs):
        """Report a weak password under the new password, next to its rules.

        Django checks the confirmation field and reports there, so that a mismatch hides
        the rest; the person then has to fix the first field from an error on the second.
        """
        super().validate_password_for_user(user, "new_password1")


class ContributorSetPasswordForm(NewPasswordMixin, SetPasswordForm):
    pass


class ContributorPasswordChangeForm(NewPasswordMixin, PasswordChangeForm):
    pass


class PasswordResetRequestForm(PasswordResetForm):
    """Django's reset form, sharing the hourly limit of emails with sign-in links."""

    email = forms.EmailField(label=_("Your email address"), max_length=254)

    def get_users(self, email):
        return (user for user in super().get_users(email) if accounts.may_send_link(user.email))


class TestimonyForm(forms.ModelForm):
    class Meta:
        model = Testimony
        fields = ["title"]
        labels = {"title": _("Title of your testimony")}
        help_texts = {"title": _("For example: the name of your project and the year.")}


class StageAnswersForm(forms.Form):
    """One text area per question of a stage; `version` guards against silent overwrites."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.field_name(question)] = forms.CharField(
                label=question.text,
                help_text=question.help_text,
                required=False,
                max_length=TEXT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 6}),
                error_messages={"max_length": TOO_LONG},
            )
            self.fields[self.field_name(question)].required_to_submit = question.required

    @staticmethod
    def field_name(question):
        return f"question_{question.pk}"

    def answers(self):
        """Return {question: text} from the cleaned data."""
        return {q: self.cleaned_data.get(self.field_name(q), "") for q in self.questions}

    def missing_required(self):
        return [
            q
            for q in self.questions
            if q.required and not self.cleaned_data.get(self.field_name(q))
        ]


class PhotoForm(forms.Form):
    """A photo and its description; ids start with "photo_" since the audio form shares the page."""

    file = forms.FileField(label=_("Photo (JPEG, PNG or WebP, 15 MB at most)"))
    alt_text = forms.CharField(
        label=_("Describe the photo"),
        help_text=_("For people who cannot see it: who or what is in it, what happens."),
        max_length=250,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "photo_%s")
        super().__init__(*args, **kwargs)


class AudioForm(forms.Form):
    """A recording and its transcript; ids start with "audio_" (see PhotoForm)."""

    file = forms.FileField(label=_("Audio file (MP3, M4A, OGG, WAV or WebM, 30 minutes at most)"))
    transcript = forms.CharField(
        label=_("Transcript (optional)"),
        help_text=_("What you say in the recording; the team can complete it."),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "audio_%s")
        super().__init__(*args, **kwargs)


class TranscriptForm(forms.ModelForm):
    """The text of one recording, which its author may complete or correct."""

    class Meta:
        model = TestimonyAudio
        fields = ["transcript"]
        labels = {"transcript": _("Transcript")}
        help_texts = {"transcript": _("What you say in the recording; the team can complete it.")}
        widgets = {"transcript": forms.Textarea(attrs={"rows": 6})}
        error_messages = {"transcript": {"max_length": TOO_LONG}}


STALE_CONSENT = _(
    "A new version of the consent text was published while this page was open. Read it "
    "below, then tick the box again to send your testimony: your other choices are kept."
)


class ConsentForm(forms.Form):
    """Consent to the very version of the text shown: its id comes back with the form."""

    consent = forms.ModelChoiceField(
        queryset=ConsentText.objects.all(),
        widget=forms.HiddenInput,
        error_messages={"required": STALE_CONSENT, "invalid_choice": STALE_CONSENT},
    )
    public_name = forms.CharField(
        label=_("Name or pseudonym shown with your testimony"), max_length=120
    )
    text_scope = forms.BooleanField(
        label=_("My written testimony may be published"), required=False
    )
    image_scope = forms.BooleanField(label=_("My photos may be published"), required=False)
    voice_scope = forms.BooleanField(
        label=_("My voice recordings may be published"), required=False
    )
    accept = forms.BooleanField(
        label=_("I have read the consent text and I agree to it"),
        error_messages={"required": _("Tick this box to submit your testimony.")},
    )
    kept_when_stale = ("public_name", "text_scope", "image_scope", "voice_scope")

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["consent"].initial = current

    def clean_consent(self):
        """Refuse a version other than the newest: the person must have read what they accept."""
        consent = self.cleaned_data["consent"]
        if consent != self.current:
            raise ValidationError(STALE_CONSENT, code="stale")
        return consent

    def is_stale(self):
        return self.is_bound and self.has_error("consent")

    def with_current_text(self):
        """Return a fresh form for the newest text, keeping the choices but not the agreement."""
        kept = {name: self[name].data for name in self.kept_when_stale}
        return type(self)(initial=kept, current=self.current)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f) for f in ("text_scope", "image_scope", "voice_scope")):
            raise ValidationError(_("Choose at least one thing that may be published."))
        return cleaned


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Comments for the ambassador"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

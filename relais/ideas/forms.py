"""The idea box's public form: bounded, labelled, and explaining its errors in French."""

from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relais.core.public_forms import TrapMixin

from .choices import IdeaKind
from .models import IDEA_MAX_LENGTH, Idea

PUBLISH, PRIVATE = "yes", "no"


def plain_lines(text):
    """Return text with browser line ends (\\r\\n) as one character, as `maxlength` counts them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class IdeaForm(TrapMixin, forms.Form):
    """An idea, a question or a tip; a name and an address if the visitor wants an answer."""

    kind = forms.ChoiceField(
        label=_("You are sending us"),
        choices=IdeaKind.choices,
        initial=IdeaKind.IDEA,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you are sending us.")},
    )
    text = forms.CharField(
        label=pgettext_lazy("idea box", "Your message"),
        help_text=lazy(
            lambda: (
                _(
                    "At most %(max)s characters. Write it as you would say it: no need for "
                    "polished words."
                )
                % {"max": number_format(IDEA_MAX_LENGTH, force_grouping=True)}
            ),
            str,
        )(),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": IDEA_MAX_LENGTH}),
        error_messages={"required": _("Write your idea, your question or your tip.")},
    )
    name = forms.CharField(
        label=_("Your first name or name (optional)"),
        help_text=_("Never published."),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        help_text=_(
            "Only to tell you when we answer. Never published nor passed on. Without it, "
            "we cannot answer you in person."
        ),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("This email address looks wrong: check it, or leave it out.")},
    )
    consent = forms.ChoiceField(
        label=_("May we publish your message?"),
        help_text=_(
            "Published questions go, with our answer, on the page of frequently asked questions."
        ),
        choices=[
            (PUBLISH, _("Yes, you may publish it, without my name or my address")),
            (PRIVATE, _("No, I only want an answer for myself")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us whether we may publish your message.")},
    )

    def clean_text(self):
        text = plain_lines(self.cleaned_data["text"]).strip()
        if len(text) > IDEA_MAX_LENGTH:
            raise forms.ValidationError(
                _(
                    "Your message has %(length)s characters: %(max)s at most. Shorten it; "
                    "what you wrote is kept below."
                ),
                params={"length": len(text), "max": IDEA_MAX_LENGTH},
            )
        return text

    def save(self):
        """Store the idea with the visitor's choice about publication."""
        data = self.cleaned_data
        return Idea.objects.create(
            kind=data["kind"],
            text=data["text"],
            name=data["name"].strip(),
            email=data["email"],
            consent_to_publish=data["consent"] == PUBLISH,
        )

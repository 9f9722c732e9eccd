"""The form a newcomer fills in to ask an ambassador for advice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from relais.core.public_forms import TrapMixin

MESSAGE_MAX_LENGTH = 2000
TOO_LONG = _(
    "Your message is too long: %(limit_value)d characters at most (it has %(show_value)d). "
    "Shorten it: your text is kept below."
)


class PlainTextField(forms.CharField):
    """A text area whose line breaks count as one character, as the browser counts them.

    Browsers send each line break as CR LF but count it as one against `maxlength`: without
    this, a message the browser accepted could be refused as too long.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class QuestionForm(TrapMixin, forms.Form):
    """First name (optional), email and message; the sender agrees their address is passed on."""

    first_name = forms.CharField(
        label=_("Your first name"),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("So that the ambassador can reply to you."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = PlainTextField(
        label=_("Your message"),
        help_text=_("Your question or your idea, in a few lines (2,000 characters at most)."),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"max_length": TOO_LONG},
    )
    consent = forms.BooleanField(label="")

    def __init__(self, *args, ambassador, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "I agree that my address is passed on to %(name)s so that they can reply to me."
        ) % {"name": ambassador.display_name}
        self.fields["consent"].error_messages["required"] = _(
            "Tick this box: without your address, %(name)s cannot reply to you."
        ) % {"name": ambassador.display_name}

"""Editors' forms on an idea: the FAQ entry that answers it, a private answer, a card."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relais.journey.models import Stage
from relais.knowledge.models import CardType

from .models import ANSWER_MAX_LENGTH, FaqEntry


class FaqFromIdeaForm(forms.ModelForm):
    """The question (pre-filled with the idea's text, to rewrite), the answer and the stage."""

    prefix = "faq"

    class Meta:
        model = FaqEntry
        fields = ["question", "answer", "stage"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 3}),
            "answer": forms.Textarea(attrs={"rows": 8, "maxlength": ANSWER_MAX_LENGTH}),
        }
        help_texts = {
            "question": _("Rewrite it as a short question; leave out names and anything personal."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = Stage.objects.select_related("programme").order_by(
            "programme", "sort_order"
        )
        self.fields["stage"].empty_label = _("General question (no stage)")


class PrivateAnswerForm(forms.Form):
    prefix = "private"

    answer = forms.CharField(
        label=pgettext_lazy("idea box", "Your answer"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Sent by email to the sender; never published."),
    )


class CardFromIdeaForm(forms.Form):
    prefix = "card"

    title = forms.CharField(label=_("Title of the card"), max_length=140)
    card_type = forms.ModelChoiceField(
        label=_("Type"), queryset=CardType.objects.all(), empty_label=None
    )
    stages = forms.ModelMultipleChoiceField(
        label=_("Stages"),
        queryset=Stage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stages"].queryset = Stage.objects.order_by("programme", "sort_order")

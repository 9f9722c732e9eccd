"""The diagnostic as a form: one required choice per question, built from the data."""

from django import forms
from django.utils.translation import gettext_lazy as _

from relais.core.public_forms import TrapMixin


class DiagnosticForm(forms.Form):
    """One radio group per question; a missing answer is an error named after its question."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.slug] = forms.ChoiceField(
                label=question.text,
                help_text=question.help_text,
                choices=[(a.value, a.label) for a in question.answers],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer to this question."),
                    "invalid_choice": _("Choose one of the answers offered."),
                },
            )

    def rows(self):
        """Return (question, bound field) pairs, in order, for the template."""
        return [(question, self[question.slug]) for question in self.questions]


class KeepPathForm(TrapMixin, DiagnosticForm):
    """The same answers, posted to keep the path under a link (the trap field added)."""

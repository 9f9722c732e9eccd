"""Editors' forms: a passage of a source, the card made from it, merging, the card filters."""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.forms import ClusterForm
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from relais.journey.models import Stage, Territory, Theme

from . import passages
from .models import CARD_BODY_MAX_LENGTH, QUOTE_MAX_LENGTH, CardType, KnowledgeCard
from .services import unique_card_slug


class PassageForm(forms.Form):
    """Step one: the sentences that make the passage (or, with JavaScript, a selection)."""

    sentence = forms.TypedMultipleChoiceField(
        label=_("Sentences of the passage"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Filled by the script when the editor selects words with the mouse.
    selection = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, text, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.text = text
        self.fields["sentence"].choices = list(enumerate(passages.sentences(text)))

    def clean(self):
        selection = passages.normalize(self.cleaned_data.get("selection", ""))
        if selection:
            if not passages.contains(self.text, selection):
                raise forms.ValidationError(_("The selected words are not in this text."))
            passage = selection
        else:
            numbers = self.cleaned_data.get("sentence") or []
            if not numbers:
                raise forms.ValidationError(_("Choose the sentences that say it."))
            passage = passages.passage_of(self.text, numbers)
            if passage is None:
                raise forms.ValidationError(_("Choose sentences that follow one another."))
        if len(passage) > QUOTE_MAX_LENGTH:
            raise forms.ValidationError(
                _("A passage is at most %(max)s characters: choose fewer sentences.")
                % {"max": QUOTE_MAX_LENGTH}
            )
        self.cleaned_data["passage"] = passage
        return self.cleaned_data


class QuoteField(forms.CharField):
    """The passage chosen at step one, sent again with the card (checked again)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(max_length=QUOTE_MAX_LENGTH, **kwargs)


def check_quote(text, quote):
    """Return the quote with single spaces, or refuse one that is not in the source's text."""
    quote = passages.normalize(quote)
    if not passages.contains(text, quote):
        raise forms.ValidationError(
            _("This passage is not in the source: choose the sentences again.")
        )
    return quote


class CardFromPassageForm(ClusterForm):
    """Step two: a new card saying the passage; the passage becomes its first source.

    A ClusterForm, as the card's stages and themes are kept on it until it is saved.
    """

    quote = QuoteField()

    class Meta:
        model = KnowledgeCard
        fields = ["card_type", "title", "body", "stages", "themes", "territory", "live"]
        widgets = {
            "stages": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "body": forms.Textarea(attrs={"rows": 6, "maxlength": CARD_BODY_MAX_LENGTH}),
        }

    def __init__(self, text, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.text = text
        self.fields["card_type"].empty_label = _("Choose a type")
        self.fields["live"].help_text = _("Shown to visitors as soon as it has a source.")

    def clean_quote(self):
        return check_quote(self.text, self.cleaned_data["quote"])

    def save(self, commit=True):
        self.instance.slug = unique_card_slug(self.cleaned_data["title"])
        return super().save(commit=commit)


class AddToCardForm(forms.Form):
    """Step two, the other way: the passage becomes one more source of an existing card."""

    quote = QuoteField()
    card = forms.ModelChoiceField(
        label=_("Card"),
        queryset=KnowledgeCard.objects.order_by("title"),
        empty_label=_("Choose a card"),
    )

    def __init__(self, text, *args, **kwargs):
        super().__init__(*args, prefix="existing", **kwargs)
        self.text = text

    def clean_quote(self):
        return check_quote(self.text, self.cleaned_data["quote"])


class MergeForm(forms.Form):
    """Which card keeps the merged one's sources and address."""

    kept = forms.ModelChoiceField(
        label=_("Card to keep"),
        queryset=KnowledgeCard.objects.none(),
        empty_label=_("Choose a card"),
        help_text=_("This card disappears into the one you choose here."),
    )

    def __init__(self, merged, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept"].queryset = KnowledgeCard.objects.exclude(pk=merged.pk).order_by("title")


class KnowledgeCardAdminForm(WagtailAdminModelForm):
    """The card's admin form: a new card gets its address from its title."""

    def save(self, commit=True):
        if not self.instance.slug:
            self.instance.slug = unique_card_slug(self.cleaned_data["title"])
        return super().save(commit=commit)


class KnowledgeCardFilterSet(WagtailFilterSet):
    stage = django_filters.ModelChoiceFilter(
        label=_("Stage"), field_name="stages", queryset=Stage.objects.all()
    )
    card_type = django_filters.ModelChoiceFilter(label=_("Type"), queryset=CardType.objects.all())
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all()
    )
    territory = django_filters.ModelChoiceFilter(
        label=_("Territory"), queryset=Territory.objects.all()
    )
    cited_by = django_filters.NumberFilter(
        label=_("Cited by at least"),
        lookup_expr="gte",
        min_value=0,
        widget=forms.NumberInput(attrs={"min": 0}),
    )
    live = django_filters.BooleanFilter(label=pgettext_lazy("knowledge card", "Published"))

    class Meta:
        model = KnowledgeCard
        fields = []

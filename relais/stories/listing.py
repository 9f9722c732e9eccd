"""Story listing: the filter form and the queryset that feeds story cards in few queries."""

from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model

from relais.journey.models import LaureateProject, ProjectEdition, Stage, Territory, Theme

CARD_RENDITION = "fill-480x300"


def story_cards(queryset):
    """Return live public stories with everything a story card shows, newest first."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_RENDITION)
    return (
        queryset.live()
        .public()
        .select_related("project", "project__commune", "listing_image")
        .prefetch_related(
            "themes",
            "stages",
            Prefetch("listing_image__renditions", queryset=renditions),
        )
        .order_by("-first_published_at", "-pk")
    )


class StoryFilterForm(forms.Form):
    """Filters that combine; each field is a readable URL parameter (shareable links)."""

    etape = forms.ModelChoiceField(
        queryset=Stage.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Stage"),
        empty_label=_("All stages"),
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Theme"),
        empty_label=_("All themes"),
    )
    territoire = forms.ModelChoiceField(
        queryset=Territory.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Territory"),
        empty_label=_("All territories"),
    )
    annee = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label=_("Edition year")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = ProjectEdition.objects.order_by("-year").values_list("year", flat=True).distinct()
        self.fields["annee"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]

    def cleaned(self):
        """Return the valid filters only: a bad value in one field does not void the others."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, queryset):
        """Apply every valid filter to a StoryPage queryset."""
        values = self.cleaned()
        if "etape" in values:
            queryset = queryset.filter(stages=values["etape"])
        if "theme" in values:
            queryset = queryset.filter(themes=values["theme"])
        if "territoire" in values:
            territory = values["territoire"]
            queryset = queryset.filter(
                Q(project__commune=territory) | Q(project__commune__parent=territory)
            )
        if "annee" in values:
            projects = LaureateProject.objects.filter(editions__year=values["annee"])
            queryset = queryset.filter(project__in=projects)
        return queryset

    def active_filters(self):
        """Return the labels of the filters in use, to say what the list shows."""
        return [str(value) for value in self.cleaned().values()]

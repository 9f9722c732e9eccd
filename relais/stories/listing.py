"""Story listing: the filter form and the queryset that feeds story cards in few queries."""

from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model

from relais.core.text import sorted_by_name
from relais.journey.choices import TerritoryKind
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
    """Filters that combine; each field is a readable URL parameter (shareable links).

    The menus offer only the values that lead to at least one of `stories`, in the order a
    French reader expects, plus the value asked for in the URL so that an old link still
    says what it filtered on.
    """

    etape = forms.ModelChoiceField(
        queryset=Stage.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Stage"),
        empty_label=_("All stages"),
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Theme"),
        empty_label=_("All themes"),
    )
    territoire = forms.ModelChoiceField(
        queryset=Territory.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Territory"),
        empty_label=_("All territories"),
    )
    annee = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label=_("Edition year")
    )

    def __init__(self, data=None, *, stories):
        super().__init__(data)
        stage_ids, theme_ids = stories.values("stages"), stories.values("themes")
        communes, intercommunalities = (
            stories.values("project__commune"),
            stories.values("project__commune__parent"),
        )
        stages = self._offer("etape", Stage.objects.filter(pk__in=stage_ids))
        self.fields["etape"].choices = self._choices("etape", stages)
        themes = sorted_by_name(self._offer("theme", Theme.objects.filter(pk__in=theme_ids)))
        self.fields["theme"].choices = self._choices("theme", themes)
        territories = self._offer(
            "territoire",
            Territory.objects.filter(Q(pk__in=communes) | Q(pk__in=intercommunalities)),
        )
        self.fields["territoire"].choices = self._territory_choices(territories)
        self.fields["annee"].choices = self._year_choices(stories)

    def _offer(self, name, queryset):
        """Return the field's values that have stories, with the one asked for, and use them."""
        asked = self.data.get(name) if self.is_bound else None
        if asked:
            queryset = queryset | queryset.model.objects.filter(slug=asked)
        self.fields[name].queryset = queryset
        return list(queryset)

    def _choices(self, name, items):
        return [("", self.fields[name].empty_label), *((item.slug, str(item)) for item in items)]

    def _territory_choices(self, territories):
        """Group intercommunalities and communes, each in French alphabetical order."""
        labels = {
            TerritoryKind.INTERCOMMUNALITY: _("Intercommunalities"),
            TerritoryKind.COMMUNE: _("Communes"),
        }
        groups = [
            (label, [(t.slug, t.name) for t in sorted_by_name(territories) if t.kind == kind])
            for kind, label in labels.items()
        ]
        return [("", self.fields["territoire"].empty_label), *(g for g in groups if g[1])]

    def _year_choices(self, stories):
        """Return the edition years of the stories' projects, latest first."""
        editions = ProjectEdition.objects.filter(project__in=stories.values("project"))
        years = set(editions.values_list("year", flat=True))
        asked = self.data.get("annee") if self.is_bound else None
        if asked and asked.isdigit():
            years.add(int(asked))
        return [("", _("All years"))] + [(y, str(y)) for y in sorted(years, reverse=True)]

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

    def removal_links(self):
        """Return (label, query string) pairs: the list without each filter in use, in turn."""
        links = []
        for name, value in self.cleaned().items():
            query = self.data.copy()
            for key in (name, "page"):
                query.pop(key, None)
            links.append((str(value), query.urlencode()))
        return links

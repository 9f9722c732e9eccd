"""Story listing: the filter form, whose menus are computed once per content change."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from relais.core.content_cache import cached_for_content
from relais.core.text import sorted_by_name
from relais.journey.choices import TerritoryKind
from relais.journey.models import LaureateProject, ProjectEdition, Stage, Territory, Theme

from .cache_rules import STORIES, STORY_FILTERS, stories_in_year, stories_of


class SlugChoiceField(forms.ChoiceField):
    """A menu of objects named by their slug in the URL; the cleaned value is the object.

    The form gives it the objects it offers: checking a value needs no query.
    """

    def __init__(self, *, empty_label, **kwargs):
        super().__init__(required=False, **kwargs)
        self.empty_label = empty_label
        self.objects = {}

    def offer(self, items, choices):
        self.objects = {item.slug: item for item in items}
        self.choices = choices

    def clean(self, value):
        if value in self.empty_values:
            return None
        if value not in self.objects:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return self.objects[value]


def filter_menus(stories):
    """Return the stages, themes, territories and years that lead to at least one of `stories`."""
    communes, intercommunalities = (
        stories.values("project__commune"),
        stories.values("project__commune__parent"),
    )
    territories = Territory.objects.filter(Q(pk__in=communes) | Q(pk__in=intercommunalities))
    editions = ProjectEdition.objects.filter(project__in=stories.values("project"))
    return {
        "etape": list(Stage.objects.filter(pk__in=stories.values("stages"))),
        "theme": sorted_by_name(Theme.objects.filter(pk__in=stories.values("themes"))),
        "territoire": sorted_by_name(territories),
        "annee": set(editions.values_list("year", flat=True)),
    }


class StoryFilterForm(forms.Form):
    """Filters that combine; each field is a readable URL parameter (shareable links).

    The menus offer only the values that lead to at least one of `stories`, in the order a
    French reader expects, plus the value asked for in the URL so that an old link still
    says what it filtered on. `cache_name` names the listing in the content cache.
    """

    etape = SlugChoiceField(label=_("Stage"), empty_label=_("All stages"))
    theme = SlugChoiceField(label=_("Theme"), empty_label=_("All themes"))
    territoire = SlugChoiceField(label=_("Territory"), empty_label=_("All territories"))
    annee = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label=_("Edition year")
    )

    def __init__(self, data=None, *, stories, cache_name):
        super().__init__(data)
        menus = cached_for_content(f"filter-menus:{cache_name}", lambda: filter_menus(stories))
        stages = self._offer("etape", menus["etape"], Stage)
        self.fields["etape"].offer(stages, self._choices("etape", stages))
        themes = sorted_by_name(self._offer("theme", menus["theme"], Theme))
        self.fields["theme"].offer(themes, self._choices("theme", themes))
        territories = sorted_by_name(self._offer("territoire", menus["territoire"], Territory))
        self.fields["territoire"].offer(territories, self._territory_choices(territories))
        self.fields["annee"].choices = self._year_choices(menus["annee"])

    def _offer(self, name, items, model):
        """Return the field's values that have stories, with the one asked for if it exists."""
        asked = self.data.get(name) if self.is_bound else None
        if asked and all(item.slug != asked for item in items):
            items = [*items, *model.objects.filter(slug=asked)]
            if model is Stage:  # stages keep the programme's order
                items.sort(key=lambda stage: (stage.sort_order, stage.pk))
        return items

    def _choices(self, name, items):
        return [("", self.fields[name].empty_label), *((item.slug, str(item)) for item in items)]

    def _territory_choices(self, territories):
        """Group intercommunalities and communes, each in French alphabetical order."""
        labels = {
            TerritoryKind.INTERCOMMUNALITY: _("Intercommunalities"),
            TerritoryKind.COMMUNE: _("Communes"),
        }
        groups = [
            (label, [(t.slug, t.name) for t in territories if t.kind == kind])
            for kind, label in labels.items()
        ]
        return [("", self.fields["territoire"].empty_label), *(g for g in groups if g[1])]

    def _year_choices(self, years):
        """Return the edition years of the stories' projects, latest first."""
        years = set(years)
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

    def cache_key(self):
        """Return a name for the combination of valid filters (to count its stories once)."""
        values = self.cleaned()
        return ",".join(
            f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(values.items())
        )

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

    def cache_tags(self):
        """Return what the filtered list shows: every story, or those its filters select."""
        values = self.cleaned()
        if not values:
            return [STORIES]
        tags = [STORY_FILTERS]
        for value in values.values():
            tags.append(
                stories_in_year(value)
                if isinstance(value, int)
                else stories_of(type(value), value.pk)
            )
        return tags

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

"""The filters of the cards page: stage, type and theme, readable in the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from relais.core.text import sorted_by_name
from relais.journey.lookups import all_stages, all_themes
from relais.stories.listing import SlugChoiceField

from .cards import card_types


class CardFilterForm(forms.Form):
    """Filters that combine; menus come from the content cache (no query to build them)."""

    etape = SlugChoiceField(label=_("Stage"), empty_label=_("All stages"))
    type = SlugChoiceField(label=_("Type of card"), empty_label=_("All types"))
    theme = SlugChoiceField(label=_("Theme"), empty_label=_("All themes"))

    def __init__(self, data=None):
        super().__init__(data)
        self._offer("etape", list(all_stages().values()))
        self._offer("type", list(card_types().values()))
        self._offer("theme", sorted_by_name(all_themes().values()))

    def _offer(self, name, items):
        field = self.fields[name]
        field.offer(items, [("", field.empty_label), *((item.slug, str(item)) for item in items)])

    def cleaned(self):
        """Return the valid filters only: a bad value in one field does not void the others."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, cards):
        values = self.cleaned()
        if "etape" in values:
            cards = cards.filter(stages=values["etape"])
        if "type" in values:
            cards = cards.filter(card_type=values["type"])
        if "theme" in values:
            cards = cards.filter(themes=values["theme"])
        return cards

    def cache_key(self):
        return ",".join(f"{name}={value.pk}" for name, value in sorted(self.cleaned().items()))

    def active_filters(self):
        return [str(value) for value in self.cleaned().values()]

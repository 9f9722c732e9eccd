"""Template helpers for French formatting."""

import re
from urllib.parse import urlsplit

from django import template
from django.utils.text import get_text_list
from django.utils.translation import gettext

from relais.core.text import sorted_by_name

register = template.Library()

NARROW_NBSP = "\u202f"


@register.filter
def euros(value):
    """Format an amount the French way: 35 400 €."""
    if value in (None, ""):
        return ""
    grouped = f"{int(value):,}".replace(",", NARROW_NBSP)
    return f"{grouped}\u00a0€"


THOUSANDS_SPACE = re.compile(r"(?<=\d) (?=\d{3}\b)")
EURO_SPACE = re.compile(r"(?<=\d) (?=€)")


@register.filter
def nbsp_amounts(text):
    """Glue the parts of amounts in free text ("35 400 €") so they never split across lines."""
    text = THOUSANDS_SPACE.sub(NARROW_NBSP, str(text))
    return EURO_SPACE.sub("\u00a0", text)


@register.filter
def years(editions):
    """Return the edition years of a project as "2019, 2022"."""
    return ", ".join(str(edition.year) for edition in editions)


@register.filter
def sort_fr(items, attribute="name"):
    """Return the items in French alphabetical order of an attribute (accents and case ignored)."""
    return sorted_by_name(items, attribute)


@register.filter
def split_commas(text):
    """Return the items of a comma-separated text such as "2019, 2022", without blanks."""
    return [item.strip() for item in str(text).split(",") if item.strip()]


@register.filter
def and_list(items):
    """Join items as a sentence does: "2019, 2021 et 2022"."""
    return get_text_list([str(item) for item in items], gettext("and"))


@register.filter
def bare_url(url):
    """Return a web address as people read it: "www.pasdecalais.fr", without scheme or end slash."""
    parts = urlsplit(str(url))
    return (parts.netloc + parts.path).rstrip("/")

"""Template helpers for French formatting."""

from django import template

register = template.Library()

NARROW_NBSP = "\u202f"


@register.filter
def euros(value):
    """Format an amount the French way: 35 400 €."""
    if value in (None, ""):
        return ""
    grouped = f"{int(value):,}".replace(",", NARROW_NBSP)
    return f"{grouped}\u00a0€"


@register.filter
def years(editions):
    """Return the edition years of a project as "2019, 2022"."""
    return ", ".join(str(edition.year) for edition in editions)

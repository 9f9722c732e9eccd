"""Template tags of the contributor space: lifetimes told from the settings, not repeated."""

from django import template
from django.conf import settings

from relais.core.text import duration_in_words

from ..erasure import EXPORT_MAX_AGE

register = template.Library()


@register.simple_tag
def sign_in_link_lifetime():
    """Return how long a one-time sign-in link works (SESAME_MAX_AGE), in words."""
    return duration_in_words(settings.SESAME_MAX_AGE)


@register.simple_tag
def export_link_lifetime():
    """Return how long the personal-data download link works, in words."""
    return duration_in_words(EXPORT_MAX_AGE)

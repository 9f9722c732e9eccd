"""The glossary as the site uses it: the matcher of every term, once per content version."""

from django.urls import reverse

from relais.core.content_cache import cached_for_content

from .linking import build_matcher
from .models import GlossaryTerm


def current_matcher():
    """Return the Matcher of the glossary, built once per content version (a term changes
    the version: relais.core.invalidation stamps the whole site)."""
    return cached_for_content("glossary:matcher", _build_matcher)


def _build_matcher():
    terms = [(t.slug, t.all_forms(), t.definition) for t in GlossaryTerm.objects.all()]
    return build_matcher(terms, reverse("glossary:index"))

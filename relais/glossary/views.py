"""The public glossary: every term, in French alphabetical order, with an anchor each."""

from itertools import groupby

from django.shortcuts import render

from relais.core.page_cache import declare, public_page
from relais.core.text import sorted_by_name

from .models import GlossaryTerm

# What the page shows. A term has no cache rule, so its change stamps the whole site
# (stories link terms): that makes this page stale too, and nothing else does.
GLOSSARY = "glossary:list"


@public_page()
def index(request):
    """Show every term with its definition and synonyms, grouped by initial letter."""
    declare(request, GLOSSARY)
    terms = sorted_by_name(GlossaryTerm.objects.all(), "term")
    letters = [(letter, list(group)) for letter, group in groupby(terms, lambda t: t.letter)]
    return render(request, "glossary/index.html", {"letters": letters})

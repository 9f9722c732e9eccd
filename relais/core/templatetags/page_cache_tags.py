"""{% depends_on obj … %}: a template says which content it shows, for the page cache."""

from django import template

from relais.core.page_cache import declare
from relais.core.page_cache import depends_on as declare_objects

register = template.Library()


@register.simple_tag(takes_context=True)
def depends_on(context, *objects):
    """Render nothing; a change to one of `objects` will make the cached page stale."""
    request = context.get("request")
    if request is not None:
        declare_objects(request, *objects)
    return ""


@register.simple_tag(takes_context=True)
def declares(context, tags):
    """Render nothing; declare tags computed beforehand (a story card kept in cache)."""
    request = context.get("request")
    if request is not None:
        declare(request, *tags)
    return ""

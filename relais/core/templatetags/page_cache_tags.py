"""Templates and the page cache: what a template shows, and fragments kept per content version.

{% depends_on obj … %} says which content a template shows; {% content_fragment %} renders
the menus, the footer or a story's body once per content change, for every page that shows it.
"""

import hashlib

from django import template
from django.core.cache import caches
from django.utils import timezone

from relais.core.content_cache import TIMEOUT_SECONDS, content_version
from relais.core.page_cache import Dependencies, declare
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


class ContentFragmentNode(template.Node):
    """Render the enclosed template once per content version and `vary_on` values.

    Kept in the page cache's store (emptied with it by an erasure or a restore), with the
    tags the fragment declared, so that a page reusing it still declares what it shows.
    Previews always render afresh: they show content that is not saved.
    """

    def __init__(self, nodelist, name, vary_on, daily):
        self.nodelist, self.name, self.vary_on, self.daily = nodelist, name, vary_on, daily

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        key = self._key(context)
        store = caches["pages"]
        kept = store.get(key)
        if kept is None:
            kept = self._render_with_tags(context, request)
            store.set(key, kept, TIMEOUT_SECONDS)
        html, tags = kept
        declare(request, *tags)
        return html

    def _key(self, context):
        parts = [str(content_version()), self.name]
        parts += [str(variable.resolve(context)) for variable in self.vary_on]
        if self.daily:
            parts.append(timezone.localdate().isoformat())
        digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
        return f"fragment:{digest}"

    def _render_with_tags(self, context, request):
        """Render the fragment and return it with the tags it declared (even when the
        page itself is not being cached: another page reusing the fragment may be)."""
        outer = getattr(request, "page_cache", None)
        request.page_cache = Dependencies()
        try:
            html = self.nodelist.render(context)
            tags = frozenset(request.page_cache.tags)
        finally:
            if outer is None:
                del request.page_cache
            else:
                request.page_cache = outer
        return html, tags


@register.tag
def content_fragment(parser, token):
    """{% content_fragment "name" [var …] [daily] %}…{% endcontent_fragment %}"""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("content_fragment needs a name")
    daily = bits[-1] == "daily"
    if daily:
        bits = bits[:-1]
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return ContentFragmentNode(nodelist, name, vary_on, daily)

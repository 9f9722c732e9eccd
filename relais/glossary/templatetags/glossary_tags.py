"""Link glossary terms in texts: {% load glossary_tags %}{{ html|glossary_links:"prefix" }}.

Stories, knowledge cards and stage guides use it on their texts. The prefix makes the ids of
the definitions unique on the page: give each fragment its own ("story-intro", "card-12").
Only the first occurrence of a term in each fragment is linked.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from relais.glossary.linking import link_terms
from relais.glossary.services import current_matcher

register = template.Library()


@register.filter
def glossary_links(value, prefix):
    """Return the HTML (or escaped text) of value with its glossary terms linked."""
    html = str(conditional_escape(value))
    linked = link_terms(html, current_matcher(), f"glossaire-{prefix}")
    # Safe: the input was (escaped if it was not); link_terms only inserts links it built
    # from escaped values, between tags, and changes nothing else.
    return mark_safe(linked)  # noqa: S308  # nosec B308 B703 (reviewed: see above)


class GlossaryLinksNode(template.Node):
    def __init__(self, nodelist, prefix):
        self.nodelist, self.prefix = nodelist, prefix

    def render(self, context):
        return glossary_links(self.nodelist.render(context), self.prefix)  # already SafeString


@register.tag(name="glossary_links")
def glossary_links_tag(parser, token):
    """{% glossary_links "prefix" %}…{% endglossary_links %}: link terms in what the block
    renders (a template's output is already escaped HTML)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("glossary_links needs an id prefix")
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist, bits[1].strip("\"'"))

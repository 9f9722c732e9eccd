"""How much of the page cache survives one publication, whatever the cache does inside.

Through a server on the bench settings (one worker, so one local cache): request every URL
twice (the second should be a hit: fewer queries than the first), publish one story through
a Wagtail revision in another process, request them again. A page still served with no more
queries than its hit is still cached. Pages that linked to the story must show its new
title: those that do not are counted as stale.
"""

import secrets
from html import escape

from bench.client import django_shell
from bench.measure import query_count

PUBLISH = """
from relais.stories.models import StoryPage
story = StoryPage.objects.get(pk={pk})
story.title = {title!r}
story.save_revision().publish()
print(story.pk)
"""


def measure(port, env, urls, target, target_url):
    """Return (kept, cacheable, URLs never cached, stale) after publishing story `target`."""
    rendered = {url: query_count(port, url) for url in urls}
    hits = {url: query_count(port, url)[0] for url in urls}
    cacheable = [url for url in urls if hits[url] < rendered[url][0]]
    link = f'href="{target_url}"'.encode()
    linking = [url for url in urls if link in rendered[url][1]] + [target_url]
    title = f"Histoire republiée {secrets.token_hex(4)}"
    django_shell(env, PUBLISH.format(pk=target, title=title))
    after = {url: query_count(port, url) for url in urls}
    kept = [url for url in cacheable if after[url][0] <= hits[url]]
    stale = [url for url in set(linking) if escape(title).encode() not in after[url][1]]
    never = [url for url in urls if url not in cacheable]
    return len(kept), len(cacheable), never, sorted(stale)

"""Every page Wagtail serves tells the page cache what it shows and which parameters it reads."""

from wagtail import hooks

from .page_cache import declare, depends_on, use_query


@hooks.register("before_serve_page")
def declare_page_dependencies(page, request, serve_args, serve_kwargs):
    """A page reads only its `cache_query_params` and shows itself plus its `cache_tags()`."""
    use_query(request, getattr(page, "cache_query_params", ()))
    depends_on(request, page)
    declare(request, *getattr(page, "cache_tags", tuple)())

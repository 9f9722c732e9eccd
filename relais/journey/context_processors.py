"""The programme every public page points newcomers to (« Et maintenant ? »)."""

from django.utils.functional import SimpleLazyObject

from relais.core.site_tree import root_page


def _programme(request):
    """Return the programme of the site's home page, if the home page has one.

    The home page comes from the content cache with its programme, stages and upcoming
    dates already loaded (`HomePage.load_site_wide_data`): no query here.
    """
    return getattr(root_page(request), "programme", None)


def site_programme(request):
    """Provide the site's programme: its next dates, application platform and contact."""
    return {"site_programme": SimpleLazyObject(lambda: _programme(request))}

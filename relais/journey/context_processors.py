"""The programme every public page points newcomers to (« Et maintenant ? »)."""

from django.utils.functional import SimpleLazyObject

from relais.core.context_processors import root_page


def _programme(request):
    """Return the programme of the site's home page, if the home page has one."""
    root = root_page(request)
    return getattr(root.specific, "programme", None) if root else None


def site_programme(request):
    """Provide the site's programme: its next dates, application platform and contact."""
    return {"site_programme": SimpleLazyObject(lambda: _programme(request))}

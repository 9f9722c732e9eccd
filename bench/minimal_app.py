"""Reference point: a minimal Django view returning 30 KB, served the same way as Relais."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-reference",  # noqa: S106
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
)
BODY = b"<!DOCTYPE html><html lang='fr'><body>" + b"x" * 30_000 + b"</body></html>"


def page(request):
    return HttpResponse(BODY)


urlpatterns = [path("", page)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

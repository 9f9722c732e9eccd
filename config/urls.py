from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from relais.core.media_serving import serve_media
from relais.core.views import favicon, session_fragment

handler500 = "relais.core.views.server_error"

urlpatterns = [
    path("favicon.ico", favicon),
    path("session/fragment/", session_fragment, name="session_fragment"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("contribuer/", include("relais.collect.urls")),
    path("", include("relais.diagnostic.urls")),
    path("", include("relais.knowledge.urls")),
    path("", include("relais.glossary.urls")),
    path("", include("relais.ideas.urls")),
    path("", include("relais.contact.urls")),
    path("", include("relais.stories.urls")),
    path("", include("relais.search.urls")),
]

if settings.RELAIS_SERVE_MEDIA:
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [  # the demo and tests; in production the proxy serves media
        re_path(rf"^{prefix}(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += [path("", include(wagtail_urls))]

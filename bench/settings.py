"""Production settings plus a header that counts each request's queries (benchmark only)."""

from config.settings.production import *  # noqa: F403
from config.settings.production import MIDDLEWARE

# First, so that the page cache's own queries count too.
MIDDLEWARE = ["bench.query_count.QueryCountMiddleware", *MIDDLEWARE]

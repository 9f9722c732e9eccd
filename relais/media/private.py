"""Private files served back inertly: downloaded, never rendered, sniffed or cached."""

from functools import partial

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from relais.core.media_serving import read_range, requested_range

from .uploads import safe_display_name


def private_file_response(fieldfile, content_type, download_name):
    """Return a download of a private file that browsers will neither sniff nor render."""
    return private_stored_response(fieldfile.storage, fieldfile.name, content_type, download_name)


def private_stored_response(storage, name, content_type, download_name):
    """Return a download of a file in private storage, with the same protections."""
    response = FileResponse(
        storage.open(name, "rb"),
        as_attachment=True,
        filename=safe_display_name(download_name),
        content_type=content_type or "application/octet-stream",
    )
    return protect_private_response(response)


def private_ranged_response(request, fieldfile, content_type, download_name):
    """Return a private recording, or the one byte range asked for, so players can seek."""
    storage, name = fieldfile.storage, fieldfile.name
    size = storage.size(name)
    mtime = storage.get_modified_time(name).timestamp()
    byte_range = requested_range(request, mtime, size)
    if byte_range is None:
        response = private_file_response(fieldfile, content_type, download_name)
        response.headers["Accept-Ranges"] = "bytes"
        return response
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response.headers["Content-Range"] = f"bytes */{size}"
        return protect_private_response(response)
    start, end = byte_range
    response = StreamingHttpResponse(
        read_range(partial(storage.open, name, "rb"), start, end),
        status=206,
        content_type=content_type,
    )
    response.headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    response.headers["Content-Length"] = str(end - start + 1)
    response.headers["Accept-Ranges"] = "bytes"
    response.headers["Content-Disposition"] = content_disposition_header(
        True, safe_display_name(download_name)
    )
    return protect_private_response(response)


def protect_private_response(response):
    """Forbid sniffing, rendering, caching and other sites' use of a private file."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return response

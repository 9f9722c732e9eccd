"""Local media served with HTTP byte ranges, so that browsers can seek in audio files.

Django's ``django.views.static.serve`` ignores the Range header and always answers 200 with
the whole file: Chromium then cannot move ``currentTime`` of an <audio> element, so chapter
links would restart the capsule from the beginning. In production a reverse proxy or the
object storage serves /media/ (both honour ranges); this view serves the demo and the tests.
"""

import mimetypes
import re
from functools import partial
from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

CHUNK_SIZE = 64 * 1024
SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@require_safe
def serve_media(request, path, document_root):
    """Return the file at path below document_root, whole (200) or one byte range (206)."""
    file_path = resolve_below(document_root, path)
    stat = file_path.stat()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        return HttpResponse(status=304)
    return ranged_file_response(request, file_path, stat)


def resolve_below(document_root, path):
    """Return the regular file path names below document_root, or raise Http404.

    Resolving symbolic links first means that neither "../" nor a link can leave the root.
    """
    root = Path(document_root).resolve()
    try:
        candidate = (root / path.lstrip("/")).resolve()
    except (OSError, ValueError) as exc:  # e.g. a NUL byte or a link loop
        raise Http404("Not found") from exc
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise Http404("Not found")
    return candidate


def ranged_file_response(request, file_path, stat):
    """Answer a GET or HEAD for file_path, honouring a single Range of bytes."""
    content_type = mimetypes.guess_type(file_path.name)[0] or "application/octet-stream"
    size = stat.st_size
    byte_range = requested_range(request, stat.st_mtime, size)
    if byte_range is None:
        response = FileResponse(file_path.open("rb"), content_type=content_type)
    elif byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response.headers["Content-Range"] = f"bytes */{size}"
    else:
        start, end = byte_range
        response = StreamingHttpResponse(
            read_range(partial(file_path.open, "rb"), start, end),
            status=206,
            content_type=content_type,
        )
        response.headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        response.headers["Content-Length"] = str(end - start + 1)
    response.headers["Accept-Ranges"] = "bytes"
    response.headers["Last-Modified"] = http_date(stat.st_mtime)
    return response


def requested_range(request, mtime, size):
    """Return (first, last) byte positions, "unsatisfiable", or None to send the whole file.

    Several ranges, a malformed header or a stale If-Range get the whole file, as RFC 9110
    allows: browsers only ask for one range when they play or seek.
    """
    match = SINGLE_RANGE.match(request.headers.get("Range", "").strip())
    if not match or not range_still_valid(request.headers.get("If-Range"), mtime):
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # "bytes=-500": the last 500 bytes
        suffix = int(last)
        return (max(size - suffix, 0), size - 1) if suffix and size else "unsatisfiable"
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None
    return (start, end) if start < size else "unsatisfiable"


def range_still_valid(if_range, mtime):
    """Return whether an If-Range date (we send no ETag) still matches the file."""
    if not if_range:
        return True
    since = parse_http_date_safe(if_range)
    return since is not None and int(mtime) <= since


def read_range(open_file, start, end):
    """Yield the bytes from start to end inclusive of the file open_file() opens, in chunks.

    open_file is a callable so that local paths and storage backends (S3) share this code.
    """
    remaining = end - start + 1
    with open_file() as handle:
        handle.seek(start)
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk

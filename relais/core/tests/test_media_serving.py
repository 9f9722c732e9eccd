"""Local media answer byte ranges (206) so browsers can seek, and never leave MEDIA_ROOT."""

from pathlib import Path

import pytest

from django.conf import settings
from django.http import Http404

from relais.core.media_serving import serve_media

DATA = bytes(range(256)) * 40  # 10,240 bytes, each position recognisable


@pytest.fixture
def media_file():
    """Write a file in MEDIA_ROOT and return its URL."""
    folder = settings.MEDIA_ROOT / "essai-plages"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "voix.mp3").write_bytes(DATA)
    return f"{settings.MEDIA_URL}essai-plages/voix.mp3"


def body(response):
    return b"".join(response.streaming_content)


def test_whole_file_without_range_says_ranges_are_accepted(client, media_file):
    response = client.get(media_file)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"
    assert body(response) == DATA


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-", 0, len(DATA) - 1),  # what Chromium asks first
        ("bytes=1000-1999", 1000, 1999),
        ("bytes=10000-99999", 10000, len(DATA) - 1),  # the end is clipped to the file
        ("bytes=-240", len(DATA) - 240, len(DATA) - 1),  # the last 240 bytes
    ],
)
def test_a_byte_range_gets_206_with_exactly_those_bytes(client, media_file, header, start, end):
    response = client.get(media_file, headers={"Range": header})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(DATA)}"
    assert response["Content-Length"] == str(end - start + 1)
    assert body(response) == DATA[start : end + 1]


def test_a_range_past_the_end_gets_416(client, media_file):
    response = client.get(media_file, headers={"Range": f"bytes={len(DATA)}-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(DATA)}"


@pytest.mark.parametrize("header", ["bytes=0-10,20-30", "octets=0-10", "bytes=50-10"])
def test_ranges_we_do_not_serve_get_the_whole_file(client, media_file, header):
    response = client.get(media_file, headers={"Range": header})
    assert response.status_code == 200
    assert body(response) == DATA


def test_a_stale_if_range_gets_the_whole_file(client, media_file):
    headers = {"Range": "bytes=0-9", "If-Range": "Mon, 01 Jan 2001 00:00:00 GMT"}
    response = client.get(media_file, headers=headers)
    assert response.status_code == 200


def test_head_has_headers_and_no_body(client, media_file):
    response = client.head(media_file, headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    assert response["Content-Length"] == "100"


def test_post_is_not_allowed(client, media_file):
    assert client.post(media_file).status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "../outside.txt",
        "/../outside.txt",
        "essai/../../outside.txt",
        "essai/lien/outside.txt",  # a symbolic link to a folder outside
        "essai",  # a folder, not a file
        "essai/absent.mp3",
    ],
)
def test_nothing_outside_the_document_root_is_served(rf, tmp_path, path):
    """Called directly: the URL resolver must not be what keeps "../" out."""
    root, outside = tmp_path / "media", tmp_path / "dehors"
    (root / "essai").mkdir(parents=True)
    outside.mkdir()
    (outside / "outside.txt").write_text("secret")
    (tmp_path / "outside.txt").write_text("secret")
    (root / "essai" / "lien").symlink_to(outside, target_is_directory=True)
    with pytest.raises(Http404):
        serve_media(rf.get("/media/x"), path, document_root=root)


@pytest.mark.django_db
def test_private_files_next_to_media_root_cannot_be_reached(client, media_file):
    """Testimonies' originals live in a sibling folder; an encoded "../" does not reach them."""
    private = Path(settings.RELAIS_PRIVATE_MEDIA_ROOT)
    (private / "secret.txt").write_text("secret")
    url = f"{settings.MEDIA_URL}essai-plages/%2e%2e/%2e%2e/{private.name}/secret.txt"
    response = client.get(url)
    assert response.status_code == 404

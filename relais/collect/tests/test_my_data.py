"""A contributor downloads all their data and can delete their account."""

import io
import json
import os
import re
import tempfile
import tracemalloc
import zipfile

import pytest

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.urls import reverse

from relais.collect import services
from relais.collect.erasure import export_token
from relais.collect.models import Testimony, TestimonyAudio


@pytest.mark.django_db
def test_export_zip_holds_the_answers_and_the_photos(client, testimony_a, png_upload):
    services.add_photo(testimony_a, png_upload, "Une photo décrite")
    client.force_login(testimony_a.owner)
    page = client.get(reverse("collect:my_data")).content.decode()
    # The link is signed with a timestamp: take the one the page shows, not a new one.
    prefix = reverse("collect:export", args=["TOKEN"]).split("TOKEN")[0]
    url = re.search(rf'href="({re.escape(prefix)}[^"]+)"', page).group(1)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("donnees.json"))
    assert data["testimonies"][0]["title"] == testimony_a.title
    assert data["testimonies"][0]["photos"][0]["alt_text"] == "Une photo décrite"
    assert any(name.startswith("photos/") for name in archive.namelist())


@pytest.mark.django_db
def test_a_large_export_is_streamed_from_disk_not_built_in_memory(client, testimony_a):
    """A 30 MB recording reaches the download whole, while the server never holds the
    archive in memory: it is sent as a file, in chunks, as a valid zip."""
    recording_bytes = os.urandom(30 * 1024 * 1024)
    recording = TestimonyAudio(testimony=testimony_a, display_name="long.webm")
    recording.original.save("audio", ContentFile(recording_bytes))
    client.force_login(testimony_a.owner)
    url = reverse("collect:export", args=[export_token(testimony_a.owner)])

    tracemalloc.start()
    try:
        response = client.get(url)
        with tempfile.TemporaryFile() as download:
            for chunk in response.streaming_content:
                download.write(chunk)
            response.close()
            _size, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            download.seek(0)
            with zipfile.ZipFile(download) as archive:
                assert archive.testzip() is None
                assert archive.read(f"audio/{recording.pk}") == recording_bytes
                data = json.loads(archive.read("donnees.json"))
    finally:
        tracemalloc.stop()
    assert isinstance(response, FileResponse)
    assert response["Content-Disposition"] == 'attachment; filename="mes-donnees-relais.zip"'
    assert data["testimonies"][0]["recordings"][0]["file"] == f"audio/{recording.pk}"
    assert peak < 10 * 1024 * 1024, f"{peak / 2**20:.1f} MB held in memory"


@pytest.mark.django_db
def test_export_link_is_personal_and_expires(client, testimony_a, ambassador_b, monkeypatch):
    url = reverse("collect:export", args=[export_token(testimony_a.owner)])
    client.force_login(ambassador_b)
    assert client.get(url).status_code == 403
    client.force_login(testimony_a.owner)
    assert client.get(url).status_code == 200
    monkeypatch.setattr("relais.collect.erasure.EXPORT_MAX_AGE", -1)  # 24 hours later
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_deleting_the_account_erases_testimonies_and_files(
    client, testimony_a, png_upload, django_capture_on_commit_callbacks
):
    photo = services.add_photo(testimony_a, png_upload, "Une photo")
    path = photo.file.path
    user = testimony_a.owner
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):  # files go once the rows are gone
        response = client.post(reverse("collect:delete_account"), {"confirm": "oui"})
    assert response.status_code == 200
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not Testimony.objects.filter(pk=testimony_a.pk).exists()
    assert not os.path.exists(path)

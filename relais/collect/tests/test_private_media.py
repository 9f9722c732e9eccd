"""Originals and unpublished media are private, served as downloads, never rendered."""

from io import BytesIO

import pytest
from PIL import Image

from django.conf import settings
from django.urls import reverse

from relais.collect import services
from relais.collect.models import TestimonyPhoto


@pytest.mark.django_db
def test_photos_are_stored_outside_public_media(testimony_a, png_upload):
    photo = services.add_photo(testimony_a, png_upload, "Une photo")
    path = photo.file.path
    assert str(settings.RELAIS_PRIVATE_MEDIA_ROOT) in path
    assert str(settings.MEDIA_ROOT) not in path
    assert "photo.png" not in path  # the user's file name never reaches the disk


@pytest.mark.django_db
def test_png_header_followed_by_html_is_never_rendered_as_a_page(client, testimony_a):
    """Even if such a file were stored, it is served as a download that cannot be sniffed."""
    buffer = BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    photo = TestimonyPhoto(testimony=testimony_a, content_type="image/png", alt_text="x")
    from django.core.files.base import ContentFile

    photo.file.save("p", ContentFile(buffer.getvalue() + b"<html><script>alert(1)</script>"))
    client.force_login(testimony_a.owner)
    response = client.get(reverse("collect:photo_file", args=[photo.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]

"""Contributor forms as a screen reader meets them: unique ids, a label per input, help read out."""

from collections import Counter
from html.parser import HTMLParser

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from relais.collect.models import InterviewQuestion
from relais.journey.models import Stage


class Markup(HTMLParser):
    """Collect the ids, label targets, aria-describedby references and inputs of a page."""

    def __init__(self, html):
        super().__init__()
        self.ids, self.label_for, self.described_by, self.inputs, self.links = [], [], [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label" and "for" in attrs:
            self.label_for.append(attrs["for"])
        if "aria-describedby" in attrs:
            self.described_by += attrs["aria-describedby"].split()
        if tag in ("input", "textarea", "select") and attrs.get("type") not in ("hidden", "submit"):
            self.inputs.append(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])


def markup(response):
    assert response.status_code in (200, 400)
    return Markup(response.content.decode())


@pytest.fixture
def signed_in(client, testimony_a):
    client.force_login(testimony_a.owner)
    return client


def test_testimony_page_ids_are_unique(signed_in, testimony_a):
    """The photo and the audio forms share the page: no id appears twice."""
    page = markup(signed_in.get(reverse("collect:testimony", args=[testimony_a.pk])))
    assert [id_ for id_, count in Counter(page.ids).items() if count > 1] == []


def test_every_file_input_has_its_own_label(signed_in, testimony_a):
    """Both the photo and the audio file inputs are named by a label of their own."""
    page = markup(signed_in.get(reverse("collect:testimony", args=[testimony_a.pk])))
    file_inputs = [attrs["id"] for attrs in page.inputs if attrs.get("type") == "file"]
    assert len(file_inputs) == 2
    assert all(page.label_for.count(id_) == 1 for id_ in file_inputs)


def test_help_texts_are_read_with_their_input(signed_in, testimony_a):
    """Every aria-describedby names an element of the page, so help and errors are read out."""
    stage = Stage.objects.first()
    InterviewQuestion.objects.create(stage=stage, text="Qui ?", help_text="Citez les gens.")
    for url in (
        reverse("collect:testimony", args=[testimony_a.pk]),
        reverse("collect:stage", args=[testimony_a.pk, stage.slug]),
        reverse("collect:create"),
    ):
        page = markup(signed_in.get(url))
        assert page.described_by, url
        assert set(page.described_by) <= set(page.ids), url


def test_field_errors_are_read_with_their_input(signed_in, testimony_a):
    """A refused answer marks its text area invalid and points it to the error message."""
    stage = Stage.objects.first()
    question = InterviewQuestion.objects.create(stage=stage, text="Qui ?", help_text="Citez.")
    response = signed_in.post(
        reverse("collect:stage", args=[testimony_a.pk, stage.slug]),
        {"version": testimony_a.version, f"question_{question.pk}": "x" * 100_000},
    )
    page = markup(response)
    assert response.status_code == 400
    assert f"id_question_{question.pk}_error" in page.described_by
    assert set(page.described_by) <= set(page.ids)


def test_refused_file_links_back_to_its_input(signed_in, testimony_a):
    """The error list of a refused photo links to the photo input of the testimony page."""
    testimony_url = reverse("collect:testimony", args=[testimony_a.pk])
    not_a_photo = SimpleUploadedFile("photo.png", b"not an image", content_type="image/png")
    response = signed_in.post(
        reverse("collect:photo_upload", args=[testimony_a.pk]), {"file": not_a_photo}
    )
    assert response.status_code == 400
    error_links = [link for link in markup(response).links if "#" in link[1:]]
    assert error_links == [f"{testimony_url}#photo_file"]
    assert "photo_file" in markup(signed_in.get(testimony_url)).ids

"""No input produces a server error: property-based tests over the contributor forms."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.urls import reverse

from relais.collect.models import InterviewQuestion

ANY_TEXT = st.text(min_size=0, max_size=300)
PROBE = "<i data-probe>x</i>"
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.django_db
@SETTINGS
@given(text=ANY_TEXT, version=st.one_of(st.integers(-5, 10**12), st.text(max_size=10)))
def test_stage_form_never_errors(client, testimony_a, text, version):
    client.force_login(testimony_a.owner)
    question = InterviewQuestion.objects.filter(stage__slug="idee").first()
    data = {"version": version, f"question_{question.pk}": text + PROBE}
    for name in ("collect:stage", "collect:autosave"):
        response = client.post(reverse(name, args=[testimony_a.pk, "idee"]), data)
        assert response.status_code < 500
        assert PROBE not in response.content.decode()  # echoed back escaped, never as markup


@pytest.mark.django_db
@SETTINGS
@given(title=ANY_TEXT, name=ANY_TEXT, alt=ANY_TEXT)
def test_other_forms_never_error(client, testimony_a, title, name, alt):
    client.force_login(testimony_a.owner)
    responses = [
        client.post(reverse("collect:create"), {"title": title}),
        client.post(
            reverse("collect:submit", args=[testimony_a.pk]),
            {"public_name": name, "text_scope": "on", "accept": "on"},
        ),
        client.post(
            reverse("collect:photo_alt", args=[testimony_a.pk, uuid.uuid4()]), {"alt_text": alt}
        ),
        client.post(reverse("collect:login"), {"email": name}),
        client.post(reverse("collect:password_login"), {"username": name, "password": title}),
    ]
    assert all(r.status_code < 500 for r in responses)

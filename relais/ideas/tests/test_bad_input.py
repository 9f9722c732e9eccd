"""No input produces a server error on the idea box: a property-based test over its form."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.cache import cache

from ..models import Idea

PROBE = "<i data-probe>x</i>"
ANY_TEXT = st.text(min_size=0, max_size=2100)
SHORT_TEXT = st.text(max_size=300)
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.django_db
@SETTINGS
@given(
    text=ANY_TEXT,
    name=SHORT_TEXT,
    email=SHORT_TEXT,
    kind=st.one_of(st.sampled_from(["idea", "question", "tip"]), SHORT_TEXT),
    consent=st.one_of(st.sampled_from(["yes", "no"]), SHORT_TEXT),
    trap=st.one_of(st.just(""), SHORT_TEXT),
)
def test_the_idea_form_never_errors_and_echoes_nothing_as_markup(
    client, text, name, email, kind, consent, trap
):
    cache.clear()  # each example starts below the burst limit
    data = {
        "kind": kind,
        "text": text + PROBE,
        "name": name + PROBE,
        "email": email,
        "consent": consent,
        "website": trap,
    }
    response = client.post("/boite-a-idees/", data)
    assert response.status_code in (302, 400)
    assert PROBE not in response.content.decode()
    for idea in Idea.objects.all():
        assert len(idea.text) <= 2000

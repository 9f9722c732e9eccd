"""Public forms share a trap field for robots and a per-address limit on bursts of posts."""

import pytest

from django import forms
from django.core.cache import cache
from django.test import RequestFactory

from relais.core.public_forms import TrapMixin, within_limit, within_target_limit


@pytest.fixture(autouse=True)
def empty_counters():
    cache.clear()
    yield
    cache.clear()


def post_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_posts_beyond_the_limit_from_one_address_are_refused():
    """The fourth post within the hour is refused; another address is not held back."""
    results = [within_limit(post_from("192.0.2.1"), "idea", 3, 3600) for _ in range(4)]
    assert results == [True, True, True, False]
    assert within_limit(post_from("192.0.2.2"), "idea", 3, 3600)


def test_limits_of_different_forms_are_counted_apart():
    for _ in range(3):
        within_limit(post_from("192.0.2.1"), "idea", 3, 3600)
    assert within_limit(post_from("192.0.2.1"), "contact", 3, 3600)


def test_a_target_limit_counts_posts_from_every_address():
    """An ambassador receives at most N questions a day, whoever sends them."""
    sent = [within_target_limit("ambassador", 2, 86400, 7) for _ in range(3)]
    assert sent == [True, True, False]
    assert within_target_limit("ambassador", 2, 86400, 8)


class IdeaForm(TrapMixin, forms.Form):
    idea = forms.CharField()


def test_a_filled_trap_field_marks_the_post_as_a_robot_s():
    assert IdeaForm({"idea": "Une idée", "website": "http://spam.example"}).is_trapped()
    assert not IdeaForm({"idea": "Une idée", "website": ""}).is_trapped()
    assert not IdeaForm({"idea": "Une idée"}).is_trapped()

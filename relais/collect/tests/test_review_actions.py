"""The review screen offers what the workflow allows, and the server holds to it."""

import pytest

from django.urls import reverse

from relais.collect.choices import TestimonyStatus
from relais.collect.models import Testimony
from relais.staff.tests.factories import sign_in
from relais.stories.models import StoryPage


def action_url(testimony, action):
    return reverse("collect_admin:action", args=[testimony.pk, action])


def offered(client, testimony):
    """Return the actions the review screen shows forms for."""
    html = client.get(reverse("collect_admin:review", args=[testimony.pk])).content.decode()
    return {a for a in ("review", "story", "return") if action_url(testimony, a) in html}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (TestimonyStatus.SUBMITTED, {"review", "story", "return"}),
        (TestimonyStatus.IN_REVIEW, {"story", "return"}),
        (TestimonyStatus.RETURNED, set()),
        (TestimonyStatus.PUBLISHED, {"review", "story"}),
    ],
)
def test_the_screen_offers_the_transitions_of_the_workflow(
    client, editor, testimony_a, status, expected
):
    """A published testimony may go back to review, as the workflow allows (here its story
    was deleted, so a new one may be drafted); a returned one waits for its ambassador."""
    Testimony.objects.filter(pk=testimony_a.pk).update(status=status)
    sign_in(client, editor)
    assert offered(client, testimony_a) == expected


@pytest.mark.django_db
def test_a_testimony_is_turned_into_one_story_only(client, editor, testimony_a):
    """A second "turn into a story" (another tab, a double click) is refused."""
    Testimony.objects.filter(pk=testimony_a.pk).update(status=TestimonyStatus.SUBMITTED)
    sign_in(client, editor)
    client.post(action_url(testimony_a, "story"))
    testimony_a.refresh_from_db()
    assert testimony_a.story is not None and testimony_a.status == TestimonyStatus.IN_REVIEW
    assert "story" not in offered(client, testimony_a)
    client.post(action_url(testimony_a, "story"))
    assert StoryPage.objects.filter(title=testimony_a.title).count() == 1


@pytest.mark.django_db
def test_drafting_a_story_of_a_published_testimony_moves_it_back_to_review(
    client, editor, testimony_a
):
    Testimony.objects.filter(pk=testimony_a.pk).update(status=TestimonyStatus.PUBLISHED)
    sign_in(client, editor)
    client.post(action_url(testimony_a, "story"))
    testimony_a.refresh_from_db()
    assert testimony_a.story is not None and testimony_a.status == TestimonyStatus.IN_REVIEW

"""Editors see, month by month, how many questions each ambassador received; no words."""

import datetime
import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from relais.contact.services import count_question
from relais.core.tests.factories import UserFactory
from relais.staff.tests.factories import sign_in_with_second_factor

from .factories import AskableAmbassadorFactory, QuestionCountFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("contact_question_counts")


def signed_in(client, **fields):
    sign_in_with_second_factor(client, UserFactory(**fields))
    return client


def test_editors_see_the_counts_per_ambassador_and_month(client):
    QuestionCountFactory(
        ambassador__display_name="Karim Essai", month=datetime.date(2026, 3, 1), count=4
    )
    page = signed_in(client, groups=["Editors"]).get(REPORT).content.decode()
    assert "Questions aux ambassadeurs" in page
    assert "Karim Essai" in page
    assert "mars 2026" in page
    assert re.search(r"<td[^>]*>\s*4\s*</td>", page)


def test_the_report_is_in_the_reports_menu_of_editors(client):
    page = signed_in(client, groups=["Editors"]).get(reverse("wagtailadmin_home"))
    assert REPORT in page.content.decode()


def test_admin_users_without_the_permission_cannot_see_the_report(client):
    admin_only = Group.objects.create(name="Accès admin seul")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    client = signed_in(client, groups=["Accès admin seul"])
    response = client.get(REPORT)  # Wagtail sends them home with "permission denied"
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_counts_add_up_within_a_month_and_start_again_the_next(db):
    ambassador = AskableAmbassadorFactory()
    for day in (datetime.date(2026, 3, 2), datetime.date(2026, 3, 31), datetime.date(2026, 4, 1)):
        count_question(ambassador, day)
    counts = {row.month: row.count for row in ambassador.question_counts.all()}
    assert counts == {datetime.date(2026, 3, 1): 2, datetime.date(2026, 4, 1): 1}

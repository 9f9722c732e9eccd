"""The editors' testimony list in the Wagtail admin: filters, pages, a summary of each."""

import datetime

import pytest

from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from relais.collect.choices import TestimonyStatus
from relais.collect.models import Answer, InterviewQuestion, Testimony
from relais.staff.tests.factories import sign_in

from .conftest import make_user

LIST = "testimonies:index"


def sent(owner, title, status=TestimonyStatus.SUBMITTED, **fields):
    testimony = Testimony.objects.create(owner=owner, title=title, **fields)
    Testimony.objects.filter(pk=testimony.pk).update(status=status)
    return testimony


@pytest.fixture
def signed_in_editor(client, editor):
    sign_in(client, editor)
    return client


@pytest.mark.django_db
def test_the_list_names_ambassadors_never_their_email_and_hides_drafts(
    signed_in_editor, ambassador_a
):
    sent(ambassador_a, "Témoignage envoyé", public_name="Alice M.")
    sent(ambassador_a, "Brouillon d'Alice", status=TestimonyStatus.DRAFT)
    html = signed_in_editor.get(reverse(LIST)).content.decode()
    assert "Témoignage envoyé" in html and "Alice M." in html
    assert "Brouillon" not in html and "a@example.org" not in html
    review = reverse(
        "collect_admin:review", args=[Testimony.objects.get(title__contains="envoy").pk]
    )
    assert f'href="{review}"' in html
    assert f'href="{reverse("collect_admin:invite")}"' in html


@pytest.mark.django_db
def test_the_list_filters_by_status_stage_and_date(signed_in_editor, ambassador_a):
    returned = sent(ambassador_a, "Titre alpha", status=TestimonyStatus.RETURNED)
    told = sent(ambassador_a, "Titre beta")
    old = sent(ambassador_a, "Titre gamma")
    question = InterviewQuestion.objects.filter(stage__slug="vote").first()
    Answer.objects.create(testimony=told, question=question, text="Le jour du vote…")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Testimony.objects.filter(pk=old.pk).update(updated_at=long_ago)

    def titles(**query):
        response = signed_in_editor.get(reverse(LIST), query)
        assert response.status_code == 200
        html = response.content.decode()
        return {t.title for t in (returned, told, old) if t.title in html}

    assert titles(status="returned") == {"Titre alpha"}
    assert titles(stage=question.stage_id) == {"Titre beta"}
    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()
    assert titles(updated_at_from=since) == {"Titre alpha", "Titre beta"}


@pytest.mark.django_db
def test_the_list_is_paginated(signed_in_editor, ambassador_a):
    for number in range(30):
        sent(ambassador_a, f"Témoignage numéro {number:02d}")
    first = signed_in_editor.get(reverse(LIST)).content.decode()
    second = signed_in_editor.get(reverse(LIST), {"p": 2}).content.decode()
    on_first = {n for n in range(30) if f"numéro {n:02d}" in first}
    on_second = {n for n in range(30) if f"numéro {n:02d}" in second}
    assert on_first and on_second and not on_first & on_second
    assert len(on_first) < 30


@pytest.mark.django_db
def test_the_summary_shows_the_testimony_without_email(signed_in_editor, ambassador_a):
    testimony = sent(ambassador_a, "Résumé", public_name="Alice M.", consent_voice_scope=True)
    response = signed_in_editor.get(reverse("testimonies:inspect", args=[testimony.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Résumé" in html and "Alice M." in html and "voix" in html
    assert "a@example.org" not in html


@pytest.mark.django_db
def test_a_draft_has_no_summary(signed_in_editor, testimony_a):
    response = signed_in_editor.get(reverse("testimonies:inspect", args=[testimony_a.pk]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_editors_cannot_edit_or_delete_a_testimony_in_a_generic_form(signed_in_editor, testimony_a):
    """Only the list and the summary exist: the workflow's screens do everything else."""
    for view in ("add", "edit", "delete", "history"):
        args = [] if view == "add" else [testimony_a.pk]
        with pytest.raises(NoReverseMatch):
            reverse(f"testimonies:{view}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["ambassador_a", "funder"])
def test_ambassadors_and_funders_never_see_the_list(client, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(LIST))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_the_menu_shows_testimonies_to_editors_only(client, editor):
    admin_only = make_user("gestion@example.org")
    admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, admin_only)
    assert reverse(LIST) not in client.get("/admin/").content.decode()
    sign_in(client, editor)
    assert reverse(LIST) in client.get("/admin/").content.decode()

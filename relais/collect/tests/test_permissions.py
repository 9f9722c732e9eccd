"""Permission matrix: who may read, edit, submit, withdraw a testimony and fetch its media."""

from urllib.parse import urlsplit

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from relais.collect import services
from relais.staff.tests.factories import sign_in

# "editor" signed in all the way (password and app code); "editor_password_only" stopped
# after the password: the admin asks for the code, and private media stay closed.
ROLES = ["anonymous", "ambassador_a", "ambassador_b", "editor", "editor_password_only", "funder"]

# (name, method, url builder, expected outcome per role). An outcome is a status code, or
# the page a redirect leads to: "sign-in" (contributor or admin sign-in), "second-factor"
# (the admin's code step), "testimony" or "review" (the action was done). Others'
# testimonies look like they do not exist (404).
MATRIX = [
    (
        "read",
        "get",
        lambda t, p: reverse("collect:testimony", args=[t.pk]),
        {
            "anonymous": "sign-in",
            "ambassador_a": 200,
            "ambassador_b": 404,
            "editor": 404,
            "editor_password_only": 404,
            "funder": 404,
        },
    ),
    (
        "edit",
        "post",
        lambda t, p: reverse("collect:stage", args=[t.pk, "idee"]),
        {
            "anonymous": "sign-in",
            "ambassador_a": "testimony",
            "ambassador_b": 404,
            "editor": 404,
            "editor_password_only": 404,
            "funder": 404,
        },
    ),
    (
        "autosave",
        "post",
        lambda t, p: reverse("collect:autosave", args=[t.pk, "idee"]),
        {
            "anonymous": "sign-in",
            "ambassador_a": 200,
            "ambassador_b": 404,
            "editor": 404,
            "editor_password_only": 404,
            "funder": 404,
        },
    ),
    (
        "submit",
        "get",
        lambda t, p: reverse("collect:submit", args=[t.pk]),
        {
            "anonymous": "sign-in",
            "ambassador_a": 200,
            "ambassador_b": 404,
            "editor": 404,
            "editor_password_only": 404,
            "funder": 404,
        },
    ),
    (
        "withdraw",
        "get",
        lambda t, p: reverse("collect:withdraw", args=[t.pk]),
        {
            "anonymous": "sign-in",
            "ambassador_a": 200,
            "ambassador_b": 404,
            "editor": 404,
            "editor_password_only": 404,
            "funder": 404,
        },
    ),
    (
        "photo",
        "get",
        lambda t, p: reverse("collect:photo_file", args=[p.public_id]),
        {
            "anonymous": "sign-in",
            "ambassador_a": 200,
            "ambassador_b": 404,
            "editor": 200,
            "editor_password_only": 404,
            "funder": 404,
        },
    ),
    (
        "review",
        "get",
        lambda t, p: reverse("collect_admin:review", args=[t.pk]),
        {
            "anonymous": "sign-in",
            "ambassador_a": "sign-in",
            "ambassador_b": "sign-in",
            "editor": 200,
            "editor_password_only": "second-factor",
            "funder": "sign-in",
        },
    ),
    (
        "return",
        "post",
        lambda t, p: reverse("collect_admin:action", args=[t.pk, "return"]),
        {
            "anonymous": "sign-in",
            "ambassador_a": "sign-in",
            "ambassador_b": "sign-in",
            "editor": "review",
            "editor_password_only": "second-factor",
            "funder": "sign-in",
        },
    ),
]


def outcome(response, testimony):
    """Return the status code or, for a redirect, the name of the page it leads to."""
    if response.status_code != 302:
        return response.status_code
    path = urlsplit(response["Location"]).path
    pages = {
        reverse("collect:login"): "sign-in",
        reverse("wagtailadmin_login"): "sign-in",
        reverse("staff_2fa:enrol"): "second-factor",
        reverse("staff_2fa:verify"): "second-factor",
        reverse("collect:testimony", args=[testimony.pk]): "testimony",
        reverse("collect_admin:review", args=[testimony.pk]): "review",
    }
    return pages.get(path, path)


@pytest.fixture
def submitted(testimony_a, png_upload):
    photo = services.add_photo(testimony_a, png_upload, "Une photo")
    testimony_a.status = "submitted"
    testimony_a.save()
    return testimony_a, photo


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("action", "method", "url", "expected"), MATRIX, ids=[m[0] for m in MATRIX]
)
def test_permission_matrix(request, client, submitted, role, action, method, url, expected):
    testimony, photo = submitted
    if role == "editor_password_only":
        client.force_login(request.getfixturevalue("editor"))
    elif role != "anonymous":
        sign_in(client, request.getfixturevalue(role))
    if action in ("edit", "autosave", "submit"):  # these need a draft
        testimony.status = "draft"
        testimony.save()
    data = {"version": testimony.version, "comment": "À préciser"} if method == "post" else None
    response = getattr(client, method)(url(testimony, photo), data)
    assert outcome(response, testimony) == expected[role], (role, action)


@pytest.mark.django_db
def test_only_editors_can_return_a_testimony(client, submitted, ambassador_a, editor):
    testimony, _photo = submitted
    url = reverse("collect_admin:action", args=[testimony.pk, "return"])
    client.force_login(ambassador_a)
    client.post(url, {"comment": "Je me renvoie moi-même"})
    testimony.refresh_from_db()
    assert testimony.status == "submitted"
    sign_in(client, editor)
    client.post(url, {"comment": "À préciser"})
    testimony.refresh_from_db()
    assert testimony.status == "returned"


@pytest.mark.django_db
def test_ambassadors_and_funders_never_reach_the_wagtail_admin(client, ambassador_a, funder):
    """Not even its second-factor step: they are never offered to set up an app."""
    for user in (ambassador_a, funder):
        client.force_login(user)
        for url in ("/admin/", reverse("staff_2fa:enrol"), reverse("staff_2fa:verify")):
            response = client.get(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not TOTPDevice.objects.exists()


@pytest.mark.django_db
def test_a_contributor_only_lists_their_own_work(client, testimony_a, ambassador_b):
    client.force_login(ambassador_b)
    html = client.get(reverse("collect:dashboard")).content.decode()
    assert testimony_a.title.replace("'", "&#x27;") not in html


@pytest.mark.django_db
def test_signing_in_returns_to_the_page_asked_with_its_query_string(client):
    """An anonymous visitor is sent to the contributor sign-in with the full path as `next`."""
    response = client.get(reverse("collect:dashboard"), {"onglet": "photos", "page": "2"})
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("collect:login") + "?next=/contribuer/%3Fonglet%3Dphotos%26page%3D2"
    )
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_admin_user_who_may_not_review_testimonies_is_refused(client, submitted):
    """Someone in the Wagtail admin without the editors' permission is refused.

    Wagtail turns the refusal (403) into a message on the admin home.
    """
    user = get_user_model().objects.create_user("gestion@example.org", "gestion@example.org")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, user)
    testimony, _photo = submitted
    for url in (
        reverse("testimonies:index"),
        reverse("collect_admin:review", args=[testimony.pk]),
    ):
        response = client.get(url, follow=True)
        assert response.redirect_chain == [("/admin/", 302)]
        assert "les autorisations pour accéder à cette zone" in response.content.decode()

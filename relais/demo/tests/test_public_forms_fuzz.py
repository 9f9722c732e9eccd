"""No input makes a public form fail: property-based posts of hostile text to every one.

Every form that a visitor reaches without an account is listed once in PUBLIC_FORMS, with
the fields a person types in and the fixed values a valid post needs. Hypothesis fills the
typed fields with any Unicode (control characters and NUL included), HTML and scripts,
header-injection attempts, addresses that almost look valid, and very long strings; the
site must answer below 500 and never echo the markup unescaped. Adding a form (the idea box,
the diagnostic, the search) is one line in PUBLIC_FORMS.
"""

from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.cache import caches


class PublicForm(NamedTuple):
    url: str
    valid: dict  # what a visitor types, filled in so that the form is accepted
    fixed: dict = {}  # what a valid post also needs (a ticked box, a choice)
    method: str = "post"

    @property
    def fields(self):
        return tuple(self.valid)


EMAIL = {"email": "lea@example.net"}
PUBLIC_FORMS = {
    "ask an ambassador": PublicForm(
        "/ambassadeurs/nadia-b/question/",
        {"first_name": "Léa", **EMAIL, "message": "Comment trouver un collectif ?"},
        {"consent": "on"},
    ),
    "sign-in link": PublicForm("/contribuer/connexion/", EMAIL),
    "password sign-in": PublicForm(
        "/contribuer/connexion/mot-de-passe/", {"username": "lea@example.net", "password": "x"}
    ),
    "password reset": PublicForm("/contribuer/connexion/mot-de-passe/oublie/", EMAIL),
    "story filters": PublicForm(
        "/histoires/", {"etape": "idee", "theme": "culture", "page": "2"}, method="get"
    ),
    "card filters": PublicForm(
        "/savoirs/", {"etape": "idee", "type": "astuce", "theme": "culture"}, method="get"
    ),
    "idea box": PublicForm(
        "/boite-a-idees/",
        {"text": "Où trouver une salle ?", "name": "Léa", **EMAIL},
        {"kind": "question", "consent": "yes"},
    ),
    "search": PublicForm(
        "/recherche/",
        {"q": "épicerie solidaire", "type": "card", "etape": "idee", "page": "1"},
        method="get",
    ),
    "self-diagnostic": PublicForm(
        "/mon-idee/resultat/",
        {"theme": "alimentation", "territoire": "arras", "etape": "idee", "phrase": "non"},
        {"groupe": "seul", "habitants": "non", "argent": "oui", "besoin": "non"},
        method="get",
    ),
}

PROBE = "<i data-probe>x</i>"
HOSTILE_TEXTS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "x@example.org\r\nBcc: victime@example.org",
    "x@example.org\nSubject: spam",
    "\u202eevil\u202c",
    "\ufeff\u200b\u00a0",
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "%00%0d%0a",
    "a@b",
    "a@-b.org",
    "a@xn--.org",
    "é@ü.example",
    "x" * 64 + "@" + "y" * 250 + ".org",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🤖 " * 50,
    "épicerie solidaire " * 200,
    "a" * 100_000,
]
HOSTILE = st.sampled_from(HOSTILE_TEXTS)
TYPED = st.one_of(
    HOSTILE,
    st.tuples(st.text(max_size=20), HOSTILE).map("".join),
    st.text(max_size=300),  # any code point but surrogates: NUL and controls included
    st.text(min_size=1, max_size=8).map(lambda chunk: chunk * 3000),  # long, repeated
    st.emails(),
    st.tuples(st.emails(), st.text(max_size=20)).map("".join),
)
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_FORMS)
@SETTINGS
@given(values=st.lists(TYPED, min_size=4, max_size=4), probe=st.booleans())
def test_public_forms_never_answer_a_server_error(client, name, values, probe):
    form = PUBLIC_FORMS[name]
    data = dict(zip(form.fields, values, strict=False))
    if probe:
        data[form.fields[-1]] += PROBE
    send_safely(client, form, data)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_FORMS)
def test_public_forms_survive_every_known_hostile_text_in_every_field(client, name):
    """Each text in all fields at once, then in one field of an otherwise valid post."""
    form = PUBLIC_FORMS[name]
    for text in HOSTILE_TEXTS:
        send_safely(client, form, dict.fromkeys(form.fields, text + PROBE))
        for field in form.fields:
            send_safely(client, form, {**form.valid, field: text + PROBE})


def send_safely(client, form, data):
    """Send the form; check it answered below 500 and echoed no markup."""
    caches["default"].clear()  # burst limits would otherwise answer 429 to every example
    send = client.get if form.method == "get" else client.post
    response = send(form.url, {**form.fixed, **data})
    assert response.status_code < 500, (form.url, data)
    assert PROBE not in response.content.decode(errors="replace")  # escaped, never markup


@pytest.mark.django_db
@pytest.mark.parametrize("name", [n for n, f in PUBLIC_FORMS.items() if f.method == "post"])
def test_each_public_form_is_reachable(client, name):
    """A form that moved would make the fuzzing above test a 404 page; no field refuses `valid`."""
    form = PUBLIC_FORMS[name]
    response = client.get(form.url)
    assert response.status_code == 200
    for field in form.fields:
        assert f'name="{field}"' in response.content.decode()
    answer = client.post(form.url, {**form.fixed, **form.valid}).content.decode()
    assert "field__error" not in answer  # a wrong password is the form's error, not a field's

"""Median latency of the autosave endpoint, through gunicorn, with a signed-in ambassador."""

import statistics
import time

from bench.client import django_shell, fetch

REQUESTS = 100
CSRF = "benchcsrfsecret0123456789abcdefg"  # an unmasked 32-character CSRF secret

SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from relais.collect.models import InterviewQuestion, Testimony
user, _ = get_user_model().objects.get_or_create(username="bench@example.org")
testimony = Testimony.objects.create(owner=user, title="Banc d'essai")
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
question = InterviewQuestion.objects.filter(stage__slug="idee").first()
print(session.session_key, testimony.pk, question.pk)
"""


def prepare(env):
    """Return (session key, testimony id, question id) of a new signed-in ambassador."""
    session, testimony, question = django_shell(env, SETUP).split()
    return session, int(testimony), int(question)


def post(port, path, body, session):
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sessionid={session}; csrftoken={CSRF}",
        "X-CSRFToken": CSRF,
    }
    return fetch(port, path, method="POST", body=body, headers=headers)


def median_ms(port, session, testimony, question):
    """Return the median time of REQUESTS sequential autosaves (each with the new version)."""
    import json
    from urllib.parse import urlencode

    path = f"/contribuer/temoignages/{testimony}/etapes/idee/autosave/"
    version, timings = 1, []
    for number in range(REQUESTS):
        body = urlencode({"version": version, f"question_{question}": f"Brouillon {number}. " * 40})
        start = time.perf_counter()
        data = post(port, path, body, session)
        timings.append((time.perf_counter() - start) * 1000)
        version = json.loads(data)["version"]
    return statistics.median(timings)

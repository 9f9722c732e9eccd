"""Run inside the site under test (its environment): create the ambassadors, read their answers.

    python -m bench.soak.site_data ambassadors 10   # prints their accounts as JSON
    python -m bench.soak.site_data answers          # prints every testimony's saved answers

The output is one JSON line, so that the soak reads the database without importing Django.
"""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from sesame.utils import get_query_string  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.urls import reverse  # noqa: E402

from relais.collect.accounts import AMBASSADORS_GROUP  # noqa: E402
from relais.collect.models import InterviewQuestion, Testimony  # noqa: E402
from relais.collect.services import save_answers  # noqa: E402

TITLE = "Témoignage de soak n° {}"


def stages():
    """Return [(stage slug, [question ids])] in the order of the interview grid."""
    grid = {}
    for question in InterviewQuestion.objects.select_related("stage").order_by(
        "stage__sort_order", "pk"
    ):
        grid.setdefault(question.stage.slug, []).append(question.pk)
    return list(grid.items())


def create_ambassadors(count):
    """Create `count` ambassadors, each with a testimony already started and a sign-in link."""
    group, _ = Group.objects.get_or_create(name=AMBASSADORS_GROUP)
    grid, first_question = stages(), InterviewQuestion.objects.order_by("pk").first()
    accounts = []
    for number in range(count):
        user = get_user_model().objects.create(
            username=f"soak{number}@example.org", email=f"soak{number}@example.org"
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
        testimony = Testimony.objects.create(owner=user, title=TITLE.format(number))
        version = save_answers(
            testimony, {first_question: "Début du témoignage."}, testimony.version
        )
        accounts.append(
            {
                "email": user.email,
                "testimony": testimony.pk,
                "version": version,
                "link": reverse("collect:login_link") + get_query_string(user),
                "stages": grid,
                "started": {str(first_question.pk): "Début du témoignage."},
            }
        )
    return accounts


def saved_answers():
    """Return {testimony id: {"version": …, "answers": {question id: text}}}."""
    return {
        str(testimony.pk): {
            "version": testimony.version,
            "answers": {str(a.question_id): a.text for a in testimony.answers.all()},
        }
        for testimony in Testimony.objects.prefetch_related("answers")
    }


if __name__ == "__main__":
    if sys.argv[1] == "ambassadors":
        print(json.dumps(create_ambassadors(int(sys.argv[2]))))
    elif sys.argv[1] == "answers":
        print(json.dumps(saved_answers()))
    else:
        sys.exit(__doc__)

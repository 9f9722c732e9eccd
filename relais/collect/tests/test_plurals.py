"""Counts in the contributor space agree in French: one stage answered, two stages answered."""

import pytest

from django.urls import reverse

from relais.collect import services
from relais.collect.models import InterviewQuestion


def answer_stages(testimony, count):
    """Answer the first question of `count` different stages."""
    questions, seen = [], set()
    for question in InterviewQuestion.objects.order_by("stage__sort_order", "sort_order"):
        if question.stage_id not in seen and len(questions) < count:
            seen.add(question.stage_id)
            questions.append(question)
    services.save_answers(testimony, dict.fromkeys(questions, "Une réponse"), testimony.version)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("answered", "expected"),
    [
        (0, "0 étape renseignée sur {total}"),
        (1, "1 étape renseignée sur {total}"),
        (2, "2 étapes renseignées sur {total}"),
    ],
)
def test_the_progress_line_agrees_with_the_number_of_stages(
    client, testimony_a, answered, expected
):
    total = InterviewQuestion.objects.values("stage").distinct().count()
    answer_stages(testimony_a, answered)
    client.force_login(testimony_a.owner)
    html = client.get(reverse("collect:testimony", args=[testimony_a.pk])).content.decode()
    assert expected.format(total=total) in html

"""The questions as the public pages use them: plain values, read once per content change."""

import re
from dataclasses import dataclass, field

from relais.core.content_cache import cached_for_content

from .models import DiagnosticQuestion

# French puts a space before ? ! : ; – a non-breaking one keeps the mark on the word's line.
SPACE_BEFORE_MARK = re.compile(r" ([?!:;])")


def french_spacing(text):
    """Return text with non-breaking spaces before the French double punctuation marks."""
    return SPACE_BEFORE_MARK.sub("\u00a0\\1", text)


@dataclass(frozen=True)
class Answer:
    value: str
    label: str
    points: dict  # {dimension: points}
    theme: tuple | None = None  # (id, name)
    territory: tuple | None = None  # (id, name, parent id)
    stage: tuple | None = None  # (id, name)
    warning: str = ""  # a blocker the result says plainly


@dataclass(frozen=True)
class Question:
    slug: str
    text: str
    help_text: str
    glossary: tuple | None  # (term, address of its definition)
    answers: tuple = field(default_factory=tuple)

    def answer(self, value):
        """Return the answer whose short name is `value`, or None."""
        return next((a for a in self.answers if a.value == value), None)


def all_questions():
    """Return the questions in order, with their answers (two queries per content change)."""
    return cached_for_content("diagnostic:questions", _read_questions)


def _read_questions():
    questions = DiagnosticQuestion.objects.select_related("glossary_term").prefetch_related(
        "answers__theme", "answers__territory", "answers__stage"
    )
    return [_question(question) for question in questions]


def _question(question):
    term = question.glossary_term
    return Question(
        slug=question.slug,
        text=french_spacing(question.text),
        help_text=french_spacing(question.help_text),
        glossary=(term.term, term.get_absolute_url()) if term else None,
        answers=tuple(_answer(answer) for answer in question.answers.all()),
    )


def _answer(answer):
    theme, territory, stage = answer.theme, answer.territory, answer.stage
    return Answer(
        value=answer.value,
        label=french_spacing(answer.label),
        points=answer.points(),
        theme=(theme.pk, theme.name) if theme else None,
        territory=(territory.pk, territory.name, territory.parent_id) if territory else None,
        stage=(stage.pk, stage.name) if stage else None,
        warning=french_spacing(answer.warning),
    )

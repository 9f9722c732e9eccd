"""From answers to a profile: readiness per dimension, and the theme, territory and stage."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import Dimension

READY, ALMOST, TO_WORK = "pret", "presque", "a-travailler"
LEVELS = {
    READY: _("Ready"),
    ALMOST: _("Almost"),
    TO_WORK: _("To work on"),
}
READY_FROM, ALMOST_FROM = 75, 40  # percent of the points a dimension can get
ADVICE = {
    Dimension.COLLECTIVE: _(
        "Talk about your idea to two or three people. Ask them to join you: a project is "
        "carried by a group."
    ),
    Dimension.VALUES: _(
        "Think about who decides and who gains. In the ESS, people decide together and the "
        "money stays in the project."
    ),
    Dimension.LOCAL: _(
        "Meet the people around you: the town hall, a social centre, an association of your "
        "neighbourhood. They can help."
    ),
    Dimension.MATURITY: _(
        "Write your idea in one sentence: for whom, what, where. A comptoir helps you do it."
    ),
    Dimension.BUDGET: _(
        "Make a list of what you need to buy, with a price for each thing. Ask for quotes."
    ),
    Dimension.CALENDAR: _(
        "Look at the dates below and keep time for the comptoir and for the application."
    ),
}


@dataclass(frozen=True)
class Readiness:
    """How ready an idea is on one dimension."""

    dimension: str
    label: str
    points: int
    maximum: int

    @property
    def percent(self):
        return round(100 * self.points / self.maximum)

    @property
    def bar_step(self):
        """Return the percent rounded to tens, for the bar's width (no inline style: CSP)."""
        return round(self.percent, -1)

    @property
    def level(self):
        if self.percent >= READY_FROM:
            return READY
        return ALMOST if self.percent >= ALMOST_FROM else TO_WORK

    @property
    def level_label(self):
        return LEVELS[self.level]

    @property
    def advice(self):
        return "" if self.level == READY else ADVICE[self.dimension]


@dataclass(frozen=True)
class Profile:
    """What the answers say: readiness, and what chooses the stories, cards and people."""

    readiness: tuple
    theme: tuple | None  # (id, name)
    territory: tuple | None  # (id, name, parent id)
    stage: tuple | None  # (id, name)
    # The labels of the answers that gave them, in the person's own words ("Autour d'Arras"
    # rather than the territory's institutional name), for "Parce que vous avez choisi : …".
    reasons: tuple = ()
    warnings: tuple = ()  # (warning, glossary (term, address) or None) of blocking answers

    @property
    def all_low(self):
        """Whether every dimension is still to work on: the result then encourages first."""
        return bool(self.readiness) and all(r.level == TO_WORK for r in self.readiness)


def profile(questions, chosen):
    """Return the Profile of `chosen` ({question slug: answer}); unanswered ones count 0."""
    points = dict.fromkeys(Dimension.values, 0)
    maximum = dict.fromkeys(Dimension.values, 0)
    for question in questions:
        for dimension in Dimension.values:
            best = max((a.points.get(dimension, 0) for a in question.answers), default=0)
            maximum[dimension] += best
        answer = chosen.get(question.slug)
        if answer is not None:
            for dimension, value in answer.points.items():
                points[dimension] += value
    readiness = tuple(
        Readiness(d.value, d.label, points[d.value], maximum[d.value])
        for d in Dimension
        if maximum[d.value]
    )
    answers = [chosen[q.slug] for q in questions if q.slug in chosen]
    giving = [
        next((a for a in answers if getattr(a, key)), None)
        for key in ("theme", "territory", "stage")
    ]
    return Profile(
        readiness=readiness,
        reasons=tuple(a.label for a in giving if a is not None),
        warnings=tuple(
            (chosen[q.slug].warning, q.glossary)
            for q in questions
            if q.slug in chosen and chosen[q.slug].warning
        ),
        theme=next((a.theme for a in answers if a.theme), None),
        territory=next((a.territory for a in answers if a.territory), None),
        stage=next((a.stage for a in answers if a.stage), None),
    )


def chosen_answers(questions, values):
    """Return {question slug: Answer} for the `values` ({slug: short name}) that exist."""
    chosen = {}
    for question in questions:
        answer = question.answer(values.get(question.slug, ""))
        if answer is not None:
            chosen[question.slug] = answer
    return chosen

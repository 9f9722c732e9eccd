"""Factories of the diagnostic: questions with their answers, and a small questionnaire."""

import factory

from ..models import DiagnosticAnswer, DiagnosticQuestion, KeptPath


class DiagnosticQuestionFactory(factory.django.DjangoModelFactory):
    """A question; ``answers=[dict(value=…, label=…, collectif=2, theme=…), …]``."""

    class Meta:
        model = DiagnosticQuestion
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"question-{n}")
    text = factory.Sequence(lambda n: f"Question d'essai {n} ?")
    sort_order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def answers(self, create, extracted, **kwargs):
        rows = extracted or [{"value": "non", "label": "Non"}, {"value": "oui", "label": "Oui"}]
        self.answers = [DiagnosticAnswer(sort_order=i, **row) for i, row in enumerate(rows)]
        if create:
            self.save()


class KeptPathFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeptPath

    token = factory.Sequence(lambda n: f"jeton-secret-{n:04d}-abcdefghijklmnopqrstuv")
    answers = factory.LazyFunction(dict)


def questionnaire(*, themes, territories, stages):
    """Create four questions: theme, territory, stage, and a group one with points.

    Answers' short names are the slugs of what they give (or "seul"/"groupe").
    """
    DiagnosticQuestionFactory(
        slug="theme",
        text="De quoi parle votre idée ?",
        answers=[{"value": t.slug, "label": t.name, "theme": t} for t in themes]
        + [{"value": "autre", "label": "Autre chose"}],
    )
    DiagnosticQuestionFactory(
        slug="territoire",
        text="Où se passera votre projet ?",
        answers=[{"value": t.slug, "label": t.name, "territory": t} for t in territories]
        + [{"value": "ailleurs", "label": "Ailleurs"}],
    )
    DiagnosticQuestionFactory(
        slug="etape",
        text="Où en êtes-vous ?",
        answers=[
            {"value": s.slug, "label": s.name, "stage": s, "maturite": i}
            for i, s in enumerate(stages)
        ],
    )
    DiagnosticQuestionFactory(
        slug="groupe",
        text="Êtes-vous seul ou à plusieurs ?",
        answers=[
            {"value": "seul", "label": "Seul"},
            {"value": "deux", "label": "À deux", "collectif": 1},
            {"value": "groupe", "label": "En groupe", "collectif": 3, "valeurs": 1},
        ],
    )


def answers(**values):
    """Return the answers of the `world` fixture's questions, with `values` changed."""
    base = {"theme": "alimentation", "territoire": "arrageois", "etape": "idee", "groupe": "groupe"}
    return base | values

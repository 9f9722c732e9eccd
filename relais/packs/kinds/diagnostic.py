"""diagnostic.yaml: the questions of the self-diagnostic, in order, with their answers.

Each answer has points on dimensions (collectif, valeurs, ancrage, maturite, budget,
calendrier; 0 to 3), may carry a `warning` the result shows near its top (a blocker, said
plainly with what to do), and may give the person's theme, territory or stage by slug. A question
may name a glossary term of the pack. Questions are found again by slug; a question missing
from the pack is left as it is on the site.
"""

from django.utils.translation import gettext as _

from relais.diagnostic.choices import Dimension
from relais.diagnostic.models import MAX_POINTS, DiagnosticAnswer, DiagnosticQuestion
from relais.glossary.models import GlossaryTerm
from relais.journey.models import Stage, Territory, Theme

from ..files import PackError
from ..pack import check_lengths, fields
from ..writes import UPDATED, set_children, upsert

NAME = "diagnostic"
FILE = "diagnostic.yaml"
TOP = {"questions": (list, True)}
QUESTION = {
    "slug": (str, True),
    "text": (str, True),
    "help": (str, False),
    "glossary": (str, False),
    "answers": (list, True),
}
ANSWER = {
    "value": (str, True),
    "label": (str, True),
    "points": (dict, False),
    "theme": (str, False),
    "territory": (str, False),
    "stage": (str, False),
    "warning": (str, False),
}
GIVES = ("theme", "territory", "stage")
ANSWER_FIELDS = (
    "value",
    "label",
    *Dimension.values,
    "theme_id",
    "territory_id",
    "stage_id",
    "warning",
    "sort_order",
)


def read(pack):
    """Read diagnostic.yaml, if the pack has one (a pack without it leaves the questions)."""
    pack.items[NAME] = []
    if not (pack.folder.root / FILE).is_file():
        return
    meta = pack.guard(pack.folder.read_yaml, pack.folder.resolve(FILE, FILE))
    top = meta is not None and pack.guard(fields, meta, FILE, TOP)
    if top:
        items = [pack.guard(_question, pack, q) for q in top["questions"]]
        pack.items[NAME] = [item for item in items if item is not None]


def _question(pack, meta):
    data = fields(meta, FILE, QUESTION)
    names = {"slug": "slug", "text": "text", "help": "help_text"}
    check_lengths(data, meta, FILE, DiagnosticQuestion, names)
    pack.claim_slug(NAME, data["slug"], FILE, meta.line)
    answers = [_answer(a, meta.line) for a in data["answers"]]
    if len(answers) < 2:
        raise PackError(_("a question needs at least two answers"), FILE, meta.line)
    values = [answer["value"] for answer in answers]
    if len(set(values)) != len(values):
        message = _("two answers of the question %(slug)s have the same value")
        raise PackError(message % {"slug": data["slug"]}, FILE, meta.line)
    data["answers"], data["line"] = answers, meta.line
    return data


def _answer(meta, line):
    data = fields(meta, FILE, ANSWER, line)
    names = {"value": "value", "label": "label", "warning": "warning"}
    check_lengths(data, meta, FILE, DiagnosticAnswer, names)
    if sum(1 for key in GIVES if key in data) > 1:
        message = _("an answer gives a theme, a territory or a stage: one only")
        raise PackError(message, FILE, meta.line)
    points = data.get("points") or {}
    for dimension, value in points.items():
        if dimension not in Dimension.values:
            message = _("unknown dimension %(key)s (known: %(known)s)") % {
                "key": dimension,
                "known": ", ".join(Dimension.values),
            }
            raise PackError(message, FILE, points.line_of(dimension))
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_POINTS:
            message = _("points are a whole number from 0 to %(max)d") % {"max": MAX_POINTS}
            raise PackError(message, FILE, points.line_of(dimension))
    data["points"], data["line"] = dict(points), meta.line
    return data


def check(pack):
    glossary = pack.slugs.get("glossary", {})
    for item in pack.items[NAME]:
        term = item.get("glossary")
        if term and term not in glossary:
            message = _("unknown glossary term: %(slug)s") % {"slug": term}
            pack.error(PackError(message, FILE, item["line"]))
        for answer in item["answers"]:
            for key in GIVES:
                if key in answer:
                    pack.reference(key, answer[key], FILE, answer["line"])


def load(pack, changes, context):
    if not pack.items[NAME]:
        return
    lookups = {
        "theme": {t.slug: t.pk for t in Theme.objects.all()},
        "territory": {t.slug: t.pk for t in Territory.objects.all()},
        "stage": {s.slug: s.pk for s in Stage.objects.all()},
    }
    terms = dict(GlossaryTerm.objects.values_list("slug", "pk"))
    for order, item in enumerate(pack.items[NAME]):
        values = {
            "text": item["text"],
            "help_text": item.get("help", ""),
            "glossary_term_id": terms.get(item.get("glossary")),
            "sort_order": order,
        }
        question, action = upsert(DiagnosticQuestion, {"slug": item["slug"]}, values, changes, NAME)
        rows = [_answer_row(answer, rank, lookups) for rank, answer in enumerate(item["answers"])]
        changed = set_children(question, "answers", DiagnosticAnswer, rows, ANSWER_FIELDS)
        if changed and action != "created":
            changes.rows[-1] = (UPDATED, NAME, item["slug"])


def _answer_row(answer, rank, lookups):
    points = [answer["points"].get(dimension, 0) for dimension in Dimension.values]
    gives = [lookups[key].get(answer[key]) if key in answer else None for key in GIVES]
    return (answer["value"], answer["label"], *points, *gives, answer.get("warning", ""), rank)


def export(out):
    questions = DiagnosticQuestion.objects.select_related("glossary_term").prefetch_related(
        "answers__theme", "answers__territory", "answers__stage"
    )
    if not questions:
        return
    out.write_yaml(FILE, {"questions": [_export_question(q) for q in questions]})


def _export_question(question):
    data = {"slug": question.slug, "text": question.text}
    if question.help_text:
        data["help"] = question.help_text
    if question.glossary_term:
        data["glossary"] = question.glossary_term.slug
    data["answers"] = [_export_answer(answer) for answer in question.answers.all()]
    return data


def _export_answer(answer):
    data = {"value": answer.value, "label": answer.label}
    if answer.points():
        data["points"] = answer.points()
    if answer.warning:
        data["warning"] = answer.warning
    for key in GIVES:
        target = getattr(answer, key)
        if target is not None:
            data[key] = target.slug
    return data

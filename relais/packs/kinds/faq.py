"""faq/*.md: a question of the public FAQ; the Markdown body is its answer (plain text).

An entry names the stage it is filed under (`stage:`, a slug of programme.yaml) or none
(a general question). `order` sorts the entries of a stage (smallest first). An import
publishes the entries; an export writes the published ones back.
"""

from django.utils.translation import gettext as _

from relais.ideas.models import ANSWER_MAX_LENGTH, FaqEntry
from relais.journey.models import Stage

from ..files import PackError
from ..pack import check_lengths
from ..writes import upsert
from .common import read_documents, require_text

NAME = "faq"
FOLDER = "faq"
SPEC = {
    "slug": (str, True),
    "question": (str, True),
    "stage": (str, False),
    "order": (int, False),
}


def read(pack):
    pack.items[NAME] = read_documents(pack, FOLDER, SPEC, _parse)


def _parse(document, values):
    check_lengths(
        values, document.meta, document.path, FaqEntry, {"question": "question", "slug": "slug"}
    )
    answer = require_text(document, _("the answer is missing below the front matter"))
    if len(answer) > ANSWER_MAX_LENGTH:
        message = _("the answer is too long: %(max)d characters at most") % {
            "max": ANSWER_MAX_LENGTH
        }
        raise PackError(message, document.path, document.body_line)
    values["answer"] = answer
    values["path"], values["stage_line"] = document.path, document.meta.line_of("stage")
    return values


def check(pack):
    for item in pack.items[NAME]:
        if "stage" in item:
            pack.reference("stage", item["stage"], item["path"], item["stage_line"])


def load(pack, changes, context):
    stages = {stage.slug: stage for stage in Stage.objects.all()}
    for item in pack.items[NAME]:
        values = {
            "question": item["question"],
            "answer": item["answer"],
            "stage": stages.get(item.get("stage")),
            "sort_order": item.get("order", 0),
            "published": True,
            "is_example": pack.example,
        }
        upsert(FaqEntry, {"slug": item["slug"]}, values, changes, NAME)


def export(out):
    entries = FaqEntry.objects.public().select_related("stage").order_by("slug")
    for entry in entries:
        meta = {
            "slug": entry.slug,
            "question": entry.question,
            "stage": entry.stage.slug if entry.stage else "",
            "order": entry.sort_order or "",
        }
        out.write_markdown(f"{FOLDER}/{entry.slug}.md", meta, entry.answer)

"""Published testimonies of demo ambassadors, and the cards that quote their answers.

Packs never hold testimonies (personal data): the demo keeps a few fictional ones as data in
testimonies.yaml and loads them after its pack. Running it again changes nothing.
"""

from pathlib import Path

import yaml

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from relais.collect.accounts import AMBASSADORS_GROUP
from relais.collect.choices import TestimonyStatus
from relais.collect.models import Answer, ConsentText, InterviewQuestion, Testimony
from relais.journey.models import Ambassador
from relais.knowledge.models import CardSource, KnowledgeCard
from relais.knowledge.services import add_source

TESTIMONIES = Path(__file__).resolve().parent / "testimonies.yaml"


def _normal(text):
    return " ".join(text.replace("’", "'").split())


@transaction.atomic
def load_demo_testimonies(path=TESTIMONIES):
    """Create the testimonies, their ambassadors' accounts and the answer sources of cards."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    consent = ConsentText.objects.order_by("-created_at", "-pk").first()
    group = Group.objects.get_or_create(name=AMBASSADORS_GROUP)[0]
    for entry in data["testimonies"]:
        profile = Ambassador.objects.get(slug=entry["ambassador"])
        owner = profile.account or _account(entry, group)
        if profile.account_id is None:
            profile.account = owner
            profile.save(update_fields=["account"])
        testimony, _created = Testimony.objects.get_or_create(
            owner=owner,
            title=entry["title"],
            defaults={
                "status": TestimonyStatus.PUBLISHED,
                "public_name": profile.display_name,
                "consent": consent,
                "consent_text_scope": True,
                "consented_at": timezone.now(),
            },
        )
        for item in entry["answers"]:
            answer = _answer(testimony, item)
            for source in item.get("cards", []):
                _cite(answer, source)


def _account(entry, group):
    user, created = get_user_model().objects.get_or_create(
        username=entry["email"],
        defaults={"email": entry["email"], "first_name": entry["first_name"]},
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    return user


def _answer(testimony, item):
    question = InterviewQuestion.objects.get(text=item["question"])
    answer, created = Answer.objects.get_or_create(
        testimony=testimony, question=question, defaults={"text": item["text"]}
    )
    if not created and answer.text != item["text"]:
        answer.text = item["text"]
        answer.save(update_fields=["text"])
    return answer


def _cite(answer, source):
    """Attach a passage of the answer to a card, once."""
    if _normal(source["quote"]) not in _normal(answer.text):
        raise ValueError(f"{source['card']}: the quote is not in the answer: {source['quote']}")
    card = KnowledgeCard.objects.get(slug=source["card"])
    if not CardSource.objects.filter(card=card, answer=answer, quote=source["quote"]).exists():
        add_source(card, quote=source["quote"], answer=answer)

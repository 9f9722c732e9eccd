"""The demo ambassador account with a testimony in progress (the grid is in the demo pack)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from relais.collect.accounts import AMBASSADORS_GROUP
from relais.collect.models import Answer, InterviewQuestion, Testimony
from relais.journey.models import Ambassador

DEMO_AMBASSADOR_EMAIL = "ambassadrice.demo@example.org"


@transaction.atomic
def load_demo_ambassador():
    """Create the demo ambassador account with a testimony in progress; return the user."""
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_AMBASSADOR_EMAIL,
        defaults={"email": DEMO_AMBASSADOR_EMAIL, "first_name": "Nadia"},
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get_or_create(name=AMBASSADORS_GROUP)[0])
    Ambassador.objects.filter(account=None, slug="nadia-b").update(account=user)
    testimony, _ = Testimony.objects.get_or_create(
        owner=user, title="Mon premier comptoir (exemple)"
    )
    first = InterviewQuestion.objects.filter(stage__slug="idee").first()
    if first:
        Answer.objects.get_or_create(
            testimony=testimony,
            question=first,
            defaults={"text": "Tout est parti d'un jardin partagé qui manquait à notre quartier."},
        )
    return user

"""Default interview grid and consent text, plus a demo ambassador with a testimony in progress."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from relais.collect.accounts import AMBASSADORS_GROUP
from relais.collect.models import Answer, ConsentText, InterviewQuestion, Testimony
from relais.journey.models import Ambassador, Stage

DEMO_AMBASSADOR_EMAIL = "ambassadrice.demo@example.org"

# stage slug -> [(question, help text, required)]
INTERVIEW_GRID = {
    "idee": [
        ("D'où est venue votre idée ?", "Un besoin, une rencontre, une colère, un rêve…", True),
        ("Qu'est-ce qui vous a fait hésiter à vous lancer ?", "", False),
    ],
    "comptoir": [
        (
            "Qu'avez-vous appris au comptoir à initiatives ?",
            "Une méthode, un contact, un conseil.",
            True,
        ),
        ("Que conseilleriez-vous d'apporter au premier comptoir ?", "", False),
    ],
    "depot": [
        ("Comment avez-vous construit votre dossier et votre budget ?", "", True),
        ("Quelle erreur éviter au moment du dépôt ?", "", False),
    ],
    "labellisation": [
        ("Comment avez-vous montré les valeurs de l'ESS de votre projet ?", "", False),
    ],
    "vote": [
        ("Comment avez-vous fait connaître votre projet pour le vote ?", "", True),
        ("Quel bon plan partageriez-vous pour mobiliser les votants ?", "", False),
    ],
    "proclamation": [("Qu'avez-vous ressenti à la proclamation ?", "", False)],
    "realisation": [
        (
            "Comment s'est passée la réalisation du projet ?",
            "Délais, achats, partenaires, bénévoles.",
            True,
        ),
        ("Qu'auriez-vous fait autrement ?", "", False),
    ],
    "ambassadeur": [("Que voudriez-vous transmettre aux prochains porteurs d'idée ?", "", True)],
}

CONSENT_VERSION = "2026-1"
CONSENT_TEXT = """En envoyant mon témoignage, j'accepte que l'association qui anime Relais le publie, après relecture avec moi, sur le site Relais et dans ses supports (livret, podcast, export ouvert), pour ce que j'ai coché : mon texte, mes photos, ma voix.

Ce qui est publié l'est sous licence Creative Commons BY-SA 4.0 : chacun peut le réutiliser en me citant (sous le nom ou le pseudonyme que je choisis) et en partageant dans les mêmes conditions.

Je peux retirer mon consentement à tout moment depuis mon espace : mon témoignage est alors dépublié immédiatement et ses fichiers supprimés. Je peux aussi télécharger ou effacer toutes mes données."""  # noqa: E501


@transaction.atomic
def load_collect_defaults():
    """Create the default interview grid and consent text if they are missing."""
    for order, (slug, questions) in enumerate(INTERVIEW_GRID.items()):
        stage = Stage.objects.filter(slug=slug).first()
        if stage is None:
            continue
        for rank, (text, help_text, required) in enumerate(questions):
            InterviewQuestion.objects.get_or_create(
                stage=stage,
                text=text,
                defaults={
                    "help_text": help_text,
                    "required": required,
                    "sort_order": order * 10 + rank,
                },
            )
    ConsentText.objects.get_or_create(version=CONSENT_VERSION, defaults={"text": CONSENT_TEXT})


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

"""The six kinds of card the grant names; editors and content packs can add others."""

from django.db import migrations

TYPES = [
    ("astuce", "Astuce", "Astuces", "Un petit geste qui fait gagner du temps ou de l'énergie."),
    ("piege", "Piège à éviter", "Pièges à éviter", "Une erreur déjà faite par d'autres."),
    ("bon-plan", "Bon plan", "Bons plans", "Une aide, un lieu ou un contact qui change tout."),
    ("ressource", "Ressource", "Ressources", "Un outil, un document ou un service à connaître."),
    ("methode", "Méthode", "Méthodes", "Une façon de faire, étape par étape."),
    ("valeur-ess", "Valeur de l'ESS", "Valeurs de l'ESS", "Ce que l'ESS change dans un projet."),
]


def create_types(apps, schema_editor):
    CardType = apps.get_model("knowledge", "CardType")
    for order, (slug, name, plural, description) in enumerate(TYPES):
        CardType.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "plural_name": plural,
                "description": description,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(create_types, migrations.RunPython.noop)]

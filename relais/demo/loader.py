"""Load the demo: the Pas-de-Calais content pack, imported like any collectivity's, and a few
published testimonies quoted by its cards (testimonies are personal data: never in a pack)."""

from pathlib import Path

from relais.packs.services import import_pack

PACK = Path(__file__).resolve().parent / "packs" / "pas-de-calais"
# A second, smaller fictional programme: a town budget with other stages, ages and themes.
VALMONT_PACK = Path(__file__).resolve().parent / "packs" / "valmont-sur-aa"


def load_demo():
    """Import the demo pack, then the demo's published testimonies (idempotent).

    Return the home page.
    """
    from relais.stories.models import HomePage

    from .testimonies import load_demo_testimonies

    import_pack(PACK)
    load_demo_testimonies()
    return HomePage.objects.first()

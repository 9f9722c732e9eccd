"""Load the demo: the Pas-de-Calais content pack in `pack/`, imported like any collectivity's."""

from pathlib import Path

from relais.packs.services import import_pack

PACK = Path(__file__).resolve().parent / "packs" / "pas-de-calais"
# A second, smaller fictional programme: a town budget with other stages, ages and themes.
VALMONT_PACK = Path(__file__).resolve().parent / "packs" / "valmont-sur-aa"


def load_demo():
    """Import the demo pack (idempotent); return the home page."""
    from relais.stories.models import HomePage

    import_pack(PACK)
    return HomePage.objects.first()

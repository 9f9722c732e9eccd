"""Public lists of names follow French alphabetical order: accents and case are ignored."""

import re

import pytest

from relais.journey.models import Ambassador, Theme
from relais.stories.models import StoryPage


def in_page_order(page, names):
    """Return the given names in the order they first appear in the page."""
    return sorted(names, key=page.index)


@pytest.mark.django_db
def test_ambassador_list_in_french_order(client):
    """ "Élise" comes between "Damien" and "Fabrice", not after every unaccented name."""
    names = ["Fabrice B.", "Élise A.", "damien C."]
    for number, name in enumerate(names):
        Ambassador.objects.create(display_name=name, slug=f"ordre-{number}", public_profile=True)
    page = client.get("/ambassadeurs/").content.decode()
    assert in_page_order(page, names) == ["damien C.", "Élise A.", "Fabrice B."]


@pytest.mark.django_db
def test_story_card_themes_in_french_order(client, story_index):
    """A card's theme tags read "Économie" before "Fête", as in a dictionary."""
    names = ["Fête", "Économie", "dynamique"]
    story = StoryPage(title="Histoire aux thèmes", intro="Résumé.", body=[])
    story_index.add_child(instance=story)
    story.themes.set([Theme.objects.create(name=n, slug=f"ordre-{i}") for i, n in enumerate(names)])
    story.save_revision().publish()
    page = client.get("/histoires/").content.decode()
    card = re.search(r"Histoire aux thèmes.*?</article>", page, re.S).group()
    assert in_page_order(card, names) == ["dynamique", "Économie", "Fête"]

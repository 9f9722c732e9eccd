"""The public site looks finished: drawn images without text, a hero drawing, a tidy funder."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from relais.core.blocks import ImageWithAltBlock
from relais.core.models import FunderSettings
from relais.demo import media
from relais.stories.models import StoryPage

CSS = (settings.BASE_DIR / "relais" / "static" / "css" / "relais.css").read_text()


def test_demo_illustrations_do_not_draw_their_title():
    """Cards crop images: a title drawn into the picture ends up cut ("…les anciens en je")."""
    one = media.illustration("Le foot en marchant remet les anciens en jeu", seed="s")
    other = media.illustration("Un titre tout à fait différent", seed="s")
    assert one == other
    assert media.illustration("Un titre", seed="autre") != one


def test_demo_portraits_are_drawn_faces_not_initials():
    """Two names with the same seed give the same drawing: no letters are written on it."""
    assert media.portrait("Nadia B.", seed="s") == media.portrait("Karim H.", seed="s")
    image = Image.open(BytesIO(media.portrait("Nadia B.")))
    assert image.size == (400, 400)
    assert len(image.getcolors(maxcolors=100_000)) > 20


@pytest.mark.django_db
def test_home_hero_shows_a_drawing_made_by_the_project(client):
    html = client.get("/").content.decode()
    hero = html[html.index('<section class="hero"') : html.index("</section>")]
    assert re.search(r'<img class="hero__image" src="/static/img/hero-comptoir\.svg" alt=""', hero)
    svg = Path(finders.find("img/hero-comptoir.svg")).read_text()
    assert "CC BY-SA 4.0" in svg
    assert not re.search(r"(?:href|src)=\"(?:https?:)?//", svg)
    assert "<text" not in svg


@pytest.mark.django_db
def test_funder_amount_never_splits_across_lines(client):
    """The amount sits in a nowrap span and its spaces are non-breaking, in the mention too."""
    html = client.get("/a-propos/").content.decode()
    assert '<span class="funder__amount">–&nbsp;aide de 35\u202f400\u00a0€</span>' in html
    mention = re.search(r'<p class="funder__mention">(.*?)</p>', html, re.S).group(1)
    assert "35\u202f400\u00a0€" in mention
    assert "35 400" not in mention
    assert re.search(r"\.funder__amount \{[^}]*white-space: nowrap", CSS)


@pytest.mark.django_db
def test_funder_without_logo_shows_its_name_in_a_frame(client):
    funder = FunderSettings.load()
    funder.logo = None
    funder.save()
    html = client.get("/a-propos/").content.decode()
    assert '<span class="funder__logo funder__logo--pending" aria-hidden="true">' in html
    assert not re.search(r'<img[^>]+alt="Département du Pas-de-Calais"', html)


@pytest.mark.django_db
def test_image_caption_that_repeats_the_title_is_not_shown():
    page = StoryPage.objects.live().first()
    image = page.listing_image
    block = ImageWithAltBlock()

    def caption_of(caption):
        value = block.to_python(
            {"image": image.pk, "alt_text": "Un dessin", "caption": caption, "credit": "Relais"}
        )
        html = render_to_string("blocks/image_block.html", {"value": value, "page": page})
        return re.search(r"<figcaption>(.*?)</figcaption>", html, re.S).group(1)

    assert page.title.lower() not in caption_of(page.title.upper()).lower()
    assert "© Relais" in caption_of(page.title)
    assert "Une autre légende" in caption_of("Une autre légende")


@pytest.mark.django_db
def test_admin_explains_where_the_funders_real_logo_comes_from(admin_client):
    response = admin_client.get("/admin/settings/core/fundersettings/", follow=True)
    html = response.content.decode()
    assert "« 62, Pas-de-Calais Mon Département »" in html
    assert "480 × 240" in html

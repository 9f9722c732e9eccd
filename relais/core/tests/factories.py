"""Factories of the kernel: images, standard pages, the funder mention and site contacts.

Pages are created under a parent given as ``parent=`` and published, as editors would.
"""

from io import BytesIO

import factory
from PIL import Image as PillowImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from relais.core.models import FunderSettings, SiteContactSettings, StandardPage

PASSWORD = "motdepasse-solide-42"


def png_bytes(width=64, height=48, colour="#0a4f8a"):
    """Return a small PNG, enough for Wagtail to make renditions."""
    buffer = BytesIO()
    PillowImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    class Params:
        size = (64, 48)

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyAttribute(
        lambda image: ImageFile(BytesIO(png_bytes(*image.size)), name="image.png")
    )


class PageFactory(factory.django.DjangoModelFactory):
    """A Wagtail page added under ``parent`` and published (``live=False`` for a draft)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if publish and page.live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page d'information {n}")
    intro = "Ce que cette page explique."
    body = factory.LazyFunction(lambda: [("text", "<p>Un paragraphe.</p>")])


def funder_settings(**fields):
    """Fill the funder mention (a site-wide setting) and return it."""
    settings = FunderSettings.load()
    values = {
        "funder_name": "Département du Pas-de-Calais",
        "amount": 35400,
        "link": "https://www.pasdecalais.fr",
        "text": "Relais est financé par le Budget citoyen du Pas-de-Calais.",
        **fields,
    }
    if "logo" not in fields:
        values["logo"] = ImageFactory(title=f"Logo – {values['funder_name']}")
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def site_contact_settings(**fields):
    """Fill the legal notice's contacts (a site-wide setting) and return them."""
    settings = SiteContactSettings.load()
    values = {
        "publisher_name": "Association des ambassadeurs",
        "publisher_address": "1 rue de l'Essai\n62000 Arras",
        "publisher_registration": "W621234567",
        "publication_director": "Camille Essai",
        "contact_email": "contact@example.org",
        "host_name": "Hébergeur d'essai",
        "host_address": "2 rue du Serveur\n59000 Lille",
        "privacy_contact": "Dominique Essai",
        "privacy_email": "donnees@example.org",
        "accessibility_email": "accessibilite@example.org",
        **fields,
    }
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


class UserFactory(factory.django.DjangoModelFactory):
    """An account signed in by email; ``groups=["Editors"]`` adds it to existing groups."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    username = factory.LazyAttribute(lambda user: user.email)
    first_name = "Camille"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*(Group.objects.get(name=name) for name in extracted))

"""The demo's tests, and only they, run on the full demo (the Pas-de-Calais content pack).

The root conftest asks every folder which content its tests need: here, the demo with its
interview grid, consent text and demo ambassador. It is loaded the first time a test of
this folder uses the database, kept as a serialized copy, put back after any
transactional test, and replaced by the small site when other tests run.
"""

import pytest

from relais.demo.loader import load_demo


def build_demo():
    load_demo()


def pytest_relais_database_content(item):
    """Every test of this folder that uses the database sees the demo."""
    return ("demo", build_demo)


@pytest.fixture
def public_urls(db):
    """Every public route of the demo: pages, stages, projects, portraits, filters."""
    from wagtail.models import Page

    from relais.journey.models import Ambassador, LaureateProject, Stage

    urls = [page.url for page in Page.objects.live().public().filter(depth__gte=2).specific()]
    urls += [stage.get_absolute_url() for stage in Stage.objects.all()]
    urls += [project.get_absolute_url() for project in LaureateProject.objects.all()]
    urls += [a.get_absolute_url() for a in Ambassador.objects.filter(public_profile=True)]
    urls += ["/ambassadeurs/", "/histoires/?etape=comptoir&theme=culture", "/histoires/?page=2"]
    return urls

"""Shared fixtures: the demo content is loaded once per test session."""

import pytest

from relais.collect.demo import load_collect_defaults
from relais.core.demo.loader import load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once; each test runs in a transaction rolled back afterwards."""
    with django_db_blocker.unblock():
        load_demo()
        load_collect_defaults()


@pytest.fixture
def home(db):
    from relais.core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def story_index(db):
    from relais.stories.models import StoryIndexPage

    return StoryIndexPage.objects.get()


@pytest.fixture
def public_urls(db):
    """Every public route of the demo site: pages, stages, projects, portraits, filters."""
    from wagtail.models import Page

    from relais.journey.models import Ambassador, LaureateProject, Stage

    urls = [page.url for page in Page.objects.live().public().filter(depth__gte=2).specific()]
    urls += [stage.get_absolute_url() for stage in Stage.objects.all()]
    urls += [project.get_absolute_url() for project in LaureateProject.objects.all()]
    urls += [a.get_absolute_url() for a in Ambassador.objects.filter(public_profile=True)]
    urls += ["/ambassadeurs/", "/histoires/?etape=comptoir&theme=culture", "/histoires/?page=2"]
    return urls

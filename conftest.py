"""Shared fixtures: the demo content is loaded once per test session."""

import json

import pytest

from django.core.management import call_command
from django.db import connection

from relais.demo.collect import load_collect_defaults
from relais.demo.loader import load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once; each test runs in a transaction rolled back afterwards."""
    with django_db_blocker.unblock():
        load_demo()
        load_collect_defaults()
        # Django's own slot for a copy of the test database, restored by restore_demo().
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def restore_demo():
    """Put the database back as the session loaded it, media files being left in place."""
    from django.contrib.contenttypes.models import ContentType

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    rows = json.loads(connection._test_serialized_contents)
    # Wagtail's Page() looks its content type up while being built: restore those first.
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    connection.creation.deserialize_db_from_string(json.dumps(rows))
    ContentType.objects.clear_cache()


@pytest.fixture(scope="module")
def demo_restored(django_db_setup, django_db_blocker):
    """Give a module of live_server tests the demo, and give it back to the tests after them.

    A transactional test empties the database when it ends; whichever such module runs
    first, the others still find the demo.
    """
    from relais.stories.models import HomePage

    with django_db_blocker.unblock():
        if not HomePage.objects.exists():
            restore_demo()
    yield
    with django_db_blocker.unblock():
        restore_demo()


@pytest.fixture
def home(db):
    from relais.stories.models import HomePage

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

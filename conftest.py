"""Shared fixtures: a small site built by factories, and the database it is kept in.

Every test that uses the database starts from the same small site (`build_site`): a home
page, the story listing, one programme with three stages, its interview questions and a
consent text, the funder mention and the site contacts. A test builds the stories,
projects or people it is about with the factories of each app (`relais/<app>/tests/
factories.py`). Only the tests of `relais/demo/tests` see the full demo: their conftest
swaps it in while they run.

The site is built once per session and kept as a serialized copy. A transactional test
(live_server) empties the database when it ends; before the next test that uses the
database, `pytest_runtest_setup` puts back the copy that test expects.
"""

import json

import pytest
from pytest_django.plugin import blocking_manager_key

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from wagtail.models import Page, Site

SNAPSHOTS = {}  # name -> serialized database
LOADED = {"name": None}  # which snapshot the database holds outside the tests' transactions
FIRST = {}  # the content asked for by the session's first database test


def build_site():
    """Create the small site most tests need; return nothing (fixtures look it up)."""
    from django.contrib.contenttypes.models import ContentType

    from relais.collect.tests.factories import ConsentTextFactory, InterviewQuestionFactory
    from relais.core.tests.factories import funder_settings, site_contact_settings
    from relais.journey.tests.factories import ProgrammeFactory, StageFactory
    from relais.stories.tests.factories import HomePageFactory, StoryIndexPageFactory

    programme = ProgrammeFactory(name="Budget citoyen d'essai")
    names = [("idee", "L'idée"), ("depot", "Le dépôt du dossier"), ("vote", "Le vote")]
    for order, (slug, name) in enumerate(names):
        stage = StageFactory(programme=programme, slug=slug, name=name, sort_order=order)
        InterviewQuestionFactory(
            stage=stage,
            text=f"{name} : comment cela s'est passé ?",
            required=True,
            sort_order=order * 10,
        )
        InterviewQuestionFactory(
            stage=stage, text=f"{name} : un conseil ?", sort_order=order * 10 + 1
        )
    ConsentTextFactory(version="essai-1")
    home = HomePageFactory(parent=Page.get_first_root_node(), programme=programme)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "Relais", home
    site.save()
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    StoryIndexPageFactory(parent=home)
    funder_settings()
    site_contact_settings()


def restore(name):
    """Empty the database and load the snapshot `name` (media files are left in place)."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from relais.core.invalidation import bulk_write

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    rows = json.loads(SNAPSHOTS[name])
    # Wagtail's Page() looks its content type up while being built: restore those first.
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    # As a bulk write: the snapshot holds its search index already, and re-indexing on the
    # way (m2m signals carry no `raw`) would take ids before the sequences are reset below.
    with bulk_write():
        connection.creation.deserialize_db_from_string(json.dumps(rows))
    ContentType.objects.clear_cache()
    # PostgreSQL: rows came back with their ids, the sequences must follow them.
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    LOADED["name"] = name


def take_snapshot(name):
    SNAPSHOTS[name] = connection.creation.serialize_db_to_string()
    LOADED["name"] = name


def ensure(name, build):
    """Make the database hold snapshot `name`, building it with `build()` the first time."""
    from relais.stories.models import HomePage

    if LOADED["name"] == name and HomePage.objects.exists():
        return
    if name in SNAPSHOTS:
        restore(name)
        return
    restore("migrated")  # as migrations left it: Wagtail's root page, groups, roles
    build()
    take_snapshot(name)


def uses_database(item):
    names = getattr(item, "fixturenames", ())
    return bool(item.get_closest_marker("django_db")) or bool(
        {"db", "transactional_db", "live_server", "admin_client", "admin_user"} & set(names)
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the small site once; each test runs in a transaction rolled back afterwards."""
    with django_db_blocker.unblock():
        take_snapshot("migrated")
        build_site()
        take_snapshot("site")
        if "content" in FIRST:
            ensure(*FIRST["content"])


class ContentSpec:
    @pytest.hookspec(firstresult=True)
    def pytest_relais_database_content(self, item):
        """Return (name, build) of the content the tests of a folder need, or None."""


def pytest_addhooks(pluginmanager):
    pluginmanager.add_hookspecs(ContentSpec)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test that uses the database, put back the content it expects.

    A folder's conftest may answer `pytest_relais_database_content` (the demo's does: its tests
    see the full demo); every other test gets the small site. This runs before the test's
    transaction opens, so what it loads stays for the following tests.
    """
    if not uses_database(item):
        return
    content = item.ihook.pytest_relais_database_content(item=item) or ("site", build_site)
    if not SNAPSHOTS:  # the database is not created yet: django_db_setup will do it
        FIRST["content"] = content
        return
    with item.config.stash[blocking_manager_key].unblock():
        ensure(*content)


@pytest.fixture(autouse=True)
def fresh_default_cache():
    """Start every test with an empty default cache.

    Values computed once per content change are keyed on the content version, a counter in
    the database: a rolled-back test gives its numbers back, and the next test must not read
    what the previous one computed under the same number.
    """
    from django.core.cache import caches

    caches["default"].clear()
    caches["pages"].clear()  # story cards and page fragments are kept by version there too


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, signed in past the admin's second step (a code)."""
    from relais.staff.tests.factories import sign_in_with_second_factor

    sign_in_with_second_factor(client, admin_user)
    return client


@pytest.fixture
def home(db):
    from relais.stories.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def story_index(db):
    from relais.stories.models import StoryIndexPage

    return StoryIndexPage.objects.get()


@pytest.fixture
def programme(db):
    from relais.journey.models import Programme

    return Programme.objects.get()


@pytest.fixture
def stages(db):
    """The programme's three stages, in order."""
    from relais.journey.models import Stage

    return list(Stage.objects.order_by("sort_order"))


@pytest.fixture
def site_content(story_index, home, stages):
    """One of every kind of public content: a story with every block, its project, a public
    ambassador with a portrait, a hidden one, the about page, a legal page and a glossary
    term that the story's text links."""
    from relais.core.tests.factories import StandardPageFactory
    from relais.glossary.tests.factories import GlossaryTermFactory
    from relais.journey.tests.factories import (
        AmbassadorFactory,
        LaureateProjectFactory,
        ThemeFactory,
    )
    from relais.stories.tests.factories import story_with_every_block

    theme = ThemeFactory(name="Culture", slug="culture")
    project = LaureateProjectFactory(programme=home.programme, themes=[theme])
    ambassador = AmbassadorFactory(with_photo=True, projects=[project])
    hidden = AmbassadorFactory(public_profile=False)
    story = story_with_every_block(
        story_index,
        stage=stages[1],
        project=project,
        stages=[stages[0], stages[1]],
        themes=[theme],
        ambassadors=[ambassador],
        is_example=True,
    )
    about = StandardPageFactory(
        parent=home,
        title="À propos",
        slug="a-propos",
        show_in_menus=True,
        show_funder_details=True,
    )
    legal = StandardPageFactory(
        parent=home,
        title="Mentions légales",
        slug="mentions-legales",
        body=[
            ("text", "<h2>Éditeur</h2><p>Qui publie le site.</p>"),
            ("site_contact", {"kind": "legal"}),
        ],
    )
    term = GlossaryTermFactory(term="quartier", definition="Une partie d'une ville.")
    return {
        "story": story,
        "term": term,
        "project": project,
        "ambassador": ambassador,
        "hidden": hidden,
        "theme": theme,
        "about": about,
        "legal": legal,
    }


@pytest.fixture
def public_urls(site_content, stages):
    """Every kind of public route: pages, stages, projects, portraits, filters."""
    from relais.journey.models import Ambassador, LaureateProject

    urls = [page.url for page in Page.objects.live().public().filter(depth__gte=2).specific()]
    urls += [stage.get_absolute_url() for stage in stages]
    urls += [project.get_absolute_url() for project in LaureateProject.objects.all()]
    urls += [a.get_absolute_url() for a in Ambassador.objects.filter(public_profile=True)]
    urls += [
        "/ambassadeurs/",
        "/glossaire/",
        "/questions-frequentes/",  # relais.ideas
        "/boite-a-idees/merci/",  # relais.ideas
        f"/histoires/?etape={stages[1].slug}&theme={site_content['theme'].slug}",
        "/histoires/?page=2",
    ]
    return urls


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server (moto) on loopback, started once for the session."""
    from relais.media.tests.s3 import S3Server

    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def s3_media(s3_server, settings, db):
    """Store public media and private media in the S3 server's two buckets, emptied first.

    The images of the small site (the funder's logo) are copied into the public bucket,
    as an operator moving to S3 would. Django, Wagtail and `private_storage()` look their
    storages up again when STORAGES changes; the Content-Security-Policy is built when a
    test client's first request loads the middleware, so it follows too.
    """
    from django.core.cache import cache
    from django.core.files.storage import default_storage

    from wagtail.images import get_image_model

    from relais.media.tests.s3 import PRIVATE_BUCKET, PUBLIC_BUCKET

    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        s3_server.empty(bucket)
    cache.clear()  # Wagtail caches renditions there: other tests' files are not in the bucket
    originals = {}
    for image in get_image_model().objects.all():
        with default_storage.open(image.file.name, "rb") as local:
            originals[image.file.name] = local.read()
    settings.STORAGES = s3_server.storages(settings.STORAGES)
    for name, data in originals.items():
        s3_server.client.put_object(Bucket=PUBLIC_BUCKET, Key=name, Body=data)
    return s3_server

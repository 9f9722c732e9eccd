"""Cached public pages: served to everybody, never bypassed, made stale only by what they show.

A page served from the cache reads nothing from the database but the stamps of the content
it shows (`core_cachetag`); a rendered page reads much more. `get` tells them apart.
"""

import pytest

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.cache import has_vary_header

from wagtail.models import PageViewRestriction

from relais.core.models import FunderSettings
from relais.core.tests.factories import StandardPageFactory, UserFactory
from relais.journey.tests.factories import AmbassadorFactory, LaureateProjectFactory, ThemeFactory
from relais.stories.models import StoryPage
from relais.stories.tests.factories import StoryPageFactory


@pytest.fixture
def cache_on(settings):
    settings.RELAIS_PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def get(client, url, **extra):
    """Return the response and whether it was served from the cache."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    rendered = [q for q in queries.captured_queries if "core_cachetag" not in q["sql"]]
    return response, not rendered


def served_from_cache(client, url, **extra):
    return get(client, url, **extra)[1]


@pytest.fixture
def shelf(story_index, home, stages):
    """Two projects, each with an ambassador and a story on its own stage; an about page."""
    theme = ThemeFactory(name="Culture", slug="culture")
    project, other_project = (LaureateProjectFactory(programme=home.programme) for _ in "ab")
    teller = AmbassadorFactory(projects=[project])
    other_teller = AmbassadorFactory(projects=[other_project])
    story = StoryPageFactory(
        parent=story_index,
        title="Le jardin partagé",
        project=project,
        stages=[stages[0]],
        themes=[theme],
        ambassadors=[teller],
    )
    other_story = StoryPageFactory(
        parent=story_index,
        title="La fête du quartier",
        project=other_project,
        stages=[stages[1]],
        ambassadors=[other_teller],
    )
    about = StandardPageFactory(parent=home, title="À propos", slug="a-propos")
    return {
        "theme": theme,
        "project": project,
        "other_project": other_project,
        "teller": teller,
        "other_teller": other_teller,
        "story": story,
        "other_story": other_story,
        "about": about,
    }


@pytest.fixture
def shelf_urls(shelf, stages):
    """Every public page of the shelf, by a name the tests use."""
    return {
        "home": "/",
        "listing": "/histoires/",
        "listing by theme": "/histoires/?theme=culture",
        "listing by second stage": f"/histoires/?etape={stages[1].slug}",
        "story": shelf["story"].url,
        "other story": shelf["other_story"].url,
        "first stage": stages[0].get_absolute_url(),
        "second stage": stages[1].get_absolute_url(),
        "third stage": stages[2].get_absolute_url(),
        "project": shelf["project"].get_absolute_url(),
        "other project": shelf["other_project"].get_absolute_url(),
        "teller": shelf["teller"].get_absolute_url(),
        "other teller": shelf["other_teller"].get_absolute_url(),
        "ambassadors": "/ambassadeurs/",
        "about": shelf["about"].url,
    }


def stale_pages(client, urls):
    """Return the names of the pages that had to be rendered again."""
    return {name for name, url in urls.items() if not served_from_cache(client, url)}


def fill(client, urls):
    for url in urls.values():
        client.get(url)
    assert stale_pages(client, urls) == set()


@pytest.mark.django_db
def test_second_request_is_served_from_cache(client, cache_on):
    first, cached = get(client, "/histoires/")
    assert not cached
    second, cached = get(client, "/histoires/")
    assert cached
    assert second.content == first.content


@pytest.mark.django_db
def test_editing_a_story_shows_at_once(client, cache_on, story_index):
    story = StoryPageFactory(parent=story_index)
    assert story.title in client.get(story.url).content.decode()
    story.title = "Un titre tout neuf pour cette histoire"
    story.save_revision().publish()
    assert "Un titre tout neuf" in client.get(story.url).content.decode()
    assert "Un titre tout neuf" in client.get("/histoires/").content.decode()


@pytest.mark.django_db
def test_unpublishing_a_story_removes_it_at_once(client, cache_on, story_index):
    story = StoryPageFactory(parent=story_index)
    url = story.url
    assert story.title in client.get("/histoires/").content.decode()
    story.unpublish()
    assert client.get(url).status_code == 404
    assert story.title not in client.get("/histoires/").content.decode()


@pytest.mark.django_db
def test_publishing_a_story_shows_at_once(client, cache_on, story_index):
    client.get("/")
    story = StoryPage(title="Une histoire publiée à l'instant", intro="Résumé.", body=[])
    story_index.add_child(instance=story)
    story.save_revision().publish()
    assert "Une histoire publiée à l&#x27;instant" in client.get("/").content.decode()


def signed_in(client, role):
    groups = {"ambassador": ["Ambassadeurs"], "editor": ["Editors"]}[role]
    client.force_login(UserFactory(groups=groups))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["ambassador", "editor"])
def test_signed_in_people_get_the_cached_page_everybody_gets(client, cache_on, shelf, role):
    url = shelf["story"].url
    anonymous = client.get(url)
    response, cached = get(signed_in(client, role), url)
    assert cached
    assert response.content == anonymous.content


@pytest.mark.django_db
def test_a_page_an_editor_renders_first_is_the_page_everybody_gets(client, cache_on, shelf):
    """What an editor's visit renders is the visitors' page; their session never reaches it."""
    url = shelf["story"].url
    as_editor, cached = get(signed_in(client, "editor"), url)
    assert not cached
    assert b"userbar" not in as_editor.content
    visitor = Client()
    for _ in range(2):  # the editor's visit filled the cache for everybody
        response, cached = get(visitor, url)
        assert cached
        assert response.content == as_editor.content
        assert not response.cookies


@pytest.mark.django_db
def test_a_signed_in_person_still_reads_a_private_section(client, cache_on, shelf):
    """Rendered without the session, a private page asks to sign in: it is rendered again
    with the session, for the signed-in person only, and never kept."""
    from wagtail.models import PageViewRestriction

    story = shelf["story"]
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(story.url).status_code == 302  # a visitor is asked to sign in
    member = signed_in(client, "ambassador")
    for _ in range(2):
        response, cached = get(member, story.url)
        assert response.status_code == 200
        assert not cached
    assert Client().get(story.url).status_code == 302


@pytest.mark.django_db
def test_the_session_fragment_links_an_ambassador_to_their_space(client, shelf):
    response = signed_in(client, "ambassador").get(f"/session/fragment/?page={shelf['story'].pk}")
    assert response.status_code == 200
    assert 'href="/contribuer/"' in response.content.decode()
    assert "userbar" not in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_session_fragment_gives_editors_the_user_bar_of_the_page_read(client, shelf):
    story = shelf["story"]
    response = signed_in(client, "editor").get(f"/session/fragment/?page={story.pk}")
    html = response.content.decode()
    assert 'href="/admin/"' in html
    assert "<wagtail-userbar>" in html
    assert f'/admin/pages/{story.pk}/edit/"' in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_session_fragment_is_empty_for_visitors(client, cache_on, shelf):
    response = client.get(f"/session/fragment/?page={shelf['story'].pk}")
    assert response.status_code == 204
    assert response.content == b""
    assert not response.cookies


@pytest.mark.django_db
def test_a_made_up_session_cookie_is_served_from_cache(client, cache_on, shelf):
    url = shelf["story"].url
    anonymous = client.get(url)
    client.cookies["sessionid"] = "made-up-by-a-visitor"
    response, cached = get(client, url)
    assert cached
    assert response.content == anonymous.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("story", "?utm_source=lettre"),
        ("story", "?page=3"),  # a parameter of the listing means nothing to a story
        ("listing", "?x=1&y=2"),
        ("listing", "?page=1&etape=&theme="),  # the filter form sent with "all" everywhere
    ],
)
def test_a_parameter_a_page_does_not_read_is_served_from_cache(
    client, cache_on, shelf_urls, page, query
):
    url = shelf_urls[page]
    plain = client.get(url)
    response, cached = get(client, url + query)
    assert cached
    assert response.content == plain.content


@pytest.mark.django_db
def test_a_filter_has_its_own_cached_page_whatever_the_order_of_parameters(
    client, cache_on, shelf, stages
):
    everything = client.get("/histoires/").content
    query = f"?theme=culture&etape={stages[0].slug}"
    filtered, cached = get(client, "/histoires/" + query)
    assert not cached
    assert filtered.content != everything
    assert "La fête du quartier" not in filtered.content.decode()
    swapped = f"?etape={stages[0].slug}&utm_campaign=x&theme=culture"
    response, cached = get(client, "/histoires/" + swapped)
    assert cached
    assert response.content == filtered.content


@pytest.mark.django_db
def test_publishing_a_story_makes_stale_exactly_the_pages_that_list_it(
    client, cache_on, shelf, shelf_urls, story_index, stages
):
    draft = StoryPageFactory(
        parent=story_index,
        live=False,
        project=shelf["project"],
        stages=[stages[0]],
        themes=[shelf["theme"]],
        ambassadors=[shelf["teller"]],
    )
    fill(client, shelf_urls)
    draft.get_latest_revision().publish()
    assert stale_pages(client, shelf_urls) == {
        "home",
        "listing",
        "listing by theme",
        "first stage",
        "project",
        "teller",
    }
    assert draft.title in client.get(shelf_urls["first stage"]).content.decode()


@pytest.mark.django_db
def test_a_story_bringing_a_new_theme_refreshes_the_filter_menus(
    client, cache_on, shelf, shelf_urls, story_index, stages
):
    sport = ThemeFactory(name="Sport", slug="sport")
    draft = StoryPageFactory(parent=story_index, live=False, stages=[stages[0]], themes=[sport])
    fill(client, shelf_urls)
    draft.get_latest_revision().publish()
    assert {"listing", "listing by theme", "listing by second stage"} <= stale_pages(
        client, shelf_urls
    )
    menu = client.get(shelf_urls["listing by second stage"]).content.decode()
    assert '<option value="sport">Sport</option>' in menu


@pytest.mark.django_db
def test_editing_a_story_makes_stale_only_the_pages_that_show_it(
    client, cache_on, shelf_urls, shelf
):
    fill(client, shelf_urls)
    story = StoryPage.objects.get(pk=shelf["story"].pk)
    story.title = "Le jardin partagé, deux ans après"
    story.save_revision().publish()
    stale = stale_pages(client, shelf_urls)
    assert stale == {
        "home",
        "listing",
        "listing by theme",
        "story",
        "first stage",
        "project",
        "teller",
    }
    assert "deux ans après" in client.get(shelf_urls["teller"]).content.decode()


@pytest.mark.django_db
def test_moving_a_story_to_another_stage_refreshes_both_stages_only(
    client, cache_on, shelf_urls, shelf, stages
):
    fill(client, shelf_urls)
    story = StoryPage.objects.get(pk=shelf["story"].pk)
    story.stages = [stages[1]]  # as the page editor does: kept in the revision until published
    story.save_revision().publish()
    assert stale_pages(client, shelf_urls) == {
        "home",
        "listing",
        "listing by theme",
        "listing by second stage",
        "story",
        "first stage",
        "second stage",
        "project",
        "teller",
    }
    assert "Le jardin partagé" in client.get(shelf_urls["second stage"]).content.decode()


@pytest.mark.django_db
def test_saving_a_draft_keeps_every_page_cached(client, cache_on, shelf_urls, shelf):
    fill(client, shelf_urls)
    story = StoryPage.objects.get(pk=shelf["story"].pk)
    story.title = "Un titre pas encore publié"
    story.save_revision()
    assert stale_pages(client, shelf_urls) == set()


@pytest.mark.django_db
def test_renaming_an_ambassador_updates_the_pages_that_name_them(
    client, cache_on, shelf_urls, shelf
):
    fill(client, shelf_urls)
    teller = shelf["teller"]
    teller.display_name = "Alex Nouveau-Nom"
    teller.save()
    assert stale_pages(client, shelf_urls) == {"story", "project", "teller", "ambassadors"}
    assert "Alex Nouveau-Nom" in client.get(shelf_urls["story"]).content.decode()


@pytest.mark.django_db
def test_a_change_every_page_shows_makes_every_page_stale(client, cache_on, shelf_urls):
    fill(client, shelf_urls)
    funder = FunderSettings.load()
    funder.funder_name = "Département d'à côté"
    funder.save()
    assert stale_pages(client, shelf_urls) == set(shelf_urls)


@pytest.mark.django_db
def test_visitors_get_no_cookie_and_cached_pages_do_not_vary_on_cookies(
    client, cache_on, shelf_urls
):
    for url in shelf_urls.values():
        for _ in ("rendered", "cached"):
            response = client.get(url)
            assert not response.cookies, url
            assert not has_vary_header(response, "Cookie"), url


@pytest.mark.django_db
def test_a_page_that_sets_a_cookie_is_never_served_from_cache(client, cache_on, story_index):
    """A password-protected story answers with a form and a CSRF cookie: nobody else's."""
    story = StoryPageFactory(parent=story_index)
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="secret-42"
    )
    client.get(story.url)
    response, cached = get(client, story.url)
    assert not cached
    assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_the_contributor_space_is_never_served_from_cache(client, cache_on):
    client.get("/contribuer/connexion/")
    response, cached = get(client, "/contribuer/connexion/")
    assert not cached

"""Legal, accessibility and privacy pages show the contacts set once in the site settings."""

import re
from urllib.parse import urlsplit

import pytest

from wagtail.models import Page

from relais.core.models import SiteContactSettings
from relais.journey.models import Programme

LEGAL_SLUGS = ["mentions-legales", "accessibilite", "donnees-personnelles"]


def page_html(client, slug):
    return client.get(Page.objects.get(slug=slug).url).content.decode()


@pytest.mark.django_db
def test_demo_fills_every_contact_field_with_fictional_values():
    contact = SiteContactSettings.load()
    optional = ("id", "accessibility_form_url")  # the demo has no form to point to
    fields = [f.name for f in SiteContactSettings._meta.fields if f.name not in optional]
    for name in fields:
        assert getattr(contact, name), name
    for name in ("contact_email", "privacy_email", "accessibility_email"):
        assert getattr(contact, name).endswith("@relais.example.org")


@pytest.mark.django_db
@pytest.mark.parametrize("slug", LEGAL_SLUGS)
def test_legal_pages_have_nothing_left_to_fill(client, slug):
    html = page_html(client, slug)
    assert "à compléter" not in html
    assert "<h2>" in html  # sections are headings, not bold paragraphs


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "field", "value"),
    [
        ("mentions-legales", "publisher_name", "Association Témoin"),
        ("mentions-legales", "publication_director", "Alex Témoin"),
        ("mentions-legales", "host_name", "Hébergeur Témoin"),
        ("accessibilite", "accessibility_email", "a11y-temoin@example.org"),
        ("accessibilite", "accessibility_form_url", "https://example.org/formulaire-temoin"),
        ("donnees-personnelles", "privacy_contact", "Déléguée Témoin"),
        ("donnees-personnelles", "privacy_email", "dpo-temoin@example.org"),
    ],
)
def test_legal_pages_show_the_settings(client, slug, field, value):
    contact = SiteContactSettings.load()
    setattr(contact, field, value)
    contact.save()
    assert value in page_html(client, slug)


@pytest.mark.django_db
def test_how_to_contribute_links_to_the_contributor_space(client):
    html = page_html(client, "a-propos")
    section = html[html.index("Comment contribuer ?") :]
    assert 'href="/contribuer/"' in section


@pytest.mark.django_db
def test_every_public_page_leads_to_the_contributor_space(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert '<a href="/contribuer/">Espace ambassadeurs</a>' in footer, url


# Real sites the demo's legal pages may link to: the programme's, the licence, the authorities.
REAL_HOSTS = {
    "budgetcitoyen.pasdecalais.fr",
    "www.pasdecalais.fr",
    "creativecommons.org",
    "www.defenseurdesdroits.fr",
    "www.cnil.fr",
}


@pytest.mark.django_db
@pytest.mark.parametrize("slug", [*LEGAL_SLUGS, "a-propos"])
def test_demo_legal_pages_link_only_to_what_exists(client, slug):
    """No link to the fictional relais.example.org host: pages here, real sites, or emails."""
    hrefs = set(re.findall(r'<a [^>]*href="([^"]*)"', page_html(client, slug)))
    for href in hrefs:
        url = urlsplit(href)
        if url.scheme in ("http", "https"):
            assert url.hostname in REAL_HOSTS, href
        elif url.scheme == "mailto":
            assert url.path.endswith("example.org"), href
        elif url.scheme == "tel" or href.startswith("#"):
            continue
        else:
            assert client.get(href, follow=True).status_code == 200, href


@pytest.mark.django_db
def test_about_page_names_the_platform_and_the_website_apart(client):
    """The about page says where to apply and shows the other website by its own address."""
    programme = Programme.objects.get()
    programme.application_url = "https://candidater.example.org/"
    programme.application_label = "Proposer mon idée"
    programme.website = "https://www.collectivite.example.org/budget/"
    programme.save()
    html = page_html(client, "a-propos")
    section = html[html.index('id="programme-title"') : html.index("</section>")]
    assert (
        'Pour candidater : <a href="https://candidater.example.org/">Proposer mon idée</a>'
        in section
    )
    assert (
        'Plus d\'informations : <a href="https://www.collectivite.example.org/budget/">'
        "www.collectivite.example.org/budget</a>"
    ) in section
    assert "Le site du programme" not in html


@pytest.mark.django_db
def test_about_page_gives_one_link_when_the_website_is_the_platform(client):
    programme = Programme.objects.get()
    programme.website = programme.application_url + "/"
    programme.save()
    html = page_html(client, "a-propos")
    section = html[html.index('id="programme-title"') : html.index("</section>")]
    assert section.count("<a ") == 1
    assert "Plus d'informations" not in section

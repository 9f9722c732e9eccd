"""Editors find the newcomer's next steps where they edit the programme and the site."""

import pytest

from relais.journey.models import Programme


@pytest.mark.django_db
def test_programme_form_has_the_platform_contact_and_dates(admin_client):
    programme = Programme.objects.get()
    html = admin_client.get(f"/admin/snippets/journey/programme/edit/{programme.pk}/").content
    html = html.decode()
    assert "Plateforme de candidature" in html
    assert "Contact pour les nouveaux venus" in html
    assert "Dates de l&#x27;édition en cours" in html or "Dates de l'édition en cours" in html
    assert 'name="dates-TOTAL_FORMS"' in html


@pytest.mark.django_db
def test_site_contact_settings_open_in_the_admin(admin_client):
    response = admin_client.get("/admin/settings/core/sitecontactsettings/", follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Directeur ou directrice de la publication" in html
    assert "Formulaire de contact pour l" in html

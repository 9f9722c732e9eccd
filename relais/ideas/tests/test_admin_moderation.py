"""Editors moderate the idea box: publish in the FAQ, answer privately, make a card, discard."""

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from relais.core.tests.factories import UserFactory
from relais.knowledge.models import KnowledgeCard

from ..models import FaqEntry, Idea
from .factories import IdeaFactory

pytestmark = pytest.mark.django_db


def moderate_url(idea):
    return reverse("ideas_admin:moderate", args=[idea.pk])


def publish(client, idea, stage=None, **changes):
    data = {
        "action": "faq",
        "faq-question": "Peut-on candidater à deux ?",
        "faq-answer": "Il faut être au moins trois habitants.\n\nVenez au comptoir.",
        "faq-stage": stage.pk if stage else "",
        **changes,
    }
    return client.post(moderate_url(idea), data)


def test_the_menu_lists_new_ideas_and_filters_by_status(editor_client):
    IdeaFactory(text="Une idée toute neuve")
    IdeaFactory(text="Une idée déjà écartée", status="discarded")
    html = editor_client.get(reverse("ideas_idea:index")).content.decode()
    assert "Une idée toute neuve" in html and "Une idée déjà écartée" in html
    filtered = editor_client.get(reverse("ideas_idea:index"), {"status": "new"}).content.decode()
    assert "Une idée toute neuve" in filtered
    assert "Une idée déjà écartée" not in filtered
    assert moderate_url(Idea.objects.get(status="new")) in filtered


def test_the_publication_form_starts_with_the_idea_s_text_as_the_question(editor_client):
    idea = IdeaFactory(text="Faut-il une association ?")
    html = editor_client.get(moderate_url(idea)).content.decode()
    assert "Faut-il une association ?</textarea>" in html
    assert "Répondre et publier dans la FAQ" in html


def test_a_published_answer_shows_on_the_faq_under_its_stage(editor_client, stages):
    idea = IdeaFactory()
    response = publish(editor_client, idea, stage=stages[1])
    assert response.status_code == 302
    entry = FaqEntry.objects.get()
    assert (entry.source_idea, entry.stage, entry.published) == (idea, stages[1], True)
    idea.refresh_from_db()
    assert idea.status == "published" and idea.answered_at is not None
    html = Client().get("/questions-frequentes/").content.decode()
    section = html.split(f'id="etape-{stages[1].slug}"')[1]
    assert "Peut-on candidater à deux ?" in section.split("</section>")[0]
    assert "<p>Il faut être au moins trois habitants.</p>" in html


def test_the_sender_is_told_by_email_where_the_answer_is(editor_client, stages):
    idea = IdeaFactory(email="samia@example.org")
    publish(editor_client, idea)
    (message,) = mail.outbox
    assert message.to == ["samia@example.org"]
    assert message.subject == "Votre question a une réponse sur le site"
    entry = FaqEntry.objects.get()
    assert f"http://testserver/questions-frequentes/#faq-{entry.slug}" in message.body
    assert "Il faut être au moins trois habitants." in message.body


@pytest.mark.parametrize("action", ["faq", "private", "discard"])
def test_the_sender_s_name_and_address_are_erased_once_the_idea_is_dealt_with(
    editor_client, action
):
    idea = IdeaFactory(name="Samia", email="samia@example.org")
    if action == "faq":
        publish(editor_client, idea)
    else:
        data = {"action": action, "private-answer": "Oui."}
        editor_client.post(moderate_url(idea), data)
    idea.refresh_from_db()
    assert idea.status != "new"
    assert (idea.name, idea.email) == ("", "")
    assert len(mail.outbox) == (0 if action == "discard" else 1)


def test_no_email_is_sent_when_no_address_was_left(editor_client):
    publish(editor_client, IdeaFactory(email=""))
    assert FaqEntry.objects.count() == 1
    assert mail.outbox == []


def test_an_idea_without_consent_cannot_be_published(editor_client):
    idea = IdeaFactory(consent_to_publish=False)
    html = editor_client.get(moderate_url(idea)).content.decode()
    assert "Répondre et publier dans la FAQ" not in html
    assert "Transformer en fiche savoir" not in html
    publish(editor_client, idea)
    assert not FaqEntry.objects.exists()
    assert Idea.objects.get().status == "new"


def test_an_idea_without_consent_is_answered_privately_by_email(editor_client):
    idea = IdeaFactory(consent_to_publish=False, email="samia@example.org")
    response = editor_client.post(
        moderate_url(idea), {"action": "private", "private-answer": "Oui, venez au comptoir."}
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.status, idea.answer) == ("answered", "Oui, venez au comptoir.")
    (message,) = mail.outbox
    assert "Oui, venez au comptoir." in message.body
    assert not FaqEntry.objects.exists()


def test_a_tip_becomes_a_draft_card_and_the_editor_lands_on_its_edit_page(editor_client, stages):
    idea = IdeaFactory(kind="tip", text="Venez au comptoir avec trois prénoms.")
    response = editor_client.post(
        moderate_url(idea),
        {
            "action": "card",
            "card-title": "Venez avec trois prénoms",
            "card-card_type": editor_client.get(moderate_url(idea))
            .context["forms"]["card"]
            .initial["card_type"]
            .pk,
            "card-stages": [stages[0].pk],
        },
    )
    card = KnowledgeCard.objects.get(title="Venez avec trois prénoms")
    assert response["Location"] == reverse(
        "wagtailsnippets_knowledge_knowledgecard:edit", args=[card.pk]
    )
    assert card.live is False and not card.is_public
    assert card.card_type.slug == "astuce"
    assert card.body == "Venez au comptoir avec trois prénoms."
    assert list(card.stages.all()) == [stages[0]]
    idea.refresh_from_db()
    assert (idea.status, idea.card) == ("card", card)
    assert mail.outbox[0].subject == "Votre message va devenir une fiche savoir"


def test_discarding_sends_no_email(editor_client):
    idea = IdeaFactory()
    assert editor_client.post(moderate_url(idea), {"action": "discard"}).status_code == 302
    assert Idea.objects.get().status == "discarded"
    assert mail.outbox == []


def test_an_empty_answer_is_refused_and_nothing_is_published(editor_client):
    idea = IdeaFactory()
    response = publish(editor_client, idea, **{"faq-answer": ""})
    assert response.status_code == 400
    assert not FaqEntry.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "contributor"])
def test_visitors_and_contributors_cannot_moderate(client, who):
    idea = IdeaFactory()
    if who == "contributor":
        client.force_login(UserFactory(groups=["Ambassadeurs"]))
    for url in (moderate_url(idea), reverse("ideas_idea:index"), reverse("ideas_faq:index")):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Peut-on déposer" not in response.content.decode()
    response = client.post(moderate_url(idea), {"action": "discard"})
    assert response.status_code in (302, 403)
    assert Idea.objects.get().status == "new"


def test_editors_write_and_edit_faq_entries_in_the_admin(editor_client, stages):
    assert editor_client.get(reverse("ideas_faq:index")).status_code == 200
    response = editor_client.post(
        reverse("ideas_faq:add"),
        {
            "question": "Peut-on voter pour son propre projet ?",
            "answer": "Oui, comme tout habitant.",
            "stage": stages[2].pk,
            "published": "on",
            "slug": "",
        },
    )
    assert response.status_code == 302
    entry = FaqEntry.objects.get()
    assert entry.slug == "peut-on-voter-pour-son-propre-projet"
    edit_page = editor_client.get(reverse("ideas_faq:edit", args=[entry.pk]))
    assert "Peut-on voter pour son propre projet ?" in edit_page.content.decode()
    assert "Peut-on voter" in Client().get("/questions-frequentes/").content.decode()


def test_nobody_adds_an_idea_in_the_admin(admin_client):
    """Ideas come from visitors only: no "add" button, and the add view is refused."""
    html = admin_client.get(reverse("ideas_idea:index")).content.decode()
    assert reverse("ideas_idea:add") not in html
    assert admin_client.get(reverse("ideas_idea:add")).status_code in (302, 403)

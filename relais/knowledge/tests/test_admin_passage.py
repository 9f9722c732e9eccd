"""Editors make a card from a passage of a testimony answer or of a story, in the admin."""

import pytest

from django.urls import reverse

from relais.collect.choices import TestimonyStatus
from relais.collect.tests.factories import AnswerFactory, TestimonyFactory
from relais.core.tests.factories import UserFactory
from relais.journey.tests.factories import AmbassadorFactory, ThemeFactory
from relais.knowledge.models import CardSource, CardType, KnowledgeCard
from relais.knowledge.tests.factories import KnowledgeCardFactory
from relais.staff.tests.factories import sign_in_with_second_factor
from relais.stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

ANSWER = (
    "Nous avons commencé par un café. Au comptoir, on nous a dit de venir avec trois "
    "prénoms. Ensuite, le dossier a pris deux soirées !\nLe vote, lui, nous a surpris."
)


@pytest.fixture
def answer(stages):
    testimony = TestimonyFactory(
        status=TestimonyStatus.SUBMITTED, consent_text_scope=True, public_name="Alice"
    )
    question = stages[1].questions.first()
    return AnswerFactory(testimony=testimony, question=question, text=ANSWER)


@pytest.fixture
def ambassador(answer):
    return AmbassadorFactory(account=answer.testimony.owner)


def answer_url(answer):
    return reverse("knowledge_admin:from_answer", args=[answer.pk])


def card_data(quote, **fields):
    data = {
        "quote": quote,
        "card_type": CardType.objects.get(slug="astuce").pk,
        "title": "Venez avec trois prénoms",
        "body": "Au comptoir, venez avec trois prénoms.",
        "stages": [],
        "live": "on",
    }
    return data | fields


def test_the_answer_is_offered_sentence_by_sentence(editor_client, answer):
    """Each sentence of the answer has its own checkbox, in order."""
    response = editor_client.get(answer_url(answer))
    assert response.status_code == 200
    assert [label for _, label in response.context["passage_form"].fields["sentence"].choices] == [
        "Nous avons commencé par un café.",
        "Au comptoir, on nous a dit de venir avec trois prénoms.",
        "Ensuite, le dossier a pris deux soirées !",
        "Le vote, lui, nous a surpris.",
    ]
    assert response.context["card_form"] is None


def test_ticked_sentences_prefill_the_card(editor_client, answer, stages):
    """Two sentences that follow one another become the quote, the text, and the stage."""
    response = editor_client.get(answer_url(answer), {"sentence": ["1", "2"]})
    passage = (
        "Au comptoir, on nous a dit de venir avec trois prénoms. "
        "Ensuite, le dossier a pris deux soirées !"
    )
    assert response.context["passage"] == passage
    form = response.context["card_form"]
    assert form.initial["quote"] == passage
    assert form.initial["body"] == passage
    assert form.initial["stages"] == [stages[1]]
    assert f"<p>{passage}</p>" in response.content.decode()


def test_sentences_that_do_not_follow_each_other_are_refused(editor_client, answer):
    response = editor_client.get(answer_url(answer), {"sentence": ["0", "2"]})
    assert response.context["card_form"] is None
    assert "Choisissez des phrases qui se suivent." in response.content.decode()


def test_a_mouse_selection_becomes_the_passage(editor_client, answer):
    """A selection across a line break is found in the answer, whatever its spaces."""
    selection = "deux soirées !\n Le vote"
    response = editor_client.get(answer_url(answer), {"selection": selection})
    assert response.context["passage"] == "deux soirées ! Le vote"


def test_creating_the_card_stores_the_quoted_source(editor_client, answer, ambassador, stages):
    """The card is created with its source: the answer, the ambassador and the quote."""
    quote = "Au comptoir, on nous a dit de venir avec trois prénoms."
    data = card_data(quote, stages=[stages[1].pk])
    response = editor_client.post(answer_url(answer), data, follow=True)
    card = KnowledgeCard.objects.get(title="Venez avec trois prénoms")
    source = card.sources.get()
    assert (source.answer, source.story, source.ambassador, source.quote) == (
        answer,
        None,
        ambassador,
        quote,
    )
    assert (card.cited_by, card.source_count, card.slug) == (1, 1, "venez-avec-trois-prenoms")
    assert list(card.stages.all()) == [stages[1]]
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailsnippets_knowledge_knowledgecard:edit", args=[card.pk]
    )
    assert "Fiche « Venez avec trois prénoms » créée à partir du passage." in (
        response.content.decode()
    )


def test_a_forged_quote_is_refused_and_what_was_typed_stays(editor_client, answer, stages):
    """A quote that is not in the answer creates nothing; the title and text are kept."""
    data = card_data(
        "Le comptoir finance tout.", stages=[stages[1].pk], title="Mon titre", body="Mon texte"
    )
    response = editor_client.post(answer_url(answer), data)
    assert response.status_code == 400
    assert not KnowledgeCard.objects.filter(title="Mon titre").exists()
    assert not CardSource.objects.exists()
    page = response.content.decode()
    assert "Ce passage ne se trouve pas dans la source" in page
    assert 'value="Mon titre"' in page
    assert "Mon texte</textarea>" in page


def test_the_card_needs_a_type_and_a_title(editor_client, answer, stages):
    data = card_data("Nous avons commencé par un café.", stages=[stages[1].pk])
    data.update(title="", card_type="")
    response = editor_client.post(answer_url(answer), data)
    assert response.status_code == 400
    assert set(response.context["card_form"].errors) == {"title", "card_type"}


def test_an_answer_without_consent_to_publish_text_is_refused(editor_client, answer, stages):
    """Opening the screen or posting sends the editor back with a message; nothing is made."""
    answer.testimony.consent_text_scope = False
    answer.testimony.save()
    review = reverse("collect_admin:review", args=[answer.testimony_id])
    response = editor_client.get(answer_url(answer), follow=True)
    assert response.redirect_chain[-1][0] == review
    assert "n'a pas accepté de publier le texte" in response.content.decode()
    data = card_data("Nous avons commencé par un café.", stages=[stages[1].pk])
    assert editor_client.post(answer_url(answer), data).url == review
    assert not KnowledgeCard.objects.exists()


def test_the_review_screen_offers_the_button_only_with_consent(editor_client, answer):
    review = reverse("collect_admin:review", args=[answer.testimony_id])
    assert answer_url(answer) in editor_client.get(review).content.decode()
    answer.testimony.consent_text_scope = False
    answer.testimony.save()
    page = editor_client.get(review).content.decode()
    assert answer_url(answer) not in page
    assert "Aucune fiche ne peut citer cette réponse" in page


def test_a_draft_testimony_cannot_be_quoted(editor_client, answer):
    answer.testimony.status = TestimonyStatus.DRAFT
    answer.testimony.save()
    assert editor_client.get(answer_url(answer)).status_code == 404


def test_someone_who_is_not_an_editor_is_refused(client, answer):
    """Staff without the editors' permissions are refused (Wagtail turns the 403 into a
    message on the admin home); ambassadors are sent to sign in."""
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(*_admin_access())
    sign_in_with_second_factor(client, staff)
    for url in (answer_url(answer), reverse("wagtailsnippets_knowledge_knowledgecard:list")):
        response = client.get(url, follow=True)
        assert response.redirect_chain == [("/admin/", 302)]
        assert "les autorisations pour accéder à cette zone" in response.content.decode()
    client.logout()
    client.force_login(answer.testimony.owner)
    response = client.get(answer_url(answer))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


def test_a_card_from_a_story_takes_its_stages_and_themes(editor_client, story_index, stages):
    theme = ThemeFactory()
    ambassador = AmbassadorFactory()
    story = StoryPageFactory(
        parent=story_index,
        body=[("text", "<h2>Le début</h2><p>On a osé. Le comptoir nous a aidés.</p>")],
        stages=[stages[0], stages[2]],
        themes=[theme],
        ambassadors=[ambassador],
    )
    url = reverse("knowledge_admin:from_story", args=[story.pk])
    response = editor_client.get(url, {"sentence": ["2"]})
    form = response.context["card_form"]
    assert form.initial["quote"] == "Le comptoir nous a aidés."
    assert form.initial["stages"] == [stages[0], stages[2]]
    assert form.initial["themes"] == [theme]
    data = card_data("Le comptoir nous a aidés.", stages=[stages[0].pk], themes=[theme.pk])
    editor_client.post(url, data)
    source = KnowledgeCard.objects.get().sources.get()
    assert (source.story.pk, source.answer, source.ambassador) == (story.pk, None, ambassador)


def test_the_story_editor_links_to_the_passage_screen(editor_client, story_index):
    story = StoryPageFactory(parent=story_index)
    url = reverse("knowledge_admin:from_story", args=[story.pk])
    page = editor_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert url in page.content.decode()
    listing = editor_client.get(reverse("wagtailadmin_explore", args=[story_index.pk]))
    assert url in listing.content.decode()


def test_a_passage_can_become_a_source_of_an_existing_card(editor_client, answer, ambassador):
    card = KnowledgeCardFactory(title="Trois prénoms")
    quote = "Nous avons commencé par un café."
    data = {"existing-quote": quote, "existing-card": card.pk}
    response = editor_client.post(answer_url(answer), data)
    assert response.url == reverse("wagtailsnippets_knowledge_knowledgecard:edit", args=[card.pk])
    card.refresh_from_db()
    assert (card.cited_by, card.sources.get().quote) == (1, quote)

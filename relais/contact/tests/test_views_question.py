"""A newcomer asks an ambassador for advice: the message is relayed, the address stays private."""

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings

from relais.contact.models import QuestionCount
from relais.journey.tests.factories import AmbassadorFactory

from .factories import AskableAmbassadorFactory

pytestmark = pytest.mark.django_db


def ask_url(ambassador):
    return f"/ambassadeurs/{ambassador.slug}/question/"


def post(client, ambassador, data, **extra):
    return client.post(ask_url(ambassador), data, **extra)


def test_portrait_offers_the_form_without_showing_the_address(client, ambassador):
    page = client.get(ambassador.get_absolute_url()).content.decode()
    assert "Demander conseil à Nadia Essai" in page
    assert f'href="{ask_url(ambassador)}"' in page
    assert ambassador.contact_email not in page


def test_portrait_of_an_ambassador_who_did_not_opt_in_has_no_form(client):
    ambassador = AmbassadorFactory(contact_email="cachee@example.org")
    page = client.get(ambassador.get_absolute_url()).content.decode()
    assert "Demander conseil" not in page
    assert ask_url(ambassador) not in page


@pytest.mark.parametrize(
    "fields",
    [
        {"accepts_questions": False, "contact_email": "a@example.org"},
        {"accepts_questions": True, "public_profile": False, "contact_email": "a@example.org"},
        {"accepts_questions": True, "contact_email": ""},  # no address, no account
    ],
    ids=["not-opted-in", "private-portrait", "no-address"],
)
def test_form_and_confirmation_answer_404_without_opt_in_and_address(client, fields):
    ambassador = AmbassadorFactory(**fields)
    assert client.get(ask_url(ambassador)).status_code == 404
    assert client.post(ask_url(ambassador), {"message": "x"}).status_code == 404
    assert client.get(f"{ask_url(ambassador)}envoyee/").status_code == 404
    assert mail.outbox == []


def test_form_page_shows_labelled_fields_and_the_consent_in_the_ambassador_s_name(
    client, ambassador
):
    response = client.get(ask_url(ambassador))
    page = response.content.decode()
    assert response.status_code == 200
    for label in ("Votre prénom", "Votre adresse e-mail", "Votre message"):
        assert label in page
    assert (
        "J&#x27;accepte que mon adresse soit transmise à Nadia Essai pour qu&#x27;il ou elle "
        "puisse me répondre." in page
    )
    assert 'name="website"' in page  # the robots' trap
    assert ambassador.contact_email not in page


def test_question_is_relayed_to_the_ambassador_with_reply_to_the_sender(
    client, ambassador, question
):
    response = post(client, ambassador, question)
    assert response.status_code == 302
    assert response["Location"] == f"{ask_url(ambassador)}envoyee/"
    (relay,) = mail.outbox
    assert relay.to == [ambassador.contact_email]
    assert relay.reply_to == ["lea.nouvelle@example.net"]
    assert "Nadia Essai" in relay.subject
    assert "Léa vous a envoyé ce message" in relay.body
    assert question["message"] in relay.body
    assert "lea.nouvelle@example.net" in relay.body
    confirmation = client.get(response["Location"]).content.decode()
    assert "Votre message est envoyé" in confirmation
    assert ambassador.contact_email not in confirmation
    assert "lea.nouvelle@example.net" not in confirmation


def test_question_goes_to_the_account_address_when_no_contact_address_is_given(client, question):
    account = get_user_model().objects.create_user("compte", "compte-prive@example.org")
    ambassador = AskableAmbassadorFactory(contact_email="", account=account)
    assert post(client, ambassador, question).status_code == 302
    assert mail.outbox[0].to == ["compte-prive@example.org"]
    page = client.get(ambassador.get_absolute_url()).content.decode()
    assert "compte-prive@example.org" not in page


def test_html_and_scripts_are_plain_text_in_the_email_and_escaped_on_the_page(
    client, ambassador, question
):
    script = '<script>alert("x")</script> & <b>gras</b>'
    post(client, ambassador, {**question, "message": script, "first_name": "<i>Léa</i>"})
    assert script in mail.outbox[0].body  # as typed, not &lt;…
    assert "<i>Léa</i> vous a envoyé" in mail.outbox[0].body
    mail.outbox.clear()
    page = post(client, ambassador, {**question, "message": script, "consent": ""})
    text = page.content.decode()
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;gras" in text
    assert mail.outbox == []


def test_consent_is_required_and_the_text_is_kept(client, ambassador, question):
    response = post(client, ambassador, {**question, "consent": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Cochez cette case : sans votre adresse, Nadia Essai ne peut pas vous répondre." in page
    assert "comment avez-vous trouvé votre collectif ?" in page
    assert mail.outbox == []


@pytest.mark.parametrize("missing", ["email", "message"])
def test_email_and_message_are_required(client, ambassador, question, missing):
    response = post(client, ambassador, {**question, missing: ""})
    assert response.status_code == 200
    assert "Champ requis." in response.content.decode()
    assert mail.outbox == []


def test_an_invalid_email_is_refused_with_the_text_kept(client, ambassador, question):
    page = post(client, ambassador, {**question, "email": "pas-une-adresse"}).content.decode()
    assert "Saisissez une adresse de courriel valide." in page
    assert "comment avez-vous trouvé votre collectif ?" in page
    assert mail.outbox == []


def test_an_oversized_message_is_refused_with_the_text_kept(client, ambassador, question):
    long_text = "Mon idée " + "x" * 2000
    response = post(client, ambassador, {**question, "message": long_text})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Votre message est trop long : 2000 caractères au plus (il en compte 2009)" in page
    assert long_text in page
    assert mail.outbox == []


def test_a_message_of_2000_characters_with_line_breaks_is_accepted(client, ambassador, question):
    """A browser counts each line break once against maxlength, and sends it as CR LF."""
    message = ("a" * 99 + "\r\n") * 20  # 2,000 characters as the browser counts them
    assert post(client, ambassador, {**question, "message": message}).status_code == 302
    assert "a" * 99 + "\n" in mail.outbox[0].body


def test_a_filled_trap_looks_sent_but_nothing_leaves(client, ambassador, question):
    response = post(client, ambassador, {**question, "website": "http://spam.example"})
    assert response.status_code == 302
    assert mail.outbox == []
    assert not QuestionCount.objects.exists()


@override_settings(RELAIS_QUESTIONS_PER_ADDRESS_PER_HOUR=2)
def test_a_burst_from_one_address_answers_429_with_the_text_kept(client, ambassador, question):
    other = AskableAmbassadorFactory()
    assert post(client, ambassador, question).status_code == 302
    assert post(client, other, question).status_code == 302
    response = post(client, ambassador, {**question, "message": "Ma troisième question"})
    page = response.content.decode()
    assert response.status_code == 429
    assert "Vous avez envoyé trop de messages en peu de temps (2 par heure au plus)" in page
    assert "Ma troisième question" in page
    assert len(mail.outbox) == 2
    assert ambassador.contact_email not in page
    elsewhere = post(client, ambassador, question, REMOTE_ADDR="192.0.2.77")
    assert elsewhere.status_code == 302


@override_settings(RELAIS_QUESTIONS_PER_AMBASSADOR_PER_DAY=2)
def test_a_burst_to_one_ambassador_answers_429_from_any_address(client, ambassador, question):
    for number in range(2):
        assert post(client, ambassador, question, REMOTE_ADDR=f"192.0.2.{number}").status_code
    response = post(client, ambassador, question, REMOTE_ADDR="198.51.100.9")
    page = response.content.decode()
    assert response.status_code == 429
    assert "Nadia Essai a reçu beaucoup de questions aujourd&#x27;hui : réessayez demain." in page
    assert question["message"] in page
    assert len(mail.outbox) == 2
    other = AskableAmbassadorFactory()
    assert post(client, other, question, REMOTE_ADDR="198.51.100.9").status_code == 302


def test_the_post_needs_the_csrf_token(ambassador, question):
    browser = Client(enforce_csrf_checks=True)
    assert post(browser, ambassador, question).status_code == 403
    assert mail.outbox == []
    form_page = browser.get(ask_url(ambassador))
    token = form_page.cookies["csrftoken"].value
    response = post(browser, ambassador, {**question, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


class RefusingBackend:
    """An SMTP server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@override_settings(EMAIL_BACKEND=f"{__name__}.RefusingBackend")
def test_a_mail_server_failure_asks_to_retry_later_keeps_the_text_and_counts_nothing(
    client, ambassador, question
):
    response = post(client, ambassador, question)
    page = response.content.decode()
    assert response.status_code == 503
    assert "Réessayez plus tard" in page
    assert question["message"] in page
    assert ambassador.contact_email not in page
    assert not QuestionCount.objects.exists()


def test_each_relayed_question_adds_one_to_the_month_s_count(client, ambassador, question):
    post(client, ambassador, question)
    post(client, ambassador, question)
    (row,) = QuestionCount.objects.all()
    assert (row.ambassador, row.count) == (ambassador, 2)
    assert row.month.day == 1

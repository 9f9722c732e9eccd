"""Turning a testimony into a story: what the editor gets, what readers and emails show."""

import re

import pytest

from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from relais.collect import workflow
from relais.collect.choices import TestimonyStatus
from relais.collect.models import Answer, ConsentText, InterviewQuestion, Testimony
from relais.journey.models import Ambassador
from relais.staff.tests.factories import sign_in
from relais.stories.models import HomePage, StoryPage

from .conftest import make_user

PUBLIC_NAME = "Zoé des Corons"


def submitted_testimony(owner, answers, public_name=PUBLIC_NAME, **scopes):
    """Return a submitted testimony with `answers` ({stage slug: text}) to first questions."""
    testimony = Testimony.objects.create(
        owner=owner,
        title="L'épicerie solidaire",
        status=TestimonyStatus.SUBMITTED,
        public_name=public_name,
        consent_text_scope=scopes.get("text", True),
        consent_image_scope=scopes.get("image", False),
        consent_voice_scope=scopes.get("voice", False),
        consented_at=timezone.now(),
    )
    for slug, text in answers.items():
        question = InterviewQuestion.objects.filter(stage__slug=slug).first()
        Answer.objects.create(testimony=testimony, question=question, text=text)
    return testimony


def draft_story(client, editor, testimony):
    """Press "Turn into a story draft" as an editor; return the response and the story."""
    sign_in(client, editor)
    response = client.post(reverse("collect_admin:action", args=[testimony.pk, "story"]))
    testimony.refresh_from_db()
    return response, StoryPage.objects.get(pk=testimony.story_id)


def publish(story, editor, intro="Une épicerie qui roule de village en village."):
    """Write the summary, then publish the latest revision as an editor would."""
    story = story.get_latest_revision_as_object()
    story.intro = intro
    story.save_revision(user=editor).publish(user=editor)
    return StoryPage.objects.get(pk=story.pk)


def edit_form_data(story, action, intro=""):
    """Return what the Wagtail edit form posts for a drafted story."""
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "intro": intro,
            "body": streamfield([("text", rich_text("<p>Un texte relu.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data[action] = action
    return data


def headings(html):
    """Return the heading levels of the page's main content, in order."""
    main = html[html.index("<main") : html.index("</main>")]
    return [int(level) for level in re.findall(r"<h([1-6])\b", main)]


@pytest.mark.django_db
def test_admin_edit_page_opens_for_answers_with_line_breaks(client, editor, ambassador_a):
    """Single and double line breaks in an answer no longer make the edit page answer 500."""
    testimony = submitted_testimony(
        ambassador_a, {"idee": "Première ligne.\nSeconde ligne.\r\n\r\nNouveau paragraphe."}
    )
    response, story = draft_story(client, editor, testimony)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.pk])
    edit = client.get(response["Location"])
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "header-two" in html  # the stage name stays a heading in the editor
    assert "Seconde ligne." in html and "Nouveau paragraphe." in html


@pytest.mark.django_db
def test_drafted_story_keeps_only_answered_stages_under_h2(client, editor, ambassador_a):
    """Unanswered stages are left out; the published story goes h1 → h2 → h3, no jump."""
    testimony = submitted_testimony(
        ambassador_a, {"idee": "Un jardin.", "depot": "   \n  ", "vote": "Au marché."}
    )
    _, story = draft_story(client, editor, testimony)
    draft = story.get_latest_revision_as_object()
    assert sorted(stage.slug for stage in draft.stages.all()) == ["idee", "vote"]
    html = client.get(publish(story, editor).url).content.decode()
    assert "Dépôt" not in html[html.index("story__body") :]
    levels = headings(html)
    assert levels[:2] == [1, 2]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.django_db
def test_summary_is_left_to_the_editor_and_required_to_publish(client, editor, ambassador_a):
    """The draft has no summary; saving a draft works, publishing without one is refused."""
    testimony = submitted_testimony(ambassador_a, {"idee": "Tout est parti d'un jardin."})
    _, story = draft_story(client, editor, testimony)
    assert story.intro == ""
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    refused = client.post(url, edit_form_data(story, "action-publish"))
    assert refused.status_code == 200
    assert "Écrivez le résumé avant de publier" in refused.content.decode()
    assert not StoryPage.objects.get(pk=story.pk).live
    saved = client.post(url, edit_form_data(story, "action-save"))
    assert saved.status_code == 302
    published = client.post(url, edit_form_data(story, "action-publish", intro="Un résumé."))
    assert published.status_code == 302 and StoryPage.objects.get(pk=story.pk).live


@pytest.mark.django_db
def test_public_name_chosen_at_consent_is_the_only_name_published(
    client, editor, django_capture_on_commit_callbacks
):
    """The story and the ambassador's URL use the public name; the account's name is nowhere."""
    owner = make_user(
        "gwendoline.secret@example.org",
        "Ambassadeurs",
        first_name="Gwendoline",
        last_name="Vraimnom",
    )
    testimony = submitted_testimony(owner, {"idee": "Un jardin."})
    _, story = draft_story(client, editor, testimony)
    with django_capture_on_commit_callbacks(execute=True):
        story = publish(story, editor)
    assert mail.outbox[-1].to == [owner.email]  # told where the story is online
    assert f"http://127.0.0.1:8000{story.url}" in mail.outbox[-1].body
    ambassador = Ambassador.objects.get(account=owner)
    assert ambassador.display_name == PUBLIC_NAME and ambassador.slug == "zoe-des-corons"
    ambassador.public_profile = True  # the editor opens the portrait page
    ambassador.save()
    client.logout()
    pages = [client.get(story.url), client.get("/ambassadeurs/zoe-des-corons/")]
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200 and PUBLIC_NAME in html
        assert "Gwendoline" not in html and "Vraimnom" not in html and "secret@" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("public_profile", [False, True])
def test_withdrawal_forgets_the_public_name_unless_a_portrait_was_opened(
    client, editor, public_profile
):
    """The pseudonym made for a story goes with it; an opted-in portrait page stays."""
    owner = make_user("withdrawer@example.org", "Ambassadeurs")
    testimony = submitted_testimony(owner, {"idee": "Un jardin."})
    draft_story(client, editor, testimony)
    Ambassador.objects.filter(account=owner).update(public_profile=public_profile)
    client.force_login(owner)
    client.post(reverse("collect:withdraw", args=[testimony.pk]))
    assert Ambassador.objects.filter(display_name=PUBLIC_NAME).exists() == public_profile


@pytest.mark.django_db
def test_pen_name_slug_is_unique_and_the_owners_profile_keeps_its_name(
    client, editor, ambassador_a
):
    Ambassador.objects.create(display_name="Une autre Zoé", slug="zoe-des-corons")
    Ambassador.objects.create(display_name="Alice M.", slug="alice-m", account=ambassador_a)
    _, story = draft_story(client, editor, submitted_testimony(ambassador_a, {"idee": "Oui."}))
    [ambassador] = story.get_latest_revision_as_object().ambassadors.all()
    assert ambassador.slug == "zoe-des-corons-2" and ambassador.display_name == PUBLIC_NAME
    assert ambassador.account is None  # the pen name is not tied to the account
    own = Ambassador.objects.get(account=ambassador_a)
    assert (own.display_name, own.slug) == ("Alice M.", "alice-m")


def nadia_with_a_published_story(client, editor):
    """Return Nadia, whose public portrait "Nadia K." credits a published story."""
    nadia = make_user("nadia@example.org", "Ambassadeurs", first_name="Nadia")
    Ambassador.objects.create(
        display_name="Nadia K.",
        slug="nadia-k",
        account=nadia,
        public_profile=True,
        bio="Nadia a ouvert un café associatif à Lens.",
    )
    first = submitted_testimony(nadia, {"idee": "Un café."}, public_name="Nadia K.")
    Testimony.objects.filter(pk=first.pk).update(title="Le café associatif")
    first.refresh_from_db()
    _, story = draft_story(client, editor, first)
    return nadia, publish(story, editor)


@pytest.mark.django_db
def test_consent_name_never_renames_the_owners_existing_profile(client, editor):
    """A pen name chosen for one testimony leaves Nadia's portrait, URL and stories alone."""
    nadia, earlier = nadia_with_a_published_story(client, editor)
    testimony = submitted_testimony(nadia, {"idee": "Une épicerie."})
    _, story = draft_story(client, editor, testimony)
    story = publish(story, editor)
    client.logout()
    portrait = client.get("/ambassadeurs/nadia-k/")
    assert portrait.status_code == 200
    html = portrait.content.decode()
    assert "Nadia K." in html and "Le café associatif" in html and PUBLIC_NAME not in html
    html = client.get(earlier.url).content.decode()
    assert "Nadia K." in html and PUBLIC_NAME not in html
    html = client.get(story.url).content.decode()
    assert PUBLIC_NAME in html and "Nadia" not in html
    assert Ambassador.objects.filter(account=nadia).get().stories.get() == earlier


@pytest.mark.django_db
def test_drafting_again_reuses_the_pen_name_profile(client, editor):
    nadia, _ = nadia_with_a_published_story(client, editor)
    testimony = submitted_testimony(nadia, {"idee": "Une épicerie."})
    _, story = draft_story(client, editor, testimony)
    story.delete()  # the editor starts over
    _, story = draft_story(client, editor, Testimony.objects.get(pk=testimony.pk))
    assert story.get_latest_revision_as_object().ambassadors.get().slug == "zoe-des-corons"
    assert Ambassador.objects.filter(display_name=PUBLIC_NAME).count() == 1


@pytest.mark.django_db
def test_withdrawal_erases_the_pen_name_profile_and_keeps_the_owners(client, editor):
    nadia, earlier = nadia_with_a_published_story(client, editor)
    testimony = submitted_testimony(nadia, {"idee": "Une épicerie."})
    _, story = draft_story(client, editor, testimony)
    publish(story, editor)
    client.force_login(nadia)
    client.post(reverse("collect:withdraw", args=[testimony.pk]))
    assert not Ambassador.objects.filter(display_name=PUBLIC_NAME).exists()
    client.logout()
    assert client.get("/ambassadeurs/zoe-des-corons/").status_code == 404
    html = client.get("/ambassadeurs/nadia-k/").content.decode()
    assert "Nadia K." in html and "Le café associatif" in html


@pytest.mark.django_db
def test_withdrawal_keeps_an_owners_profile_under_another_name(client, editor, ambassador_a):
    """A private profile the testimony did not name (made by editors) outlives it."""
    Ambassador.objects.create(display_name="Alice M.", slug="alice-m", account=ambassador_a)
    testimony = submitted_testimony(ambassador_a, {"idee": "Oui."})
    draft_story(client, editor, testimony)
    client.force_login(ambassador_a)
    client.post(reverse("collect:withdraw", args=[testimony.pk]))
    assert not Testimony.objects.filter(pk=testimony.pk).exists()
    assert Ambassador.objects.filter(account=ambassador_a, display_name="Alice M.").exists()
    assert not Ambassador.objects.filter(display_name=PUBLIC_NAME).exists()


@pytest.mark.django_db
def test_first_consented_photo_becomes_the_story_card_image(
    client, editor, ambassador_a, png_upload
):
    """The drafted story's card shows its first photo, described by the ambassador's alt."""
    testimony = submitted_testimony(ambassador_a, {"idee": "Oui."}, image=True)
    Testimony.objects.filter(pk=testimony.pk).update(status=TestimonyStatus.DRAFT)
    client.force_login(ambassador_a)
    client.post(
        reverse("collect:photo_upload", args=[testimony.pk]),
        {"file": png_upload, "alt_text": "La vitrine de l'épicerie"},
    )
    Testimony.objects.filter(pk=testimony.pk).update(status=TestimonyStatus.SUBMITTED)
    _, story = draft_story(client, editor, testimony)
    story = publish(story, editor)
    client.logout()
    html = client.get("/histoires/").content.decode()
    card = next(c for c in html.split('<article class="card">')[1:] if story.url in c)
    assert 'class="card__image"' in card
    assert story.listing_image.default_alt_text == "La vitrine de l'épicerie"


@pytest.mark.django_db
def test_capsules_are_titled_after_the_speaker_and_the_part(
    client, editor, ambassador_a, audio_upload, speech_bytes, django_capture_on_commit_callbacks
):
    testimony = submitted_testimony(ambassador_a, {}, voice=True)
    testimony.status = TestimonyStatus.DRAFT
    testimony.save()
    client.force_login(ambassador_a)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("collect:audio_upload", args=[testimony.pk]), {"file": audio_upload}
            )
        audio_upload.seek(0)
    Testimony.objects.filter(pk=testimony.pk).update(status=TestimonyStatus.SUBMITTED)
    _, story = draft_story(client, editor, testimony)
    titles = [block.value["capsule"].title for block in story.body]
    assert titles == [
        f"Témoignage de {PUBLIC_NAME} : L'épicerie solidaire (partie 1 sur 2)",
        f"Témoignage de {PUBLIC_NAME} : L'épicerie solidaire (partie 2 sur 2)",
    ]


@pytest.mark.django_db
def test_home_features_a_capsule_only_when_an_editor_chose_it(
    client, editor, ambassador_a, audio_upload, django_capture_on_commit_callbacks
):
    """A new story with audio does not reach the home page by itself."""
    home = HomePage.objects.get()
    assert home.featured_audio is None  # no editor chose one
    testimony = submitted_testimony(ambassador_a, {"idee": "Oui."}, voice=True)
    testimony.status = TestimonyStatus.DRAFT
    testimony.save()
    client.force_login(ambassador_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("collect:audio_upload", args=[testimony.pk]), {"file": audio_upload})
    Testimony.objects.filter(pk=testimony.pk).update(status=TestimonyStatus.SUBMITTED)
    _, story = draft_story(client, editor, testimony)
    story = publish(story, editor)
    assert "<audio" not in client.get("/").content.decode()
    home.featured_audio = story.first_audio_capsule()
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert "<audio" in html and f'href="{story.url}"' in html


@pytest.mark.django_db
def test_editors_list_shows_names_not_email_addresses(client, editor, ambassador_a):
    submitted_testimony(ambassador_a, {"idee": "Oui."}, public_name="")
    submitted_testimony(make_user("c@example.org", "Ambassadeurs"), {}, public_name="Camille R.")
    sign_in(client, editor)
    html = client.get(reverse("testimonies:index")).content.decode()
    assert "Alice" in html and "Camille R." in html
    assert "a@example.org" not in html and "c@example.org" not in html


@pytest.mark.django_db
def test_review_screen_previews_photos_and_plays_recordings(
    client, editor, testimony_a, png_upload, audio_upload, django_capture_on_commit_callbacks
):
    """Editors see the photo and hear the recording; a draft's media stay private."""
    client.force_login(testimony_a.owner)
    client.post(
        reverse("collect:photo_upload", args=[testimony_a.pk]),
        {"file": png_upload, "alt_text": "La vitrine"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("collect:audio_upload", args=[testimony_a.pk]), {"file": audio_upload})
    photo, recording = testimony_a.photos.get(), testimony_a.recordings.get()
    photo_url = reverse("collect_admin:photo", args=[testimony_a.pk, photo.public_id])
    ogg_url = reverse("collect_admin:audio", args=[testimony_a.pk, recording.public_id, "ogg"])
    sign_in(client, editor)
    assert client.get(photo_url).status_code == 404  # still a draft: private to its owner
    testimony_a.status = TestimonyStatus.SUBMITTED
    testimony_a.save()
    html = client.get(reverse("collect_admin:review", args=[testimony_a.pk])).content.decode()
    assert f'<img src="{photo_url}" alt="La vitrine"' in html
    assert f'<source src="{ogg_url}" type="audio/ogg">' in html
    assert client.get(photo_url)["Content-Type"] == "image/png"
    assert client.get(ogg_url)["Content-Type"] == "audio/ogg"
    client.force_login(testimony_a.owner)
    assert client.get(photo_url).status_code in (302, 403)  # the admin is for editors only


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("scopes", "shown"),
    [
        ({"text": True, "image": True, "voice": True}, "Portée : texte, photos et voix"),
        ({"text": True, "image": False, "voice": True}, "Portée : texte et voix"),
        ({"text": False, "image": True, "voice": False}, "Portée : photos<"),
    ],
)
def test_review_screen_lists_the_consent_scope_as_a_sentence(
    client, editor, ambassador_a, scopes, shown
):
    testimony = submitted_testimony(ambassador_a, {"idee": "Oui."}, **scopes)
    testimony.consent = ConsentText.objects.create(version="essai-portee", text="Accord.")
    testimony.save()
    sign_in(client, editor)
    html = client.get(reverse("collect_admin:review", args=[testimony.pk])).content.decode()
    assert shown in re.sub(r"\s+", " ", html)


@pytest.mark.django_db
def test_review_screen_spaces_its_action_buttons(client, editor, ambassador_a):
    """The review and drafting buttons sit in a row with a gap; the return form below."""
    testimony = submitted_testimony(ambassador_a, {"idee": "Oui."})
    sign_in(client, editor)
    html = client.get(reverse("collect_admin:review", args=[testimony.pk])).content.decode()
    row = html[html.index('<div class="w-flex w-flex-wrap w-gap-4 w-mb-8">') :]
    row = row[: row.index("</div>")]
    assert "Commencer la relecture" in row and "Transformer en brouillon" in row
    assert "Renvoyer avec ces commentaires" in html[html.index(row) + len(row) :]


@pytest.mark.django_db
def test_admin_home_lists_testimonies_to_review_for_editors_only(client, editor, ambassador_a):
    testimony = submitted_testimony(ambassador_a, {"idee": "Oui."})
    sign_in(client, editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 témoignage à relire" in html
    assert reverse("collect_admin:review", args=[testimony.pk]) in html
    other = make_user("auteur@example.org")
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, other)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200 and "à relire" not in response.content.decode()


@pytest.mark.django_db
def test_return_email_says_what_changed_with_the_comment_and_a_link(
    editor, ambassador_a, django_capture_on_commit_callbacks
):
    testimony = submitted_testimony(ambassador_a, {"idee": "Oui."})
    with django_capture_on_commit_callbacks(execute=True):
        workflow.change_status(
            testimony, TestimonyStatus.RETURNED, editor, "Précisez le budget, s'il vous plaît."
        )
    email = mail.outbox[-1]
    assert email.to == ["a@example.org"]
    assert email.subject == "Relais : « L'épicerie solidaire » – Renvoyé avec des commentaires"
    assert "« L'épicerie solidaire » est passé de « Envoyé » à « Renvoyé avec des" in email.body
    assert "Précisez le budget, s'il vous plaît." in email.body
    assert f"http://127.0.0.1:8000/contribuer/temoignages/{testimony.pk}/" in email.body


@pytest.mark.django_db
def test_submission_email_links_editors_to_the_review_page(
    editor, ambassador_a, django_capture_on_commit_callbacks
):
    testimony = submitted_testimony(ambassador_a, {})
    testimony.status = TestimonyStatus.RETURNED
    testimony.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.change_status(testimony, TestimonyStatus.SUBMITTED, ambassador_a)
    email = mail.outbox[-1]
    assert editor.email in email.to and "a@example.org" not in email.to
    assert "de « Renvoyé avec des commentaires » à « Envoyé »" in email.body
    assert f"http://127.0.0.1:8000/admin/temoignages/{testimony.pk}/" in email.body

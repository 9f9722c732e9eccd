"""export_pack writes published content back as a pack that imports to the same site."""

import pytest

from django.contrib.auth import get_user_model

from wagtail.images import get_image_model
from wagtail.models import Page

from relais.collect.models import ConsentText, InterviewQuestion
from relais.core.models import FunderSettings, SiteContactSettings
from relais.glossary.models import GlossaryTerm
from relais.journey.models import Ambassador, LaureateProject, Programme, Territory, Theme
from relais.knowledge.models import KnowledgeCard
from relais.packs.services import export_pack, import_pack
from relais.stories.audio import AudioCapsule
from relais.stories.models import HomePage, StoryIndexPage, StoryPage

from .conftest import VALMONT_PACK

pytestmark = pytest.mark.django_db


def files(root):
    """Return {relative path: bytes} of every file under root."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def empty_site():
    """Delete every content row, as in a new database (Wagtail's root page stays)."""
    for page in Page.objects.filter(depth=2):
        page.delete()
    for model in (
        KnowledgeCard,
        LaureateProject,
        Ambassador,
        AudioCapsule,
        InterviewQuestion,
        Programme,
        Theme,
        ConsentText,
        FunderSettings,
        SiteContactSettings,
        get_image_model(),
        GlossaryTerm,
    ):
        model.objects.all().delete()
    Territory.objects.exclude(parent=None).delete()
    Territory.objects.all().delete()


def test_export_then_import_into_an_empty_site_then_export_gives_the_same_files(tmp_path):
    import_pack(VALMONT_PACK)
    export_pack(tmp_path / "first")
    empty_site()
    assert not StoryPage.objects.exists()
    import_pack(tmp_path / "first")
    export_pack(tmp_path / "second")
    first, second = files(tmp_path / "first"), files(tmp_path / "second")
    assert sorted(first) == sorted(second)
    assert first == second
    assert "stories/le-skatepark-des-tilleuls.md" in first
    assert "glossary/budget-participatif.md" in first
    assert "cards/valmont-le-marche-du-samedi-matin.md" in first
    assert "card-types.yaml" in first


def test_drafts_are_not_exported(pack_dir, tmp_path):
    """An unpublished story and an unpublished change of a published one stay out."""
    import_pack(pack_dir)
    story = StoryPage.objects.get(slug="un-recit")
    story.title = "Titre en brouillon"
    story.save_revision()
    draft = StoryPage(slug="brouillon", title="Un brouillon", intro="…", body=[], live=False)
    StoryIndexPage.objects.get().add_child(instance=draft)
    export_pack(tmp_path / "out")
    exported = files(tmp_path / "out")
    assert "stories/brouillon.md" not in exported
    assert b"Titre en brouillon" not in b"".join(exported.values())
    assert b"title: Un r\xc3\xa9cit de Testville" in exported["stories/un-recit.md"]


def test_no_account_or_private_portrait_is_exported(pack_dir, tmp_path):
    """Only public names: no e-mail address, and a private portrait keeps its bio out."""
    import_pack(pack_dir)
    user = get_user_model().objects.create(
        username="porteur@example.org", email="porteur@example.org"
    )
    Ambassador.objects.create(
        slug="discret",
        display_name="Camille D.",
        bio="Vie privée",
        public_profile=False,
        account=user,
    )
    export_pack(tmp_path / "out")
    exported = b"".join(files(tmp_path / "out").values())
    assert b"porteur@example.org" not in exported
    assert b"Vie priv" not in exported


def test_the_export_folder_must_be_empty(tmp_path):
    from relais.packs.files import PackError

    (tmp_path / "something.txt").write_text("x")
    with pytest.raises(PackError):
        export_pack(tmp_path)
    assert HomePage.objects.count() == 0

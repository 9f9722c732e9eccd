"""Build the demo site from `content.py`: safe to re-run, every item flagged as an example."""

import datetime
from io import BytesIO

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from relais.core.models import FunderSettings, SiteContactSettings, StandardPage
from relais.journey.models import (
    Ambassador,
    LaureateProject,
    Programme,
    ProgrammeDate,
    ProjectEdition,
    Stage,
    Territory,
    Theme,
)
from relais.media.audio import validate_audio
from relais.stories.audio import AudioCapsule, AudioChapter
from relais.stories.models import HomePage, StoryIndexPage, StoryPage

from . import content, media


@transaction.atomic
def load_demo():
    """Create or update every demo object; return the home page."""
    programme = _programme()
    _stages(programme)
    _programme_dates(programme, datetime.date.today())
    _themes()
    _territories()
    _projects(programme)
    _ambassadors()
    capsules = {item["slug"]: _capsule(item) for item in content.CAPSULES}
    home = _home(programme, featured_audio=capsules[content.HOME_FEATURED_CAPSULE])
    index = upsert_page(
        home, StoryIndexPage, "histoires", show_in_menus=True, **content.STORY_INDEX
    )
    for item in content.STORIES:
        _story(index, item, capsules)
    upsert_page(
        home,
        StandardPage,
        "a-propos",
        show_in_menus=True,
        show_funder_details=True,
        **_body_fields(content.ABOUT),
    )
    for item in content.LEGAL_PAGES:
        upsert_page(home, StandardPage, item["slug"], **_body_fields(item))
    _funder()
    _site_contact()
    return home


def image(title, png):
    """Return the Wagtail image with this title, creating it from PNG bytes if needed."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    return model.objects.create(
        title=title, file=ImageFile(BytesIO(png), name=f"{slugify(title)[:80]}.png")
    )


def upsert_page(parent, model, slug, relations=None, **fields):
    """Create or update a child page of `parent` by slug and publish it."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    for name, values in (relations or {}).items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return page


def _programme():
    data = dict(content.PROGRAMME)
    programme, _ = Programme.objects.update_or_create(name=data.pop("name"), defaults=data)
    return programme


def _stages(programme):
    for order, item in enumerate(content.STAGES):
        data = dict(item, programme=programme, sort_order=order)
        Stage.objects.update_or_create(slug=data.pop("slug"), defaults=data)


def _programme_dates(programme, today):
    """Date the demo's edition in the current year, or the next one once it is over."""
    last = max(end or start for _, _, start, end in content.PROGRAMME_DATES)
    year = today.year if datetime.date(today.year, *last) >= today else today.year + 1
    stages = {stage.slug: stage for stage in programme.stages.all()}
    programme.dates = [
        ProgrammeDate(
            stage=stages.get(slug),
            label=label,
            starts_on=datetime.date(year, *start),
            ends_on=datetime.date(year, *end) if end else None,
        )
        for slug, label, start, end in content.PROGRAMME_DATES
    ]
    programme.save()


def _themes():
    for slug, name in content.THEMES:
        Theme.objects.update_or_create(slug=slug, defaults={"name": name})


def _territories():
    for item in sorted(content.TERRITORIES, key=lambda t: t["parent"] is not None):
        parent = Territory.objects.get(slug=item["parent"]) if item["parent"] else None
        Territory.objects.update_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "kind": item["kind"], "parent": parent},
        )


def _projects(programme):
    for item in content.PROJECTS:
        project, _ = LaureateProject.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "programme": programme,
                "name": item["name"],
                "carrier": item["carrier"],
                "commune": Territory.objects.get(slug=item["commune"]),
                "short_description": item["short_description"],
                "is_example": True,
            },
        )
        project.themes.set(Theme.objects.filter(slug__in=item["themes"]))
        project.editions = [
            ProjectEdition(year=year, labelled=labelled, amount=amount)
            for year, labelled, amount in item["editions"]
        ]
        project.save()


def _ambassadors():
    for item in content.AMBASSADORS:
        data = dict(item, is_example=True)
        slug = data.pop("slug")
        data["photo"] = image(
            f"Portrait – {item['display_name']}", media.portrait(item["display_name"])
        )
        ambassador, _ = Ambassador.objects.update_or_create(slug=slug, defaults=data)
        projects = [p["slug"] for p in content.PROJECTS if slug in p.get("ambassadors", [])]
        ambassador.projects.set(LaureateProject.objects.filter(slug__in=projects))


def _capsule(item):
    """Return the capsule with this title, recording its speech only the first time."""
    capsule = AudioCapsule.objects.filter(title=item["title"]).first()
    if capsule is None:
        mp3 = ContentFile(media.speech_mp3(item["transcript"]), name=f"{item['slug']}.mp3")
        capsule = AudioCapsule(title=item["title"], transcript=item["transcript"])
        capsule.duration_seconds = validate_audio(mp3).duration_seconds
        capsule.file.save(mp3.name, mp3, save=False)
    capsule.transcript = item["transcript"]
    capsule.chapters = [AudioChapter(start=start, title=title) for start, title in item["chapters"]]
    capsule.save()
    return capsule


def _home(programme, featured_audio):
    """Create the home page, make it the default site's root, drop Wagtail's welcome page."""
    home = HomePage.objects.first()
    fields = dict(content.HOME, programme=programme, featured_audio=featured_audio)
    if home is None:
        home = HomePage(slug="accueil", **fields)
        Page.get_first_root_node().add_child(instance=home)
    else:
        for name, value in fields.items():
            setattr(home, name, value)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "Relais", home
    site.save()
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    return home


def _story(index, item, capsules):
    title = item["title"]
    illustration = image(f"Illustration – {title}", media.illustration(title))
    stages = {stage.slug: stage for stage in Stage.objects.all()}
    body = [_block(kind, value, illustration, capsules, stages) for kind, value in item["body"]]
    upsert_page(
        index,
        StoryPage,
        item["slug"],
        relations={
            "ambassadors": Ambassador.objects.filter(slug__in=item["ambassadors"]),
            "stages": [stages[slug] for slug in item["stages"]],
            "themes": Theme.objects.filter(slug__in=item["themes"]),
        },
        title=title,
        intro=item["intro"],
        listing_image=illustration,
        project=LaureateProject.objects.get(slug=item["project"]),
        body=body,
        is_example=True,
    )


def _block(kind, value, illustration, capsules, stages):
    """Turn a (kind, value) pair of content.py into raw StreamField data."""
    if kind == "image":
        value = dict(value, image=illustration.pk)
    elif kind == "audio":
        value = {"capsule": capsules[value].pk}
    elif kind == "key_figures":
        figures = [{"value": v, "label": label} for v, label in value["figures"]]
        value = {"title": value["title"], "figures": figures}
    elif kind == "timeline":
        steps = [
            {"stage": stages[slug].pk, "when": when, "text": text}
            for slug, when, text in value["steps"]
        ]
        value = {"title": value["title"], "steps": steps}
    return {"type": kind, "value": value}


def _body_fields(item):
    """Return page fields; a body is HTML or a list of ("text", html) and ("site_contact", kind)."""
    body = item["body"]
    if isinstance(body, str):
        body = [("text", body)]
    blocks = [
        {"type": kind, "value": {"kind": value} if kind == "site_contact" else value}
        for kind, value in body
    ]
    return {"title": item["title"], "intro": item.get("intro", ""), "body": blocks}


def _funder():
    settings = FunderSettings.load()
    for name, value in content.FUNDER.items():
        setattr(settings, name, value)
    settings.logo = image(
        "Logo – " + content.FUNDER["funder_name"],
        media.placeholder_logo(content.FUNDER["funder_name"]),
    )
    settings.save()


def _site_contact():
    settings = SiteContactSettings.load()
    for name, value in content.SITE_CONTACT.items():
        setattr(settings, name, value)
    settings.save()

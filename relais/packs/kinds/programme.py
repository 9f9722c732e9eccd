"""programme.yaml: the programme, its funder, site texts, stages with their questions,
calendar, themes, territories and consent text."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from relais.collect.models import ConsentText, InterviewQuestion
from relais.core.models import FunderSettings, SiteContactSettings
from relais.journey.choices import TerritoryKind
from relais.journey.models import Programme, ProgrammeDate, Stage, Territory, Theme
from relais.stories.models import HomePage, StoryIndexPage

from ..files import PackError
from ..media import stored_image
from ..pack import fields, markdown_field
from ..writes import UPDATED, publish_page, set_children, upsert

NAME = "programme"
FILE = "programme.yaml"
PROGRAMME = {
    "name": (str, True),
    "collectivity": (str, True),
    "description": (str, False),
    "website": (str, False),
    "application_url": (str, False),
    "application_label": (str, False),
    "contact_name": (str, False),
    "contact_email": (str, False),
    "contact_phone": (str, False),
    "contact_url": (str, False),
}
FUNDER = {
    "funder_name": (str, True),
    "amount": (int, False),
    "link": (str, False),
    "text": (str, False),
    "logo": (str, False),
}
CONTACT = dict.fromkeys(
    (
        "publisher_name",
        "publisher_address",
        "publisher_registration",
        "publication_director",
        "contact_email",
        "contact_phone",
        "host_name",
        "host_address",
        "host_phone",
        "privacy_contact",
        "privacy_email",
        "accessibility_email",
        "accessibility_form_url",
    ),
    (str, False),
)
HOME = {
    "title": (str, True),
    "hero_title": (str, True),
    "hero_text": (str, False),
    "featured_audio": (str, False),
}
INDEX = {"title": (str, True), "slug": (str, False), "intro": (str, False)}
STAGE = {
    "slug": (str, True),
    "name": (str, True),
    "short_description": (str, True),
    "typical_period": (str, False),
    "action_label": (str, False),
    "action_url": (str, False),
    "description": (str, False),
    "questions": (list, False),
}
QUESTION = {"text": (str, True), "help": (str, False), "required": (bool, False)}
DATE = {
    "stage": (str, False),
    "label": (str, False),
    "from": (str, True),
    "until": (str, False),
    "place": (str, False),
    "territory": (str, False),
}
TOP = {
    "example": (bool, False),
    "programme": (dict, True),
    "funder": (dict, False),
    "site": (dict, True),
    "stages": (list, True),
    "calendar": (list, False),
    "themes": (list, True),
    "territories": (list, True),
    "consent": (dict, False),
}
SITE = {"home": (dict, True), "stories": (dict, True), "contact": (dict, False)}


def read(pack):
    """Read programme.yaml; the other kinds rely on its stages, themes and territories."""
    path = pack.folder.root / FILE
    if not path.is_file():
        pack.error(PackError(_("programme.yaml is missing"), FILE))
        return
    meta = pack.guard(pack.folder.read_yaml, pack.folder.resolve(FILE, FILE))
    top = meta is not None and pack.guard(fields, meta, FILE, TOP)
    if not top:
        return
    pack.example = top.get("example", False)
    item = {"programme": pack.guard(_programme, top["programme"])}
    item["funder"] = pack.guard(_funder, pack, top.get("funder"))
    item["site"] = pack.guard(_site, top["site"])
    item["stages"] = [pack.guard(_stage, pack, s) for s in top["stages"]]
    item["themes"] = [pack.guard(_named, pack, "theme", t, {}) for t in top["themes"]]
    item["territories"] = [pack.guard(_territory, pack, t) for t in top["territories"]]
    item["calendar"] = [pack.guard(_date, d) for d in top.get("calendar", [])]
    item["consent"] = pack.guard(_consent, top.get("consent"))
    pack.items[NAME] = item


def _programme(meta):
    data = fields(meta, FILE, PROGRAMME)
    data["description"] = markdown_field(meta, "description", FILE)
    return data


def _funder(pack, meta):
    if meta is None:
        return None
    data = fields(meta, FILE, FUNDER)
    if "logo" in data:
        data["logo"] = pack.media.image(data["logo"], FILE, meta.line_of("logo"))
    return data


def _site(meta):
    data = fields(meta, FILE, SITE)
    return {
        "home": fields(data["home"], FILE, HOME),
        "stories": fields(data["stories"], FILE, INDEX),
        "contact": fields(data.get("contact") or meta.__class__(), FILE, CONTACT),
    }


def _named(pack, kind, meta, extra):
    data = fields(meta, FILE, {"slug": (str, True), "name": (str, True), **extra})
    pack.claim_slug(kind, data["slug"], FILE, meta.line)
    return data


def _stage(pack, meta):
    data = _named(
        pack, "stage", meta, {k: v for k, v in STAGE.items() if k not in ("slug", "name")}
    )
    data["description"] = markdown_field(meta, "description", FILE)
    data["questions"] = [fields(q, FILE, QUESTION, meta.line) for q in data.get("questions", [])]
    return data


def _territory(pack, meta):
    data = _named(pack, "territory", meta, {"kind": (str, True), "parent": (str, False)})
    if data["kind"] not in TerritoryKind.values:
        message = _("unknown territory kind %(kind)s (known: %(known)s)") % {
            "kind": data["kind"],
            "known": ", ".join(TerritoryKind.values),
        }
        raise PackError(message, FILE, meta.line_of("kind"))
    data["line"] = meta.line
    return data


def _date(meta):
    data = fields(meta, FILE, {**DATE, "from": (object, True), "until": (object, False)})
    for key in ("from", "until"):
        if key in data:
            data[key] = _day(data[key], meta.line_of(key))
    data["line"] = meta.line
    return data


def _day(value, line):
    """Return a date, or (month, day) for a date of every edition (put in the next one)."""
    if isinstance(value, datetime.date):
        return value
    try:
        month, day = (int(part) for part in str(value).split("-"))
        datetime.date(2024, month, day)
    except ValueError:
        raise PackError(
            _("a date is YYYY-MM-DD, or MM-DD for a date that comes back every year"), FILE, line
        ) from None
    return (month, day)


def _consent(meta):
    if meta is None:
        return None
    data = fields(meta, FILE, {"version": (str, True), "text": (str, True)})
    existing = ConsentText.objects.filter(version=data["version"]).first()
    if existing and existing.text.strip() != data["text"].strip():
        message = _(
            "consent version %(version)s already exists with another text: people agreed to "
            "that text, give the new one a new version"
        ) % {"version": data["version"]}
        raise PackError(message, FILE, meta.line_of("text"))
    return data


def check(pack):
    """Check the references inside programme.yaml (stages of dates, parents, home audio)."""
    item = pack.items.get(NAME)
    if not item:
        return
    for date in filter(None, item["calendar"]):
        if "stage" in date:
            pack.reference("stage", date["stage"], FILE, date["line"])
        if "territory" in date:
            pack.reference("territory", date["territory"], FILE, date["line"])
    for territory in filter(None, item["territories"]):
        if "parent" in territory:
            pack.reference("territory", territory["parent"], FILE, territory["line"])
    home = (item["site"] or {}).get("home", {})
    if "featured_audio" in home:
        pack.reference("audio", home["featured_audio"], FILE, None)


def load(pack, changes, context):
    item = pack.items[NAME]
    data = {k: item["programme"].get(k, "") for k in PROGRAMME}
    programme, _action = upsert(Programme, {"name": data.pop("name")}, data, changes, "programme")
    context["programme"] = programme
    for order, stage in enumerate(item["stages"]):
        values = {k: stage.get(k, "") for k in STAGE if k not in ("slug", "questions")}
        obj, _action = upsert(
            Stage,
            {"slug": stage["slug"]},
            {**values, "programme": programme, "sort_order": order},
            changes,
            "stage",
        )
        _questions(obj, order, stage["questions"], changes)
    context["stages"] = {stage.slug: stage for stage in Stage.objects.all()}
    for theme in item["themes"]:
        upsert(Theme, {"slug": theme["slug"]}, {"name": theme["name"]}, changes, "theme")
    _territories(item["territories"], changes)
    _calendar(programme, item["calendar"], changes)
    if item["consent"]:
        upsert(
            ConsentText,
            {"version": item["consent"]["version"]},
            {"text": item["consent"]["text"]},
            changes,
            "consent",
        )
    _settings(item, changes)
    context["home"] = _home(programme, item["site"], context, changes)


def _questions(stage, order, questions, changes):
    for rank, question in enumerate(questions):
        values = {
            "help_text": question.get("help", ""),
            "required": question.get("required", False),
            "sort_order": order * 10 + rank,
        }
        upsert(
            InterviewQuestion,
            {"stage": stage, "text": question["text"]},
            values,
            changes,
            "question",
        )


def _calendar(programme, calendar, changes):
    recurring = [d for d in calendar for key in ("from", "until") if isinstance(d.get(key), tuple)]
    year = _edition_year(recurring, datetime.date.today())
    stages = {stage.slug: stage for stage in Stage.objects.all()}
    territories = {territory.slug: territory for territory in Territory.objects.all()}
    rows = [
        (
            stages.get(d.get("stage")),
            d.get("label", ""),
            _date_in(d["from"], year),
            _date_in(d.get("until"), year),
            d.get("place", ""),
            territories.get(d.get("territory")),
        )
        for d in calendar
    ]
    columns = ("stage", "label", "starts_on", "ends_on", "place", "territory")
    if set_children(programme, "dates", ProgrammeDate, rows, columns):
        changes.add(UPDATED, "calendar", programme.name)


def _edition_year(recurring, today):
    """Put dates that come back every year in this year's edition, or next year's once over."""
    if not recurring:
        return today.year
    last = max(
        d.get("until") if isinstance(d.get("until"), tuple) else d["from"] for d in recurring
    )
    return today.year if datetime.date(today.year, *last) >= today else today.year + 1


def _date_in(value, year):
    return datetime.date(year, *value) if isinstance(value, tuple) else value


def _territories(territories, changes):
    for territory in sorted(territories, key=lambda t: "parent" in t):
        parent = Territory.objects.get(slug=territory["parent"]) if "parent" in territory else None
        upsert(
            Territory,
            {"slug": territory["slug"]},
            {"name": territory["name"], "kind": territory["kind"], "parent": parent},
            changes,
            "territory",
        )


def _settings(item, changes):
    funder = item["funder"]
    if funder:
        values = {k: funder.get(k, "") for k in FUNDER if k != "logo"}
        values["amount"] = funder.get("amount")
        if "logo" in funder:
            values["logo"] = stored_image(funder["logo"], "Logo – " + funder["funder_name"])[0]
        upsert(FunderSettings, {"pk": FunderSettings.load().pk}, values, changes, "funder")
    upsert(
        SiteContactSettings,
        {"pk": SiteContactSettings.load().pk},
        {k: item["site"]["contact"].get(k, "") for k in CONTACT},
        changes,
        "site contact",
    )


def _home(programme, site_data, context, changes):
    """Create the home page and the story index; make the home the default site's root."""
    fields_ = {k: site_data["home"].get(k, "") for k in HOME}
    fields_["programme"] = programme
    audio = fields_.pop("featured_audio", None)
    fields_["featured_audio"] = context["audio"].get(audio)
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home, _action = publish_page(root, HomePage, "accueil", fields_, changes, "page")
    else:
        home, _action = publish_page(root, HomePage, home.slug, fields_, changes, "page")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.pk:
        site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "Relais", home
        site.save()
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    index = {"title": site_data["stories"]["title"], "intro": site_data["stories"].get("intro", "")}
    slug = site_data["stories"].get("slug", "histoires")
    context["index"], _action = publish_page(
        home, StoryIndexPage, slug, {**index, "show_in_menus": True}, changes, "page"
    )
    return home


def export(out):
    """Write programme.yaml from the site's programme (the first one), stages and settings."""
    programme = Programme.objects.first()
    if programme is None:
        return
    data = {}
    if out.example:
        data["example"] = True
    data["programme"] = _drop_empty(
        {
            **{k: getattr(programme, k) for k in PROGRAMME if k != "description"},
            "description": out.markdown(programme.description),
        }
    )
    data["funder"] = _export_funder(out)
    data["site"] = _export_site(out)
    data["stages"] = [
        _export_stage(out, stage) for stage in Stage.objects.order_by("sort_order", "pk")
    ]
    data["calendar"] = [
        _drop_empty(
            {
                "stage": d.stage.slug if d.stage else "",
                "label": d.label,
                "from": d.starts_on,
                "until": d.ends_on,
                "place": d.place,
                "territory": d.territory.slug if d.territory else "",
            }
        )
        for d in programme.dates.select_related("stage", "territory")
    ]
    data["themes"] = [{"slug": t.slug, "name": t.name} for t in Theme.objects.order_by("slug")]
    data["territories"] = [
        _drop_empty(
            {
                "slug": t.slug,
                "name": t.name,
                "kind": t.kind,
                "parent": t.parent.slug if t.parent else "",
            }
        )
        for t in sorted(
            Territory.objects.select_related("parent"),
            key=lambda t: (t.parent_id is not None, t.slug),
        )
    ]
    consent = ConsentText.objects.order_by("-created_at", "-pk").first()
    if consent:
        data["consent"] = {"version": consent.version, "text": consent.text}
    out.write_yaml(FILE, _drop_empty(data))


def _export_funder(out):
    funder = FunderSettings.load()
    if not funder.funder_name:
        return None
    data = {k: getattr(funder, k) for k in FUNDER if k != "logo"}
    data["amount"] = int(funder.amount) if funder.amount is not None else None
    if funder.logo:
        data["logo"] = out.media(funder.logo.file, funder.logo.file.name)
    return _drop_empty(data)


def _export_site(out):
    home = HomePage.objects.first()
    index = StoryIndexPage.objects.first()
    site = {}
    if home:
        site["home"] = _drop_empty(
            {
                "title": home.title,
                "hero_title": home.hero_title,
                "hero_text": home.hero_text,
                "featured_audio": out.audio_slug(home.featured_audio),
            }
        )
    if index:
        site["stories"] = _drop_empty(
            {"title": index.title, "slug": index.slug, "intro": index.intro}
        )
    contact = SiteContactSettings.load()
    site["contact"] = _drop_empty({k: getattr(contact, k) for k in CONTACT})
    return _drop_empty(site)


def _export_stage(out, stage):
    data = {k: getattr(stage, k) for k in STAGE if k not in ("description", "questions")}
    data["description"] = out.markdown(stage.description)
    data["questions"] = [
        _drop_empty({"text": q.text, "help": q.help_text, "required": q.required or None})
        for q in InterviewQuestion.objects.filter(stage=stage).order_by("sort_order", "pk")
    ]
    return _drop_empty(data)


def _drop_empty(data):
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}

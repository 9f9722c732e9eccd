"""The home page, story pages and the filterable story listing."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from relais.core.content_cache import cached_for_content
from relais.core.models import ExampleMixin
from relais.core.page_cache import declare
from relais.core.site_tree import (
    CachedChildrenRouteMixin,
    SiteTreePageMixin,
    children_of,
    exclude_private,
)
from relais.journey.models import Programme

from .audio import AudioCapsule, AudioChapter  # noqa: F401 - models of this app
from .blocks import StoryBodyBlock
from .cache_rules import STORIES
from .cards import StoryPaginator, first_cards, story_cards, story_count, with_tags
from .forms import StoryPageForm
from .listing import StoryFilterForm

STORIES_PER_PAGE = 12
LATEST_STORIES_ON_HOME = 6
FEATURED_STORY_SEARCH = 50  # latest stories searched for the one playing the featured capsule


class HomePage(CachedChildrenRouteMixin, Page):
    """Entry point: "Vous avez une idée ?", the stages strip, latest stories, one capsule."""

    programme = models.ForeignKey(
        "journey.Programme",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("programme"),
    )
    hero_title = models.CharField(_("call title"), max_length=120, default="Vous avez une idée ?")
    hero_text = models.TextField(_("call text"), max_length=600, blank=True)
    featured_audio = models.ForeignKey(
        "stories.AudioCapsule",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("featured audio capsule"),
        help_text=_("Leave empty to show the capsule of the latest story with audio."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("programme"),
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Call")),
        # The panel's help text replaces the field's outdated one without a migration.
        FieldPanel(
            "featured_audio",
            help_text=_("Leave empty to show no capsule on the home page."),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.StoryIndexPage", "core.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def load_site_wide_data(self):
        """Load what every page reads from the home: the programme, its stages, next dates.

        Called when the home page is put in the content cache (`relais.core.site_tree`).
        """
        if self.programme_id:
            self.programme = Programme.objects.prefetch_related("stages").get(pk=self.programme_id)
            self.programme.upcoming  # noqa: B018 - computed now, kept for the day

    def cache_tags(self):
        """The home page lists the latest stories (relais.core.page_cache)."""
        return [STORIES]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = story_cards(StoryPage.objects.descendant_of(self))
        name = f"home:{self.pk}"
        count = story_count(name, stories)
        context["latest_stories"] = first_cards(stories, count, LATEST_STORIES_ON_HOME, name)
        context["story_index"] = next(
            (page for page in children_of(self) if isinstance(page, StoryIndexPage) and page.live),
            None,
        )
        context["stages"] = self.programme.stages.all() if self.programme_id else []
        context["featured_audio"], context["featured_story"] = cached_for_content(
            f"featured-audio:{self.pk}", lambda: self._featured_audio(stories)
        )
        return context

    def _featured_audio(self, stories):
        """Return the capsule the editors chose to feature and a live story that plays it.

        Featuring is an editor's choice: without one, the home page shows no capsule (a
        story drafted from a testimony must never reach the home page by itself).
        """
        if not self.featured_audio_id:
            return None, None
        candidates = (
            stories.filter(has_audio=True).select_related(None).prefetch_related(None)
        ).only("body", "title", "url_path")[:FEATURED_STORY_SEARCH]
        story = next((s for s in candidates if self._plays_featured(s)), None)
        capsule = AudioCapsule.objects.prefetch_related("chapters").get(pk=self.featured_audio_id)
        return capsule, story

    def _plays_featured(self, story):
        return any(
            block["type"] == "audio" and block["value"].get("capsule") == self.featured_audio_id
            for block in story.body.raw_data
        )


class StoryIndexPage(SiteTreePageMixin, Page):
    """The list of stories, filterable by stage, theme, territory and edition year."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["stories.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    # The filters and the page number: any other query parameter is ignored.
    cache_query_params = (
        ("etape", "slug"),
        ("theme", "slug"),
        ("territoire", "slug"),
        ("annee", "number"),
        ("page", "page"),
    )

    class Meta:
        verbose_name = _("story listing")

    def route(self, request, path_components):
        """Find a story with its header (project, commune, ambassadors, stages, themes).

        A story found is kept per content version: served again, it costs no query. An
        unknown slug is looked for every time (kept, random addresses would fill the cache).
        """
        if len(path_components) != 1:
            return super().route(request, path_components)
        slug = path_components[0]
        key = f"story-route:{self.pk}:{slug}"
        story = cached_for_content(key, lambda: self._story(slug), keep=lambda s: s is not None)
        if story is None:  # not a story (Wagtail allows other children): ask Wagtail
            return super().route(request, path_components)
        story._cached_parent_obj = self
        return story.route(request, [])

    def _story(self, slug):
        story = (
            StoryPage.objects.child_of(self)
            .filter(slug=slug)
            .select_related("project", "project__commune")
            .prefetch_related("ambassadors")
            .first()
        )
        if story is not None:
            with_tags([story])
        return story

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = StoryPage.objects.child_of(self)
        form = StoryFilterForm(
            request.GET or None,
            stories=exclude_private(children.live()),
            cache_name=f"index:{self.pk}",
        )
        declare(request, *form.cache_tags())
        stories = form.filter(story_cards(children))
        name = f"index:{self.pk}:{form.cache_key()}"
        count = story_count(name, stories)
        paginator = StoryPaginator(stories, STORIES_PER_PAGE, count, len(form.cleaned()), name)
        page = paginator.get_page(request.GET.get("page"))
        context.update(
            filter_form=form,
            stories=page,
            active_filters=form.active_filters(),
            removal_links=form.removal_links(),
        )
        return context


class StoryPage(SiteTreePageMixin, ExampleMixin, Page):
    """A laureate's story told with short texts, images, audio, quotes and tips."""

    intro = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in lists.")
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("listing image"),
        help_text=_("Shown in lists next to the title (decorative there)."),
    )
    project = models.ForeignKey(
        "journey.LaureateProject",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("laureate project"),
    )
    ambassadors = ParentalManyToManyField(
        "journey.Ambassador", blank=True, related_name="stories", verbose_name=_("ambassadors")
    )
    stages = ParentalManyToManyField(
        "journey.Stage", blank=True, related_name="stories", verbose_name=_("stages")
    )
    themes = ParentalManyToManyField(
        "journey.Theme", blank=True, related_name="stories", verbose_name=_("themes")
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("story"))
    has_audio = models.BooleanField(default=False, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("project"),
                FieldPanel("ambassadors"),
                FieldPanel("stages"),
                FieldPanel("themes"),
                FieldPanel("is_example"),
            ],
            heading=_("Links"),
        ),
        *Page.promote_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    base_form_class = StoryPageForm

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def save(self, *args, **kwargs):
        self.has_audio = any(block.block_type == "audio" for block in self.body)
        return super().save(*args, **kwargs)

    @property
    def linked_stages(self):
        """The story's stages in order (read with its themes in one query by `with_tags`)."""
        tags = getattr(self, "_linked_tags", None)
        return tags[0] if tags else list(self.stages.all())

    @property
    def linked_themes(self):
        """The story's themes in order of names (read in one query by `with_tags`)."""
        tags = getattr(self, "_linked_tags", None)
        return tags[1] if tags else list(self.themes.all())

    def first_audio_capsule(self):
        """Return the first audio capsule of the story, or None."""
        for block in self.body:
            if block.block_type == "audio":
                return block.value["capsule"]
        return None

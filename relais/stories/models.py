"""The home page, story pages and the filterable story listing."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from relais.core.models import ExampleMixin

from .audio import AudioCapsule, AudioChapter  # noqa: F401 - models of this app
from .blocks import StoryBodyBlock
from .forms import StoryPageForm
from .listing import StoryFilterForm, story_cards

STORIES_PER_PAGE = 12
LATEST_STORIES_ON_HOME = 6
FEATURED_STORY_SEARCH = 50  # latest stories searched for the one playing the featured capsule


class HomePage(Page):
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = story_cards(StoryPage.objects.descendant_of(self))
        context["latest_stories"] = stories[:LATEST_STORIES_ON_HOME]
        context["story_index"] = StoryIndexPage.objects.child_of(self).live().first()
        context["stages"] = self.programme.stages.all() if self.programme_id else []
        context["featured_audio"], context["featured_story"] = self._featured_audio(stories)
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
        return self.featured_audio, story

    def _plays_featured(self, story):
        return any(
            block["type"] == "audio" and block["value"].get("capsule") == self.featured_audio_id
            for block in story.body.raw_data
        )


class StoryIndexPage(Page):
    """The list of stories, filterable by stage, theme, territory and edition year."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["stories.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = StoryPage.objects.child_of(self)
        form = StoryFilterForm(request.GET or None, stories=children.live().public())
        stories = form.filter(story_cards(children))
        page = Paginator(stories, STORIES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            filter_form=form,
            stories=page,
            active_filters=form.active_filters(),
            removal_links=form.removal_links(),
        )
        return context


class StoryPage(ExampleMixin, Page):
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

    def first_audio_capsule(self):
        """Return the first audio capsule of the story, or None."""
        for block in self.body:
            if block.block_type == "audio":
                return block.value["capsule"]
        return None

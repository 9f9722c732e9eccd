"""Story pages and the filterable story listing."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from relais.journey.models import ExampleMixin

from .audio import AudioCapsule, AudioChapter  # noqa: F401 - models of this app
from .blocks import StoryBodyBlock
from .forms import StoryPageForm
from .listing import StoryFilterForm, story_cards

STORIES_PER_PAGE = 12


class StoryIndexPage(Page):
    """The list of stories, filterable by stage, theme, territory and edition year."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
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

"""Admin: cards and their types in a "Savoirs" menu, a card from a passage, merging cards."""

from django import forms
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from relais.stories.models import StoryPage

from . import admin_views
from .admin_forms import KnowledgeCardAdminForm, KnowledgeCardFilterSet
from .models import CardType, KnowledgeCard


class AnswerPanel(FieldPanel):
    """The testimony answer a source quotes, named by its testimony and question."""

    def format_value_for_display(self, value):
        if value is None:
            return "—"
        return f"{value.testimony.title} – {value.question.text}"


def merge_url(card):
    return reverse("knowledge_admin:merge", args=[card.pk])


class CardIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perms(
            ["knowledge.change_knowledgecard", "knowledge.delete_knowledgecard"]
        ):
            buttons.append(
                Button(
                    _("Merge with another card"),
                    url=merge_url(instance),
                    icon_name="resubmit",
                    priority=25,
                )
            )
        return buttons


class CardEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perms(
            ["knowledge.change_knowledgecard", "knowledge.delete_knowledgecard"]
        ):
            buttons.append(
                Button(
                    _("Merge with another card"),
                    url=merge_url(self.object),
                    icon_name="resubmit",
                    priority=20,
                )
            )
        return buttons


class KnowledgeCardViewSet(SnippetViewSet):
    model = KnowledgeCard
    icon = "doc-full-inverse"
    index_view_class = CardIndexView
    edit_view_class = CardEditView
    list_display = [
        "title",
        Column("card_type", label=_("Type")),
        Column("cited_by", label=_("Cited by"), sort_key="cited_by"),
        Column("source_count", label=_("Sources"), sort_key="source_count"),
        BooleanColumn("live", label=pgettext_lazy("knowledge card", "Published")),
    ]
    filterset_class = KnowledgeCardFilterSet
    search_fields = ["title", "body"]
    search_backend_name = None  # the database's own search: a few hundred cards at most
    ordering = ["-cited_by", "title"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("slug", read_only=True),
            FieldPanel("card_type", widget=forms.Select),  # a few types: no chooser
            FieldPanel("body"),
            MultiFieldPanel(
                [
                    FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("territory"),
                ],
                heading=_("Where it helps"),
            ),
            FieldPanel("live"),
            InlinePanel(
                "sources",
                heading=_("Sources"),
                label=_("Source"),
                panels=[
                    FieldPanel("story"),
                    AnswerPanel("answer", read_only=True),
                    FieldPanel("ambassador"),
                    FieldPanel("quote"),
                ],
            ),
        ],
        base_form_class=KnowledgeCardAdminForm,
    )

    def get_queryset(self, request):
        return KnowledgeCard.objects.select_related("card_type")


class CardTypeViewSet(SnippetViewSet):
    model = CardType
    icon = "tag"
    list_display = ["name", "plural_name", "sort_order"]
    ordering = ["sort_order", "name"]
    sort_order_field = "sort_order"


class KnowledgeGroup(SnippetViewSetGroup):
    menu_label = _("Knowledge")
    menu_icon = "doc-full-inverse"
    menu_order = 215
    items = (KnowledgeCardViewSet, CardTypeViewSet)


register_snippet(KnowledgeGroup)


admin_urls = [
    path("reponse/<int:pk>/", admin_views.passage_from_answer, name="from_answer"),
    path("histoire/<int:pk>/", admin_views.passage_from_story, name="from_story"),
    path("fiche/<int:pk>/fusionner/", admin_views.merge, name="merge"),
]


@hooks.register("register_admin_urls")
def register_knowledge_urls():
    return [path("savoirs/", include((admin_urls, "knowledge_admin")))]


class NotQuotable(Component):
    """Said in place of the button when an answer's text may not be published."""

    template_name = "knowledge/admin/not_quotable.html"


@hooks.register("relais_testimony_answer_actions")
def answer_card_button(answer, user):
    if not user.has_perm("knowledge.add_knowledgecard"):
        return []
    if not admin_views.text_allowed(answer.testimony):
        return [NotQuotable()]
    url = reverse("knowledge_admin:from_answer", args=[answer.pk])
    label = _("Create a card from a passage")
    return [Button(label, url=url, classname="button button-small button-secondary")]


def story_card_button(page, user, priority):
    if page.specific_class is StoryPage and user.has_perm("knowledge.add_knowledgecard"):
        url = reverse("knowledge_admin:from_story", args=[page.pk])
        return [
            Button(
                _("Create a card from a passage"),
                url=url,
                icon_name="doc-full-inverse",
                priority=priority,
            )
        ]
    return []


@hooks.register("register_page_header_buttons")
def story_header_button(page, user, view_name, next_url=None):
    return story_card_button(page, user, priority=75)


@hooks.register("register_page_listing_more_buttons")
def story_listing_button(page, user, next_url=None):
    return story_card_button(page, user, priority=55)

"""Laureate projects: every project is public (its page lists its editions)."""

from django.utils.translation import gettext_lazy as _

from relais.journey.models import LaureateProject

from . import Document, Source, plain


class ProjectSource(Source):
    kind = "project"
    label = _("Laureate project")
    plural_label = _("Laureate projects")
    models = (LaureateProject,)
    boost = 0.9
    order = 40

    def public_items(self):
        return LaureateProject.objects.select_related("commune").prefetch_related("themes")

    def document(self, project):
        return Document(
            key=self.key(project.pk),
            url=project.get_absolute_url(),
            title=project.name,
            body=plain(project.short_description, project.carrier, project.commune.name),
            themes=tuple(theme.pk for theme in project.themes.all()),
            boost=self.boost,
        )

"""Glossary terms: every term is public."""

from django.utils.translation import gettext_lazy as _

from relais.glossary.models import GlossaryTerm

from . import Document, Source


class GlossarySource(Source):
    kind = "glossary"
    label = _("Glossary")
    plural_label = _("Glossary")
    models = (GlossaryTerm,)
    boost = 1.4
    order = 30

    def public_items(self):
        return GlossaryTerm.objects.all()

    def document(self, term):
        return Document(
            key=self.key(term.pk),
            url=term.get_absolute_url(),
            title=term.term,
            body=term.definition,
            keywords=" ".join([*term.synonym_list, *term.form_list]),
            boost=self.boost,
        )

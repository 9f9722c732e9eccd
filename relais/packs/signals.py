"""Signals other apps may listen to."""

from django.dispatch import Signal

# Sent once a pack is imported (not for a dry run), inside the import's transaction: what
# copies the content (the search index) rebuilds itself once instead of item by item.
pack_imported = Signal()

"""French text helpers shared by every app."""

import unicodedata

from django.utils.translation import ngettext

# Ligatures that Unicode does not decompose but a French reader files under two letters.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def sort_key(text):
    """Return a key that orders French words as a reader expects: accents and case ignored.

    "Béthune" comes before "Bruay-la-Buissière" and "Éducation" between "Culture" and
    "Environnement". The text itself breaks ties, so the order never depends on the database.
    """
    text = str(text)
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return (base.casefold(), text)


def sorted_by_name(items, attribute="name"):
    """Return the items sorted in French order of one of their attributes."""
    return sorted(items, key=lambda item: sort_key(getattr(item, attribute)))


def duration_in_words(seconds):
    """Return a duration as a reader says it: "24 heures", "30 minutes", "45 secondes"."""
    seconds = int(seconds)
    if seconds and seconds % 3600 == 0:
        count = seconds // 3600
        return ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count}
    if seconds and seconds % 60 == 0:
        count = seconds // 60
        return ngettext("%(count)d minute", "%(count)d minutes", count) % {"count": count}
    return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}

"""The words the index holds, for one-typo tolerance found by an index lookup, not a scan.

Every word of 4+ letters is stored with its variants: itself and itself less one letter.
Two words at one edit (a letter added, dropped, changed, or two swapped) share a variant,
so the candidates for a query word are one indexed `IN` away; a true distance check then
drops the rare false friends of two deletions.
"""

from collections import Counter

from django.db.models import Sum

from .models import SearchVariant, SearchWord
from .text import STOP_WORDS, stem, words

MIN_WORD = 3  # counted for the ranking; only words of 4+ letters get typo variants
MIN_VARIANT = 4
MAX_WORD = 40
BATCH = 2000


def document_words(title, keywords, body):
    """Return the set of words of a document that a typo may be corrected to."""
    return {
        word
        for word in words(f"{title} {keywords} {body}")
        if MIN_WORD <= len(word) <= MAX_WORD and word.isalpha() and word not in STOP_WORDS
    }


def variants(word):
    """Return the word and every way of writing it with one letter less."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def change_counts(delta):
    """Add `delta[word]` documents to each word; forget the words no document uses any more."""
    delta = {word: n for word, n in delta.items() if n}
    if not delta:
        return
    existing = {w.word: w for w in SearchWord.objects.filter(word__in=list(delta))}
    for word, row in existing.items():
        row.documents += delta[word]
    gone = [row.pk for row in existing.values() if row.documents <= 0]
    SearchVariant.objects.filter(word_id__in=gone).delete()
    SearchWord.objects.filter(pk__in=gone).delete()
    SearchWord.objects.bulk_update(
        [row for row in existing.values() if row.documents > 0], ["documents"], batch_size=BATCH
    )
    added = Counter({word: n for word, n in delta.items() if word not in existing and n > 0})
    add_words(added)


def add_words(counts):
    """Store new words with their document counts and their variants."""
    rows = SearchWord.objects.bulk_create(
        [SearchWord(word=word, stem=stem(word), documents=n) for word, n in counts.items()],
        batch_size=BATCH,
    )
    if rows and rows[0].pk is None:  # a backend that does not return ids
        rows = list(SearchWord.objects.filter(word__in=list(counts)))
    SearchVariant.objects.bulk_create(
        (
            SearchVariant(variant=v, word_id=row.pk)
            for row in rows
            if len(row.word) >= MIN_VARIANT
            for v in variants(row.word)
        ),
        batch_size=BATCH,
    )


def clear():
    SearchVariant.objects.all().delete()
    SearchWord.objects.all().delete()


def frequencies(stems):
    """Return how many documents use each stem (a little more when one uses two forms)."""
    rows = (
        SearchWord.objects.filter(stem__in=list(stems))
        .values("stem")
        .annotate(documents=Sum("documents"))
        .values_list("stem", "documents")
    )
    return dict(rows)


def known(candidates):
    """Return which of the words are in the index."""
    return set(SearchWord.objects.filter(word__in=list(candidates)).values_list("word", flat=True))


def corrections(word, limit=3):
    """Return up to `limit` indexed words one edit away from `word`, most used first."""
    rows = (
        SearchWord.objects.filter(variants__variant__in=list(variants(word)))
        .exclude(word=word)
        .order_by("-documents", "word")
        .values_list("word", flat=True)[: limit * 8]
    )
    found = [candidate for candidate in dict.fromkeys(rows) if one_edit(word, candidate)]
    return found[:limit]


def one_edit(a, b):
    """Whether two words differ by one letter added, dropped, changed or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
    if start is None:
        return True  # one is the other with a letter at the end
    tail_a, tail_b = a[start:], b[start:]
    return (
        tail_a[1:] == tail_b[1:]
        or tail_a[1:] == tail_b
        or tail_a == tail_b[1:]
        or (len(a) == len(b) and tail_a[:2] == tail_b[1::-1] and tail_a[2:] == tail_b[2:])
    )

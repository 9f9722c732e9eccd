"""A visitor's query as the engines take it: a few words, each with its typo corrections."""

from dataclasses import dataclass, field

from . import vocabulary
from .text import STOP_WORDS, stem, words

MAX_QUERY_CHARS = 200  # a longer query is cut: no question needs more
MAX_WORDS = 12
TYPO_MIN_LETTERS = 5  # shorter words are too easily another word with one letter changed
# English operators mean nothing here: "AND", "OR", "NOT" are words to leave out, not to
# correct ("not" -> "note") nor to search.
QUERY_STOP_WORDS = STOP_WORDS | {"and", "or", "not"}
# Words of a question about time: the stage pages hold the programme's dates.
WHEN_WORDS = frozenset(
    ["quand", "date", "dates", "calendrier", "periode", "delai", "delais", "echeance"]
)


@dataclass
class Query:
    text: str = ""  # what the visitor typed, cut to MAX_QUERY_CHARS
    cut: bool = False  # the text was longer and was cut
    groups: list = field(default_factory=list)  # per word: the word and its corrections
    corrected: dict = field(default_factory=dict)  # typed word -> the word searched instead
    asks_when: bool = False  # a question about dates ("quand voter", "calendrier")

    @property
    def stems(self):
        """Return every stem searched: what excerpts highlight."""
        return {stem(word) for group in self.groups for word in group}


def parse(text):
    """Return the Query of a text: its meaningful words and, for unknown ones, corrections."""
    text = " ".join(str(text or "").split())
    query = Query(text=text[:MAX_QUERY_CHARS], cut=len(text) > MAX_QUERY_CHARS)
    query.asks_when = any(word in WHEN_WORDS for word in words(query.text))
    typed = [w for w in dict.fromkeys(words(query.text)) if w not in QUERY_STOP_WORDS]
    typed = typed[:MAX_WORDS]
    unknown = _unknown(typed)
    for word in typed:
        group = [word]
        if word in unknown:
            candidates = vocabulary.corrections(word)
            # A plural or feminine of an indexed word is no typo: its stem finds it already.
            if candidates and all(stem(c) != stem(word) for c in candidates):
                query.corrected[word] = candidates[0]
            group += candidates
        query.groups.append(group)
    return query


def _unknown(typed):
    """Return the words long enough to correct that no document uses."""
    long_words = [w for w in typed if len(w) >= TYPO_MIN_LETTERS and w.isalpha()]
    return set(long_words) - vocabulary.known(long_words) if long_words else set()

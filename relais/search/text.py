"""French text as the index sees it: folded (case, accents), stop words out, lightly stemmed.

The same functions read the indexed texts and the visitor's query, so that "Épiceries
solidaires" and "epicerie solidaire" give the same terms. The stemmer only joins the
plural, feminine and a few verb forms of a word: it never merges two different words on
purpose (a light stemmer in the manner of J. Savoy's for French).
"""

import re
import unicodedata
from functools import lru_cache

from relais.core.text import LIGATURES

WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Elided articles and pronouns ("l'ESS", "d'argent", "qu'on") are split off as their own word.
ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)

# Snowball's French list, folded, plus the words every newcomer's question carries.
_STOP_WORDS = """
    a ai aie aient aies ait as au aux avaient avais avait avec avez aviez avions avoir avons
    ayant ayez ayons c ce ceci cela celle celles celui ces cet cette d dans de des du elle
    elles en es est et etaient etais etait etant ete etes etiez etions etre eu eue eues eumes
    eurent eus eusse eussent eusses eussiez eussions eut eutes eux fumes furent fus fusse
    fussent fusses fussiez fussions fut futes ici il ils j je l la le les leur leurs lui m ma
    mais me meme mes moi mon n ne nos notre nous on ont ou par pas pour qu que quel quelle
    quelles quels qui s sa sans se sera serai seraient serais serait seras serez seriez
    serions serons seront ses si soi soient sois soit sommes son sont soyez soyons suis sur
    t ta te tes toi ton tu un une vos votre vous y
    comment quand combien quoi pourquoi faut peut peux puis dois doit faire fait quoi
    cest ca est-ce tout tous toute toutes tres plus moins bien aussi donc alors
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
MIN_STEM = 3  # a stem keeps at least three letters ("vote", "voter", "votes" -> "vot")
FEMININES = (
    ("euse", "eur"),
    ("rice", "eur"),
    ("ive", "if"),
    ("elle", "el"),
    ("enne", "en"),
    ("ette", "et"),
)
# (ending, letters the stem keeps at least): "-ent" only on long words ("epuisent"), so that
# "parent" or "argent" stay whole.
VERB_ENDINGS = (("ent", 5), ("er", MIN_STEM), ("ez", MIN_STEM), ("ee", MIN_STEM), ("e", MIN_STEM))


def fold(text):
    """Return the text in lower case without accents ("Épicerie" -> "epicerie")."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def words(text):
    """Return the folded words of a text, elided articles split off, stop words kept."""
    return WORD.findall(fold(ELISION.sub(r"\1 ", str(text))))


@lru_cache(maxsize=50_000)  # excerpts stem every word of the texts shown
def stem(word):
    """Return the light stem of a folded word: plural, feminine and verb endings removed."""
    if len(word) <= MIN_STEM or word.isdigit():
        return word
    if word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"  # journaux -> journal, locaux -> local
    elif word[-1] in "sx":
        word = word[:-1]
    for ending, replacement in FEMININES:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            word = word[: -len(ending)] + replacement
            break
    for ending, rest in VERB_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= rest:
            return word[: -len(ending)]
    return word


def terms(text):
    """Return the index terms of a text, in order: stems of its words but stop words."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def index_text(text):
    """Return the text the SQLite full-text table stores: its terms separated by spaces."""
    return " ".join(terms(text))

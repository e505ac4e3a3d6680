"""English word knowledge for telling untranslated English from German.

Two sources, both shipped:

* **HanTa's English model** (``morphmodel_en.pgz`` in HanTa's wheel, 55,000 stems and
  affixes from its training corpus) knows how an English word is built: "inflect",
  "conjugation", "help" + "ful".  It never answers "unknown", so ``is_english_word``
  accepts a word only when every stem of its analysis is one the model has seen.
* **wordfreq's frequencies** (``mtlint.language.speller``): whether German uses a word
  at all.  Anglicisms German uses ("Software", "Team", "Download") are German words.

A lowercase word that German does not know and that is built like an English word
("inflect", "telicity", "mirativity") is English left in the text: German writes its
nouns capitalised and has its own endings for the same words ("-ität", "-ieren").
"""

from __future__ import annotations

import functools

from mtlint.language import speller
from mtlint.language.german import word_tags

# English derivational endings German does not have: "-ity" is "-ität", "-ness" is
# "-heit"/"-keit", "-ous" is "-ös". A word of a known German stem with one of them is
# still English ("aktivity" would be a typo of neither language, and is rare).
ENGLISH_ENDINGS = ("ity", "ities", "ness", "nesses", "ship", "ships", "hood", "hoods",
                   "ous", "ously", "ful", "fully", "ment", "ments", "ing", "ings")
# The shortest stem before such an ending: "city" and "ship" are no derivations.
MIN_STEM = 4
MIN_LENGTH = 4
# Longer is no English word ("antidisestablishmentarianism" has 28 letters), and HanTa's
# analysis grows with the square of a word's length.
MAX_LENGTH = 34


@functools.cache
def english_tagger():  # -> HanTa.HanoverTagger.HanoverTagger
    """HanTa's English model, loaded only when a rule needs it (0.1 s, and HanTa's
    import when nothing loaded it yet)."""
    from HanTa.HanoverTagger import HanoverTagger  # numpy with it: 0.15 s

    return HanoverTagger("morphmodel_en.pgz")


@functools.cache
def _english_morphemes() -> frozenset[str]:
    """The stems and affixes of HanTa's English model: a word built only of them is
    English; HanTa's guess for an unknown word ("Bildschirmschoner" as a noun) is not."""
    tables = english_tagger().LP_m_t.values()
    return frozenset(morpheme for table in tables for morpheme in table)


@functools.lru_cache(maxsize=4096)
def _analysis(word: str) -> tuple[list[tuple[str, str]], str]:
    """HanTa's English morphemes and tag of `word` (both tests below read them)."""
    _, morphemes, tag = english_tagger().analyze(word, taglevel=3)
    return morphemes, tag


@functools.lru_cache(maxsize=4096)
def is_english_word(word: str) -> bool:
    """Whether `word` is an English word HanTa's English model knows, not a name and
    not a German word it segments into English pieces ("Texteditor" = text + editor,
    "Interner" = intern + er)."""
    if len(word) > MAX_LENGTH or not word.isascii() or not word.isalpha():
        return False
    morphemes, tag = _analysis(word)
    if tag in ("NP0", "UNC"):
        return False
    if sum(1 for _, kind in morphemes if kind == "NN") > 1:
        return False  # two nouns in one word: a German compound
    known = _english_morphemes()
    if not all(morpheme in known for morpheme, kind in morphemes if not kind.startswith("SUF")):
        return False
    german = word_tags(word.lower())
    return not (german and german & {"ADJA", "ADJD", "VVFIN", "VVINF", "VVPP", "ADV"})


def _has_english_ending(word: str) -> bool:
    return any(word.endswith(ending) and len(word) - len(ending) >= MIN_STEM
               for ending in ENGLISH_ENDINGS)


# Endings HanTa's English model splits off that are English only: a German ending on an
# English stem ("broadcasten", "connectest", "flamt") is Denglisch, a German verb.
ENGLISH_SUFFIXES = frozenset(("s", "es", "ed", "ing", "ly", "able", "ible", "ness", "ity",
                              "ful", "less", "ment", "ship", "ous", "ion", "ation"))


def _english_inflection(word: str) -> bool:
    """Whether the endings HanTa's English model reads in `word` are English ones."""
    morphemes, _ = _analysis(word)
    return all(morpheme in ENGLISH_SUFFIXES
               for morpheme, kind in morphemes if kind.startswith("SUF"))


@functools.lru_cache(maxsize=1 << 14)
def is_unknown_english(word: str) -> bool:
    """A lowercase word German does not know that is English by its build: HanTa's
    English model knows its stem and endings ("inflect", "overrides") or it has an
    English ending ("telicity", "awareness").  Not "rechnugn" (no English word), not
    "gering" (German) and not "broadcasten" (an English stem with a German ending)."""
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or not word.isascii() \
            or not word.isalpha() or not word.islower():
        return False
    if speller.is_known(word):
        return False
    if _has_english_ending(word):
        return True
    return is_english_word(word) and _english_inflection(word)


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

Loading HanTa's English model the HanTa way costs 0.25 s (a 1.7 MB gzipped pickle that
needs numpy), paid by every process that meets one unknown lowercase word.  The first
run writes the parts word analysis needs to one sealed ``marshal`` file in the user
cache (``hanta-en-v1-<digest>-py311.marshal``, keyed like the German parts of
``mtlint.language.german_data``): the morphology, the full-form table and the set of
known morphemes; the tag-transition table of sentence tagging is left out, since
mtlint never tags English sentences.  Later runs read it without numpy: each morpheme
table stays marshalled until an analysis needs it (about half of them for the first
word), and the full forms and the known morphemes are one sorted table searched by
bisection.  The first English verdict of a process costs 0.03-0.04 s CPU instead of
0.2-0.27 s (measured in-process on the loaded 2-core dev machine).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import marshal
import pickle
import sys
import threading
from pathlib import Path
from typing import Any

from mtlint.language import speller
from mtlint.language.german import (
    NON_GERMAN_TAGS,
    analyze_word,
    is_known_name,
    lookup_noun,
    word_tags,
)
from mtlint.language.german_data import (  # the German model's loading machinery
    LazyTable,
    SortedTable,
    analyze_forward_fast,
    analyze_viterbi_fast,
    hanta_module,
    marshalled_values,
    model_path,
    no_gc,
    reachable_linear,
    read_marshalled,
    without_numpy_scalars,
)

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


MODEL_NAME = "morphmodel_en.pgz"
PARTS_FORMAT = 1  # bump when the layout of the parts file changes
MAX_PARTS_BYTES = 32 * 1024 * 1024  # the file is about 3 MB; a larger one is not read
# Positions in HanTa's 16-tuple model (see mtlint.language.german_data).
_MORPHEMES_INDEX = 7  # LP_m_t: per tag, its morphemes' log probabilities
_SENTENCES_INDEX = 9  # LP_trans_word: sentence tagging only
_FORMS_INDEX = 15  # the full-form table: word -> [(tag, log probability), ...]
_MODEL_LENGTH = 16
# Key prefixes in the sorted table of the parts file (see _build_parts).
_ANY_TAG = "*"  # a morpheme of any tag: the set of known morphemes
_FORM = "="  # a full form, its value marshalled and in hex
_SEPARATOR = "\x1f"
_lock = threading.Lock()


class _Forms:
    """HanTa's full-form table (28,000 forms), each read from the sorted table on demand."""

    __slots__ = ("_table",)

    def __init__(self, table: SortedTable):
        self._table = table

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._table.entry(_FORM + _SEPARATOR + word) is not None

    def __getitem__(self, word: str) -> Any:
        found = self._table.entry(_FORM + _SEPARATOR + word)
        if found is None:
            raise KeyError(word)
        return marshal.loads(bytes.fromhex(found))


def english_model_path() -> Path | None:
    """HanTa's English model inside the installed HanTa package, or None without HanTa."""
    german = model_path()
    return german.with_name(MODEL_NAME) if german is not None else None


def _parts_path(model: bytes) -> Path:
    from mtlint.core.cachedir import default_cache_dir

    digest = hashlib.sha1(model, usedforsecurity=False).hexdigest()[:16]
    python = f"{sys.version_info.major}{sys.version_info.minor}"
    return default_cache_dir() / f"hanta-en-v{PARTS_FORMAT}-{digest}-py{python}.marshal"


def _read_parts(path: Path) -> tuple[tuple[Any, ...], bytes] | None:
    """The model (its morpheme tables marshalled) and the sorted table of its known
    morphemes and full forms from the user cache, or None if the file is absent,
    damaged or not this user's."""
    parts = read_marshalled(path, MAX_PARTS_BYTES, path.parent)
    if not (isinstance(parts, tuple) and len(parts) == 2):
        return None
    model, table = parts
    if not (isinstance(model, tuple) and len(model) == _MODEL_LENGTH
            and isinstance(model[_MORPHEMES_INDEX], dict) and isinstance(table, bytes)):
        return None
    return model, table


def _build_parts(model_file: bytes, path: Path) -> tuple[tuple[Any, ...], bytes]:
    """Read the model the slow way (with numpy) and write its parts to the user cache:
    the morpheme tables marshalled one by one (an analysis reads about half of them),
    the set of known morphemes and the full forms as one sorted table of
    ``key<TAB>value`` lines (a word needs a few lines of them)."""
    with no_gc():
        model = list(without_numpy_scalars(pickle.loads(gzip.decompress(model_file))))
    morphemes = model[_MORPHEMES_INDEX]
    lines = {f"{_ANY_TAG}{_SEPARATOR}{m}\t" for table in morphemes.values() for m in table}
    lines.update(f"{_FORM}{_SEPARATOR}{word}\t{marshal.dumps(tags).hex()}"
                 for word, tags in model[_FORMS_INDEX].items())
    # Sorting the lines sorts their keys: the tab after a key is below every character.
    table = "".join(line + "\n" for line in sorted(lines)).encode("utf-8")
    model[_MORPHEMES_INDEX] = marshalled_values(morphemes)
    model[_SENTENCES_INDEX] = model[_FORMS_INDEX] = None
    from mtlint.core.cachedir import write_sealed

    write_sealed(path, marshal.dumps((tuple(model), table)), path.parent)
    return tuple(model), table


@functools.cache
def _english_model() -> tuple[Any, SortedTable]:
    """HanTa's English tagger and the sorted table behind it, built from the user
    cache's parts file (written by the first run that needs it)."""
    model_file_path = english_model_path()
    if model_file_path is None:
        raise ModuleNotFoundError("HanTa is not installed (pip install HanTa==1.2.1)")
    with _lock:
        model_file = model_file_path.read_bytes()
        path = _parts_path(model_file)
        stored, data = _read_parts(path) or _build_parts(model_file, path)
        table = SortedTable(None, data=data)
        model = list(stored)
        model[_MORPHEMES_INDEX] = LazyTable(stored[_MORPHEMES_INDEX])
        model[_FORMS_INDEX] = _Forms(table)
        model[_SENTENCES_INDEX] = {}
        hanta = hanta_module()

        class Tagger(hanta.HanoverTagger):  # type: ignore[misc,name-defined]
            reachable = reachable_linear  # HanTa's own is quadratic: 25-30 ms here
            analyze_forward = analyze_forward_fast
            analyze_viterbi = analyze_viterbi_fast
            logaddexp = staticmethod(hanta.logaddexp)

        tagger = Tagger(None, model=model)
        tagger.strict = False  # as when HanTa loads the model from a file itself
        return tagger, table


def english_tagger():  # -> HanTa.HanoverTagger.HanoverTagger
    """HanTa's English tagger, loaded only when a rule needs it (10-20 ms from the user
    cache; word analysis only, no sentence tagging)."""
    return _english_model()[0]


def _is_known_morpheme(morpheme: str) -> bool:
    """Whether HanTa's English model has seen the stem or affix under any tag: a word
    built only of such morphemes is English; HanTa's guess for an unknown word
    ("Bildschirmschoner" as a noun) is not."""
    return _english_model()[1].entry(_ANY_TAG + _SEPARATOR + morpheme) is not None


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
    if not is_english_lexeme(word):
        return False
    german = word_tags(word.lower())
    return not (german and german & {"ADJA", "ADJD", "VVFIN", "VVINF", "VVPP", "ADV"})


@functools.lru_cache(maxsize=4096)
def is_english_lexeme(word: str) -> bool:
    """Whether HanTa's English model knows `word`, German or not ("International",
    "Problem"): built of known morphemes, no name, no two nouns."""
    if len(word) > MAX_LENGTH or not word.isascii() or not word.isalpha():
        return False
    morphemes, tag = _analysis(word)
    if tag in ("NP0", "UNC"):
        return False
    if sum(1 for _, kind in morphemes if kind == "NN") > 1:
        return False  # two nouns in one word: a German compound
    return all(_is_known_morpheme(morpheme)
               for morpheme, kind in morphemes if not kind.startswith("SUF"))


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


# A lowercase English noun in a German sentence ("in cryptocurrency investiert", "die
# markets"): German writes its nouns capitalised, so a lowercase word German has no
# lowercase reading for is no German word however often German web text quotes it.
NOUN_MARGIN = 100  # ten times as common in English as in German
NOUN_RANK_LIMIT = 600  # a common English word (wordfreq centibels); rarer: a code name
NOUN_LIKE_TAGS = NON_GERMAN_TAGS | {"NN"}
# German inflection endings: "native" is the German adjective "nativ" inflected.
GERMAN_ENDINGS = ("e", "en", "er", "es", "em", "n")
MIN_GERMAN_STEM = 4


def has_lowercase_german_reading(word: str) -> bool:
    """Whether German writes `word` lowercase: a verb, adjective, adverb or function
    word HanTa knows ("live", "bar", "massive"), or an inflected form of a German word
    ("native" of "nativ")."""
    tags = word_tags(word)
    if tags:
        return bool(tags - NOUN_LIKE_TAGS)
    analysis = analyze_word(word)
    if analysis.known and analysis.tag not in NOUN_LIKE_TAGS:
        return True
    for ending in GERMAN_ENDINGS:
        stem = word[:-len(ending)]
        if not word.endswith(ending) or len(stem) < MIN_GERMAN_STEM:
            continue
        stem_tags = word_tags(stem)
        if stem_tags and stem_tags - NOUN_LIKE_TAGS:
            return True
        found = speller.frequency(stem)
        if found.german is not None and (found.english is None or found.german < found.english):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def is_lowercase_english_noun(word: str) -> bool:
    """A lowercase word that is a common English noun (HanTa's English model reads it
    as one), ten times as common in English as in German and with no lowercase German
    reading: "markets", "cryptocurrency", "chart"; not "native" (German "nativ"),
    "live" (a German adverb), "less" (no noun) or "microsoft" (a name)."""
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or not word.isascii() \
            or not word.isalpha() or not word.islower():
        return False
    found = speller.frequency(word)
    if found.english is None or found.english > NOUN_RANK_LIMIT or (
            found.german is not None and found.german - found.english < NOUN_MARGIN):
        return False
    if is_known_name(word[0].upper() + word[1:]) or not _analysis(word)[1].startswith("NN"):
        return False
    return not has_lowercase_german_reading(word)


# English names of fields and skills end in "-ics" where German has "-ik": "Linguistics"
# (Linguistik), "Economics" (Ökonomik), "Statistics" (Statistik). German borrowed a few
# ("Comics", "Basics"); its lexicon lists them.
FIELD_ENDING = "ics"


@functools.lru_cache(maxsize=4096)
def is_english_field_noun(word: str) -> bool:
    """A capitalised English "-ics" noun German has its own word for: "Linguistics",
    "Physics"; not "Comics" (a German noun) and not a name HanTa's English model lacks."""
    if not word[:1].isupper() or not word[1:].islower() or not word.isascii() \
            or not word.endswith(FIELD_ENDING) or len(word) - len(FIELD_ENDING) < MIN_STEM:
        return False
    return lookup_noun(word, compounds=False) is None and is_english_lexeme(word)

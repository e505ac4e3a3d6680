"""Offline German analysis for mtlint's rules: POS tags, lemmas, noun genders.

Two sources, both loaded lazily on first use and then kept for the process (how they
load fast is ``mtlint.language.german_data``):

* **HanTa** (Hanover Tagger 1.2.1, German model ``morphmodel_ger.pgz`` inside its
  wheel) gives STTS part-of-speech tags and lemmas.  ``analyze_word`` looks at one
  word without context and is cached per distinct word; ``tag_words`` runs HanTa's
  sentence tagger (5-9 ms per sentence), so call it only where a rule needs context.
* **The noun lexicon** ``data/nouns.tsv`` (derived from german-nouns / Wiktionary,
  CC BY-SA 4.0, see ``data/build_nouns.py``) gives every inflected form of about
  90,000 nouns with gender(s) and case/number slots.  ``lookup_noun`` falls back to
  the longest known final noun for compounds ("Satellitenbüro" -> "Büro", n).

What HanTa does with English and unknown words (measured, HanTa 1.2.1):

* It never answers "unknown".  Every token gets a tag; tokens it cannot segment
  into morphemes it knows get a guessed morpheme, typically tagged NE, NN or FM:
  "Bromance" -> NE, "OpenAI" -> NE (lemma "Openai"), "Bellevue" -> NN (lemma
  "Bellevu"), "shared" -> NE, "SucheGPT" -> NN (lemma "Suchegpt"), "xqzt" -> VVFIN.
  ``WordAnalysis.known`` is False for these: it is True only when every morpheme
  of the chosen analysis is in HanTa's model.
* Frequent English words are in the model as FM (foreign material): "the", "with",
  "from", "first", "company", "agreement" -> FM with ``known`` True.  Many others
  come out as NE ("Search", "new", "said", "data", "market", "other") or even NN
  ("these", "companies"), a few as verbs ("Google" -> VVIMP of "googeln").
  So HanTa alone cannot tell English from German; English function words are a
  far better signal for untranslated sentences.
* Lowercase nouns are still read as nouns where HanTa knows them ("beziehung" ->
  NN, lemma "Beziehung"; "ursprünge" -> NN "Ursprung"), and "microsoft" -> NE.
* Lemmas of guessed words are lowercased apart from the first letter ("Openai"):
  never use a lemma as the display spelling of a name.
* Punctuation gets $. $, $( where HanTa knows it, otherwise XY (typographic quotes
  „ “, dashes, emoji, "z.B.").

``is_german_word`` combines both sources: a lexicon noun (loanwords and brands that
Wiktionary lists as nouns count: "Team", "Software", "Meeting", "Bromance",
"Microsoft"), or a HanTa analysis built only from known morphemes whose tag is not
FM, NE, XY, CARD or punctuation.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mtlint.language.german_data import hanta_tagger, lexicon_entry, model_part

#: Tags after which a word is not counted as German (foreign, names, symbols).
NON_GERMAN_TAGS = frozenset({"FM", "NE", "XY", "CARD", "$.", "$,", "$("})
# The STTS verb tags by what the form is; the checks ask with these, not their own sets.
FINITE_VERB_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})  # indicative or subjunctive
IMPERATIVE_TAGS = frozenset({"VVIMP", "VAIMP"})
# Infinitives, participles and zu-infinitives: the forms that close a verb bracket.
NON_FINITE_VERB_TAGS = frozenset({"VVPP", "VVINF", "VAINF", "VMINF", "VAPP", "VMPP", "VVIZU"})
NOUN_SLOTS = ("nom sg", "gen sg", "dat sg", "acc sg", "nom pl", "gen pl", "dat pl", "acc pl")

# HanTa's segmentation is quadratic in word length (60 characters: ~30 ms); longer
# tokens are URLs or debris, not words worth tagging.
MAX_WORD_LENGTH = 64
# A compound's head must be a plausible first part and its tail a real noun: tails
# of two letters ("Ei", "Öl") match inside far too many unrelated words.
MIN_COMPOUND_HEAD = 3
MIN_COMPOUND_TAIL = 3

# ---------------------------------------------------------------------------
# HanTa
# ---------------------------------------------------------------------------


# Measured on the 2-core dev machine (Python 3.11.7, HanTa 1.2.1, 3-5 runs each); what
# loading costs is in mtlint.language.german_data:
#   analyze_word                    0.55-0.8 ms per distinct word (all of it HanTa's
#                                   analyze; taglevel 3 costs the same as taglevel 1);
#                                   a cache hit is a dict lookup
#   tag_words                       8-9 ms per sentence on seed 004 (80 sentences); the
#                                   design notes measured 4.8 ms on a quieter machine


@dataclass(frozen=True)
class WordAnalysis:
    """HanTa's reading of one word.

    ``tag`` is STTS (NN, NE, VVFIN, VAFIN, ADJA, ...; HanTa's NNA/NNI nominalised
    adjectives and infinitives are reported as NN, the original stays in
    ``hanta_tag``).  ``known`` is False when HanTa had to guess part of the word.
    """

    word: str
    tag: str
    lemma: str
    hanta_tag: str
    known: bool

    @property
    def is_noun(self) -> bool:
        return self.tag == "NN"

    @property
    def is_name(self) -> bool:
        return self.tag == "NE"

    @property
    def is_verb(self) -> bool:
        return self.tag.startswith("V")

    @property
    def is_finite_verb(self) -> bool:
        return self.tag in FINITE_VERB_TAGS


def stts_tag(hanta_tag: str) -> str:
    """Convert a HanTa tag ("VA(FIN)", "ADJ(A)", "NNI") to STTS ("VAFIN", "ADJA", "NN")."""
    if hanta_tag in ("NNA", "NNI"):
        return "NN"
    if hanta_tag == "UNKNOWN":
        return "XY"
    return hanta_tag.replace("(", "").replace(")", "")


def _unanalysed(word: str) -> WordAnalysis:
    return WordAnalysis(word, "XY", word, "XY", False)


def _is_taggable(word: str) -> bool:
    # HanTa raises on "" and wastes time on very long tokens.
    return bool(word) and not word.isspace() and len(word) <= MAX_WORD_LENGTH


def _make_analysis(
    tagger: Any, word: str, stem: str, morphemes: list[tuple[str, str]], hanta_tag: str
) -> WordAnalysis:
    # taglevel 3 gives the morphemes we need for `known`; makelemma turns its stem into
    # exactly the lemma that taglevel 1 would have returned, without a second Viterbi run
    # (checked on every distinct seed word).  makelemma, LP_m_t and tag2int are HanTa
    # internals: keep HanTa pinned to 1.2.1 and re-run the tests when upgrading.
    lemma = tagger.makelemma([stem], hanta_tag)
    morpheme_probs = tagger.LP_m_t
    known = all(
        morpheme in morpheme_probs.get(tagger.tag2int.get(mtag), ()) for morpheme, mtag in morphemes
    )
    return WordAnalysis(word, stts_tag(hanta_tag), lemma, hanta_tag, known)


def composed(word: str) -> str:
    """The NFC form: text pasted from macOS spells "ü" as "u" + a combining mark, and the
    model and lexicon know only the composed letters."""
    return word if word.isascii() else unicodedata.normalize("NFC", word)


@functools.lru_cache(maxsize=1 << 16)
def analyze_word(word: str) -> WordAnalysis:
    """Analyse one word without context (HanTa ``analyze``), cached per distinct word.

    Capitalisation matters: "Essen" -> NE, "essen" -> VVINF; "beziehung" -> NN "Beziehung".
    """
    if not _is_taggable(word):
        return _unanalysed(word)
    tagger = hanta_tagger()
    stem, morphemes, hanta_tag = tagger.analyze(composed(word), taglevel=3)
    return _make_analysis(tagger, word, stem, morphemes, hanta_tag)


@functools.lru_cache(maxsize=1 << 16)
def word_tags(word: str) -> frozenset[str] | None:
    """Every STTS tag HanTa's model has seen for this word form, or None if it has none.

    A dict lookup in the full-form table inside HanTa's model (about 23,000 frequent
    forms, case-folded: "Seit" and "seit" both give {"APPR", "KOUS"}); no analysis
    runs.  None means "not a frequent form": ask ``analyze_word`` if it matters.
    """
    if not _is_taggable(word):
        return None
    # HanTa's own normalisation: short runs of quote marks are one token, the rest lowercase.
    key = '"' if len(word) <= 2 and all(c in "`´'" for c in word) else composed(word).lower()
    int2tag, forms = model_part("forms")
    entries = forms.get(key)
    return frozenset(stts_tag(int2tag[tag]) for tag, _ in entries) if entries else None


def tag_words(words: Sequence[str]) -> list[WordAnalysis]:
    """Tag one sentence's tokens in context (HanTa ``tag_sent``), one result per token.

    Pass punctuation as separate tokens, as HanTa was trained that way.  Costs 5-9
    ms per sentence; repeated calls with the same tokens are cached.
    """
    return list(_tag_sentence(tuple(words)))


_TOKEN = re.compile(r"\w+(?:[-‐'’]\w+)*|[^\w\s]")


def tag_text(text: str) -> list[tuple[int, WordAnalysis]]:
    """Tag one sentence given as text: each token (a word, or a single punctuation
    mark) with its start offset in ``text``, tagged in context by ``tag_words``."""
    tokens = [(match.start(), match.group()) for match in _TOKEN.finditer(text)]
    tagged = tag_words([token for _, token in tokens])
    return [(start, analysis) for (start, _), analysis in zip(tokens, tagged, strict=True)]


@functools.lru_cache(maxsize=4096)
def _tag_sentence(words: tuple[str, ...]) -> tuple[WordAnalysis, ...]:
    results = [_unanalysed(word) for word in words]
    positions = [i for i, word in enumerate(words) if _is_taggable(word)]
    if not positions:
        return tuple(results)
    tagger = hanta_tagger()
    tagged = tagger.tag_sent([words[i] for i in positions], taglevel=3)
    for i, (word, stem, morphemes, hanta_tag) in zip(positions, tagged, strict=True):
        results[i] = _make_analysis(tagger, word, stem, morphemes, hanta_tag)
    return tuple(results)


# ---------------------------------------------------------------------------
# Noun lexicon
# ---------------------------------------------------------------------------


@functools.cache
def _slots(mask: int) -> frozenset[str]:
    return frozenset(name for bit, name in enumerate(NOUN_SLOTS) if mask & (1 << bit))


@dataclass(frozen=True)
class NounReading:
    """One lexicon reading of a noun form: its lemma, gender(s) and case/number slots.

    ``slots`` holds names like "nom sg", "dat pl"; it is empty when Wiktionary gives
    no declension table.  ``genders`` is empty for plural-only nouns ("Leute").
    """

    lemma: str
    genders: frozenset[str]
    slots: frozenset[str]

    @property
    def singular(self) -> bool:
        return any(slot.endswith("sg") for slot in self.slots)

    @property
    def plural(self) -> bool:
        return any(slot.endswith("pl") for slot in self.slots)


@dataclass(frozen=True)
class NounInfo:
    """What the lexicon knows about a noun form.

    ``form`` is the capitalised spelling that was found ("Beziehung" for
    "beziehung").  ``head`` is set for compounds found through their final part:
    the known noun that supplied the readings ("Büro" for "Satellitenbüro").
    """

    form: str
    readings: tuple[NounReading, ...]
    head: str | None = None

    @property
    def genders(self) -> frozenset[str]:
        """Lexical genders of all readings, whatever their number."""
        return frozenset().union(*(reading.genders for reading in self.readings))

    @property
    def singular_genders(self) -> frozenset[str]:
        """Genders of the readings that can be singular: what article agreement needs."""
        return frozenset().union(*(r.genders for r in self.readings if r.singular))

    @property
    def singular(self) -> bool:
        return any(reading.singular for reading in self.readings)

    @property
    def plural(self) -> bool:
        return any(reading.plural for reading in self.readings)

    @property
    def plural_only(self) -> bool:
        """True for plural-only nouns ("Leute", "Eltern"), not for plural forms."""
        return any(r.plural and not r.genders and not r.singular for r in self.readings)


@functools.lru_cache(maxsize=1 << 16)
def _decode(form: str) -> tuple[tuple[NounReading, ...], frozenset[str] | None]:
    """Common-noun readings of an exact form, and its name genders (None: not a name)."""
    field = lexicon_entry(form)
    if field is None:
        return (), None
    readings = []
    name_genders: set[str] | None = None
    for code in field.split(","):
        if code.startswith("N"):
            name_genders = (name_genders or set()) | set(code[1:])
            continue
        mask = int(code[:2], 16)
        genders, _, op = code[2:].partition(">")
        if not op:
            lemma = form
        elif op[0] == "=":
            lemma = op[1:]
        else:
            lemma = form[: len(form) - int(op[0])] + op[1:]
        readings.append(NounReading(lemma, frozenset(genders), _slots(mask)))
    return tuple(readings), None if name_genders is None else frozenset(name_genders)


def _spellings(word: str) -> list[str]:
    """Spellings to try: as written, with a capital first letter, and de-capsed."""
    spellings = [word]
    if word[:1].islower():
        spellings.append(word[0].upper() + word[1:])
    elif len(word) > 1 and word.isupper():
        spellings.append(word[0] + word[1:].lower())
    return spellings


def _compound(word: str) -> NounInfo | None:
    head_end = word.rfind("-")
    if head_end > 0:
        # Hyphenated compounds ("KI-Büro", "E-Mail-Adresse") take the last part whole.
        tail = word[head_end + 1 :]
        info = lookup_noun(tail) if tail else None
        if info is None:
            return None
        return _as_compound(word, word[: head_end + 1], info)
    # Longest tail first: "Batteriefabrik" should be "Fabrik", not "Rik".
    for split in range(MIN_COMPOUND_HEAD, len(word) - MIN_COMPOUND_TAIL + 1):
        head = word[:split]
        if not head.isalpha():
            continue
        tail = word[split:]
        readings, _ = _decode(tail[0].upper() + tail[1:])
        if readings:
            info = NounInfo(tail[0].upper() + tail[1:], readings)
            return _as_compound(word, head, info)
    return None


def _as_compound(word: str, head: str, info: NounInfo) -> NounInfo:
    # "Satelliten" + "Büro" -> "Satellitenbüro", but "KI-" + "Büro" -> "KI-Büro".
    joint = head.endswith("-")
    readings = tuple(
        NounReading(
            head + (r.lemma if joint else r.lemma[0].lower() + r.lemma[1:]), r.genders, r.slots
        )
        for r in info.readings
    )
    form = word[0].upper() + word[1:]
    return NounInfo(form, readings, info.head or info.form)


@functools.lru_cache(maxsize=1 << 16)
def lookup_noun(word: str, *, compounds: bool = True) -> NounInfo | None:
    """Look a common noun up in the lexicon (proper names are not included).

    The first letter is case-insensitive ("beziehung" finds "Beziehung") and an
    all-caps word is tried de-capsed.  With ``compounds`` a word that is not listed
    takes the readings of its longest known final noun (at least 3 letters, after
    a head of at least 3 letters): "Satellitenbüro" -> "Büro".  That fallback also
    matches non-nouns that happen to end in a noun ("überall" -> "All"), so use it
    for words already known to be nouns (capitalised, after an article).
    """
    if not word or not word[0].isalpha():
        return None
    word = composed(word)
    for spelling in _spellings(word):
        readings, _ = _decode(spelling)
        if readings:
            return NounInfo(spelling, readings)
    if compounds:
        return _compound(_spellings(word)[-1])
    return None


def noun_genders(word: str) -> frozenset[str]:
    """Genders ("m", "f", "n") of a noun, compounds included; empty if unknown.

    These are lexical genders of every reading, plural forms included ("Fabriken"
    -> {"f"}); for article agreement use ``lookup_noun(word).singular_genders``.
    """
    info = lookup_noun(word)
    return info.genders if info else frozenset()


def is_known_noun(word: str, *, compounds: bool = False) -> bool:
    """True when the lexicon lists the word as a noun form (first letter case-insensitive)."""
    return lookup_noun(word, compounds=compounds) is not None


def noun_form(word: str, *, compounds: bool = False) -> str | None:
    """The spelling under which the lexicon knows the noun ("beziehung" -> "Beziehung")."""
    info = lookup_noun(word, compounds=compounds)
    return info.form if info else None


def is_known_name(word: str) -> bool:
    """True when Wiktionary lists the exact spelling as a place, first or last name."""
    return bool(word) and _decode(word)[1] is not None


def capitalised_noun(word: str) -> str | None:
    """For a lowercase noun, its capitalised spelling; None if the word is not one.

    Needs both the lexicon (the noun or the final part of a compound) and HanTa reading
    the lowercase word as a noun, so that words that are something else in lowercase
    ("essen", "recht", "morgen") stay as they are.  Context is not used: a nominalised
    verb at a heading's start ("zerbrechen der ...") is not found.
    """
    if not word[:1].islower():
        return None
    form = noun_form(word, compounds=True)
    if form is None or not analyze_word(word).is_noun:
        return None
    return form


def is_german_word(word: str) -> bool:
    """True when a token is a plausible German word, in whatever capitalisation.

    A lexicon noun form counts (including loanwords such as "Team"), otherwise HanTa
    must analyse it from known morphemes with a tag that is not foreign material,
    a name, a number or a symbol: "the", "Search", "OpenAI", "would" -> False, but
    "team", "made", "these" -> True (lexicon nouns "Team", "Made", "These").
    """
    if not any(ch.isalpha() for ch in word):
        return False
    if is_known_noun(word):
        return True
    analysis = analyze_word(word)
    return analysis.known and analysis.tag not in NON_GERMAN_TAGS

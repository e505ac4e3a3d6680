"""mtlint's own German speller: known words, compounds, English words, suggestions.

Offline and fast, for the ``spelling-*`` rules of ``mtlint.checks.speller``:

* **Known words** come from ``data/words.tsv`` (wordfreq's German list, 634,000 word
  forms with their frequency, and its frequent English words; see
  ``data/build_words.py``) and the noun lexicon ``data/nouns.tsv``.  Both are searched
  as bytes (``SortedTable``), so nothing is decoded or derived at start.
  wordfreq lowercases and case-folds (``ß`` is ``ss``): the word list says whether a
  word exists, not how it is capitalised or whether it has ``ß``.
* **Compounds**: a word that is not listed is tried as known parts, the last one
  inflected, the ones before with or without a linking element (Fugen-s, -es, -n,
  -en, -er, -e) or as a verb stem ("Wohnraum", "wettbewerbsfähigeren",
  "Partnerschaftsbedingungen").  Each part must be a reasonably frequent word, so
  that a typo does not pass as two rare fragments.
* **Forms**: an inflected form of a listed word, also of a rarer one that is no typo
  ("partitionierte", "Inodes"), regular verb forms, the doer of a listed verb
  ("Signierer"), German participles of English verbs ("geforkt").
* **English**: a word far more frequent in English than in German ("leave",
  "subscription", "helpful") is English; anglicisms German uses ("Software",
  "Team", "Meeting") are frequent German words too and stay German.
* **Suggestions**: known words one edit away (a letter left out, added, changed or
  two letters swapped), for a compound also one edit away in its last part, ranked
  by edit and then by frequency; no correction of a last part that breaks a frequent
  noun the word ends in ("Kniepsand" is no "Kniepfand").

Every verdict is cached per process: an article asks for a few hundred words.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

from mtlint.core.patterns import compile_pattern
from mtlint.language.german import analyze_word, lookup_noun, word_tags
from mtlint.language.german_data import SortedTable, lexicon_entry, no_gc

WORDS_PATH = Path(__file__).parent.parent / "data" / "words.tsv"
_words = SortedTable(WORDS_PATH)
_lock = threading.Lock()

# Frequencies are wordfreq's centibels: 300 = one in 10^3 words, 600 = one in 10^6.
# A compound's parts must be at least this frequent: rare entries of a web word list
# include fragments and typos ("nugn", "erin") that would let a typo pass as a compound.
PART_LIMIT = 650
STEM_LIMIT = 600  # the word a derivation ("Mannbarkeit") starts from
HEAD_LIMIT = 700  # a compound's long first part (see _is_rarer_head)
SHORT_PART_LIMIT = 550  # three letters: "amt", "tag", "weg", not "rin"
# A compound's last part may be rarer when it is long.
RARE_TAIL_LIMIT = 750
RARE_TAIL_LENGTH = 6
TYPO_MARGIN = 150  # a listed word 30 times rarer than a word one edit away is its typo
# An inflected form of a rarer listed word: the stem may be as rare as the list goes
# ("partitioniert" of "partitionierte", "Inode" of "Inodes") when it is this long and
# no typo of a far more common word (see is_inflected).
RARE_STEM_LIMIT = 800
RARE_STEM_LENGTH = 4
# Endings by what they inflect: adjectives and participles take the adjective's
# endings, loanword nouns a plural "-s" ("Diffs", "Inodes").
ADJECTIVE_ENDINGS = frozenset(("e", "en", "er", "es", "em"))
ADJECTIVE_STEM_ENDS = ("iert", "al", "är", "ell", "iv", "ös", "isch", "ig", "lich", "bar")
# A suggestion must be a word a careful text would use.
SUGGESTION_LIMIT = 640
# The common-word table holds the German words up to this frequency (see common_words).
COMMON_LIMIT = max(PART_LIMIT, SUGGESTION_LIMIT)
# English: frequent in English, and at least this much (100 times) rarer in German:
# technical English German texts use ("device", "testing", "stable") is only 30-60
# times rarer there.
ENGLISH_LIMIT = 560
ENGLISH_MARGIN = 200
LEANING_MARGIN = 50  # three times as common in English
MIN_PART = 3  # shorter parts ("ei", "öl") match inside too many unrelated words
MAX_PARTS = 4
MIN_PREFIX = 2  # "ab", "an", "um", "zu" before a verb
MIN_TAIL_FIXED = 5  # a compound's last part corrected by a suggestion
MIN_HEAD_FIXED = 4  # and the word before it ("ver", "les", "pro" are too short)
MAX_SUGGESTIONS = 3
# Linking elements between a compound's parts, longest first.
FUGEN = ("ens", "es", "en", "er", "s", "n", "e")
# Derivational suffixes (nouns and adjectives from words): "Mannbar|keit".
SUFFIXES = ("schaft", "keit", "heit", "ung", "lich", "isch", "bar", "sam", "haft", "los",
            "ig", "nis", "chen", "tum", "ität", "ierung", "ier", "erin", "innen", "in",
            "erei", "ei", "ler", "ling", "er", "ation", "fältig", "erlei")
# Prefixes that are no words by themselves.
PREFIXES = frozenset(("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "ur", "un",
                      "ab", "an", "zu", "um"))
# Words that end no compound: articles, pronouns, conjunctions ("Lufteiniger" is a typo).
FUNCTION_WORDS = frozenset(str.split("""
    der die das dem den des ein eine einer eines einem einen einige einiger einiges einigen
    einigem manche mancher manches manchen jede jeder jedes jedem jeden diese dieser dieses
    diesem diesen jene jener jenes welche welcher welches welchem welchen alle aller alles
    allem allen keine keiner keines keinem keinen meine meiner deine deiner seine seiner
    ihre ihrer ihren ihrem unsere unserer eure eurer und oder aber sich nicht sie ihr ihm
    ihn uns euch wir ich mir mich dir dich auch noch schon wenn dass weil als wie
    nach mit von bei aus auf vor für über unter zum zur vom beim durch gegen ohne
"""))
# Endings of inflected adjectives and nouns, longest first.
INFLECTIONS = ("eren", "erer", "eres", "erem", "sten", "ster", "stes", "stem", "ere", "ste",
               "en", "er", "es", "em", "e", "n", "s")
# Every derivational suffix with every ending ("keit", "keiten"), for a quick look-up.
DERIVED_ENDS = frozenset(suffix + ending for suffix in SUFFIXES for ending in ("", *INFLECTIONS))
SUFFIX_SET = frozenset(SUFFIXES)
DERIVED_ENDS_SHORTEST = min(map(len, DERIVED_ENDS))
DERIVED_ENDS_LONGEST = max(map(len, DERIVED_ENDS))
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"


@dataclass(frozen=True)
class Frequency:
    """A word's frequency in centibels in German and English (None: not listed)."""

    german: int | None
    english: int | None


def fold(word: str) -> str:
    """The word list's form of a word: NFC, lowercase, case-folded (ß -> ss)."""
    return unicodedata.normalize("NFC", word).casefold()


@functools.lru_cache(maxsize=1 << 16)
def frequency(word: str) -> Frequency:
    """How often a word occurs in German and in English (any capitalisation)."""
    return _frequency_of(fold(word))


def _frequency_of(folded: str) -> Frequency:
    """A folded word's frequencies: from the common-word table once it is loaded, else
    (and for rarer words) by bisecting words.tsv."""
    table = _common
    if table is None:
        global _lookups
        _lookups += 1
        if _lookups > TABLE_AFTER:  # a large run: the table pays for itself
            table = common_words()
    if table is not None:
        packed = table.get(folded)
        if packed is not None:
            german, english = packed >> _SHIFT, packed & _NONE
            return Frequency(None if german == _NONE else german,
                             None if english == _NONE else english)
    entry = _words.entry(folded)
    if entry is None:
        return Frequency(None, None)
    german, _, english = entry.partition("\t")
    return Frequency(int(german) if german else None, int(english) if english else None)


def german_frequency(word: str) -> int | None:
    return frequency(word).german


def is_listed(word: str, limit: int = 900) -> bool:
    """Whether the word list or the noun lexicon has the word (lexicon: as written or
    capitalised, since nouns are listed capitalised)."""
    german = frequency(word).german
    if german is not None and german <= limit:
        return True
    return lexicon_entry(word) is not None or (
        word[:1].islower() and lexicon_entry(word[0].upper() + word[1:]) is not None
    )


def is_english(word: str) -> bool:
    """A word far more common in English than in German: "leave", "helpful"."""
    return len(word) >= 3 and _more_english(word, ENGLISH_MARGIN)


def leans_english(word: str) -> bool:
    """A word more common in English than in German that is no German noun: beside an
    English word it is part of the English ("Stop" of "Stop Subscription")."""
    return len(word) >= 2 and _more_english(word, LEANING_MARGIN)


def _more_english(word: str, margin: int) -> bool:
    """Common in English and at least `margin` centibels rarer in German, and no noun the
    German Wiktionary lists as written ("Team", "Bromance" are German)."""
    if not word.isascii():
        return False
    found = frequency(word)
    if found.english is None or found.english > ENGLISH_LIMIT:
        return False
    if found.german is not None and found.german < found.english + margin:
        return False
    return lexicon_entry(word[0].upper() + word[1:]) is None


def _is_part(part: str) -> bool:
    """A compound part that is a frequent word by itself."""
    if len(part) < MIN_PART:
        return False
    found = frequency(part)
    limit = SHORT_PART_LIMIT if len(part) == MIN_PART else PART_LIMIT
    if found.german is None or found.german > limit:
        return False
    # A word three times as common in English is English noise in the German list
    # ("erin"), unless the lexicon has it as a German noun ("Team").
    return (found.english is None or found.english + LEANING_MARGIN > found.german
            or lookup_noun(part, compounds=False) is not None)


def _is_rarer_head(head: str) -> bool:
    """A first part may be a little rarer than a last one when it is long ("Storno")."""
    if len(head) < RARE_TAIL_LENGTH:
        return False
    found = frequency(head)
    return (found.german is not None and found.german <= HEAD_LIMIT
            and (found.english is None or found.english + LEANING_MARGIN > found.german))


def _is_head(head: str, parts_left: int) -> bool:
    """A compound's first part(s): a word, a word with a linking element (also for an
    "e" it drops: "Gewerb|s" of "Gewerbe"), a verb stem ("wohn" of "wohnen"), a prefix
    ("ver", "ab"), a derivation ("verbitterung|s") or itself a compound."""
    if _is_part(head) or head in PREFIXES:
        return True
    if len(head) >= MIN_PART and (
            _is_part(head + "en") or _is_part(head + "n") or _is_part(head + "e")):
        return True  # verb stems "wohn-", "bau-", and "Schul-" of "Schule"
    for fuge in ("", *FUGEN):
        if fuge and not head.endswith(fuge):
            continue
        stem = head[: len(head) - len(fuge)]
        if len(stem) < MIN_PART:
            continue
        if fuge and (_is_part(stem) or _is_part(stem + "e")):
            return True
        if _is_derived(stem) or (parts_left > 1 and _compound(
                stem, parts_left - 1, RARE_TAIL_LENGTH - 1 if fuge else MIN_PART)):
            return True  # before a linking element only with a long last part
    return False


def _is_tail(tail: str) -> bool:
    """A compound's last part: a frequent word, a rarer inflected form of one
    ("fähigeren" of "fähig"), or one with derivational suffixes ("-barkeit"); never a
    function word ("Luft" + "einiger" is no compound)."""
    if tail in FUNCTION_WORDS:
        return False
    if _is_part(tail):
        return True
    german = frequency(tail).german
    if (german is not None and german <= RARE_TAIL_LIMIT and len(tail) >= RARE_TAIL_LENGTH
            and not _near_common(tail)):
        return True  # a rarer word, long enough not to be a fragment ("…fliese")
    if german is not None and any(
            tail.endswith(ending) and _is_part(tail[: -len(ending)]) for ending in INFLECTIONS):
        return True
    return _is_derived(tail)


def _is_stem(stem: str) -> bool:
    """A word a derivation starts from: a part, and frequent enough that fragments of
    the web list ("krit") are not."""
    german = frequency(stem).german
    return german is not None and german <= STEM_LIMIT and _is_part(stem)


@functools.lru_cache(maxsize=1 << 14)
def _is_derived(word: str, inflected: bool = True) -> bool:
    """A known word with derivational suffixes and an ending: "mannbarkeit",
    "klatschigkeiten", "belächlung" is not ("belächl" is no word).  The ending comes
    last only (``inflected`` False: a bare suffix): "luft|ei|n|ig|er" is no word."""
    ends = DERIVED_ENDS if inflected else SUFFIX_SET
    longest = min(DERIVED_ENDS_LONGEST, len(word) - MIN_PART)
    for length in range(DERIVED_ENDS_SHORTEST, longest + 1):
        if word[-length:] not in ends:
            continue
        stem = word[:-length]
        if word[-length:].startswith("ei") and not stem.endswith(("er", "el")):
            continue  # "-ei" after "-er", "-el" only: "Bäckerei", "Kanzlei"; not "Luftei"
        if _is_stem(stem) or _is_stem(stem + "en") or _is_stem(stem + "e") or (
                len(stem) > MIN_PART + 1 and _is_derived(stem, inflected=False)):
            return True
    return False


@functools.lru_cache(maxsize=1 << 14)
def _compound(word: str, parts_left: int = MAX_PARTS, min_tail: int = MIN_PART) -> bool:
    """Whether a folded word is known parts: longest final part first."""
    for split in range(MIN_PREFIX, len(word) - min_tail + 1):
        head, tail = word[:split], word[split:]
        if split < MIN_PART and head not in PREFIXES:
            continue  # two letters only as a prefix: "ab|spiegelt"
        if _is_tail(tail) and (_is_head(head, parts_left - 1) or (
                len(tail) >= RARE_TAIL_LENGTH and _is_rarer_head(head))):
            return True  # a rarer first part only before a long last one: "Storno|…"
    return False


def is_compound(word: str) -> bool:
    """Whether an unlisted word is a compound of known parts ("Partnerschaftsbedingungen")."""
    folded = fold(word)
    return folded.isalpha() and len(folded) >= 2 * MIN_PART and _compound(folded)


def is_inflected(word: str) -> bool:
    """A rare inflected form of a listed word: "kryptischem" of "kryptisch",
    "gepostetes" of "gepostet"; or "un-" before a known word ("unkonstruktiv"), "im-",
    "ir-", "il-" before a listed one ("Immoralität", "irreligiös")."""
    folded = fold(word)
    for ending in INFLECTIONS:
        stem = folded[: -len(ending)]
        if not folded.endswith(ending) or len(stem) < MIN_PART:
            continue
        if _is_part(stem) or (stem.endswith("nd") and _is_part(stem[:-1])):
            return True  # "binärem", "rohere"; present participles: "wiehernder"
        if len(stem) >= 2 * MIN_PART and _compound(stem):
            return True  # "wettbewerbswidrigem"
        if _is_rare_stem(stem, ending, noun=word[:1].isupper()):
            return True  # "partitionierte", "Inodes": a rarer listed word's form
    rest = folded[2:]
    if not (folded.startswith("un") or NEGATION.match(folded)) or len(rest) < 2 * MIN_PART:
        return False
    return _is_part(rest) or _compound(rest) or (
        not folded.startswith("un") and is_listed(rest, PART_LIMIT + 50))


def _is_rare_stem(stem: str, ending: str, noun: bool) -> bool:
    """Whether a folded stem is a rarer listed word that takes the ending: a participle
    or adjective the adjective's endings ("partitioniert|e"); a loanword noun (English
    frequency, written capitalised: ``noun``) a plural "-s" ("Diff|s", "Inode|s"); no
    verb form an "-n" ("ermittle|n" is a typo of "ermitteln"). Rare entries of the web
    list are typos too: a stem one edit from a far more common word is none."""
    if len(stem) < RARE_STEM_LENGTH:
        return False
    found = frequency(stem)
    if found.german is None or found.german > RARE_STEM_LIMIT:
        return False
    if ending in ADJECTIVE_ENDINGS:
        fits = stem.endswith(ADJECTIVE_STEM_ENDS)
    elif ending == "s":  # a noun's: "commas" in lowercase is English
        fits = noun and found.english is not None and stem[-1] not in "s"
    else:
        fits = False
    return fits and not _near_common(stem)


# Latin negation assimilated to the next consonant: "immoralisch", "irreligiös",
# "illegal" ("imformation" is no word).
NEGATION = compile_pattern(r"(?:im(?=[mpb])|ir(?=r)|il(?=l))")


@functools.lru_cache(maxsize=1 << 16)
def is_known(word: str) -> bool:
    """Whether a single word (no hyphen) is German as far as the speller knows:
    listed, a noun of the lexicon, an inflected form of a listed word, a form of a
    listed verb, a compound of known parts, or a poetic form without an "e" ("ziehn",
    "verlorne")."""
    return (is_listed(word) or is_inflected(word) or is_compound(word)
            or _is_derived(fold(word)) or is_verb_form(word) or is_elided(word)
            or is_archaic(word) or is_agent_noun(word))


# Separable verb prefixes: productive, so "zurück" + a listed verb is a verb
# ("zurücklehnst", "umherzutasten"); inseparable ones ("ent-", "ver-") make
# lexicalised verbs, which the word list has or has not.
SEPARABLE = ("ab", "an", "auf", "aus", "bei", "durch", "ein", "fort", "her", "hin", "los",
             "mit", "nach", "vor", "weg", "zu", "zurück", "zusammen", "um", "herum", "umher",
             "hinaus", "heraus", "herab", "hinab", "herein", "hinein", "hervor", "voran",
             "vorbei", "weiter", "empor", "fest", "frei", "hoch", "nieder", "entgegen",
             "auseinander", "wieder", "heim", "rum")
# Endings of a weak verb's present and past forms and its present participle.
VERB_ENDINGS = ("e", "st", "t", "est", "et", "en", "n", "te", "test", "ten", "tet", "tete",
                "teten", "end")
# A participle used as an adjective ends in one of these after its -t or -end.
PARTICIPLE_ENDINGS = ("e", "en", "er", "es", "em")
VERB_LIMIT = 720  # an infinitive rarer than this in the list is too likely a typo
MIN_VERB_STEM = 3
VERB_TAGS = frozenset(("VVINF", "VVFIN", "VAINF", "VMINF"))
IER_BASE_LIMIT = 600  # "version" of "versionieren": a frequent word


@functools.lru_cache(maxsize=1 << 14)
def _verb(infinitive: str) -> bool:
    """Whether a folded infinitive is a listed verb (HanTa reads it as one: "zäunen",
    not "kriterien" or "übrigen")."""
    german = frequency(infinitive).german
    if german is None or german > VERB_LIMIT:
        return False
    tags = word_tags(infinitive)
    if tags is not None:
        return bool(tags & VERB_TAGS)
    return analyze_word(infinitive).tag.startswith("VV")


def _verb_stem(stem: str, prefixed: bool = True) -> bool:
    """Whether a folded stem is a listed verb's ("zäun" of "zäunen", "hinfabel" of
    "fabeln" after "hin"), or an -ieren verb from a frequent word ("versionier")."""
    if len(stem) < MIN_VERB_STEM:
        return False
    if _verb(stem + "en") or (stem.endswith(("el", "er")) and _verb(stem + "n")):
        return True
    if stem.endswith("ier") and len(stem) >= MIN_VERB_STEM + 4:
        base = frequency(stem[:-3]).german
        if base is not None and base <= IER_BASE_LIMIT:
            return True  # "versionieren", "subjektivieren"
    return prefixed and any(
        stem.startswith(prefix) and _verb_stem(stem[len(prefix):], prefixed=False)
        for prefix in SEPARABLE)


@functools.lru_cache(maxsize=1 << 14)
def is_verb_form(word: str) -> bool:
    """A regular form of a listed verb the list lacks: "zäunt", "röntgten",
    "zurücklehnst", "durchgenagte" (a participle, also as an adjective),
    "umherzutasten" (zu-infinitive), "versionierte"."""
    folded = fold(word)
    for ending in ("", *PARTICIPLE_ENDINGS):
        if ending and not folded.endswith(ending):
            continue
        core = folded[: len(folded) - len(ending)]
        if ending and not core.endswith(("t", "nd")):
            continue  # only participles take an adjective's ending
        for prefix in ("", *SEPARABLE):
            if not core.startswith(prefix):
                continue
            rest = core[len(prefix):]
            if rest.startswith("ge") and rest.endswith("t") and _verb_stem(
                    rest[2:-1].removesuffix("e") if rest.endswith("et") else rest[2:-1],
                    prefixed=False):
                return True  # "gezäunt", "durchgenagt", "abgeartet"
            if not prefix and rest.startswith("ge") and rest.endswith("t") and (
                    _english_verb_stem(rest[2:-1])):
                return True  # "geforkt", "geforkte": an English verb, German participle
            if prefix and rest.startswith("zu") and rest.endswith("en") and _verb_stem(
                    rest[2:-2], prefixed=False):
                return True  # "umherzutasten"
        for verb_ending in VERB_ENDINGS:
            if core.endswith(verb_ending) and _verb_stem(core[: -len(verb_ending)]):
                return True
    return False


def _english_verb_stem(stem: str) -> bool:
    """An English word German IT and web writing conjugates as a weak verb ("fork" of
    "geforkt", "flush" of "geflusht"): common in English, not more common in German."""
    if len(stem) < MIN_VERB_STEM + 1 or not stem.isascii():
        return False
    found = frequency(stem)
    return (found.english is not None and found.english <= ENGLISH_LIMIT
            and (found.german is None or found.german > found.english))


AGENT_ENDINGS = ("erinnen", "erin", "ern", "ers", "er")


@functools.lru_cache(maxsize=1 << 14)
def is_agent_noun(word: str) -> bool:
    """A noun of the doer of a listed verb: "Signierer" of "signieren", "Empfehlerin";
    "-er" is as productive as the verbs are."""
    folded = fold(word)
    for ending in AGENT_ENDINGS:
        if folded.endswith(ending) and _verb_stem(folded[: -len(ending)], prefixed=False):
            return True
    return False


def is_archaic(word: str) -> bool:
    """A correct spelling of older German: "erfreuet", "wünschet" (-et for -t),
    "formulirt" (-irt for -iert), "nöthig", "Zuthaten" (th for t), "ausgieng",
    "bekömmt", "Beihülfe"; or umlauts typed as "ae", "oe", "ue" ("Anschlaege")."""
    folded = fold(word)
    variants = []
    stem = folded[:-2]
    # A stem with a vowel of its own: "erfreu-et", not "Ts-et" (a typo of "Test").
    if folded.endswith("et") and len(stem) >= 3 and regex.search("[aeiouäöüy]", stem):
        variants += [stem + "t", stem + "en"]
    if "ir" in folded:
        variants.append(folded.replace("ir", "ier"))
    if "th" in folded:
        variants.append(folded.replace("th", "t"))
    for old, new in OLD_LETTERS:
        if old in folded:
            variants.append(folded.replace(old, new))
    for old, new in (("gen", "chen"), ("gens", "chens")):
        if folded.endswith(old):
            variants.append(folded[: -len(old)] + new)  # "Mädgen": -gen for -chen
    return any(is_listed(v) or is_inflected(v) or is_compound(v) or is_verb_form(v)
               for v in variants)


# Older and typewriter spellings, each with today's letters: "gieng", "kömmt",
# "Beihülfe" (18th/19th century); "Anschlaege" (ae, oe, ue for umlauts).
OLD_LETTERS = (("ieng", "ing"), ("ieb", "ib"), ("kömm", "komm"), ("hülf", "hilf"),
               ("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def is_elided(word: str) -> bool:
    """A word with an unstressed "e" left out before a final n (poetry, dialect):
    "ziehn", "Narrn", "verlorne", "verschiednen" -- after a consonant only, so that
    "Kriterin" is no elided "Kriterien"."""
    folded = fold(word)
    for index in range(max(1, len(folded) - 4), len(folded)):
        if folded[index] == "n" and folded[index - 1] not in "aeiouäöüy":
            restored = folded[:index] + "e" + folded[index:]
            if is_listed(restored) or is_compound(restored):
                return True
    return False


def _edits(word: str, first: int = 1) -> set[str]:
    """Every string one edit (delete, swap, change, insert) away from a folded word,
    its first letter kept (``first`` = 1): typos there are rare, and changing it turns
    technical names into words ("xterm" -> "term", "umask" -> "mask")."""
    splits = [(word[:i], word[i:]) for i in range(first, len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return (deletes | swaps | changes | inserts) - {word}


@functools.lru_cache(maxsize=4096)
def _near_common(folded: str) -> bool:
    """Whether a rare listed word is one edit from a far more common one: then it is a
    typo the web list picked up ("bedinungen" beside "bedingungen")."""
    german = frequency(folded).german or RARE_TAIL_LIMIT
    return any(found + TYPO_MARGIN <= german for found, _ in _listed_candidates(folded))


def _listed_candidates(folded: str, first: int = 1) -> list[tuple[int, str]]:
    """(frequency, word) of the frequent German words one edit from a folded word."""
    found = []
    for candidate in _edits(folded, first):
        german = _frequency_of(candidate).german
        if german is not None and german <= SUGGESTION_LIMIT:
            found.append((german, candidate))
    return found


# The common-word table packs a word's two frequencies into one int: German << 10 |
# English, 1023 standing for "not listed" (frequencies stop at 800).
_SHIFT = 10
_NONE = (1 << _SHIFT) - 1
_common: dict[str, int] | None = None
# Look-ups in words.tsv before the table is loaded: a 13 KB article needs 1,000-3,000
# (5-15 ms), loading the table costs 20-40 ms; a larger run loads it.
TABLE_AFTER = 4000
_lookups = 0


def common_words() -> dict[str, int]:
    """The words frequent in German (compound parts and suggestions, COMMON_LIMIT) or
    in English (ENGLISH_LIMIT), 90,000 of the 640,000, with their packed frequencies.

    Most words of a text are among them: a dict answers in 0.1 us where searching the
    file takes 3-5 us, and a word's thousand suggestion candidates in 0.3 ms; it is
    loaded after TABLE_AFTER look-ups.
    Deriving it from words.tsv takes 0.5 s, so it is kept in the user cache (marshal,
    keyed by words.tsv's size and time) and read in 20-30 ms."""
    global _common
    if _common is None:
        with _lock:
            if _common is None:
                _common = _read_common()
    return _common


def _common_path() -> Path:
    from mtlint.core.cachedir import default_cache_dir

    # The file's size and time stand for its contents (hashing 11 MB would cost 20 ms).
    stat = WORDS_PATH.stat()
    key = f"{stat.st_size}-{stat.st_mtime_ns}-{COMMON_LIMIT}-{ENGLISH_LIMIT}"
    digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:16]
    return default_cache_dir() / f"speller-v2-{digest}.marshal"


def _read_common() -> dict[str, int]:
    path = _common_path()
    try:
        with no_gc():
            table = marshal.loads(path.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent or damaged: derived again
    table = {}
    for line in WORDS_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        word, german, english = line.split("\t")
        de = int(german) if german else _NONE
        en = int(english) if english else _NONE
        if de <= COMMON_LIMIT or en <= ENGLISH_LIMIT:
            table[word] = de << _SHIFT | en
    from mtlint.core.cachedir import write_cache_file

    write_cache_file(path, marshal.dumps(table))
    return table


@functools.lru_cache(maxsize=4096)
def suggestions(word: str) -> tuple[str, ...]:
    """Known words one edit from ``word``, most frequent first, in its capitalisation;
    for a compound whose last part is unknown, corrections of that part."""
    folded = fold(word)
    if not folded.isalpha():
        return ()
    found = _listed_candidates(folded)
    if not found:
        # A compound with a typo in its last part: "Partnerschaftsbedinungen"; the
        # longest last part first, so that "…schnipsel" is not read as "…sch" + "nipsel".
        for split in range(MIN_HEAD_FIXED, len(folded) - MIN_TAIL_FIXED + 1):
            head, tail = folded[:split], folded[split:]
            if _is_word_head(head):
                found = [(german, head + fixed) for german, fixed in _tail_fixes(tail)]
                if found:
                    break
        noun = _exact_noun_tail(folded) if found else None
        if noun is not None and len(tail) - len(noun) <= JOINT_SHIFT:
            # The word ends in a frequent noun, intact: a fix of the letters at its joint
            # reads a name or a rarer first part as a typo ("Knie|psand" -> "Knie|pfand"
            # for "Kniep|sand", "Literar|wesens" -> "Literan|wesens").
            found = []
    ranked = [candidate for _, candidate in sorted(found)]
    return tuple(_in_case_of(word, candidate) for candidate in ranked[:MAX_SUGGESTIONS])


MIN_EXACT_TAIL = 4
JOINT_SHIFT = 2  # letters a last part's correction may start before a noun that ends the word


def _exact_noun_tail(folded: str) -> str | None:
    """The longest frequent noun a word ends in after a first part of its own: "haus" of
    "Spindlhaus", "sand" of "Kniepsand". A name or a rarer word before a common noun is
    a compound the list lacks: correcting a last part that starts just before it
    ("Spind|laus", "Knie|pfand") breaks a word that is no typo. A longer last part is
    still corrected ("Gruppen|spezifiaktionen": "…aktionen" ends it by chance)."""
    for split in range(MIN_PART, len(folded) - MIN_EXACT_TAIL + 1):
        tail = folded[split:]
        if _is_part(tail) and lookup_noun(tail[0].upper() + tail[1:], compounds=False):
            return tail
    return None


def _is_word_head(head: str) -> bool:
    """A compound's first part that is a word of its own, with or without a linking
    element ("Anzeige", "Glück", "Frühstücks"): before a last part with a typo only
    such a part counts, not a prefix, a verb stem or a fragment ("ver", "les", "affe"
    of "Affektation" is a word, but see _tail_fixes)."""
    if _is_part(head):
        return True
    return any(head.endswith(fuge) and len(head) - len(fuge) >= MIN_HEAD_FIXED
               and _is_part(head[: -len(fuge)]) for fuge in FUGEN)


def _tail_fixes(tail: str) -> list[tuple[int, str]]:
    """(frequency, word) of the frequent words one edit from a compound's last part,
    when that part is a typo: not a listed word as common as they are ("fliese" beside
    "fliege"), not a form of a verb ("schnellt"). At its first letter only a letter
    lost at the joint is restored ("Luft|einiger" for "Luftreiniger"): changing or
    dropping it turns the end of a long word into a word ("Affe|ktation")."""
    if _is_tail(tail) or is_verb_form(tail):
        return []
    # A function word ends no compound: "Luft|einiger" is a typo however common "einiger".
    german = None if tail in FUNCTION_WORDS else frequency(tail).german
    found = []
    for candidate_german, candidate in _listed_candidates(tail, first=0):
        if candidate in FUNCTION_WORDS or (candidate[0] != tail[0] and candidate[1:] != tail):
            continue
        if german is not None and candidate_german + TYPO_MARGIN > german:
            continue
        found.append((candidate_german, candidate))
    return found


def _in_case_of(word: str, candidate: str) -> str:
    """A folded candidate written the way ``word`` is: capitalised, all caps, with
    the ß the noun lexicon spells."""
    if word.isupper():
        return candidate.upper()
    if word[:1].isupper():
        candidate = candidate[0].upper() + candidate[1:]
        if "ss" in candidate and lexicon_entry(candidate) is None:
            sharp = candidate.replace("ss", "ß")
            if lexicon_entry(sharp) is not None:
                return sharp
    return candidate

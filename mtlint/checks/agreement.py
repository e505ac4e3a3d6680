"""Agreement: article, adjective and noun that do not fit together.

Machine translation picks the article from the English source ("a", "the") and the
noun from the German lexicon, and the two often disagree: "eine Satellitenbüro"
(feminine article, neuter noun), "das Entscheidung", "der neue Batteriefabrik", "im
Bereich der Künstliche Intelligenz" (genitive article, nominative adjective ending).

The check reads a noun phrase as article, adjectives and noun, looks the noun up in
the noun lexicon (mtlint/german.py: genders and singular/plural forms from
Wiktionary; compounds take the gender of their last part) and reports the phrase only
when no reading of the article — every gender, case and number it can stand for —
fits the noun and the adjective endings. "mit der Fabrik" (dative feminine), "die
Büros" (plural) and "den Büros" (dative plural) are fine. LanguageTool covers the rest.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from mtlint.core.document import WORD as WORD_PATTERN
from mtlint.core.document import Block, BlockKind, Document, Span
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language.german import (
    FINITE_VERB_TAGS,
    NounInfo,
    analyze_word,
    is_german_word,
    is_known_noun,
    lookup_noun,
    word_tags,
)
from mtlint.language.wordclasses import (
    FINITE_AUX_OR_MODAL,
    FUNCTION_WORDS,
    PREPOSITION_ARTICLES,
    PREPOSITIONS,
    tags_of,
    word_set,
)

# A reading of an article form: gender or plural ("m", "f", "n", "pl"), case, and the
# ending an adjective takes after it (weak or mixed declension).
Reading = tuple[str, str, str]

DEFINITE: dict[str, tuple[Reading, ...]] = {
    "der": (("m", "nom", "e"), ("f", "gen", "en"), ("f", "dat", "en"), ("pl", "gen", "en")),
    "die": (("f", "nom", "e"), ("f", "acc", "e"), ("pl", "nom", "en"), ("pl", "acc", "en")),
    "das": (("n", "nom", "e"), ("n", "acc", "e")),
    "des": (("m", "gen", "en"), ("n", "gen", "en")),
    "dem": (("m", "dat", "en"), ("n", "dat", "en")),
    "den": (("m", "acc", "en"), ("pl", "dat", "en")),
}
# The same readings by ending, for "dieser", "diese", "dieses", ... ("dieses" is both
# "das" and "des").
DEFINITE_BY_ENDING: dict[str, tuple[Reading, ...]] = {
    "er": DEFINITE["der"], "e": DEFINITE["die"], "es": DEFINITE["das"] + DEFINITE["des"],
    "em": DEFINITE["dem"], "en": DEFINITE["den"],
}
# "ein", "kein", "mein", ...: the bare form takes strong adjective endings.
INDEFINITE_BY_ENDING: dict[str, tuple[Reading, ...]] = {
    "": (("m", "nom", "er"), ("n", "nom", "es"), ("n", "acc", "es")),
    "e": (("f", "nom", "e"), ("f", "acc", "e")),
    "er": (("f", "gen", "en"), ("f", "dat", "en")),
    "es": (("m", "gen", "en"), ("n", "gen", "en")),
    "em": (("m", "dat", "en"), ("n", "dat", "en")),
    "en": (("m", "acc", "en"),),
}
# "kein" and the possessives have plural forms too; "ein" has none.
PLURAL_BY_ENDING: dict[str, tuple[Reading, ...]] = {
    "e": (("pl", "nom", "en"), ("pl", "acc", "en")),
    "er": (("pl", "gen", "en"),),
    "en": (("pl", "dat", "en"),),
}
# Bare "sein", "ihr", "euer" are also a verb and pronouns: only their inflected forms.
POSSESSIVE_STEMS = ("mein", "dein", "sein", "ihr", "unser", "eur")
DEMONSTRATIVE_STEMS = ("dies", "jen", "welch", "solch", "jed")
# "jeder" has no plural: "jede Nutzer" is wrong, "jeden" is also the genitive singular
# ("jeden Monats").
SINGULAR_ONLY_STEMS = ("jed",)
# Determiners that decline as adjectives after an article: "einer jeden", "ein solches".
ADJECTIVAL_STEMS = ("jed", "solch", "welch")
ENDINGS = ("en", "em", "er", "es", "e")
# Forms that are also relative pronouns: after a comma they start a clause
# ("die Firma, die Software entwickelt").
RELATIVE_FORMS = frozenset({"der", "die", "das", "dem", "den", "des", "welcher", "welche",
                            "welches", "welchem", "welchen"})


@dataclass(frozen=True)
class Determiner:
    """An article-like word: its family (how to build other forms) and readings."""

    family: str  # "def", "dies", "jen", "ein", "kein", or a possessive stem
    readings: tuple[Reading, ...]


def _build_determiners() -> dict[str, Determiner]:
    table = {form: Determiner("def", readings) for form, readings in DEFINITE.items()}
    for stem in DEMONSTRATIVE_STEMS:
        for ending, readings in DEFINITE_BY_ENDING.items():
            if stem in SINGULAR_ONLY_STEMS:
                readings = tuple(r for r in readings if r[0] != "pl")
                if ending == "en":
                    readings += (("m", "gen", "en"), ("n", "gen", "en"))
            table[stem + ending] = Determiner(stem, readings)
    for stem in ("ein", "kein", *POSSESSIVE_STEMS):
        for ending, readings in INDEFINITE_BY_ENDING.items():
            if not ending and stem in ("sein", "ihr", "eur"):
                continue
            if stem == "eur" and not ending:
                continue
            plural = () if stem == "ein" else PLURAL_BY_ENDING.get(ending, ())
            table[stem + ending] = Determiner(stem, readings + plural)
    table["unser"] = Determiner("unser", INDEFINITE_BY_ENDING[""])
    return table


DETERMINERS = _build_determiners()


def determiner_form(family: str, gender: str, case: str) -> tuple[str, str] | None:
    """The form of a determiner family for a gender/number and case, with the
    adjective ending after it: ("def", "f", "nom") -> ("die", "e")."""
    for form, determiner in DETERMINERS.items():
        if determiner.family != family:
            continue
        for reading in determiner.readings:
            if reading[:2] == (gender, case):
                return form, reading[2]
    return None


# ---------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------

# Words that can stand between article and noun without an adjective ending
# ("die sehr neue Fabrik"); anything else ends the phrase.
DEGREE_ADVERBS = word_set(
    "sehr besonders äußerst ganz ziemlich recht eher etwas noch bereits bisher "
    "schon weit viel deutlich überaus stets immer zunehmend neu frisch"
)
# Tags of words that modify an adjective without an ending ("besonders", "vertraglich",
# "nicht"); the full-form table is case-folded, so noun and name tags are ignored.
ADVERB_TAGS = frozenset({"ADV", "ADJD", "PTKNEG", "PTKVZ"})
NUMBER_WORD = compile_pattern(r"(?:zig|ßig|hundert|tausend|zehn|zwölf|elf)$")
SENTENCE_PUNCTUATION = compile_pattern(r"[.!?:;]")
ENGLISH_FUNCTION_WORDS = word_set("of the and for to on with from by")
# Quantifiers that do not inflect like adjectives ("die mehr als 100 Firmen").
STOP_WORDS = word_set("mehr weniger viel wenig lauter etwas genug bisschen paar")


def adjective_ending(word: str) -> str | None:
    """The inflection ending of an attributive adjective ("neuen" -> "en")."""
    lower = word.lower()
    for ending in ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            return ending
    return None


@functools.lru_cache(maxsize=1 << 14)
def is_attributive_adjective(word: str) -> bool:
    """An inflected adjective or participle ("neue", "wachsenden", "Künstliche")."""
    lower = word.lower()
    if not word.isalpha() or lower in STOP_WORDS or adjective_ending(word) is None:
        return False
    if lower in DETERMINERS or lower in FUNCTION_WORDS or lower.startswith("irgend"):
        return False  # "der eine", "keiner einen Schirm", "irgendeinen"
    if word[:1].isupper() and is_known_noun(word):
        return False  # capitalised: an adjective only inside a term ("Künstliche")
    tags = word_tags(word)  # the full-form table: a lookup, no analysis
    if tags is not None:
        return "ADJA" in tags
    if word[:1].isupper():
        return False
    # A rare lowercase word with an adjective ending right after an article is an
    # adjective or participle ("die verbraucherorientierten"); HanTa's analysis of
    # long words costs milliseconds and says the same.
    return word not in FUNCTION_WORDS


def may_be_uninflected_adjective(word: str) -> bool:
    """Whether a word has the shape of a bare adjective (no lookup: the cheap half of
    ``is_uninflected_adjective``)."""
    if not word.isalpha() or not word.islower() or word in STOP_WORDS:
        return False
    # "besondern", "größern": old inflected forms; "fünfzig"
    return word[-1] not in "nmrse" and not NUMBER_WORD.search(word)


@functools.lru_cache(maxsize=1 << 14)
def is_uninflected_adjective(word: str) -> bool:
    """An adjective in its bare form ("erheblich", "neu"), not an adverb."""
    return may_be_uninflected_adjective(word) and tags_of(word) <= {"ADJD"}


@functools.lru_cache(maxsize=1 << 14)
def is_modifying_adverb(word: str) -> bool:
    """A lowercase adverb or bare adjective that may stand between article and
    adjective ("eine besonders wichtige", "der vertraglich vereinbarte")."""
    if not word.islower() or word in STOP_WORDS:
        return False
    if word in DEGREE_ADVERBS or is_uninflected_adjective(word):
        return True
    tags = word_tags(word)
    return tags is not None and bool(tags & ADVERB_TAGS) and tags - {"NN", "NE"} <= ADVERB_TAGS


@dataclass(frozen=True)
class NounReading:
    """What a noun form allows: genders for singular readings, "pl" for plural."""

    numbers: frozenset[str]  # subset of {"m", "f", "n", "pl"}
    lemma: str
    # (gender or "pl", case) pairs the form is listed for; empty when unknown.
    forms: frozenset[tuple[str, str]] = frozenset()
    # An -en form may also be a nominalised infinitive ("das Hupen", "ein ewiges
    # Schmachten"), which is neuter: accepted for agreement, never suggested.
    infinitive: bool = False

    @property
    def agreeing(self) -> frozenset[str]:
        """The genders/plural an article may agree with."""
        return self.numbers | {"n"} if self.infinitive else self.numbers

    def has_form(self, number: str, case: str) -> bool:
        return not self.forms or (number, case) in self.forms


# Suffixes that fix the gender of a noun whatever the lexicon's compound fallback
# found ("Deinstallation" is not "Ion", n, but -ion, f). Diminutives are also plural.
SUFFIX_GENDERS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (suffix, frozenset(numbers.split()))
    for suffix, numbers in (
        ("ion", "f"), ("ung", "f"), ("heit", "f"), ("keit", "f"), ("schaft", "f"),
        ("tät", "f"), ("enz", "f"), ("anz", "f"), ("ismus", "m"), ("chen", "n pl"),
        ("lein", "n pl"),
    )
)
# A compound's last part shorter than this is not trusted alone ("-ion", "-lein").
MIN_TRUSTED_TAIL = 4
# The parts of a compound that marks a noun as one that needs its article: four
# letters or more before the last part, five or more in it ("Zins|entscheid",
# "Klima|wandel"; not "Vers|tand", "Klar|text").
MIN_COMPOUND_TAIL = 5


@functools.lru_cache(maxsize=1 << 14)
def noun_reading(word: str) -> NounReading | None:
    """The genders/plural the noun lexicon gives a capitalised word, or None where it
    does not know the word or its compound reading is doubtful. Lexicon only: confirm
    with `is_common_noun` before reporting."""
    letters = word.replace("-", "")
    if "-" in word:
        # A name before the head: "McDonald's-Restaurant" is gendered by "Restaurant".
        letters = letters.replace("'", "").replace("’", "")
    if not word[:1].isupper() or not letters.isalpha() or word.isupper():
        return None
    info = lookup_noun(word)
    if info is None:
        return None
    lemma = info.readings[0].lemma if info.readings else word
    lower = word.lower()
    if info.head is not None:
        for suffix, numbers in SUFFIX_GENDERS:
            if lower.endswith(suffix) and not (
                len(info.head) > len(suffix) + 2 and info.head.lower().endswith(suffix)
            ):
                # The suffix decides where the lexicon's last part is a mere fragment
                # ("Deinstallation": "Ion"), not where it is a word with that ending
                # ("Waldstadion": "Stadion", neuter).
                return NounReading(numbers | {"pl"} if lower.endswith("en") else numbers, lemma)
        if len(info.head) < MIN_TRUSTED_TAIL or _ambiguous_compound(word, info):
            return None
    numbers: set[str] = set()
    for reading in info.readings:
        if reading.singular or not reading.slots:
            numbers |= reading.genders or {"m", "f", "n"}
        if reading.plural or not reading.slots or reading.slots == {"dat sg"}:
            # An old dative in -e only ("Kennworte"): the plural is spelled so too.
            numbers.add("pl")
    if not any(reading.plural for reading in info.readings) and numbers & {"m", "n"} and (
        lower.endswith(("er", "el", "en"))
    ):
        # Masculine and neuter nouns in -er, -el, -en have a plural of the same form; the
        # lexicon lacks it for some loanwords ("die Header").
        numbers.add("pl")
        zero_plural = {("pl", "nom"), ("pl", "acc"), ("pl", "gen")} | (
            {("pl", "dat")} if lower.endswith("n") else set()
        )
    else:
        zero_plural = set()
    if lower.endswith("e") and len(word) > 4:
        # "dem Hause", "bei dem Abendmahle": the old dative singular in -e.
        stem = lookup_noun(word[:-1], compounds=False)
        if stem is not None:
            numbers |= {g for r in stem.readings if r.singular for g in r.genders} - {"f"}
    forms = set()
    for reading in info.readings:
        for slot in reading.slots:
            case, number = slot.split()
            if number == "pl":
                forms.add(("pl", case))
            else:
                forms |= {(gender, case) for gender in reading.genders or ("m", "f", "n")}
    forms |= zero_plural
    if not numbers:
        return None
    return NounReading(
        frozenset(numbers), lemma,
        frozenset(forms) if all(r.slots for r in info.readings) else frozenset(),
        _may_be_infinitive(info.head or word, info),
    )


def _own_genders(word: str) -> frozenset[str]:
    """The genders of the nouns whose nominative singular the form is ("Reise": f)."""
    info = lookup_noun(word, compounds=False)
    if info is None:
        return frozenset()
    return frozenset(g for r in info.readings if "nom sg" in r.slots for g in r.genders)


INFINITIVE_TAGS = frozenset({"VVINF", "VAINF", "VMINF"})


def _may_be_infinitive(noun: str, info: NounInfo) -> bool:
    """Whether a noun form (`noun`: it or a compound's last part) may be a nominalised
    infinitive ("das Hupen", "ein ewiges Schmachten", "das Haushalten"): it ends like
    one, and it is not a plural of nominative and accusative ("Einnahmen", "Inseln")
    that HanTa's table of frequent forms knows only as a noun."""
    lower = noun.lower()
    if not lower.endswith(("en", "ern", "eln")) or lower.endswith(PLURAL_ONLY_ENDINGS):
        return False
    if lower.endswith("een"):
        return False  # no German verb ends so: "Screen", "Teen" are loanwords, not infinitives
    tags = word_tags(lower)
    if tags is None or tags & INFINITIVE_TAGS:
        return True
    if any(
        lower.startswith(particle)
        and INFINITIVE_TAGS & (word_tags(lower[len(particle):]) or frozenset())
        for particle in SEPARABLE_PARTICLES
    ):
        return True  # "das Anzeigen": "an" + "zeigen", though HanTa knows only the plural
    return not any("nom pl" in reading.slots for reading in info.readings)


# Separable verb particles: "anzeigen" is "an" + "zeigen".
SEPARABLE_PARTICLES = (
    "an", "auf", "aus", "ab", "bei", "ein", "mit", "nach", "vor", "zu", "zurück", "weg",
    "her", "hin", "fest", "los", "dar", "um", "durch", "über", "unter", "wieder",
)


# Plurals of nouns whose singular never ends in -en ("Entscheidungen").
PLURAL_ONLY_ENDINGS = ("ungen", "heiten", "keiten", "schaften", "ionen", "täten", "innen")


@functools.lru_cache(maxsize=1 << 14)
def is_common_noun(word: str) -> bool:
    """HanTa reads the word as a noun, and its lowercase form is not an adjective or
    participle: "der Neue", "die Angestellten" decline like adjectives. A finite verb
    in lowercase is fine where the full-form table also knows the noun ("Sperre",
    "Frage", "Reise" beside "sperre", "frage", "reise"). Hyphenated compounds are
    judged by their last part ("Open-Source-Plattform")."""
    if "-" in word.strip("-"):
        last = word.rsplit("-", 1)[1]
        return last[:1].isupper() and is_common_noun(last)
    analysis = analyze_word(word)
    if analysis.tag != "NN" and not (
        # HanTa guesses rare loanwords as names ("Literal"); the lexicon knows them.
        analysis.tag == "NE" and not analysis.known and is_known_noun(word)
    ):
        return False
    lower = analyze_word(word.lower())
    if not lower.known and word_tags(word.lower()) is None and _listed_or_trusted_compound(word):
        # HanTa's guess at a rare lowercase form ("gerüchteküche", "werkzeugstahl" inside
        # a long compound read as an adjective) says nothing against a noun the lexicon
        # lists, or a compound whose last part is itself a common noun.
        return True
    if lower.tag == "VVFIN":
        return "NN" in (word_tags(word) or ())
    return lower.tag not in ("ADJA", "ADJD", "VVPP", "VVINF")


def _listed_or_trusted_compound(word: str) -> bool:
    """A noun the lexicon lists as it stands, or a compound HanTa reads as a noun from
    known parts whose last part is a common noun of five letters or more after a known
    first part ("Hochgeschwindigkeits|werkzeugstahl"; not "Boot|loader": "Ader")."""
    info = lookup_noun(word)
    if info is None:
        return False
    if info.head is None:
        return True
    analysis = analyze_word(word)
    return (
        analysis.known and len(info.head) >= MIN_COMPOUND_TAIL and is_common_noun(info.head)
        and _compound_head(word[: len(word) - len(info.head)])
    )


def _ambiguous_compound(word: str, info: object) -> bool:
    """Whether other final nouns give a compound another gender ("Wirtstier": "Stier"
    is masculine, "Tier" neuter; "Ölpinsel": "Insel" is feminine, "Pinsel" masculine).
    A split counts only where the part before the final noun is a word itself
    ("Reparatur|pflicht", not "Reparaturpf|licht"), if the lexicon's own split
    ("Reparatur|pflicht") is one."""
    genders = {frozenset(r.genders) for r in info.readings}  # type: ignore[attr-defined]
    own = len(word) - len(info.head)  # type: ignore[attr-defined]
    checked = _compound_head(word[:own])
    for split in range(1, len(word) - MIN_TRUSTED_TAIL + 1):
        tail = word[split:]
        other = lookup_noun(tail[0].upper() + tail[1:], compounds=False)
        if (
            other is not None and {frozenset(r.genders) for r in other.readings} != genders
            and (not checked or _compound_head(word[:split]))
        ):
            return True
    return False


def _known_noun_or_compound(word: str) -> bool:
    """A noun of the lexicon, or one that ends in a noun of four letters or more after
    three or more ("Energiepreis"; not "Energiepreispau")."""
    if lookup_noun(word, compounds=False) is not None:
        return True
    return any(
        lookup_noun(word[split].upper() + word[split + 1:], compounds=False) is not None
        for split in range(3, len(word) - MIN_TRUSTED_TAIL + 1)
    )


# Linking elements between the parts of a compound ("Arbeit-s-markt", "Tag-es-licht").
LINKS = ("", "s", "es", "n", "en", "er", "e")


def _compound_head(head: str) -> bool:
    """Whether `head` can be the first part of a compound: a noun (compounds allowed)
    or a verb stem, with or without a linking element ("Reparatur", "Wirts", "Lade")."""
    if len(head) < 2 or not head.isalpha():
        return False
    for link in LINKS:
        if link and not head.endswith(link):
            continue
        stem = head[: len(head) - len(link)]
        if len(stem) < 2:
            continue
        if _known_noun_or_compound(stem) or _known_noun_or_compound(stem + "e"):
            return True
        if "VVINF" in (word_tags(stem.lower() + "en") or ()):
            return True
    return False


# ---------------------------------------------------------------------------
# Noun phrases
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NounPhrase:
    article: Span
    determiner: Determiner
    adjectives: tuple[Span, ...]  # inflected adjectives, in order
    modifiers: tuple[Span, ...]  # every word between article and noun
    noun: Span
    reading: NounReading
    previous: str  # the word before the article; "" at a sentence start
    following: str  # the word after the noun, if it follows after a space
    listed: bool = False  # a comma follows the noun
    # The word before `previous`, if a space parts them: "Meinung" in "meiner Meinung
    # nach das ...", "was" in "was für ein Kerl".
    earlier: str = ""
    joined: bool = False  # only a space parts `previous` and the article


def gap(text: str, left: Span, right: Span) -> str:
    """The text between two words ("" when they touch)."""
    return text[left.end:right.start]


def _starts_relative_clause(text: str, words: list[Span], index: int) -> bool:
    """'die Firma, die Software entwickelt', '..., in der Software entsteht'."""
    if words[index].text.lower() not in RELATIVE_FORMS:
        return False
    before = gap(text, words[index - 1], words[index]) if index else ""
    if "," in before or "(" in before:
        return True
    if index >= 2 and words[index - 1].text.lower() in PREPOSITIONS:
        return "," in gap(text, words[index - 2], words[index - 1])
    return False


def noun_phrases(doc: Document) -> Iterator[NounPhrase]:
    """Article (+ adjectives) + noun sequences whose noun the lexicon knows. Read once
    per block (two rules ask): do not modify the phrases."""
    key = (__name__, "noun_phrases")
    for block in doc.blocks:
        phrases = block.memo.get(key)
        if phrases is None:
            phrases = block.memo[key] = list(_block_noun_phrases(doc.text, block))
        yield from phrases


def _block_noun_phrases(text: str, block: Block) -> Iterator[NounPhrase]:
    words = block.words()
    for index, word in enumerate(words):
        determiner = DETERMINERS.get(word.text.lower())
        if determiner is None or (len(word.text) > 1 and word.text.isupper()):
            continue
        phrase = _read_phrase(text, words, index, determiner)
        if phrase is None:
            continue
        if _starts_relative_clause(text, words, index) and not _article_after_comma(phrase):
            continue
        if phrase.determiner.family in ADJECTIVAL_STEMS and phrase.joined and (
            phrase.previous.lower() in DETERMINERS
        ):
            continue  # "einer jeden neuen", "ein solches": declined as an adjective
        yield phrase


def _article_after_comma(phrase: NounPhrase) -> bool:
    """Whether "der", "die", "dem" ... after a comma is an article, not a relative
    pronoun: a relative pronoun is followed by a phrase of its own, with strong
    adjective endings ("die Firma, die neue Software entwickelt"); "…, dem deutschen
    Verbands" cannot be one (a bare genitive does not open a relative clause)."""
    return bool(phrase.adjectives) and not any(
        all(adjective_ending(a.text) == STRONG_ENDINGS[(number, case)]
            for a in phrase.adjectives)
        and phrase.reading.has_form(number, case)
        for number in phrase.reading.numbers for case in ("nom", "acc", "dat")
    )


def _read_phrase(
    text: str, words: list[Span], index: int, determiner: Determiner
) -> NounPhrase | None:
    adjectives: list[Span] = []
    modifiers: list[Span] = []
    position = index + 1
    while position < len(words):
        word = words[position]
        space = gap(text, words[position - 1], word)
        if space != " " and not (space == ", " and adjectives and modifiers[-1] == adjectives[-1]):
            return None
        if word.text[:1].isupper() and not is_attributive_adjective(word.text):
            break  # the noun
        following = words[position + 1] if position + 1 < len(words) else None
        lower = word.text.lower()
        if is_attributive_adjective(word.text):
            if word.text[:1].isupper() and not (
                following is not None and following.text[:1].isupper()
            ):
                return None  # "die Klugen voller Zweifel": a nominalised adjective
            if adjectives and modifiers[-1] == adjectives[-1] and space == " " and (
                adjective_ending(adjectives[-1].text) != adjective_ending(word.text)
            ):
                # "der nahe gelegenen Brücke": the first word is an adverb.
                adjectives.pop()
            adjectives.append(word)
        elif lower in ("und", "oder") and adjectives and space == " ":
            # Only before a following adjective ("neue und alte Büros").
            if following is None or not is_attributive_adjective(following.text):
                return None
        elif is_modifying_adverb(word.text):
            # Only before an adjective, or another adverb before one ("die zunehmend
            # wichtige", "das bereits angekündigte", "die noch nicht bekannte").
            if following is None or not (
                is_attributive_adjective(following.text) or is_modifying_adverb(following.text)
            ):
                return None
        else:
            return None
        modifiers.append(word)
        position += 1
        if len(modifiers) > MAX_MODIFIERS:
            return None
    else:
        return None
    if modifiers and modifiers[-1] not in adjectives:
        return None
    noun = words[position]
    if gap(text, words[position - 1], noun) != " ":
        return None
    if text[noun.end:noun.end + 1] in "-‐/(" and noun.end < len(text):
        return None  # "die Büro- und Fabrikgebäude": the head comes later
    if text[noun.end:noun.end + 1] in GENDER_MARKS and text[noun.end + 1:noun.end + 3] == "in":
        return None  # "die Laudator*innen", "die Kolleg:innen": a gender-inclusive plural
    following = words[position + 1] if position + 1 < len(words) else None
    if following is not None and gap(text, noun, following) == " " and (
        (following.text[:1].isupper() and following.text.lower() not in FUNCTION_WORDS)
        or following.text in ENGLISH_FUNCTION_WORDS
    ):
        # "das Software Team", "den A-Klasse Mercedes": the head may come later;
        # "seinen Elements of Criticism": an English title.
        return None
    reading = noun_reading(noun.text)
    if reading is None:
        return None
    previous = ""
    earlier = ""
    joined = False
    if index and not SENTENCE_PUNCTUATION.search(gap(text, words[index - 1], words[index])):
        previous = words[index - 1].text
        joined = gap(text, words[index - 1], words[index]) == " "
        if index >= 2 and gap(text, words[index - 2], words[index - 1]) == " ":
            earlier = words[index - 2].text
    after = following.text if following is not None and gap(text, noun, following) == " " else ""
    return NounPhrase(words[index], determiner, tuple(adjectives), tuple(modifiers), noun,
                      reading, previous, after, text[noun.end:noun.end + 1] == ",", earlier,
                      joined)


def fitting_readings(phrase: NounPhrase, *, endings: bool = True) -> list[Reading]:
    """The readings of the article that fit the noun and (with `endings`) every
    adjective ending."""
    found = {adjective_ending(a.text) for a in phrase.adjectives
             if not (a.text[:1].isupper() and a.text.endswith("er"))}  # "Berliner"
    return [
        reading for reading in phrase.determiner.readings
        if reading[0] in phrase.reading.agreeing and (not endings or found <= {reading[2]})
    ]


# Words between article and noun at most: a series of adjectives may be long ("die
# physischen, genetischen, kulturellen oder sozialen Merkmale").
MAX_MODIFIERS = 9
# Marks of gender-inclusive forms ("Laudator*innen", "Kolleg:innen", "Lehrer_innen").
GENDER_MARKS = frozenset("*:_")
# Adjectives that also stand alone as a noun phrase: "die anderen Trübsal blasen",
# "die meisten Zeit" is rare, "die beiden Hälften" fine anyway.
PRONOMINAL_ADJECTIVES = word_set("ander beid meist viel wenig einig übrig erst letzt")
INDEFINITE_PRONOUNS = word_set("einer keiner meiner deiner seiner ihrer unserer eurer")


def disagreement(phrase: NounPhrase) -> str | None:
    """What is wrong with a phrase: "gender" (no reading of the article fits the noun),
    "ending" (one fits, but not the adjective endings), or None (fine or unclear)."""
    if fitting_readings(phrase):
        return None
    if phrase.following.islower() and not is_german_word(phrase.following):
        return None  # "eine ungesicherte Pump gun": English
    if _english_plural(phrase):
        return None
    article = phrase.article.text.lower()
    previous = phrase.previous.lower()
    family = phrase.determiner.family
    indefinite = family == "ein" or family == "kein" or family in POSSESSIVE_STEMS
    if fitting_readings(phrase, endings=False):
        # The article fits the noun; an adjective ending does not.
        if any(_stem(a.text) in PRONOMINAL_ADJECTIVES for a in phrase.adjectives):
            return None  # "die anderen Trübsal blasen": "die anderen" is a phrase
        if "pl" in {r[0] for r in phrase.determiner.readings if r[2] == "en"} and all(
            adjective_ending(a.text) == "en" for a in phrase.adjectives
        ) and phrase.adjectives and phrase.noun.text[-1:] in "enrs" and not (
            phrase.noun.text.endswith(SINGULAR_SUFFIXES)
        ):
            # "die dämlichsten Sprichworte": a plural the lexicon lacks; but "die neuen
            # Funktion" is singular ("-ion", "-ung" nouns have their plural listed).
            return None
        if (article in PRONOUN_FORMS or family in DEMONSTRATIVE_STEMS) and _strong_phrase(
            phrase
        ):
            return None  # "daß einem gute Gedanken einfallen": pronoun + phrase
        return "ending"
    if any(a.text[:1].isupper() for a in phrase.adjectives):
        return None  # "über das Lebendige Herrschaft": a nominalised adjective
    if indefinite:
        if previous in DETERMINERS or previous in PREPOSITION_ARTICLES or previous in (
            "der", "die", "das", "den", "dem", "des"
        ):
            return None  # "das eine Mal", "zum einen", "der einen Hand": a numeral
        if article in INDEFINITE_PRONOUNS and not phrase.adjectives:
            return None  # "Trägt einer Klebstoff ...": the pronoun "einer"
        if article in ("einem", "einen") and phrase.reading.numbers & {"f", "pl"} and (
            not phrase.adjectives or _strong_phrase(phrase)
        ) and not _plural_after_einen(phrase) and not (
            previous in PREPOSITIONS and phrase.joined
        ) and not _einen_after_subject(phrase):
            return None  # "Was nützt einem Gesundheit": the pronoun "man"
        after_preposition = previous in PREPOSITIONS and phrase.joined
        if phrase.adjectives and phrase.reading.numbers == {"pl"} and family == "ein" and (
            not _plural_after_einen(phrase) and not after_preposition
        ):
            return None  # "schon eine einzige Schwierigkeiten ...": an ellipsis
        return "gender"
    # A definite article or demonstrative: its forms are also pronouns ("ist das
    # Absicht?", "Solche die Glück haben"); trust it only after a preposition or at
    # the start of a sentence.
    if previous in CONJUNCTION_HOMOGRAPHS:
        return None
    if previous and previous not in PREPOSITIONS:
        return "gender" if _no_pronoun_reading(phrase) else None
    return "gender"


# Suffixes of nouns whose singular form never ends the plural way.
SINGULAR_SUFFIXES = ("ion", "ung", "heit", "keit", "schaft", "tät")


def _english_plural(phrase: NounPhrase) -> bool:
    """Whether the noun is a genitive singular in -s after a determiner that may be
    plural: an English plural the lexicon lacks ("keine Geometers", "die Regulars")."""
    forms = phrase.reading.forms
    return phrase.noun.text.endswith("s") and bool(forms) and all(
        case == "gen" for _, case in forms
    ) and any(reading[0] == "pl" for reading in phrase.determiner.readings)


def _einen_after_subject(phrase: NounPhrase) -> bool:
    """Whether "einen" follows a subject pronoun and its verb ("Wir empfehlen einen
    regelmäßige Wartung"): the pronoun "einen" (one, accusative) would leave the phrase
    after it no case, since the subject is there and a second accusative is rare."""
    return (
        phrase.article.text.lower() == "einen" and phrase.joined
        and phrase.earlier.lower() in SUBJECT_PRONOUNS_BEFORE_VERB
        and phrase.previous.islower()
        and bool(tags_of(phrase.previous) & FINITE_VERB_TAGS)
    )


# Pronouns that are only nominative before a finite verb ("wir empfehlen").
SUBJECT_PRONOUNS_BEFORE_VERB = word_set("ich du er wir ihr")


def _plural_after_einen(phrase: NounPhrase) -> bool:
    """Whether "einen" stands before adjectives in -en and a noun that is only plural
    ("einen herunterladbaren Checklisten"): the pronoun "einen" (one, accusative)
    would need a dative plural phrase after it, which German hardly writes so."""
    return (
        phrase.article.text.lower() == "einen" and bool(phrase.adjectives)
        and phrase.reading.numbers == {"pl"}
        and all(adjective_ending(a.text) == "en" for a in phrase.adjectives)
    )


def _no_pronoun_reading(phrase: NounPhrase) -> bool:
    """Whether the article cannot be a pronoun before a phrase of its own ("ist das
    Absicht?", "Leute die Talent haben", "daß der andere Recht hat"): the adjectives
    lack the strong endings that phrase would need ("kündigte das neue Vertrag an"),
    or the noun is a compound, which does not stand without an article, and no verb
    follows it ("verschiebt die Zinsentscheid auf März")."""
    if phrase.adjectives:
        return not _strong_phrase(phrase) and not any(
            _stem(a.text) in PRONOMINAL_ADJECTIVES for a in phrase.adjectives
        )
    if phrase.following.islower() and tags_of(phrase.following) & VERB_TAGS:
        return False  # "Leute die Zeitdruck haben": a relative clause
    if phrase.previous.lower() in COPULAS or phrase.listed:
        return False  # "Für die ist das Klartext.", "die Verstand, Hausverstand haben"
    noun = phrase.noun.text
    return "-" in noun.strip("-") or any(
        lookup_noun(noun[split].upper() + noun[split + 1:], compounds=False) is not None
        for split in range(MIN_TRUSTED_TAIL, len(noun) - MIN_COMPOUND_TAIL + 1)
    )


# Verbs after which "das", "der", "die" are pronouns before a predicate noun: "ist das
# Klartext", "bleibt das Chefsache".
COPULAS = word_set(
    "ist sind war waren wäre wären sei seien bleibt blieb wird wurde würde heißt hieß "
    "nennt nannte nennen"
)
VERB_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVINF", "VAINF", "VMINF", "VVPP", "VAPP"})
# Forms of "ein", "kein" and the possessives that also stand alone as pronouns.
PRONOUN_FORMS = INDEFINITE_PRONOUNS | word_set("einem einen keinem keinen eines keines")
# Prepositions that are also conjunctions: "ob dieses Gewohnheit ist".
CONJUNCTION_HOMOGRAPHS = word_set("ob bis seit während als wie")


# Prepositions that take one case (the genitive ones also the dative, as speech does:
# "wegen dem Wetter"), and those of place that take the accusative or the dative.
# Left out: those that are also adverbs, verb particles or conjunctions ("um der Sache
# willen", "ab und zu das Wasser", "las laut das Gedicht", "statt das Auto zu nehmen",
# "bis", "seit", "außer"), and "über", "unter" ("über ein Drittel der Befragten"). "mit"
# and "aus" have guards of their own (`governed_case`).
GOVERNED_CASES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("für", "durch", "gegen", "ohne"), ("acc",)),
    **dict.fromkeys(("bei", "nach", "von", "mit", "aus", "samt", "mitsamt"), ("dat",)),
    **dict.fromkeys(("in", "an", "auf", "neben", "zwischen", "hinter", "vor"), ("acc", "dat")),
    **dict.fromkeys(
        ("wegen", "trotz", "dank", "aufgrund", "angesichts", "innerhalb", "außerhalb",
         "einschließlich", "inklusive", "exklusive", "bezüglich",
         "hinsichtlich", "mithilfe", "anhand", "infolge", "zugunsten", "anstelle", "mittels",
         "seitens", "abzüglich", "zuzüglich", "oberhalb", "unterhalb", "jenseits",
         "diesseits"),
        ("gen", "dat"),  # the dative where the genitive does not show ("wegen Umbauten")
    ),
}
CASE_NAMES = {"acc": "Akkusativ", "dat": "Dativ", "gen": "Genitiv"}


def governed_case(phrase: NounPhrase) -> tuple[str, ...]:
    """The cases the preposition before the phrase demands, where it is a preposition
    of the phrase: not "was für ein Kerl", "meiner Meinung nach das beste Angebot"."""
    previous = phrase.previous.lower()
    if phrase.joined and _after_es_gibt(phrase):
        return ("acc",)
    if not phrase.joined or (phrase.previous[:1].isupper() and phrase.earlier):
        return ()  # "Gott sei Dank, ihre Kinder"
    if previous == "für" and phrase.earlier.lower() in ("was", "welch"):
        return ()
    if previous in ("nach", "wegen") and phrase.earlier[:1].isupper():
        return ()  # "von Rechts wegen die Faust"
    earlier = phrase.earlier
    if previous == "aus" and (
        not earlier or earlier[:1].isupper() or earlier.lower() in PLACE_ADVERBS
    ):
        # "von Berlin aus die Welt erobern", "von hier aus den Gipfel sehen"; "Aus der
        # Traum!" at the start of a sentence.
        return ()
    if previous == "mit" and phrase.determiner.family in ("ein", "kein") and any(
        reading[1] == "nom" for reading in fitting_readings(phrase)
    ):
        return ()  # "Das war mit ein Grund": "mit" is an adverb
    if previous == "mit" and earlier.lower() in ("hier", "da", "wo"):
        return ()  # "hier mit die Bedeutungen": the old spelling of "hiermit"
    return GOVERNED_CASES.get(previous, ())


# Forms of "geben" in "es gibt", which takes its object in the accusative.
GIBT = word_set("gibt gab gäbe")


def _after_es_gibt(phrase: NounPhrase) -> bool:
    """Whether the phrase follows "es gibt" or "gibt es" ("Es gibt einen Unterschied";
    English "there is" makes it a subject: "Es gibt ein großer Unterschied")."""
    previous, earlier = phrase.previous.lower(), phrase.earlier.lower()
    return (previous in GIBT and earlier == "es") or (previous == "es" and earlier in GIBT)


# Adverbs of place before "aus" in "von hier aus", "von dort aus".
PLACE_ADVERBS = word_set(
    "hier da dort wo oben unten innen außen drinnen draußen vorne hinten"
)


def wrong_case(phrase: NounPhrase, cases: tuple[str, ...]) -> bool:
    """Whether article, adjectives and noun agree, but in none of the `cases` a
    preposition demands, which the noun has a form for: "für der Reparaturpflicht"
    (genitive or dative), "von das Klimawandel"."""
    fitting = fitting_readings(phrase)
    if not fitting or any(reading[1] in cases for reading in fitting):
        return False
    if phrase.previous.lower() == "für" and phrase.determiner.family in ("ein", "kein") and any(
        reading[1] == "nom" for reading in fitting
    ):
        # "Was ist das für ein Unterschied": "was für" takes any case, but only before an
        # indefinite article ("für der Kunde" is wrong).
        return False
    noun = phrase.noun.text
    if phrase.article.text.lower() == "der" and noun.endswith("en"):
        old = lookup_noun(noun[:-1], compounds=False)
        if old is not None and "f" in old.singular_genders:
            return False  # "in der Mitten", "auf der Gassen": the old feminine dative
    if cases == ("dat",) and all(reading[0] == "pl" for reading in fitting) and (
        _dative_plural(noun) is not None
        and determiner_form(phrase.determiner.family, "pl", "dat") is not None
    ):
        return True  # "mit die Kinder": article and noun both leave the dative
    return any(
        phrase.reading.has_form(number, case)
        and determiner_form(phrase.determiner.family, number, case) is not None
        for number in phrase.reading.numbers for case in cases
    )


def wrong_noun_form(phrase: NounPhrase) -> tuple[str, ...]:
    """Where article and adjectives agree with the noun's gender but the noun form
    stands in none of the article's cases ("eines Verb", "dem Bundesverbands"): the
    cases the noun form has for that gender, else ()."""
    fitting = fitting_readings(phrase)
    reading = phrase.reading
    noun = phrase.noun.text
    if not fitting or not reading.forms or reading.infinitive:
        return ()
    if any(reading.has_form(number, case) for number, case, _ in fitting):
        return ()
    if phrase.previous.lower() in DEFINITE or phrase.previous.lower() in DETERMINERS:
        return ()  # "des einen Teils": "einen" is the numeral before a genitive
    if reading.lemma in MIXED_DECLENSION:
        return ()  # "dem Papagei" and "dem Papageien" are both right
    if noun.endswith("s") and any(r[0] == "pl" for r in phrase.determiner.readings):
        return ()  # "den Regulars": an English plural the lexicon lacks
    if noun.endswith("e") and len(noun) > 4:
        stem = lookup_noun(noun[:-1], compounds=False)
        if stem is not None and stem.singular_genders & {
            number for number, case, _ in fitting if case != "gen"  # "-es", never "-e"
        }:
            return ()  # "aus einem russischen Romane", "das Gerüste": the old -e
    numbers = {number for number, _, _ in fitting}
    return tuple(dict.fromkeys(
        case for number, case in sorted(reading.forms) if number in numbers
    ))


# Nouns that decline both strong and weak ("dem Papagei", "dem Papageien").
MIXED_DECLENSION = word_set("Papagei Pfau Oberst Untertan Bauer Nachbar Vetter Gevatter")
# Endings a noun form gains or loses between cases ("Verb" - "Verbs", "Kunde" - "Kunden").
CASE_SUFFIXES = ("s", "es", "n", "en")


def _noun_form_corrections(phrase: NounPhrase, text: str) -> list[str]:
    """The phrase with the noun in a form of the same lemma that fits the article:
    "eines Verb" -> "eines Verbs", "dem Bundesverbands" -> "dem Bundesverband"."""
    noun = phrase.noun.text
    candidates = [noun + suffix for suffix in CASE_SUFFIXES] + [
        noun[: -len(suffix)] for suffix in CASE_SUFFIXES if noun.endswith(suffix)
    ]
    wanted = {(number, case) for number, case, _ in fitting_readings(phrase)}
    found = []
    for candidate in candidates:
        info = lookup_noun(candidate)
        if info is None:
            continue
        for reading in info.readings:
            if reading.lemma.lower() != phrase.reading.lemma.lower():
                continue
            slots = {tuple(slot.split()) for slot in reading.slots}
            if any((case, "pl" if number == "pl" else "sg") in slots
                   and (number == "pl" or number in reading.genders)
                   for number, case in wanted):
                found.append(text[phrase.article.start:phrase.noun.start] + candidate)
                break
    return found


def _strong_phrase(phrase: NounPhrase) -> bool:
    """Whether adjectives and noun form a phrase of their own (strong endings)."""
    return any(
        all(adjective_ending(a.text) == STRONG_ENDINGS[(number, case)]
            for a in phrase.adjectives)
        and phrase.reading.has_form(number, case)
        for number in phrase.reading.agreeing for case in ("nom", "acc", "dat", "gen")
    )


def _stem(adjective: str) -> str:
    ending = adjective_ending(adjective) or ""
    return adjective.lower()[: len(adjective) - len(ending)]


def _rebuilt(phrase: NounPhrase, text: str, article: str, ending: str) -> str:
    """The phrase with `article` in place of its article and `ending` on its adjectives."""
    pieces = [article]
    cursor = phrase.article.end
    for modifier in phrase.modifiers:
        pieces.append(text[cursor:modifier.start])
        if modifier in phrase.adjectives:
            current = adjective_ending(modifier.text) or ""
            pieces.append(modifier.text[: len(modifier.text) - len(current)] + ending)
        else:
            pieces.append(modifier.text)
        cursor = modifier.end
    pieces.append(text[cursor:phrase.noun.end])
    return "".join(pieces)


def _corrections(phrase: NounPhrase, text: str, governed: tuple[str, ...] = ()) -> list[str]:
    """The phrase rebuilt for each case the article could mean (or those `governed`
    by a preposition), best first."""
    original = text[phrase.article.start:phrase.noun.end]
    keep_article = phrase.previous.lower() in PREPOSITIONS or phrase.previous[:1].isupper()
    cases = list(governed or dict.fromkeys(r[1] for r in phrase.determiner.readings))
    candidates: list[tuple[int, str]] = []
    for case in cases:
        for number in sorted(phrase.reading.numbers, key=lambda n: (n == "pl", n)):
            noun_form = phrase.noun.text
            if not phrase.reading.has_form(number, case):
                # "mit die Kinder": the dative plural needs "Kindern".
                noun_form = (_dative_plural(noun_form) if (number, case) == ("pl", "dat")
                             else None) or ""
                if not noun_form:
                    continue  # "eines internen Dokument": the genitive needs "Dokuments"
            built = determiner_form(phrase.determiner.family, number, case)
            if built is None:
                continue
            form, ending = built
            changed_article = form != phrase.article.text.lower()
            rebuilt = _rebuilt(phrase, text, _same_case(form, phrase.article.text), ending)
            rebuilt = rebuilt[:len(rebuilt) - len(phrase.noun.text)] + noun_form
            if rebuilt == original:
                continue
            # After a preposition or a noun the article shows the intended case:
            # keep it and fix the adjectives; elsewhere fix the article.
            rank = int(changed_article) if keep_article else int(not changed_article)
            candidates.append((rank, rebuilt))
    ordered = [c for _, c in sorted(candidates, key=lambda c: c[0])]
    return list(dict.fromkeys(ordered))[:3]


def _same_case(form: str, model: str) -> str:
    return form[0].upper() + form[1:] if model[:1].isupper() else form


GENDER_NAMES = {"m": "maskulin", "f": "feminin", "n": "neutral", "pl": "Plural"}


def _describe(reading: NounReading) -> str:
    names = [GENDER_NAMES[n] for n in ("m", "f", "n", "pl") if n in reading.numbers]
    return " oder ".join(names)


def agreement_noun_phrase(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Artikel, Adjektiv und Nomen, die nicht zusammenpassen: „eine Satellitenbüro“ (das
    Büro), „das Entscheidung“, „ein neue Strategie“, „der neue Batteriefabrik“, „eine
    besonders wichtige Vertrag“, „im Bereich der Künstliche Intelligenz“ (nach dem
    Genitiv „der“ endet das Adjektiv auf -en). Nach einer Präposition mit festem Kasus
    muss der Artikel in diesem Kasus stehen: „für der Reparaturpflicht“ (für + Akkusativ:
    „die Reparaturpflicht“), „von das neue Gesetz“ („dem neuen Gesetz“), „mit einen
    Partner“, „aus ein hochwertiges Stahl“. Auch der Artikel in „zum“, „im“, „ins“, „zur“
    … muss passen: „zum Verfügung“ („zur Verfügung“), „im Zukunft“ („in der Zukunft“).

    ## Warum ist das ein Problem?
    Maschinelle Übersetzung wählt den Artikel oft nach dem englischen Satz und das
    Nomen nach dem deutschen Wörterbuch; beides passt dann nicht zueinander. Für
    Leser ist das ein sofort sichtbarer Grammatikfehler.

    Gemeldet wird nur, wenn keine Lesart des Artikels (jedes Genus, jeder Kasus, Plural)
    zum Nomen und zu den Adjektivendungen passt: „mit der Fabrik“, „die Büros“, „den
    Büros“ sind richtig. Steht das Nomen in einer Form, die zu keinem Kasus des Artikels
    passt, wird das ebenfalls gemeldet: „eines Adjektiv“ („eines Adjektivs“), „dem
    zuständigen Ministeriums“. Genus und Plural kommen aus dem Nomenlexikon (Wiktionary);
    Komposita erhalten das Genus ihres letzten Teils („Satellitenbüro“ wie „Büro“).

    ## Bekannte Grenzen
    Geprüft werden nur zusammenhängende Folgen aus Artikel (auch „dieser“, „jener“,
    „jeder“, „welcher“, „solcher“, „kein“ und Possessiva), Adjektiven (auch mit Adverb
    davor: „die zunehmend wichtige“) und Nomen; Relativpronomen nach einem Komma („die
    Firma, die Software entwickelt“), Eigennamen, substantivierte Adjektive („der
    Neue“) und Wörter, die das Lexikon nicht kennt, bleiben unbeachtet. „Der“, „die“,
    „das“ mitten im Satz können Pronomen sein („Ist das Absicht?“); dort meldet die Regel
    nur, wenn das nicht geht: vor einem Kompositum („verschiebt die Zinsentscheid“) oder
    vor Adjektiven ohne starke Endung („die neue Vertrag“). „Der“ vor einem Plural am
    Satzanfang wird nur gemeldet, wenn direkt ein Verb im Plural folgt („Der Ferieninseln
    sind …“: Genitiv statt Nominativ); Namen dürfen dazwischen stehen. Den Kasus prüft die Regel nur
    nach Präpositionen mit festem Kasus (für, durch, gegen, ohne; aus, bei, mit, nach,
    von; in, an, auf, neben, zwischen, hinter, vor mit Akkusativ oder Dativ); ob er sonst
    zum Satz passt, prüft LanguageTool. „Mit“ als Adverb („das war mit ein Grund“) und
    „aus“ nach „von … aus“ bleiben unbeachtet, ebenso „über“ und „unter“ („über ein
    Drittel“). Nach „es gibt“ und „gibt es“ steht der Akkusativ; gemeldet wird dort nur
    eine Nominalgruppe, die nur Nominativ sein kann („Es gibt ein großer Unterschied“), da
    „es“ auch Subjekt von „geben“ sein kann („Es gab der Mutter ein Buch“). Ältere
    Sprachstufen und Mundart („kein schöner Land“,
    „die beigefügte Erinnerungen“, „meine Leut“) werden wie Fehler gemeldet, ebenso
    Eigennamen, die ein Lexikonwort enthalten („die Computerbild“).

    ## Fix-Sicherheit
    Unsicher: Welcher Kasus gemeint ist, entscheidet der Satz. Nach einer Präposition
    oder einem Nomen steht zuerst der Vorschlag, der den Artikel behält („der
    Künstlichen Intelligenz“), sonst der, der das Adjektiv behält („die neue
    Batteriefabrik“).
    """
    for phrase in noun_phrases(doc):
        problem = disagreement(phrase)
        cases = governed_case(phrase)
        if problem is None and cases and wrong_case(phrase, cases) and not (
            # "Es gab der Mutter ein Buch": after "es gibt" only a nominative is wrong.
            _after_es_gibt(phrase)
            and any(reading[1] != "nom" for reading in fitting_readings(phrase))
        ):
            problem = "case"
        noun_cases: tuple[str, ...] = ()
        if problem is None:
            noun_cases = wrong_noun_form(phrase)
            problem = "form" if noun_cases else None
        if problem is None or not is_common_noun(phrase.noun.text):
            continue
        start, end = phrase.article.start, phrase.noun.end
        shown = doc.text[start:end]
        own = _own_genders(phrase.noun.text)
        if problem == "form" and own and not own & {r[0] for r in phrase.determiner.readings}:
            # "Ihres Reise": the form fits the article only as the rare plural of
            # another noun ("Reis", twig); the noun the writer meant is feminine.
            problem = "gender"
            described = " oder ".join(GENDER_NAMES[g] for g in ("m", "f", "n") if g in own)
        else:
            described = _describe(phrase.reading)
        if problem == "form":
            corrections = _noun_form_corrections(phrase, doc.text) + _corrections(
                phrase, doc.text, noun_cases)
            corrections = list(dict.fromkeys(corrections))[:3]
        else:
            corrections = _corrections(phrase, doc.text, cases)
        if problem == "form":
            message = (f"„{shown}“: Die Form „{phrase.noun.text}“ passt nicht zum Kasus "
                       f"des Artikels „{phrase.article.text}“.")
        elif problem == "case":
            names = " oder ".join(CASE_NAMES[case] for case in cases)
            trigger = (f"{phrase.earlier} {phrase.previous}" if _after_es_gibt(phrase)
                       else phrase.previous)
            message = (f"„{shown}“: Nach „{trigger}“ steht der {names}"
                       + (f": „{corrections[0]}“." if corrections else "."))
        elif problem == "ending":
            message = (f"„{shown}“: Die Adjektivendung passt nicht zu Artikel und Nomen "
                       f"„{phrase.noun.text}“.")
        else:
            message = (f"„{shown}“: Der Artikel passt nicht zum Nomen „{phrase.noun.text}“ "
                       f"({described}).")
        yield Hit(start, end - start, message, tuple(corrections),
                  corrections[0] if corrections else None, Safety.UNSAFE)
    yield from _genitive_subjects(doc)
    yield from _contraction_phrases(doc)


# Prepositions fused with the article: the preposition, and the case and genders the
# article stands for ("zum" = "zu dem": masculine or neuter dative).
CONTRACTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    **{c: (p, "dat", ("m", "n")) for c, p in (
        ("zum", "zu"), ("im", "in"), ("am", "an"), ("vom", "von"), ("beim", "bei"),
        ("hinterm", "hinter"), ("unterm", "unter"), ("vorm", "vor"), ("überm", "über"))},
    "zur": ("zu", "dat", ("f",)),
    **{c: (p, "acc", ("n",)) for c, p in (
        ("ins", "in"), ("ans", "an"), ("aufs", "auf"), ("durchs", "durch"), ("fürs", "für"),
        ("übers", "über"), ("ums", "um"), ("unters", "unter"), ("hinters", "hinter"),
        ("vors", "vor"))},
}


def _contraction_phrases(doc: Document) -> Iterator[Hit]:
    """A preposition fused with its article before a noun of another gender or number:
    "im Zukunft" ("in der Zukunft"), "zum Verfügung" ("zur Verfügung"), "ins Schule"."""
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        for index, word in enumerate(words[:-1]):
            contraction = CONTRACTIONS.get(word.text.lower())
            if contraction is None or (len(word.text) > 1 and word.text[1:].isupper()):
                continue
            preposition, case, genders = contraction
            ending = "en" if case == "dat" else "e"
            determiner = Determiner("contraction", tuple((g, case, ending) for g in genders))
            phrase = _read_phrase(text, words, index, determiner)
            if phrase is None or fitting_readings(phrase, endings=False):
                continue
            noun = phrase.noun.text
            if phrase.following.islower() and not is_german_word(phrase.following):
                continue  # English words after the noun
            if word.text.lower() in NOMINALISING and phrase.following.islower() and (
                tags_of(phrase.following) & VERB_TAGS
                # HanTa reads a rare lowercase infinitive as a plural ("totschlagen")
                or (phrase.following.endswith("en") and "NN" in tags_of(phrase.following))
            ):
                continue  # "vom Zeit totschlagen", "beim Zeitung lesen": a verb phrase
            if "n" in genders and noun.endswith(("en", "ern", "eln")) and (
                phrase.reading.numbers <= {"pl"}
            ):
                continue  # "beim Anzeigen": a nominalised infinitive, never a plural here
            if noun.endswith("e") and (lookup_noun(noun[:-1]) or NO_NOUN_INFO).singular_genders & {
                "m", "n"
            }:
                continue  # "im Schafpelze": the old dative in -e
            if noun.endswith("ss") and lookup_noun(noun[:-1], compounds=False) is not None:
                continue  # "im Verhältniss": the old spelling of "-nis"
            if phrase.adjectives and (
                _stem(phrase.adjectives[0].text) in ADVERBIAL_AFTER_CONTRACTION
                or phrase.adjectives[0].text.endswith(("sten", "ßten"))
            ):
                continue  # "im allgemeinen", "am wenigsten": adverbial, in old spelling
            if any(a.text[:1].isupper() for a in phrase.adjectives):
                continue
            if not is_common_noun(phrase.noun.text):
                continue
            corrections = _contraction_corrections(phrase, text, word.text, preposition, case)
            shown = text[word.start:phrase.noun.end]
            yield Hit(
                word.start, phrase.noun.end - word.start,
                f"„{shown}“: „{word.text}“ enthält den Artikel „{_fused_article(word.text)}“, "
                f"der nicht zum Nomen „{phrase.noun.text}“ passt ({_describe(phrase.reading)}).",
                tuple(corrections), corrections[0] if corrections else None, Safety.UNSAFE,
            )


# Adjectives that make an adverbial with "im"/"am" in the old spelling ("im allgemeinen",
# "im übrigen"): a noun after them is not theirs.
ADVERBIAL_AFTER_CONTRACTION = word_set(
    "allgemein übrig besonder wesentlich einzeln folgend ganz groß weiter voraus "
    "nachhinein vorhinein klein"
)
NO_NOUN_INFO = NounInfo("", ())
# Contractions before a verb phrase used as a noun ("beim Zeitung lesen").
NOMINALISING = word_set("vom beim zum")


def _fused_article(contraction: str) -> str:
    return "das" if contraction.lower().endswith("s") else (
        "der" if contraction.lower() == "zur" else "dem"
    )


def _contraction_corrections(
    phrase: NounPhrase, text: str, shown: str, preposition: str, case: str
) -> list[str]:
    """The phrase with the fused or separate article the noun needs: "zum Verfügung" ->
    "zur Verfügung", "im Zukunft" -> "in der Zukunft"."""
    found = []
    for number in sorted(phrase.reading.numbers, key=lambda n: (n == "pl", n)):
        if not phrase.reading.has_form(number, case):
            continue
        fused = next((c for c, (p, k, g) in CONTRACTIONS.items()
                      if p == preposition and k == case and number in g), None)
        built = determiner_form("def", number, case)
        if built is None:
            continue
        article, ending = built
        head = fused if fused is not None else f"{preposition} {article}"
        if shown[:1].isupper():
            head = head[0].upper() + head[1:]
        found.append(_rebuilt(phrase, text, head, ending))
    return list(dict.fromkeys(found))[:3]


# Capitalised words a name may put between the article and the head noun of a subject
# ("Der Phi-Phi Inseln"), at most.
MAX_NAME_WORDS = 3


def _genitive_subjects(doc: Document) -> Iterator[Hit]:
    """"Der" + plural noun at the start of a sentence, right before a finite verb in
    the plural: the phrase is the subject, and "der" before a plural is only the
    genitive ("Der Inseln sind …" -> "Die Inseln sind …"), which never opens a sentence
    directly before its verb. Names may stand between article and noun."""
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        starts = [w.start for w in words]
        for sentence in block.sentences:
            first = bisect.bisect_left(starts, sentence.start)
            if first >= len(words) or words[first].text != "Der":
                continue
            if words[first].start != sentence.start:
                continue  # a quotation mark or a bracket before it
            position = first + 1
            while position < len(words) and position - first <= MAX_NAME_WORDS + 1:
                word = words[position]
                if gap(text, words[position - 1], word) not in (" ", "-"):
                    break
                reading = noun_reading(word.text)
                if reading is not None and reading.numbers == {"pl"}:
                    verb = words[position + 1] if position + 1 < len(words) else None
                    if verb is not None and gap(text, word, verb) == " " and (
                        _plural_finite(verb.text)
                    ) and all(
                        not (noun_reading(w.text) or NOUN_NONE).numbers & {"m", "f", "pl"}
                        for w in words[first + 1:position]
                    ) and is_common_noun(word.text):
                        article = words[first]
                        yield Hit(
                            article.start, word.end - article.start,
                            f"„{text[article.start:word.end]}“ steht vor dem Verb "
                            f"„{verb.text}“ als Subjekt im Nominativ Plural: „Die“, nicht "
                            f"„Der“ (Genitiv).",
                            ("Die" + text[article.end:word.end],),
                            "Die" + text[article.end:word.end], Safety.UNSAFE,
                        )
                    break
                if not word.text[:1].isupper():
                    break
                position += 1


# ---------------------------------------------------------------------------
# Uninflected adjective before a noun
# ---------------------------------------------------------------------------

# Adjectives of size and degree that modify a noun, not a verb, when they stand
# right before a bare noun: "wirft erheblich Schatten" is "erhebliche Schatten".
# ("deutlich", "stark", "schnell" are left out: "deutlich Kritik üben" is German.)
DEGREE_ADJECTIVES = word_set(
    """
    beachtlich bedeutend beträchtlich drastisch enorm erheblich gewaltig gravierend
    immens massiv riesig signifikant substanziell substantiell umfangreich wesentlich
    zahlreich
    """
)

# Strong adjective endings (no article) by gender/number and case.
STRONG_ENDINGS: dict[tuple[str, str], str] = {
    ("m", "nom"): "er", ("m", "acc"): "en", ("m", "dat"): "em", ("m", "gen"): "en",
    ("f", "nom"): "e", ("f", "acc"): "e", ("f", "dat"): "er", ("f", "gen"): "er",
    ("n", "nom"): "es", ("n", "acc"): "es", ("n", "dat"): "em", ("n", "gen"): "en",
    ("pl", "nom"): "e", ("pl", "acc"): "e", ("pl", "dat"): "en", ("pl", "gen"): "er",
}


def _verb_follows(word: Span | None) -> bool:
    """Whether the word after the noun is a verb: then the adjective may be an adverb
    of that verb ("kann erheblich Kosten sparen")."""
    return word is not None and word.text.islower() and analyze_word(word.text).is_verb


def agreement_adjective_uninflected(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Adjektiv ohne Endung direkt vor einem Nomen: nach einem Artikel („eine
    erheblich Verbesserung“, „die neu Strategie“), auch nach weiteren endungslosen
    Wörtern mit einem Partizip darunter („ein sorgfältig geprüft zuverlässig
    Verfahren“, englisch „a carefully tested reliable …“) oder, bei Adjektiven des Ausmaßes,
    am Anfang einer Nominalgruppe ohne Artikel („wirft erheblich Schatten“).

    ## Warum ist das ein Problem?
    Vor einem Nomen wird das Adjektiv dekliniert („erhebliche Schatten“). Die
    endungslose Form entsteht, wenn die Übersetzung ein englisches Adjektiv („significant
    shadows“) als Adverb wiedergibt.

    ## Bekannte Grenzen
    Ohne Artikel prüft die Regel nur Adjektive des Ausmaßes („erheblich“, „enorm“,
    „massiv“, …), denn viele Adjektive sind auch Adverbien („gemeinsam Projekte
    entwickeln“). Folgt auf das Nomen ein Verb („kann erheblich Kosten sparen“), kann
    das Adjektiv das Verb bestimmen und bleibt unbeachtet.

    ## Fix-Sicherheit
    Unsicher: Die Endung hängt von Kasus und Numerus ab; vorgeschlagen werden die
    Formen, die nach dem Artikel oder als Subjekt oder Objekt passen.
    """
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        # Where a determiner stands, once per word: a run without one has no opener.
        at_determiner = [word.text.lower() in DETERMINERS for word in words]
        for index in range(1, len(words) - 1):
            adjective, noun = words[index], words[index + 1]
            if not may_be_uninflected_adjective(adjective.text):
                continue  # before the opener: finding it asks the tagger about rare words
            opener = _determiner_before(text, words, index) if any(
                at_determiner[max(0, index - MAX_UNINFLECTED_RUN - 1):index]) else None
            if adjective.text not in DEGREE_ADJECTIVES and opener is None:
                continue
            if gap(text, adjective, noun) != " " or not is_uninflected_adjective(
                adjective.text
            ):
                continue
            if gap(text, words[index - 1], adjective) != " " or _starts_relative_clause(
                text, words, index - 1 if opener is None else opener
            ):
                continue  # "Leute, die ursprünglich Henker werden wollten"
            reading = noun_reading(noun.text)
            if reading is None or (text[noun.end:noun.end + 1] == "-"):
                continue
            if not is_common_noun(noun.text):
                continue
            following = words[index + 2] if index + 2 < len(words) else None
            if following is not None and gap(text, noun, following) == " " and (
                following.text[:1].isupper() and noun_reading(following.text) is not None
            ):
                continue
            determiner = None if opener is None else DETERMINERS[words[opener].text.lower()]
            if determiner is not None:
                endings = [r[2] for r in determiner.readings if r[0] in reading.numbers]
                if any(adjective.text.endswith(e) for e in endings):
                    continue  # "ein schneller Wagen": inflected after all
                if not endings:
                    # The article does not fit the noun either ("ein … Grafik"): the
                    # ending its right form takes in the nominative or accusative.
                    endings = [
                        found[1] for number in sorted(reading.numbers) for case in ("nom", "acc")
                        if (found := determiner_form(determiner.family, number, case))
                    ]
            else:
                previous = analyze_word(words[index - 1].text)
                if previous.tag in ("APPR", "APPRART", "ART") or _verb_follows(following):
                    continue
                endings = [STRONG_ENDINGS[(n, case)] for case in ("acc", "nom")
                           for n in sorted(reading.numbers, key=lambda n: (n != "pl", n))]
            forms = tuple(dict.fromkeys(adjective.text + e for e in endings))[:2]
            if not forms:
                continue
            yield Hit(
                adjective.start, adjective.end - adjective.start,
                f"„{adjective.text} {noun.text}“: Vor einem Nomen braucht das Adjektiv eine "
                f"Endung („{forms[0]} {noun.text}“).",
                forms, forms[0], Safety.UNSAFE,
            )


# Uninflected words that may stand between a determiner and a bare adjective ("ein
# sorgfältig geprüft zuverlässig Verfahren": each lacks its ending).
MAX_UNINFLECTED_RUN = 3


def _determiner_before(text: str, words: list[Span], index: int) -> int | None:
    """The index of the determiner before the word at `index`: right before it, or
    before a few uninflected adverbs and adjectives among which is a participle ("ein
    sorgfältig geprüft zuverlässig …", English "a carefully tested reliable …"); None
    otherwise. Without a participle a run may be an older style ("ein einsam kümmerlich
    Leben")."""
    window = range(max(0, index - MAX_UNINFLECTED_RUN - 1), index)
    if not any(words[p].text.lower() in DETERMINERS for p in window):
        return None  # the tagger below is slow on rare words: ask it only when it matters
    position = index - 1
    participle = False
    while position >= 0 and index - position <= MAX_UNINFLECTED_RUN + 1:
        word = words[position].text
        if word.lower() in DETERMINERS:
            return position if participle or position == index - 1 else None
        if gap(text, words[position], words[position + 1]) != " ":
            return None
        if word.islower() and word.endswith(("t", "n")) and "VVPP" in tags_of(word):
            participle = True
        elif not is_modifying_adverb(word):
            return None
        position -= 1
    return None


# ---------------------------------------------------------------------------
# Dative plural after a preposition, without an article
# ---------------------------------------------------------------------------

ARTICLE_WORDS = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer",
                           "einem", "einen", "eines", "zum", "zur", "im", "am", "vom", "beim"})
# Prepositions that take only the dative and are rarely anything else before an
# adjective ("zu" is also "too", "seit" a conjunction).
DATIVE_PREPOSITIONS = word_set("mit von aus bei nach samt mitsamt")
# Prepositions with the accusative or the dative: before a plural noun the strong ending
# -en is the dative ("in vielen Fällen"; the accusative is "in viele Fälle"), but before
# a masculine singular it is the accusative ("in großen Zorn").
TWO_WAY_PREPOSITIONS = word_set("in an auf neben zwischen hinter vor unter über")
# Quantifiers that decline like adjectives in the plural: "mit vielen Nutzern".
PLURAL_QUANTIFIERS = word_set("vielen wenigen einigen mehreren beiden allen")
MAX_BARE_ADJECTIVES = 4


def _dative_plural(noun: str) -> str | None:
    """The dative plural of a plural noun that lacks its -n ("Produkte" -> "Produkten"),
    where the lexicon lists that form; None if the noun has a dative form already."""
    reading = noun_reading(noun)
    if reading is None or ("pl", "dat") in reading.forms or not any(
        number == "pl" for number, _ in reading.forms
    ):
        return None  # a strong -en before a singular is never dative: plural or unknown
    info = lookup_noun(noun + "n", compounds=False)
    if info is None or not any("dat pl" in r.slots for r in info.readings):
        return None
    return noun + "n"


def agreement_dative_plural(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Nomen im Plural ohne das -n des Dativs nach einer Präposition, die den Dativ
    verlangt, mit Adjektiven, aber ohne Artikel: „eine Auswahl von hochwertigen
    Produkte“ („Produkten“), „mit anderen Nutzer teilen“ („Nutzern“), „aus
    nachhaltigen Materialie“ wird nicht geprüft (unbekannte Form).

    ## Warum ist das ein Problem?
    Die Adjektivendung -en zeigt ohne Artikel den Dativ Plural an, das Nomen muss dann
    auch im Dativ Plural stehen. Maschinelle Übersetzung setzt das Nomen oft in die
    Grundform des Plurals, weil das Englische keinen Kasus kennt.

    ## Bekannte Grenzen
    Geprüft wird nach „mit“, „von“, „aus“, „bei“, „nach“, „samt“ und „mitsamt“, wenn
    alle Adjektive (auch „vielen“, „wenigen“, „einigen“, „mehreren“, „beiden“, „allen“)
    auf -en enden und das Lexikon die Form mit -n als Dativ Plural kennt; ebenso nach
    „in“, „an“, „auf“, „neben“, „zwischen“, „hinter“, „vor“, „unter“ und „über“, wo -en
    vor einem Plural nur den Dativ zeigen kann („in vielen Fälle“), außer das Nomen kann
    auch maskulin im Singular sein („in großen Zorn“ ist Akkusativ). Nach Artikeln prüft
    das `agreement-noun-phrase`.

    ## Fix-Sicherheit
    Unsicher: Das Nomen kann auch zu einem anderen Satzteil gehören.
    """
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        for index, word in enumerate(words):
            preposition = word.text.lower()
            if preposition not in DATIVE_PREPOSITIONS | TWO_WAY_PREPOSITIONS:
                continue
            if word.text[1:2].isupper():
                continue  # "AN", "IN": an abbreviation or a shouted heading
            position = index + 1
            adjectives = 0
            while position < len(words) and adjectives < MAX_BARE_ADJECTIVES:
                candidate = words[position]
                if gap(text, words[position - 1], candidate) not in (" ", ", "):
                    break
                if not (candidate.text.islower() and candidate.text.endswith("en") and (
                    is_attributive_adjective(candidate.text)
                    or (not adjectives and candidate.text in PLURAL_QUANTIFIERS)
                )):
                    break
                adjectives += 1
                position += 1
            if not adjectives or position >= len(words):
                continue
            noun = words[position]
            if gap(text, words[position - 1], noun) != " " or not noun.text[:1].isupper():
                continue
            if text[noun.end:noun.end + 1] in "-‐/(" and noun.end < len(text):
                continue  # "mit neuen Büro- und Fabrikgebäuden"
            following = words[position + 1] if position + 1 < len(words) else None
            if following is not None and gap(text, noun, following) == " " and (
                following.text[:1].isupper()
            ):
                continue  # "mit neuen Software Tools": the head may come later
            corrected = _dative_plural(noun.text)
            if corrected is None or not is_common_noun(noun.text):
                continue
            if preposition in TWO_WAY_PREPOSITIONS and "m" in noun_reading(noun.text).numbers:
                continue  # "in großen Zorn": a masculine accusative
            yield Hit(
                noun.start, noun.end - noun.start,
                f"„{noun.text}“: Nach „{word.text}“ steht der Dativ Plural: „{corrected}“.",
                (corrected,), corrected, Safety.UNSAFE,
            )


# ---------------------------------------------------------------------------
# Adjectives in a series without an article
# ---------------------------------------------------------------------------

# Strong endings that every later adjective of the series must share ("mit eigenem,
# schattigem Garten"); "-er" only where a comma parts the adjectives, since a bare
# comparative ends so too ("mit größer werdenden Sorgen").
SERIES_ENDINGS = ("em", "es", "er")


def agreement_adjective_series(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Mehrere Adjektive ohne Artikel vor einem Nomen im Singular, von denen das erste
    stark und ein späteres schwach gebeugt ist: „mit eigenem, schattigen Garten“
    („schattigem“), „bei gutem alten Wetter“, „frisches, kalten Wasser“.

    ## Warum ist das ein Problem?
    Ohne Artikel tragen alle Adjektive die starke Endung: „mit eigenem, schattigem
    Garten“. Die schwache Endung -en nach einem stark gebeugten Adjektiv im Dativ ist
    ein Überbleibsel älterer Sprache und gilt heute als Fehler; maschinelle Übersetzung
    erzeugt sie oft.

    ## Bekannte Grenzen
    Geprüft werden nur Folgen ohne Artikel, deren erstes Adjektiv auf -em oder -es
    endet (auf -er nur mit Komma danach), vor einem Nomen, das im Singular mit diesem
    Genus steht. Der Genitiv („guten alten Weines“) ist richtig und bleibt unbeachtet.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird die Endung des ersten Adjektivs.
    """
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        for index in range(1, len(words) - 2):
            before, first = words[index - 1], words[index]
            if before.text.lower() in DETERMINERS or before.text.lower() in ARTICLE_WORDS:
                continue
            if not first.text.islower() or not is_attributive_adjective(first.text):
                continue
            if index >= 2 and is_attributive_adjective(before.text):
                continue  # only the start of a series
            ending = adjective_ending(first.text)
            if ending not in SERIES_ENDINGS:
                continue
            series = [first]
            position = index + 1
            while position < len(words) and is_attributive_adjective(words[position].text) and (
                words[position].text.islower()
                and gap(text, words[position - 1], words[position]) in (" ", ", ")
            ):
                series.append(words[position])
                position += 1
            if len(series) < 2 or position >= len(words):
                continue
            if ending == "er" and gap(text, series[0], series[1]) != ", ":
                continue
            noun = words[position]
            if gap(text, series[-1], noun) != " " or not noun.text[:1].isupper():
                continue
            if text[noun.end:noun.end + 1] in "-‐/(" and noun.end < len(text):
                continue
            weak = [a for a in series[1:] if adjective_ending(a.text) == "en"]
            if not weak or any(adjective_ending(a.text) not in (ending, "en") for a in series):
                continue
            reading = noun_reading(noun.text)
            if reading is None or not is_common_noun(noun.text):
                continue
            genders = {
                gender for gender in reading.numbers - {"pl"}
                for case in ("nom", "acc", "dat")
                if STRONG_ENDINGS[(gender, case)] == ending and reading.has_form(gender, case)
            }
            if not genders or ("pl" in reading.numbers and ending == "er"):
                continue
            for adjective in weak:
                corrected = adjective.text[:-2] + ending
                yield Hit(
                    adjective.start, adjective.end - adjective.start,
                    f"„{adjective.text}“: Ohne Artikel endet jedes Adjektiv vor "
                    f"„{noun.text}“ wie „{first.text}“: „{corrected}“.",
                    (corrected,), corrected, Safety.UNSAFE,
                )


# ---------------------------------------------------------------------------
# A phrase without an article after a preposition that fixes its case
# ---------------------------------------------------------------------------

# Prepositions whose case a phrase without an article shows by its adjective endings.
# Left out: "um", "ohne" and "statt" open infinitives whose object may stand in any case
# ("um neuen Kunden zu helfen"); "seit", "bis", "während" are also conjunctions; "zu"
# is also "too" ("zu große Schuhe").
BARE_PHRASE_CASES: dict[str, tuple[str, ...]] = {
    **{p: c for p, c in GOVERNED_CASES.items() if p not in ("ohne",)},
}
# Determiners in the dative or genitive before a noun that "nach" follows as a
# postposition: "meiner Meinung nach", "dem Bericht nach".
POSTPOSITION_OPENERS = word_set(
    "dem der einem einer meiner deiner seiner ihrer unserer eurer diesem dieser allem aller"
)


def bare_phrase_after(
    text: str, words: list[Span], index: int
) -> tuple[list[Span], Span, NounReading] | None:
    """The adjectives and the noun of a phrase without an article that starts after
    the word at `index`: "von [modernen] [Technologien]"; None if there is none."""
    adjectives: list[Span] = []
    position = index + 1
    while position < len(words) and len(adjectives) < MAX_BARE_ADJECTIVES:
        word = words[position]
        space = gap(text, words[position - 1], word)
        if space == " " and word.text in ("und", "oder") and adjectives:
            position += 1
            continue
        if space not in (" ", ", ") or (space == ", " and not adjectives):
            return None
        if not word.text.islower() or not is_attributive_adjective(word.text):
            break
        if "selb" in word.text:
            return None  # "in demselben Falle": a determiner
        adjectives.append(word)
        position += 1
    if not adjectives or position >= len(words) or words[position - 1] not in adjectives:
        return None
    noun = words[position]
    if gap(text, adjectives[-1], noun) != " " or not noun.text[:1].isupper():
        return None
    if noun.end < len(text) and text[noun.end:noun.end + 1] in "-‐/(*:_":
        return None  # "mit neuen Büro- und Fabrikgebäuden", "Kolleg:innen"
    following = words[position + 1] if position + 1 < len(words) else None
    if following is not None and gap(text, noun, following) == " " and (
        (following.text[:1].isupper() and following.text.lower() not in FUNCTION_WORDS)
        or following.text in ENGLISH_FUNCTION_WORDS
    ):
        return None  # "mit neuen Software Tools": the head may come later
    reading = noun_reading(noun.text)
    if reading is None:
        return None
    return adjectives, noun, reading


def agreement_preposition_adjective(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Nach einer Präposition mit festem Kasus eine Nominalgruppe ohne Artikel, deren
    Adjektivendung diesen Kasus nicht zeigt: „von moderne Technologien“ („von modernen
    Technologien“), „mit große Freude“ („mit großer Freude“), „wegen schlechtes Wetter“
    („wegen schlechten Wetters“ oder „wegen schlechtem Wetter“), „bei neuen Software“.

    ## Warum ist das ein Problem?
    Ohne Artikel zeigt das Adjektiv den Kasus an (starke Beugung): nach „mit“, „von“,
    „aus“, „bei“, „nach“ steht der Dativ („mit großer Freude“, „von neuen Ideen“), nach
    „für“, „durch“, „gegen“ der Akkusativ. Maschinelle Übersetzung übernimmt die Endung
    oft aus dem Nominativ, weil das Englische keine Endungen hat.

    ## Bekannte Grenzen
    Geprüft werden Adjektive in Kleinschreibung mit derselben Endung vor einem Nomen, das
    das Lexikon kennt. Die Endung wird mit jedem Genus und Numerus verglichen, den das
    Nomen haben kann; ob das Nomen selbst die Form des Kasus hat, prüft
    `agreement-dative-plural` („von hochwertigen Produkte“). Nicht geprüft werden „um“,
    „ohne“ und „statt“ (ihre Infinitivgruppen haben Objekte in jedem Kasus), „seit“,
    „bis“ und „während“ (auch Konjunktionen), „zu“ („zu große Schuhe“), „nach“ als
    nachgestellte Präposition („meiner Meinung nach“) und „was für“.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen werden die Endungen, die Kasus und Nomen verlangen; welcher
    Numerus gemeint ist, entscheidet der Leser.
    """
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        for index, word in enumerate(words[:-2]):
            preposition = word.text.lower()
            cases = BARE_PHRASE_CASES.get(preposition)
            if cases is None or (word.text[:1].isupper() and word.text[1:2].isupper()):
                continue
            earlier = words[index - 1].text if index else ""
            if index and gap(text, words[index - 1], word) != " ":
                earlier = ""
            if preposition == "für" and earlier.lower() in ("was", "welch"):
                continue  # "was für große Augen": any case
            if preposition in ("nach", "wegen") and earlier[:1].isupper() and index >= 2 and (
                words[index - 2].text.lower() in POSTPOSITION_OPENERS
            ):
                continue  # "meiner Meinung nach große Fehler"
            if preposition == "aus" and (
                not earlier or earlier[:1].isupper() or earlier.lower() in PLACE_ADVERBS
            ):
                continue  # "von Berlin aus große Teile", "Aus große Höhe" (a sentence start)
            if earlier[:1].isupper() and index >= 2 and words[index - 2].text.lower() == "von":
                continue  # "von Grund auf", "von Anfang an": not a preposition of the phrase
            found = bare_phrase_after(text, words, index)
            if found is None:
                continue
            adjectives, noun, reading = found
            if any(_stem(a.text) in PRONOMINAL_ADJECTIVES for a in adjectives):
                continue  # "bei anderen Achtung genießen": "anderen" is a pronoun
            endings = {adjective_ending(a.text) for a in adjectives}
            if len(endings) != 1:
                continue  # mixed endings: `agreement-adjective-series`
            ending = endings.pop()
            if any(
                STRONG_ENDINGS[(number, case)] == ending
                for number in reading.agreeing for case in cases
            ):
                continue
            if not is_common_noun(noun.text):
                continue
            corrections = _bare_phrase_corrections(text, adjectives, noun, reading, cases)
            shown = text[adjectives[0].start:noun.end]
            names = " oder ".join(CASE_NAMES[case] for case in cases)
            yield Hit(
                adjectives[0].start, noun.end - adjectives[0].start,
                f"„{word.text} {shown}“: Nach „{word.text}“ steht der {names}; die Endung "
                f"„-{ending}“ zeigt ihn nicht"
                + (f" („{word.text} {corrections[0]}“)." if corrections else "."),
                tuple(corrections), corrections[0] if corrections else None, Safety.UNSAFE,
            )


def _bare_phrase_corrections(
    text: str, adjectives: list[Span], noun: Span, reading: NounReading,
    cases: tuple[str, ...],
) -> list[str]:
    """The phrase with the strong endings of each case and number the noun form has,
    singular first; an old dative singular in -e ("Werkzeuge") only if nothing else fits."""
    found: list[tuple[int, str]] = []
    for number in sorted(reading.numbers, key=lambda n: (n == "pl", n)):
        for case in cases:
            form = noun.text
            rank = 0
            if not reading.has_form(number, case):
                form = _dative_plural(noun.text) if (number, case) == ("pl", "dat") else None
                if form is None:
                    continue
            elif number != "pl" and case == "dat" and form.endswith("e") and not (
                reading.lemma.endswith("e")
            ):
                rank = 1  # "dem Werkzeuge": the old dative, not what the writer meant
            ending = STRONG_ENDINGS[(number, case)]
            pieces = []
            cursor = adjectives[0].start
            for adjective in adjectives:
                pieces.append(text[cursor:adjective.start])
                current = adjective_ending(adjective.text) or ""
                pieces.append(adjective.text[: len(adjective.text) - len(current)] + ending)
                cursor = adjective.end
            pieces.append(text[cursor:noun.start] + form)
            found.append((rank, "".join(pieces)))
    best = min((rank for rank, _ in found), default=0)
    return list(dict.fromkeys(phrase for rank, phrase in found if rank == best))[:3]


# ---------------------------------------------------------------------------
# A plural verb before a singular subject
# ---------------------------------------------------------------------------

# Words that open a fronted adverbial, so that the finite verb comes second and the
# subject after it: "Heute beginnt die Saison".
ADVERBIAL_OPENERS = PREPOSITIONS | PREPOSITION_ARTICLES | word_set(
    "heute gestern morgen jetzt nun dann danach damals bald bisher hier dort da "
    "außerdem zudem daher deshalb deswegen trotzdem dennoch inzwischen mittlerweile "
    "anschließend zunächst schließlich endlich bereits oft manchmal immer meist "
    "dabei dadurch dafür dazu damit davon darauf"
)
NOMINATIVE_SINGULAR = {"der": "m", "die": "f", "das": "n", "ein": "mn", "eine": "f",
                       "dieser": "m", "diese": "f", "dieses": "n", "kein": "mn",
                       "keine": "f"}
PLURAL_FINITE = word_set("sind waren")
# Words that make the phrase after the verb one of several: "Heute feiern die Stadt
# und ihre Bürger".
COORDINATION = word_set("und sowie oder samt mitsamt wie")
MAX_FRONTED = 7


def _plural_finite(word: str) -> bool:
    """A finite verb in the plural: "beginnen", "sind", "wurden" (its infinitive reading
    is ruled out by the position after a fronted adverbial)."""
    if word in PLURAL_FINITE:
        return True
    if not word.islower() or not word.endswith(("en", "ern", "eln")) or word in STOP_WORDS:
        return False
    tags = word_tags(word)
    return tags is not None and bool(tags & {"VVFIN", "VAFIN", "VMFIN"}) and "ADJA" not in tags


def agreement_subject_verb(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Verb im Plural vor einem Subjekt im Singular: „In diesem Sommer beginnen die
    Saison“ („beginnt“), „Dort warten ein neuer Trainer“ („wartet“). Ebenso ein
    Nebensatz mit „man“, „er“, „es“, „ich“ oder „du“ als Subjekt, der mit einer Form auf
    -en endet: „…, wenn man mit alten Systemen arbeiten, …“ („arbeitet“).

    ## Warum ist das ein Problem?
    Das finite Verb richtet sich nach dem Subjekt. Maschinelle Übersetzung verliert die
    Zuordnung, wenn sie Satzglieder umstellt, und lässt das Verb im Plural stehen.

    ## Bekannte Grenzen
    Geprüft werden nur Sätze, die mit einer Angabe beginnen (Präposition, Adverb wie
    „heute“, „dort“, „dabei“), nach der das Verb an zweiter Stelle steht und direkt ein
    Artikel mit einem Nomen folgt, das nur im Singular steht. Folgt ein weiteres Subjekt
    („die Stadt und ihre Bürger“, eine Aufzählung mit Komma) oder ein Pronomen, wird
    nichts gemeldet. Ein vorangestelltes Objekt („Die Arbeit beginnen die Kinder“) wird
    nicht geprüft. Im Nebensatz zählt nur das Pronomen direkt nach der Konjunktion
    („dass“, „wenn“, „weil“ …; nicht „als“); steht im Nebensatz ein finites Verb im
    Singular oder im Rest des Satzes ein Hilfs- oder Modalverb im Singular („…, wenn er
    fliehen, aber nicht, wenn es fallen will“), ist das eine Auslassung und wird nicht
    gemeldet.

    Ebenso: ein Satz, der mit seinem Subjekt beginnt (Artikel, Adjektive, Nomen mit
    eindeutigem Numerus, oder „Jeder der …“, „Eine der …“, „Jeder von uns“), dem
    Attribute folgen (Genitiv, Präpositionalgefüge, ein Relativsatz zwischen Kommas), und
    dessen Verb danach im Numerus des Attributs steht: „Die Zahl der Nutzer, die …,
    steigen“ („steigt“), „Die Ergebnisse der Studie zeigt“ („zeigen“). Nomen der Menge
    („Reihe“, „Hälfte“, „Mehrheit“ …) lassen beide Numeri zu und bleiben unbeachtet;
    steht ein mögliches Subjekt nach dem Verb („Das Lied des Sommers singen vor allem die
    Kinder“) oder folgt ein finites Verb oder ein Komma einer Form auf -en (ein Infinitiv
    als Subjekt: „Die Freiheit der Rede verteidigen, ist …“), wird nichts gemeldet.

    ## Fix-Sicherheit
    Unsicher: Die Verbform im anderen Numerus muss der Leser selbst wählen.
    """
    # Also (see _verb_number_after_subject): a sentence that opens with its subject and
    # attributes, whose verb takes the number of the attribute ("Die Zahl der Nutzer,
    # die …, steigen").
    text = doc.text
    for block in doc.blocks:
        block_words = block.words()
        starts = [w.start for w in block_words]
        for sentence in block.sentences:
            words = block_words[
                bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)
            ]
            if block.kind is not BlockKind.HEADING and len(words) >= 5 and (
                words[0].text.lower() in SUBJECT_DETERMINER_NUMBERS
                or words[0].text.lower() in SINGULAR_PRONOUN_HEADS
            ) and words[0].start == sentence.start:
                hit = _verb_number_after_subject(text, words)
                if hit is not None:
                    yield hit
            if len(words) < 4 or words[0].text.lower() not in ADVERBIAL_OPENERS:
                continue
            for index in range(1, min(len(words) - 2, MAX_FRONTED + 1)):
                verb = words[index]
                if gap(text, words[index - 1], verb) != " ":
                    break  # a comma: not the verb of the main clause
                lower = verb.text.lower()
                if lower in PERSONAL_SUBJECTS or lower in SUBJECT_QUANTIFIERS:
                    break
                if index >= 2 and (lower in DETERMINERS or lower in ARTICLE_WORDS) and (
                    words[index - 1].text.lower() not in PREPOSITIONS
                ):
                    break  # "Im Jahr 2020 die Firmen …": a second phrase, perhaps the subject
                if not _plural_finite(verb.text):
                    continue
                hit = _singular_subject_after(text, words, index)
                if hit is not None:
                    yield hit
                break
        yield from _plural_verb_after_singular_pronoun(block.text, block.start)


# Conjunctions whose clause puts its finite verb last ("als" is also "than": "schneller
# als ich fahren"; "wie" and "wo" open other things too).
VERB_FINAL_CONJUNCTIONS = word_set(
    "dass daß wenn weil ob obwohl falls sobald bevor nachdem damit solange sodass sofern "
    "indem während seit seitdem ehe"
)
# Pronouns that are only singular subjects here ("sie" may be plural, "Sie" polite).
SINGULAR_SUBJECT_PRONOUNS = word_set("man er es ich du")
CLAUSE_STOP = compile_pattern(r"[,.;:!?()\[\]\"„“”»«–—]")
MAX_FINAL_CLAUSE_WORDS = 12
SENTENCE_END = compile_pattern(r"[.!?](?:\s|$)")


def _plural_verb_after_singular_pronoun(text: str, offset: int) -> Iterator[Hit]:
    """"…, wenn man mit alten Systemen arbeiten, …": a subordinate clause with a
    singular pronoun as subject whose last word is a plural or infinitive verb form,
    with no singular finite verb in it and no singular auxiliary or modal in the rest
    of the sentence (an ellipsis: "dass man nichts sehen, nichts finden könne")."""
    for match in WORD_PATTERN.finditer(text):
        if match.group().lower() not in VERB_FINAL_CONJUNCTIONS:
            continue
        subject = WORD_PATTERN.match(text, match.end() + 1)
        if text[match.end():match.end() + 1] != " " or subject is None or (
            subject.group() not in SINGULAR_SUBJECT_PRONOUNS
        ):
            continue
        stop = CLAUSE_STOP.search(text, subject.end())
        end = stop.start() if stop else len(text)
        # One word more than a final clause may have is enough to rule it out (a long
        # text without punctuation would be read to its end for each pronoun).
        clause = [m.group() for m in itertools.islice(
            WORD_PATTERN.finditer(text, subject.end(), end), MAX_FINAL_CLAUSE_WORDS + 1)]
        if not clause or len(clause) > MAX_FINAL_CLAUSE_WORDS or "zu" in clause:
            continue
        verb = clause[-1]
        if not verb.islower() or not verb.endswith("en") or not _infinitive_or_plural(verb):
            continue
        if any(_singular_finite(word) for word in clause[:-1]):
            continue  # "dass du ihn hättest fallen lassen"
        after = SENTENCE_END.search(text, end)
        rest = text[end:after.start() if after else len(text)]
        if any(
            not m.group().endswith("en") and (
                m.group() in FINITE_AUX_OR_MODAL
                or (m.group().islower() and tags_of(m.group()) & {"VAFIN", "VMFIN"})
            )
            for m in WORD_PATTERN.finditer(rest)
        ):
            continue  # "wenn er fliehen, aber nicht, wenn es fallen will": an ellipsis
        start = offset + text.rfind(verb, 0, end)
        yield Hit(
            start, len(verb),
            f"„{verb}“ passt nicht zum Subjekt „{subject.group()}“ im Singular: Das Verb am "
            f"Ende des Nebensatzes braucht die Form der 3. oder 1. Person Singular.",
        )


def _infinitive_or_plural(word: str) -> bool:
    """The infinitive, which is also the present plural ("arbeiten"); not a past form
    in -en that may be singular ("schien")."""
    tags = tags_of(word)
    return (
        bool(tags & {"VVINF", "VVFIN", "VAINF", "VMINF"}) and not tags & {"ADJA", "ADJD", "ADV"}
        and analyze_word(word).lemma == word
    )


def _singular_finite(word: str) -> bool:
    """A lowercase word that can be a finite verb not ending in -en ("kann", "hättest",
    "arbeitet")."""
    return word.islower() and not word.endswith("en") and bool(
        tags_of(word) & FINITE_VERB_TAGS
    )


PERSONAL_SUBJECTS = word_set("ich du er sie es wir ihr man")
# Words that open a subject before the verb ("Heute viele Menschen nutzen …", English
# order): the plural verb then agrees with them, not with the phrase after it.
SUBJECT_QUANTIFIERS = word_set("viele wenige einige mehrere manche beide alle zahlreiche")


# ---------------------------------------------------------------------------
# A subject with attributes, then a verb of the other number
# ---------------------------------------------------------------------------

# The numbers a determiner opening a subject in the nominative allows ("pl" for plural).
SUBJECT_DETERMINER_NUMBERS: dict[str, frozenset[str]] = {
    "der": frozenset("m"), "das": frozenset("n"), "ein": frozenset("mn"),
    "eine": frozenset("f"), "die": frozenset({"f", "pl"}), "dieser": frozenset("m"),
    "dieses": frozenset("n"), "diese": frozenset({"f", "pl"}), "jeder": frozenset("m"),
    "jede": frozenset("f"), "jedes": frozenset("n"), "kein": frozenset("mn"),
    "keine": frozenset({"f", "pl"}), "alle": frozenset({"pl"}), "viele": frozenset({"pl"}),
    "einige": frozenset({"pl"}), "mehrere": frozenset({"pl"}), "manche": frozenset({"pl"}),
    "beide": frozenset({"pl"}),
}
# Pronouns that head a subject in the singular before a genitive plural: "Jeder der
# Teilnehmer erhält …".
SINGULAR_PRONOUN_HEADS = word_set("jeder jede jedes keiner keine keines einer eine eines")
# Pronouns that end a prepositional attribute: "Jeder von uns".
ATTRIBUTE_PRONOUNS = word_set("uns euch ihnen")
# Nouns of quantity: with a plural attribute German accepts the verb in either number
# ("Eine Reihe von Studien zeigen …"), so they are left alone.
QUANTITY_NOUNS = word_set(
    """
    reihe menge anzahl vielzahl mehrzahl mehrheit minderheit hälfte teil großteil gruppe
    paar dutzend million millionen milliarde milliarden prozent drittel viertel fünftel
    handvoll masse fülle rest serie art sorte
    """
)
GENITIVE_OPENERS = word_set(
    "des der eines einer dieses dieser seines seiner ihres ihrer unseres unserer jenes "
    "jener aller vieler"
)
# Prepositions of an attribute after a noun ("die Preise für Strom").
ATTRIBUTE_PREPOSITIONS = word_set(
    "von vom aus mit für in im auf bei beim zu zum zur an am über unter ohne gegen nach "
    "vor zwischen durch um"
)
RELATIVE_OPENERS = word_set(
    "der die das dem den deren dessen denen welche welcher welches welchem welchen"
)
# Words after the verb that may open its real subject: then the phrase before it may be
# an object ("Das Buch lesen viele Menschen").
PLURAL_SUBJECT_OPENERS = word_set(
    "die alle viele wir sie ihr beide einige mehrere manche meine deine seine ihre unsere "
    "eure keine diese"
)
SINGULAR_SUBJECT_OPENERS = word_set(
    "der die das ein eine jeder jede jedes man er es ich du keiner niemand jemand mein "
    "meine dein deine sein seine ihr ihre unser unsere kein keine dieser diese dieses"
)
SINGULAR_FINITE_FORMS = word_set(
    "ist war hat hatte kann konnte muss musste soll will darf mag wird wurde"
)
MAX_ATTRIBUTES = 3
MAX_ATTRIBUTE_WORDS = 8
MAX_RELATIVE_WORDS = 15


def _head_number(words: list[Span]) -> tuple[str, int] | None:
    """The number ("sg" or "pl") of the subject a sentence opens with and the index of
    its head: a determiner, adjectives and a noun whose nominative forms leave one
    number ("Die Ergebnisse", "Die Zahl", "Der Hersteller"), or "Jeder"/"Keiner"
    before "der"; None where the number is open or the head is a noun of quantity."""
    first = words[0].text.lower()
    if first in SINGULAR_PRONOUN_HEADS and (
        words[1].text == "der" or (words[1].text == "von" and words[2].text in ATTRIBUTE_PRONOUNS)
    ):
        return "sg", 0  # "Einer der Gründe", "Jeder von uns"
    allowed = SUBJECT_DETERMINER_NUMBERS.get(first)
    if allowed is None:
        return None
    position = 1
    while position < len(words) - 1 and words[position].text.islower() and (
        is_attributive_adjective(words[position].text)
    ):
        position += 1
    noun = words[position].text
    if not noun[:1].isupper() or noun.lower() in QUANTITY_NOUNS:
        return None
    reading = noun_reading(noun)
    if reading is None or not is_common_noun(noun) or (reading.infinitive and "n" in allowed):
        return None  # "Das Kosten": a nominalised infinitive; "Die Kosten" is a plural
    numbers = {number for number, case in reading.forms if case == "nom"} & allowed
    if not numbers:
        return None
    if numbers == {"pl"}:
        return "pl", position
    return ("sg", position) if "pl" not in numbers else None


def _after_attributes(text: str, words: list[Span], head: int) -> int | None:
    """The index of the word after the attributes of the noun at `head`: genitives
    ("der Nutzer"), prepositional phrases ("für Strom") and one relative clause between
    commas; None where something else (a list, a name, other punctuation) comes."""
    position = head + 1
    for _ in range(MAX_ATTRIBUTES):
        if position >= len(words):
            return None
        between = gap(text, words[position - 1], words[position])
        lower = words[position].text.lower()
        if between.strip() == "," and lower in RELATIVE_OPENERS:
            end = position + 1
            while end < len(words) and end - position < MAX_RELATIVE_WORDS:
                if gap(text, words[end - 1], words[end]).strip():
                    break
                end += 1
            if end >= len(words) or gap(text, words[end - 1], words[end]).strip() != ",":
                return None
            last = words[end - 1].text
            if not (last.islower() and tags_of(last) & FINITE_VERB_TAGS):
                return None  # the clause must end with its verb
            position = end
            continue
        if between != " " or not (lower in GENITIVE_OPENERS or lower in ATTRIBUTE_PREPOSITIONS):
            return position
        start = position
        position += 1
        if position < len(words) and words[position].text in ATTRIBUTE_PRONOUNS:
            position += 1  # "von uns"
            continue
        while position < len(words) and position - start < MAX_ATTRIBUTE_WORDS and (
            gap(text, words[position - 1], words[position]) == " "
        ) and words[position].text.islower() and words[position].text.lower() not in (
            COORDINATION
        ) and (
            words[position].text in ARTICLE_WORDS or words[position].text in DETERMINERS
            or is_attributive_adjective(words[position].text)
            or words[position].text.isdigit()
        ):
            position += 1
        if position >= len(words) or not words[position].text[:1].isupper() or gap(
            text, words[position - 1], words[position]
        ) != " ":
            return None
        position += 1  # the attribute's noun
    return position


def _may_be_subject(word: str, head_number: str) -> bool:
    """Whether a capitalised word after the verb may be its subject in the number other
    than `head_number`: a noun with such a nominative, or a name the lexicon lacks."""
    reading = noun_reading(word)
    if reading is None:
        return lookup_noun(word) is None  # a name
    wanted = {"pl"} if head_number == "sg" else {"m", "f", "n"}
    return any(number in wanted and case == "nom" for number, case in reading.forms)


def _verb_number_after_subject(text: str, words: list[Span]) -> Hit | None:
    """"Die Zahl der Nutzer, die …, steigen": a sentence that opens with its subject
    and attributes, whose finite verb after them has the other number."""
    if len(words) < 5:
        return None
    found = _head_number(words)
    if found is None:
        return None
    number, head = found
    position = _after_attributes(text, words, head)
    if position is None or position == head + 1 or position + 1 >= len(words):
        return None  # no attribute: the verb is next to its subject, no attraction
    verb, following = words[position], words[position + 1]
    if gap(text, words[position - 1], verb).strip() not in ("", ","):
        return None
    openers = PLURAL_SUBJECT_OPENERS if number == "sg" else SINGULAR_SUBJECT_OPENERS
    if not following.text.islower():
        return None
    clause = words[position + 1:]
    for index, word in enumerate(clause):
        if index and gap(text, clause[index - 1], word).strip():
            break
        if index and (clause[index - 1].text.lower() in PREPOSITIONS
                      or clause[index - 1].text.lower() in PREPOSITION_ARTICLES):
            continue  # "am Rhein": no subject
        if word.text.lower() in openers or (
            word.text[:1].isupper() and _may_be_subject(word.text, number)
        ):
            return None  # "Das Buch der Woche lesen vor allem Kinder": the subject after it
    if number == "sg" and (gap(text, verb, following) != " " or (
        following.text.islower() and not following.text.endswith("en")
        and tags_of(following.text) & FINITE_VERB_TAGS and following.text not in DETERMINERS
        and following.text not in ARTICLE_WORDS
    )):
        return None  # "Die Schönheit des Alltags entdecken, ist …": an infinitive
    if following.text.lower() in COORDINATION:
        return None
    if number == "sg" and _plural_finite(verb.text) and not (
        _singular_finite(verb.text)
    ):
        wanted = "Singular"
    elif number == "pl" and (
        verb.text in SINGULAR_FINITE_FORMS or (
            _singular_finite(verb.text) and verb.text.endswith(("t", "te"))
            and not tags_of(verb.text) & {"VVPP", "ADJD", "ADV", "ADJA"}
        )
    ):
        wanted = "Plural"
    else:
        return None
    subject = words[0].text if head == 0 else text[words[0].start:words[head].end]
    return Hit(
        verb.start, len(verb.text),
        f"„{verb.text}“ passt nicht zum Subjekt „{subject}“: Das Verb richtet sich nach "
        f"dem Subjekt, nicht nach dem Attribut davor; es braucht den {wanted}.",
    )


def _singular_subject_after(text: str, words: list[Span], index: int) -> Hit | None:
    verb = words[index]
    article = words[index + 1]
    genders = NOMINATIVE_SINGULAR.get(article.text.lower())
    if genders is None or gap(text, verb, article) != " ":
        return None
    position = index + 2
    while position < len(words) and words[position].text.islower() and (
        is_attributive_adjective(words[position].text)
    ):
        position += 1
    if position >= len(words):
        return None
    noun = words[position]
    if gap(text, words[position - 1], noun) != " " or not noun.text[:1].isupper():
        return None
    if text[noun.end:noun.end + 1] in "-‐/(*:_" and noun.end < len(text):
        return None
    reading = noun_reading(noun.text)
    if reading is None or not reading.numbers & set(genders):
        return None
    if "f" in genders and "pl" in reading.numbers:
        return None  # "die Trainer" may be plural; "der", "das", "ein" are not
    if not any(reading.has_form(g, "nom") for g in genders if g in reading.numbers):
        return None
    if not is_common_noun(noun.text):
        return None
    # The rest of the clause: another subject, a pronoun or a list ends the matter.
    for later in words[position + 1:position + 12]:
        between = text[noun.end:later.start]
        if any(mark in between for mark in ".;:!?"):
            break
        if "," in between or later.text.lower() in COORDINATION | PERSONAL_SUBJECTS:
            return None
        before = words[words.index(later) - 1].text.lower()
        if later.text.lower() in ("die", "der") and before not in PREPOSITIONS:
            following = next((w for w in words if w.start > later.end), None)
            if following is not None and (noun_reading(following.text) or NOUN_NONE).numbers == {
                "pl"
            }:
                return None  # "Heute eröffnen die Schau die Künstler": a plural after
    return Hit(
        verb.start, verb.end - verb.start,
        f"„{verb.text}“ steht im Plural, das Subjekt „{article.text} {noun.text}“ im "
        f"Singular.",
    )


NOUN_NONE = NounReading(frozenset(), "")


# ---------------------------------------------------------------------------
# List items that are the object of their lead-in
# ---------------------------------------------------------------------------

# Verbs whose object a list after their colon continues: "Das Paket enthält:" - "einen
# Adapter". ("Dazu gehören:" takes the nominative, and so do lead-ins without a verb.)
OBJECT_LEAD_IN_VERBS = word_set(
    "enthalten benötigen brauchen erhalten bekommen bieten umfassen beinhalten kaufen "
    "besitzen verwenden nutzen wählen"
)
MAX_ITEM_WORDS = 8


def _object_lead_in(caption: str) -> bool:
    """Whether a lead-in ends with a verb whose accusative object the list gives."""
    words = [m.group() for m in WORD_PATTERN.finditer(caption.rstrip().rstrip(":"))]
    if not words or not caption.rstrip().endswith(":"):
        return False
    # "… enthält:", "… erhalten Sie:", "… benötigen Sie unbedingt:"
    return any(
        word.islower() and analyze_word(word).lemma in OBJECT_LEAD_IN_VERBS
        for word in words[-3:]
    )


# ---------------------------------------------------------------------------
# "einer der ...": the pronoun takes the gender of the plural noun after it
# ---------------------------------------------------------------------------

# The genders a pronoun form of "ein", "kein", "jed-" can stand for in any case
# ("einer": masculine nominative, feminine genitive or dative).
PARTITIVE_GENDERS: dict[str, frozenset[str]] = {
    "er": frozenset("mf"), "e": frozenset("f"), "es": frozenset("mn"),
    "em": frozenset("mn"), "en": frozenset("mn"),
}
PARTITIVE_STEMS = ("ein", "kein", "jed")
# The pronoun's form for each gender in the case its own ending shows.
PARTITIVE_IN_CASE: dict[str, dict[str, str]] = {
    "e": {"m": "er", "n": "es"}, "er": {"n": "es"}, "es": {"f": "e"},
    "em": {"f": "er"}, "en": {"f": "e", "n": "es"},
}


def _partitive_pronoun(word: str) -> tuple[str, str] | None:
    """The stem and ending of "einer", "keines", "jedem" ..., or None."""
    lower = word.lower()
    for stem in PARTITIVE_STEMS:
        ending = lower[len(stem):]
        if lower.startswith(stem) and ending in PARTITIVE_GENDERS:
            return stem, ending
    return None


def _plural_genders(noun: str) -> frozenset[str]:
    """The genders of the nouns whose genitive plural the form is ("Städte": f)."""
    info = lookup_noun(noun)
    if info is None:
        return frozenset()
    return frozenset(g for r in info.readings if "gen pl" in r.slots for g in r.genders)


def agreement_partitive(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    „einer“, „keines“, „jedem“ … vor „der“ und einem Nomen im Plural, dessen Genus
    das Pronomen nicht hat: „in einem der Städte“ („einer“), „eines der wichtigsten
    Fragen“ („eine“), „keiner der Häuser“ („keines“).

    ## Warum ist das ein Problem?
    Im partitiven Genitiv („eine der Städte“) richtet sich das Pronomen im Genus nach
    dem Nomen im Plural. Englisch „one of the“ hat kein Genus; maschinelle Übersetzung
    wählt oft die maskuline oder neutrale Form.

    ## Bekannte Grenzen
    Geprüft werden „ein-“, „kein-“ und „jed-“ direkt vor „der“, dem höchstens Adjektive
    und ein Nomen folgen, das nur im Plural stehen kann und im Lexikon ein Genus hat
    (Komposita nach ihrem letzten Teil). Nomen, die Personen nach ihrem natürlichen
    Geschlecht bezeichnen („einer der Mitglieder“ für einen Mann), werden ebenfalls
    gemeldet; die Form nach dem Genus des Nomens ist die standardsprachliche.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird die Form im Genus des Nomens und im Kasus, den die
    Endung des gemeldeten Pronomens zeigt; bei „einer“/„eines“ muss der Leser den
    Kasus prüfen.
    """
    text = doc.text
    for phrase in noun_phrases(doc):
        if phrase.article.text.lower() != "der" or not phrase.joined:
            continue
        found = _partitive_pronoun(phrase.previous)
        readings = fitting_readings(phrase)
        if found is None or not readings or any(number != "pl" for number, _, _ in readings):
            continue  # "einer der Stadt": "der" is no genitive plural
        if not phrase.reading.has_form("pl", "gen") or not is_common_noun(phrase.noun.text):
            continue
        stem, ending = found
        genders = _plural_genders(phrase.noun.text)
        if len(genders) != 1 or genders & PARTITIVE_GENDERS[ending]:
            continue
        gender = next(iter(genders))
        start = phrase.article.start - len(phrase.previous) - 1
        pronoun = text[start:phrase.article.start - 1]
        if pronoun != phrase.previous:
            continue
        corrected = stem + PARTITIVE_IN_CASE[ending].get(gender, ending)
        if pronoun[:1].isupper():
            corrected = corrected.capitalize()
        yield Hit(
            start, len(pronoun),
            f"„{pronoun} der {phrase.noun.text}“: Das Pronomen richtet sich nach dem Genus "
            f"von „{phrase.reading.lemma}“ ({GENDER_NAMES[gender]}): „{corrected}“.",
            (corrected,), corrected, Safety.UNSAFE,
        )


def agreement_list_object(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Listenpunkte im Nominativ, wo die Einleitung ein Akkusativobjekt verlangt: „Das
    Passwort muss Folgendes enthalten: • Ein Großbuchstabe • Eine Ziffer“ („einen
    Großbuchstaben“), „Im Paket erhalten Sie: • Der Adapter“.

    ## Warum ist das ein Problem?
    Die Punkte einer Liste setzen den Satz der Einleitung fort; endet sie mit „enthält“,
    „benötigen Sie“ oder „erhalten Sie“, stehen die Punkte im Akkusativ. Maschinelle
    Übersetzung übersetzt jeden Punkt für sich und setzt ihn in den Nominativ.

    ## Bekannte Grenzen
    Sichtbar ist der Fehler nur bei maskulinen Nomen („ein“/„der“ statt „einen“/„den“);
    gemeldet wird nur, wenn die Einleitung mit einem Verb wie „enthalten“, „benötigen“,
    „erhalten“, „bieten“, „umfassen“ und einem Doppelpunkt endet und der Listenpunkt
    eine kurze Nominalgruppe ohne Verb ist. „Dazu gehören:“ und Einleitungen ohne Verb
    verlangen den Nominativ und bleiben unbeachtet.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird die Nominalgruppe im Akkusativ, wo das Lexikon die Form
    des Nomens kennt.
    """
    text = doc.text
    blocks = doc.blocks
    for position, block in enumerate(blocks):
        if block.kind is not BlockKind.CAPTION or not _object_lead_in(block.text):
            continue
        for item in blocks[position + 1:]:
            if item.kind is not BlockKind.LIST_ITEM:
                break
            words = item.words()
            if not words or len(words) > MAX_ITEM_WORDS:
                continue
            determiner = DETERMINERS.get(words[0].text.lower())
            if determiner is None or any(
                w.text.islower() and tags_of(w.text) & FINITE_VERB_TAGS for w in words[1:]
            ):
                continue  # "Ein Adapter liegt bei": a sentence, not the object
            phrase = _read_phrase(text, words, 0, determiner)
            if phrase is None or phrase.reading.numbers - {"pl"} != {"m"}:
                continue
            fitting = fitting_readings(phrase)
            if not fitting or any(case != "nom" for _, case, _ in fitting):
                continue
            listed = lookup_noun(phrase.noun.text, compounds=False)
            if not is_common_noun(phrase.noun.text) and (
                listed is None or len(listed.genders) != 1
            ):
                continue  # "der Neue" declines like an adjective: one listed gender is a noun
            corrections = _corrections(phrase, text, ("acc",))
            shown = text[phrase.article.start:phrase.noun.end]
            yield Hit(
                phrase.article.start, phrase.noun.end - phrase.article.start,
                f"„{shown}“: Der Listenpunkt ist das Objekt der Einleitung und steht im "
                f"Akkusativ" + (f": „{corrections[0]}“." if corrections else "."),
                tuple(corrections), corrections[0] if corrections else None, Safety.UNSAFE,
            )


RULES = (
    Rule(
        id="agreement-noun-phrase",
        category=Category.GRAMMAR,
        severity=Severity.ERROR,
        summary="Artikel, Adjektiv und Nomen passen nicht zusammen („eine Satellitenbüro“).",
        doc=agreement_noun_phrase.__doc__ or "",
        check=agreement_noun_phrase,
        bad=(
            Example("OpenAI hat kürzlich <marker>eine Satellitenbüro</marker> in Bellevue "
                    "eröffnet.", "ein Satellitenbüro"),
            Example("Tesla baut <marker>der neue Batteriefabrik</marker> in Grünheide.",
                    "die neue Batteriefabrik|der neuen Batteriefabrik"),
            Example("Das Unternehmen verfolgt <marker>ein neue Strategie</marker>.",
                    "eine neue Strategie"),
            Example("<marker>Das Entscheidung</marker> fiel im Vorstand.", "Die Entscheidung"),
            Example("Sie gelten als führend im Bereich <marker>der Künstliche "
                    "Intelligenz</marker>.", "der Künstlichen Intelligenz|die Künstliche "
                    "Intelligenz"),
            Example("Microsoft investiert in <marker>einen Rechenzentrum</marker> in Irland.",
                    "ein Rechenzentrum|einem Rechenzentrum"),
            Example("Die Aktie stieg nach <marker>das Ankündigung</marker> um zwei Prozent.",
                    "der Ankündigung"),
            Example("Die Regierung unterzeichnete <marker>eine besonders wichtige "
                    "Vertrag</marker>.",
                    "ein besonders wichtiger Vertrag|einen besonders wichtigen Vertrag"),
            Example("Die EZB verschiebt <marker>die Zinsentscheid</marker> auf März.",
                    "der Zinsentscheid|den Zinsentscheid"),
            Example("Ab 2026 gilt eine Regel für <marker>der Reparaturpflicht</marker>.",
                    "die Reparaturpflicht"),
            Example("Wir arbeiten mit <marker>einen Partner</marker> aus München zusammen.",
                    "einem Partner"),
            Example("Die Klinge besteht aus <marker>ein hochwertiges pulvermetallurgisches "
                    "Stahl</marker>.", "einem hochwertigen pulvermetallurgischen Stahl"),
            Example("Die Firma zieht in <marker>ein größerer Standort</marker> um.",
                    "einen größeren Standort|einem größeren Standort"),
            Example("<marker>Die neuen Funktion</marker> ist ab heute verfügbar.",
                    "Die neue Funktion"),
            Example("Sie können <marker>einen herunterladbaren Checklisten</marker> nutzen."),
            Example("Sie warben für <marker>einen Partnerschaft</marker> mit Paris.",
                    "eine Partnerschaft"),
            Example("Wir gingen in <marker>einen McDonald's-Restaurant</marker>.",
                    "ein McDonald's-Restaurant|einem McDonald's-Restaurant"),
            Example("Das ist die Grundform <marker>eines Adjektiv</marker>.",
                    "eines Adjektivs|ein Adjektiv|einem Adjektiv"),
            Example("Sie verhandelt mit <marker>dem zuständigen Ministeriums</marker>.",
                    "dem zuständigen Ministerium|des zuständigen Ministeriums"),
            Example("Die Unterlagen stehen <marker>zum Verfügung</marker>.", "zur Verfügung"),
            Example("Wir wollen <marker>im nahen Zukunft</marker> wachsen.",
                    "in der nahen Zukunft"),
            Example("Es gibt <marker>ein großer Unterschied</marker> zwischen den Tarifen.",
                    "einen großen Unterschied"),
            Example("<marker>Der Ferieninseln</marker> sind im Sommer voll.",
                    "Die Ferieninseln"),
            Example("<marker>Jede Nutzer</marker> erhält ein eigenes Konto.",
                    "Jeder Nutzer|Jeden Nutzer"),
        ),
        good=(
            Example("OpenAI hat ein Satellitenbüro in Bellevue eröffnet."),
            Example("Das Werk liegt neben der neuen Batteriefabrik."),
            Example("Die Büros stehen leer, in den Büros ist es still."),
            Example("Die Firma, die Software entwickelt, wächst."),
            Example("Das ist die Rolle der Künstlichen Intelligenz im Alltag."),
            Example("Der Neue stellt sich vor; die Angestellten hören zu."),
            Example("Er lobt das Software Team und die Büro- und Fabrikgebäude."),
            Example("Sie sprach mit der Fabrikleitung und dem Betriebsrat."),
            Example("Die Hersteller unterliegen der Reparaturpflicht."),
            Example("Das Auto, das Klimawandel verursacht, fährt mit Benzin."),
            Example("Was ist das für ein Unterschied?"),
            Example("Das war mit ein Grund für den Erfolg."),
            Example("Von Berlin aus die Welt zu erobern, war sein Plan."),
            Example("Aus der Traum vom schnellen Geld."),
            Example("Über ein Drittel der Befragten stimmte zu."),
            Example("Die Firma zieht in einen größeren Standort um."),
            Example("Die neuen Funktionen sind ab heute verfügbar."),
            Example("Sie können herunterladbare Checklisten nutzen."),
            Example("Wir trafen uns in einem McDonald's-Restaurant."),
            Example("Die Laudator*innen und die Kolleg:innen stellten die Arbeiten vor."),
            Example("Das ist die Grundform eines Adjektivs; des einen Teils Freude."),
            Example("Er kam mit einem Papagei aus einem alten Romane."),
            Example("Sie dankte den Regulars des Forums."),
            Example("Zur Zeit hilft er beim Anzeigen der Daten, im allgemeinen gern."),
        ),
        origin="mtlint/checks/agreement.py",
    ),
    Rule(
        id="agreement-adjective-uninflected",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Ein Adjektiv ohne Endung steht direkt vor einem Nomen („erheblich Schatten“).",
        doc=agreement_adjective_uninflected.__doc__ or "",
        check=agreement_adjective_uninflected,
        bad=(
            Example("Das Ende der Partnerschaft wirft <marker>erheblich</marker> Schatten auf "
                    "die Branche.", "erhebliche|erheblichen"),
            Example("Die Firma plant <marker>massiv</marker> Investitionen in Europa.",
                    "massive"),
            Example("Das brachte eine <marker>erheblich</marker> Verbesserung.", "erhebliche"),
            Example("Er stellte die <marker>neu</marker> Strategie vor.", "neue"),
        ),
        good=(
            Example("Das Ende der Partnerschaft wirft erhebliche Schatten auf die Branche."),
            Example("Damit können Firmen erheblich Kosten sparen."),
            Example("Sie haben gemeinsam Projekte entwickelt."),
            Example("Die neu gegründete Firma wächst."),
            Example("Die Preise sind erheblich gestiegen."),
            Example("Er hat die neu Eingestellten begrüßt."),
        ),
        origin="mtlint/checks/agreement.py",
    ),
    Rule(
        id="agreement-dative-plural",
        category=Category.GRAMMAR,
        severity=Severity.ERROR,
        summary="Nach einer Dativ-Präposition fehlt dem Nomen im Plural das -n („von "
                "hochwertigen Produkte“).",
        doc=agreement_dative_plural.__doc__ or "",
        check=agreement_dative_plural,
        bad=(
            Example("Wir bieten eine große Auswahl von hochwertigen <marker>Produkte</marker>.",
                    "Produkten"),
            Example("Sie können Ihre Fotos mit anderen <marker>Nutzer</marker> teilen.",
                    "Nutzern"),
            Example("Der Rahmen besteht aus leichten, stabilen <marker>Rohre</marker>.",
                    "Rohren"),
            Example("In vielen <marker>Fälle</marker> hilft ein Neustart.", "Fällen"),
        ),
        good=(
            Example("Wir bieten eine große Auswahl von hochwertigen Produkten."),
            Example("Sie können Ihre Fotos mit anderen Nutzern teilen."),
            Example("Er sprach mit neuen Kollegen und alten Freunden."),
            Example("Wir arbeiten mit neuen Software Tools."),
            Example("Nach langen Jahren kehrte er zurück."),
            Example("In vielen Fällen hilft ein Neustart; sie geriet in großen Zorn."),
        ),
        origin="mtlint/checks/agreement.py",
    ),
    Rule(
        id="agreement-adjective-series",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Ohne Artikel wechseln die Adjektive vor einem Nomen die Endung („mit "
                "eigenem, schattigen Garten“).",
        doc=agreement_adjective_series.__doc__ or "",
        check=agreement_adjective_series,
        bad=(
            Example("Das Café mit eigenem, <marker>schattigen</marker> Garten ist beliebt.",
                    "schattigem"),
            Example("Wir trinken frisches, <marker>kalten</marker> Wasser.", "kaltes"),
            Example("Sie kam mit großem <marker>blauen</marker> Koffer.", "blauem"),
        ),
        good=(
            Example("Das Café mit eigenem, schattigem Garten ist beliebt."),
            Example("Wir trinken frisches, kaltes Wasser."),
            Example("Der Preis guten alten Weines steigt."),
            Example("Mit dem großen blauen Koffer kam sie an."),
            Example("Mit größer werdenden Sorgen blickt er nach vorn."),
            Example("Er kam mit großem Gepäck und neuen Schuhen."),
        ),
        origin="mtlint/checks/agreement.py",
    ),
    Rule(
        id="agreement-partitive",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="„einer/eines/einem der …“ im falschen Genus für das Nomen im Plural "
                "(„in einem der Städte“).",
        doc=agreement_partitive.__doc__ or "",
        check=agreement_partitive,
        bad=(
            Example("Wir übernachten in <marker>einem</marker> der kleinen Pensionen.",
                    "einer"),
            Example("Das ist <marker>eines</marker> der häufigsten Fragen.", "eine"),
            Example("<marker>Keiner</marker> der Geräte lief.", "Keines"),
        ),
        good=(
            Example("Wir übernachten in einer der kleinen Pensionen."),
            Example("Das ist eine der häufigsten Fragen."),
            Example("Keines der Geräte lief, keiner der Techniker kam."),
            Example("Er gab einem der Kinder ein Buch."),
            Example("Einer der Leute rief an."),
        ),
        origin="mtlint/checks/agreement.py",
    ),
    Rule(
        id="agreement-preposition-adjective",
        category=Category.GRAMMAR,
        severity=Severity.ERROR,
        summary="Nach einer Präposition zeigt die Adjektivendung ohne Artikel den falschen "
                "Kasus („mit große Freude“).",
        doc=agreement_preposition_adjective.__doc__ or "",
        check=agreement_preposition_adjective,
        bad=(
            Example("Wir sparen Zeit durch den Einsatz von <marker>moderne "
                    "Werkzeuge</marker>.", "modernen Werkzeugen"),
            Example("Sie nahm die Nachricht mit <marker>große Freude</marker> auf.",
                    "großer Freude"),
            Example("Das Spiel fiel wegen <marker>schlechtes Wetter</marker> aus.",
                    "schlechtem Wetter|schlechter Wetter|schlechten Wettern"),
            Example("Die Kunden fragen nach <marker>neuen Funktion</marker>.",
                    "neuer Funktion"),
            Example("Er kämpft für <marker>bessere Lohn</marker>.", "besseren Lohn"),
        ),
        good=(
            Example("Wir sparen Zeit durch den Einsatz von modernen Werkzeugen."),
            Example("Sie nahm die Nachricht mit großer Freude auf."),
            Example("Er kämpft für neue Ideen und für besseren Lohn."),
            Example("Meiner Meinung nach große Worte, aber nichts dahinter."),
            Example("Was für große Augen du hast!"),
            Example("Um neuen Kunden zu helfen, öffnen wir früher."),
            Example("Von Berlin aus fahren Züge nach Prag."),
            Example("Wir arbeiten mit neuen Software Tools."),
            Example("Er kam mit neuen Schuhen und mit großem Gepäck."),
        ),
        origin="mtlint/checks/agreement.py",
    ),
    Rule(
        id="agreement-subject-verb",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Das Verb passt im Numerus nicht zum Subjekt („Heute beginnen die "
                "Saison“, „Die Zahl der Nutzer steigen“, „…, wenn man mit Kunden arbeiten“).",
        doc=agreement_subject_verb.__doc__ or "",
        check=agreement_subject_verb,
        bad=(
            Example("In diesem Sommer <marker>beginnen</marker> die neue Saison."),
            Example("Dort <marker>warten</marker> ein erfahrener Trainer auf die Gäste."),
            Example("Das lohnt sich, wenn man mit vielen Kunden <marker>arbeiten</marker>."),
            Example("Die Zahl der Besucher, die mit dem Rad kommen, <marker>wachsen</marker> "
                    "jedes Jahr."),
            Example("Die Ergebnisse der neuen Umfrage <marker>zeigt</marker> deutlich, wie "
                    "zufrieden die Kunden sind."),
            Example("Jeder der Bewerber <marker>bekommen</marker> eine Antwort."),
        ),
        good=(
            Example("In diesem Sommer beginnt die neue Saison."),
            Example("Heute feiern die Stadt und ihre Bürger."),
            Example("Dort warten wir auf die Gäste."),
            Example("Am Abend besuchen die Kinder die Oma."),
            Example("Dazu gehören die Stadt Köln, das Land und der Bund."),
            Example("Wir beginnen die Arbeit am Montag."),
            Example("Nach dem Essen spielen die Kinder im Garten."),
            Example("Das lohnt sich, wenn man mit vielen Kunden arbeiten kann."),
            Example("Er glaubt, dass man nichts sehen, nichts finden könne."),
            Example("Die Zahl der Besucher, die mit dem Rad kommen, wächst jedes Jahr."),
            Example("Die Ergebnisse der neuen Umfrage zeigen deutlich, wie zufrieden die "
                    "Kunden sind."),
            Example("Das Lied des Sommers singen vor allem die Kinder."),
            Example("Die Freiheit der Rede verteidigen, ist unsere Pflicht."),
            Example("Eine Reihe von Studien zeigen das."),
        ),
        origin="mtlint/checks/agreement.py",
    ),
    Rule(
        id="agreement-list-object",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Listenpunkte im Nominativ nach einer Einleitung, die ein Objekt verlangt "
                "(„enthält: • Ein Großbuchstabe“).",
        doc=agreement_list_object.__doc__ or "",
        check=agreement_list_object,
        bad=(
            Example("Das Passwort muss enthalten:\n\n- <marker>Ein Kleinbuchstabe</marker>\n",
                    None),
            Example("Im Karton erhalten Sie:\n\n- <marker>Ein kurzer Netzstecker</marker>\n"
                    "- Eine Anleitung\n", "Einen kurzen Netzstecker"),
            Example("Für die Reise benötigen Sie:\n\n- <marker>Der Reisepass</marker>\n"
                    "- Eine Kreditkarte\n", "Den Reisepass"),
        ),
        good=(
            Example("Im Karton erhalten Sie:\n\n- Einen Adapter\n- Eine Anleitung\n"),
            Example("Dazu gehören:\n\n- Ein Adapter\n- Eine Anleitung\n"),
            Example("Vorteile:\n\n- Ein leiser Motor\n- Eine lange Laufzeit\n"),
            Example("Das Paket enthält:\n\n- Ein Adapter liegt bei\n"),
            Example("Das Paket enthält:\n\n- Ein USB-Kabel\n"),
            Example("Wir suchen:\n\n- Einen Kleinbuchstaben\n"),
        ),
        origin="mtlint/checks/agreement.py",
    ),
)

"""Words mtlint's speller does not know: misspellings, English words, old spelling.

The word data and the compound analysis are ``mtlint.language.speller``; this module decides,
in a document, which unknown words to report. Precision comes first, since a speller
that cries wolf gets switched off:

* **Names are not misspellings.** A word is left alone when it is shaped like a name
  (inner capitals, digits, all caps: OpenAI, GPT-4, iOS, KI), is in the user's word
  list or glossary, or the document uses it as a name: next to another name, in a
  title-case run of unknown words, after a title such as "Herr" or "CEO".  Such a
  word is a name throughout the document.  Repetition alone is no evidence: a
  misspelling written three times is reported three times.
* **A capitalised word needs a suggestion.** Most unknown capitalised words in
  careful German are names and terms; one a single edit away from a frequent word
  ("Rechnugn", "Kriterin") is a typo.
* **Hyphenated words are judged part by part**: "Sicherheits-Konfiguratoin".
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from mtlint.checks.furniture import label_untranslated
from mtlint.checks.untranslated import (
    ENGLISH as ENGLISH_FUNCTION_WORDS,
)
from mtlint.checks.untranslated import (
    RUN_FUNCTION,
    STRAY,
    Quotations,
    is_german_neighbour,
    is_gloss,
    is_untranslated_word,
    looks_english,
    phrase_untranslated,
    sentence_untranslated,
)
from mtlint.core.document import Block, Document, Span
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import speller
from mtlint.language.english import (
    has_lowercase_german_reading,
    is_english_word,
    is_lowercase_english_noun,
    is_unknown_english,
)
from mtlint.language.german import analyze_word, is_german_word, is_known_name, lookup_noun
from mtlint.language.german_data import lexicon_entry

HYPHEN = compile_pattern(r"[-‐]")
NAME_SHAPE = compile_pattern(r".\p{Lu}|\p{N}")  # a capital after the first letter, a digit
# Words after which a capitalised word is a name ("Herr Wagenknecht", "CEO Nadella").
NAME_TITLES = frozenset(str.split("""
    Herr Herrn Frau Dr Prof Professor Professorin CEO CTO CFO Chef Chefin Gründer Gründerin
    Sprecher Sprecherin Autor Autorin Minister Ministerin Präsident Präsidentin Kollege
    Kollegin Familie Firma Marke Stadt Dorf Gemeinde Landkreis Kanton Sankt St
"""))
# Letters German words do not have outside loanwords, which the word list knows: an
# unknown word with them, or starting with four consonants, is a technical name ("iconv",
# "fsck", "procfs", "strlen"), not a typo.
NOT_GERMAN_SHAPED = compile_pattern(
    r"(?i)c(?![hk])|q(?!u)|[xy]|^[^aeiouäöü]*$|^(?!sch)[bcdfghjklmnpqrstvwzß]{4}")
# A chat log's speaker at a line's start: "Kim> Hallo", "<Kim> Hallo".
SPEAKER = compile_pattern(r"<?(\p{Lu}\p{L}+)> ")
# A word the document also writes as code: "logind(8)", "journald.service".
CODE_NAME = compile_pattern(r"(?<![\p{L}\p{N}])(\p{L}{5,})(?=\.[a-z]|\(\d)")
# Letters German does not write (é, ó, ã, ł, ș ...): a word with one is a foreign name
# or a word of a foreign sentence ("Baldé", a Polish clause), never a German typo.
FOREIGN_LETTER = compile_pattern(r"[^\P{L}a-zA-ZäöüÄÖÜß]")
MIN_LENGTH = 5  # shorter unknown words are abbreviations, names and dialect more often than typos

# Pre-1996 spellings with ß after a short vowel (daß, muß) that are no nouns; nouns
# ("Schloß", "Anlaß") are recognised through the noun lexicon.
OLD_SPELLINGS = frozenset(str.split("""
    daß muß mußt mußte mußten mußtest müßt müßte müßten müßtest wußte wußten wußtest
    gewußt wüßte wüßten läßt laß faßt gefaßt paßt gepaßt paßte paßten küßt küßte
    geküßt mißt vermißt vermißte ißt vergißt bißchen gewiß naß häßlich blaß kraß
    eßt beschloß schloß goß genoß floß schoß verschloß erschoß genießt verläßt
    entläßt zuläßt erläßt hälst
""")) - {"genießt", "hälst"}
OLD_PREFIX = "miß"  # Mißbrauch, mißverstehen
SHARP_S_WORD = compile_pattern(r"(?<![\p{L}\p{N}-])\p{L}*ß\p{L}*(?![\p{L}\p{N}])")


# Values of settings and code that documentation keeps as the program shows them:
# "setzen Sie Aktiv auf True", "der Rückgabewert ist None".
CODE_LITERALS = frozenset(("true", "false", "none", "null", "nil", "undefined"))
# A number or an all-caps word after a capitalised word makes it a product's name:
# "Dynamics 365", "Office 2021", "Dynamics AX".
PRODUCT_NUMBER = compile_pattern(r" (?:\d|\p{Lu}{2,}(?![\p{Ll}]))")
# Capitalised English words this many in a row are a title or a term's expansion
# ("Local Area Network"); buttons and menu items are shorter.
MAX_CAPITALISED_RUN = 3
# An acronym in brackets: the capitalised English words beside it spell it out
# ("Portable Document Format (PDF)").
ACRONYM_NEAR = compile_pattern(r"\(\p{Lu}{2,}[\p{L}\d]*\)")


@dataclass(frozen=True)
class Token:
    span: Span
    parts: tuple[Span, ...]  # the hyphenated parts, or the word itself


# Before a word: it is part of a path, an address, a handle, a file name or code.
NOT_AFTER = frozenset("_@#/\\.:&=%$+-‐")


def _tokens(block: Block, quoted: bool = True) -> list[Token]:
    """The block's words of letters (from ``Block.words``, which other rules share)
    with their hyphenated parts; not words with digits or apostrophes ("GPT-4",
    "don't"), parts of paths, addresses and code ("example.com", "@user",
    "xterm(1)"); with ``quoted`` False, not words inside quotation marks either.
    Built once per block (three rules ask): do not modify the list."""
    key = (__name__, quoted)
    cached = block.memo.get(key)
    if cached is None:
        if quoted:
            cached = _block_tokens(block)
        else:  # the quoted list less the words between quotation marks
            inside = Quotations(block.text, block.start)
            cached = [token for token in _tokens(block) if token.span.start not in inside] if (
                inside) else _tokens(block)
        block.memo[key] = cached
    return cached


def _block_tokens(block: Block) -> list[Token]:
    text, base = block.text, block.start
    tokens = []
    for span in block.words():
        word = span.text
        if not word.replace("-", "").replace("‐", "").isalpha():
            continue
        start, end = span.start - base, span.end - base
        before = text[start - 1] if start else " "
        after, then = text[end:end + 1], text[end + 1:end + 2]
        if before in NOT_AFTER or after in ("_", "@", "/", "\\") or (
                after in ".:" and then.isalnum()) or (after == "(" and then.isdigit()):
            continue
        if "-" not in word and "‐" not in word:
            tokens.append(Token(span, (span,)))
            continue
        parts, offset = [], span.start
        for part in HYPHEN.split(word):
            parts.append(Span(offset, offset + len(part), part))
            offset += len(part) + 1
        tokens.append(Token(span, tuple(parts)))
    return tokens


def is_name_shaped(word: str) -> bool:
    """OpenAI, iOS, KI, GPT: inner capitals, digits or all caps."""
    return bool(NAME_SHAPE.search(word)) or (len(word) > 1 and word.isupper())


def user_words(context: RuleContext) -> frozenset[str]:
    """The user's word list and the glossary's terms, word by word."""
    words = set(context.words)
    for term in context.glossary:
        words.update(HYPHEN.split(term.replace(" ", "-")))
    return frozenset(words)


def _is_user_word(word: str, words: frozenset[str]) -> bool:
    return word in words or any(
        word.endswith(s) and word[: -len(s)] in words for s in ("s", "es", "n", "en"))


@functools.lru_cache(maxsize=1 << 14)
def _is_name_word(word: str) -> bool:
    """A capitalised word that marks its neighbours as parts of a name: name-shaped, a
    name of the lexicon ("Sam", "Google"), or unknown to the speller."""
    return word[:1].isupper() and (
        is_name_shaped(word) or is_known_name(word) or not speller.is_known(word)
    )


def _is_first_name(word: str) -> bool:
    """A capitalised word HanTa reads as a name or cannot analyse, and no common noun:
    before an unknown word it starts a name ("Scott", "Andrii"; not "Die", "Neue")."""
    if lookup_noun(word, compounds=False) is not None:
        return False
    analysis = analyze_word(word)
    return analysis.tag == "NE" or not analysis.known


def document_names(doc: Document, words: frozenset[str],
                   targets: frozenset[str]) -> frozenset[str]:
    """Which of the ``targets`` (capitalised words) the document uses as names: next
    to a name word in a title-case pair ("Satya Nadella"; "Die Rechnugn" is none),
    after a title ("Herr", "CEO") or after a first name ("Scott Bessent")."""
    names: set[str] = set()
    for block in doc.blocks:
        label = SPEAKER.match(block.text)
        if label and label.group(1) in targets:
            names.add(label.group(1))  # "Kim> ..." in a chat log: a speaker's name
        tokens = _tokens(block)
        for previous, current in pairwise(tokens):
            first, second = previous.span.text, current.span.text
            if first not in targets and second not in targets:
                continue
            if current.span.start - previous.span.end != 1:
                continue
            if not (first[:1].isupper() and second[:1].isupper()):
                continue
            if first in NAME_TITLES:
                names.add(second)  # "Herr Wagenknecht"
            elif not speller.is_known(second) and _is_first_name(first):
                names.update((first, second))  # "Scott Bessent", "Andrii Sybiha"
            elif _is_name_word(first) and _is_name_word(second):
                names.update((first, second))
            elif _is_name_word(first) and (is_name_shaped(first) or is_known_name(first)
                                           or _is_user_word(first, words)):
                names.add(second)
            elif _is_name_word(second) and (is_name_shaped(second) or is_known_name(second)
                                            or _is_user_word(second, words)):
                names.add(first)
    return frozenset(names & targets)


@dataclass(frozen=True)
class Unknown:
    """A word (or a hyphenated word's part) the speller does not know."""

    token: Span  # the whole word as written
    part: Span  # the unknown part (the word itself when it has no hyphen)
    suggestions: tuple[str, ...]


def _ends_in_english(word: str) -> bool:
    """Whether a word ends in an English word of four letters or more ("…works")."""
    tails = [word[split:] for split in range(speller.MIN_PART, len(word) - speller.MIN_PART)]
    return any(speller.is_english(tail) or (len(tail) > 4 and speller.leans_english(tail))
               for tail in tails)


def _is_fragment(doc: Document, span: Span) -> bool:
    """A piece of a word the text splits: by brackets ("Menschenf(ein)d",
    "(B)eenden", "Vergang(enheit)") or at a line's end ("Zusam- menkunft")."""
    text = doc.text
    after, then = text[span.end:span.end + 1], text[span.end + 1:span.end + 2]
    before = text[max(span.start - 2, 0):span.start]
    return (after == "(" and then.isalpha()) or (
        before[-1:] in "()" and before[:1].isalpha()) \
        or (text[max(span.start - 3, 0):span.start].endswith("- ")
            and text[max(span.start - 3, 0):max(span.start - 2, 0)].isalpha())


def _foreign_neighbour(block: Block, tokens: list[Token], index: int) -> bool:
    """Whether a lowercase word beside the token is a rare listed word that is no German
    ("rerum mortalium", "punctum saliens", "depits amoureux"): a Latin or French
    phrase, not a typo. An unlisted neighbour may be a typo itself and says nothing."""
    for neighbour in (index - 1, index + 1):
        if not 0 <= neighbour < len(tokens):
            continue
        left, right = sorted((neighbour, index))
        if tokens[right].span.start - tokens[left].span.end != 1:
            continue
        text = tokens[neighbour].span.text
        found = speller.frequency(text)
        if text[:1].islower() and found.german is not None and found.german > FOREIGN_LIMIT and (
                found.english is not None or LATIN_ENDING.search(text)) and (
                not is_german_word(text)):
            return True  # a listed word (wordfreq's list has Latin) that is no German
    return False


def _foreign_letters_near(tokens: list[Token], index: int) -> bool:
    """Whether the token or a word beside it has a letter German does not write: "Baldé"
    is a Portuguese name, a word beside "założeń" is Polish, not a German typo."""
    return any(FOREIGN_LETTER.search(tokens[i].span.text)
               for i in range(max(index - 1, 0), min(index + 2, len(tokens))))


# A listed word rarer than this that HanTa cannot read as German is a foreign one.
FOREIGN_LIMIT = 550
LATIN_ENDING = compile_pattern(r"(?:um|us|ae|is|orum|ibus)$")
# A part before a hyphen is a name or term more often than a typo ("Nimda-Virus",
# "mpack-Paket"): reported only as a typo of a word this frequent.
HYPHEN_HEAD_LIMIT = 500


def _candidates(doc: Document, words: frozenset[str]) -> Iterator[tuple[Span, Span]]:
    """(word, part) of the words and hyphenated parts the speller does not know, that
    are checked at all and look like German."""
    for block in doc.blocks:
        tokens = _tokens(block)
        for index, token in enumerate(tokens):
            for part in token.parts:
                text = part.text
                if len(text) < MIN_LENGTH or is_name_shaped(text) or speller.is_known(text):
                    continue
                if words and _is_user_word(text, words):
                    continue
                if speller.is_english(text) or is_unknown_english(text):
                    continue  # word-untranslated's
                if NOT_GERMAN_SHAPED.search(text) or speller.frequency(text).english:
                    continue  # a technical name or an English word, not a German typo
                if _ends_in_english(text):
                    continue  # a name made of English: "Betaworks", "Zenefits"
                if _is_fragment(doc, part) or _foreign_neighbour(block, tokens, index):
                    continue
                if _foreign_letters_near(tokens, index):
                    continue  # a foreign name ("Baldé") or a word of a foreign phrase
                if part is not token.parts[-1] and not any(
                        (speller.german_frequency(s) or 1000) <= HYPHEN_HEAD_LIMIT
                        for s in speller.suggestions(text)):
                    continue
                yield token.span, part


# Endings German derives from a place or a person's name: inhabitants and adjectives
# ("Egertener", "Kaiserstühlerin"), language adjectives ("Javanisch"), the genitive.
NAME_DERIVATIONS = ("erinnen", "erin", "ern", "ers", "er", "ischen", "ischer", "isches",
                    "ischem", "ische", "isch", "s")
# What a name may lose before such an ending: "Iphofen" -> "Iphof|er", "Java" -> "Jav|anisch".
NAME_ENDS_DROPPED = ("", "en", "e", "a")
MIN_NAME_STEM = 4
RARE_BASE = 750  # a listed word this rare may be a place's name too (see _derived_from_names)


def _derived_from_names(doc: Document, targets: frozenset[str]) -> frozenset[str]:
    """Which capitalised unknown words are a name of the document with a derivational
    ending: "Egertener" where the text names "Egerten", "Kniepsander" beside "Kniepsand".
    A name is a capitalised word the speller does not know, Wiktionary lists as a name
    or the word list has as a rare word only ("Egerten" is a place more often than the
    plural of "Egerte"); a typo ("Rechnugner") has no such base in the text."""
    if not targets:
        return frozenset()
    stems: dict[str, str] = {}
    for target in targets:
        for ending in NAME_DERIVATIONS:
            if target.endswith(ending) and len(target) - len(ending) >= MIN_NAME_STEM:
                stems.setdefault(target[: -len(ending)], target)
    derived = set()
    for block in doc.blocks:
        for token in _tokens(block):
            word = token.span.text
            if not word[:1].isupper() or word in targets:
                continue
            for dropped in NAME_ENDS_DROPPED:
                if dropped and not word.endswith(dropped):
                    continue
                stem = word[: len(word) - len(dropped)]
                if stem in stems and (_is_name_word(word) or (
                        speller.german_frequency(word) or RARE_BASE) >= RARE_BASE):
                    derived.add(stems[stem])
    return frozenset(derived)


def unknown_words(doc: Document, context: RuleContext) -> Iterator[Unknown]:
    """The words of the document the speller reports as misspelled, in text order."""
    words = user_words(context)
    candidates = list(_candidates(doc, words))
    if not candidates:
        return
    targets = frozenset(part.text for _, part in candidates if part.text[:1].isupper())
    names = document_names(doc, words, targets) if targets else frozenset()
    names |= _derived_from_names(doc, targets - names)
    code = frozenset(CODE_NAME.findall(doc.text))
    for token, part in candidates:
        text = part.text
        if (names and _is_user_word(text, names)) or text in code:
            continue
        if doc.is_ignored(token.start, token.end):
            continue
        suggestions = speller.suggestions(text)
        if not suggestions:
            continue  # without one, a name or a term is likelier than a typo
        if text[:1].isupper() and text.endswith("s") and suggestions[0] == text[:-1]:
            continue  # the genitive of a name: "Robinetts"
        yield Unknown(token, part, suggestions)


def spelling_unknown_word(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Wörter, die mtlints Rechtschreibprüfung nicht kennt und die wie Tippfehler aussehen:
    „Rechnugn“ (Rechnung), „Kriterin“ (Kriterien), „Konfiguratoin“ (Konfiguration),
    auch in Teilen eines Bindestrich-Worts („Sicherheits-Konfiguratoin“).

    ## Warum ist das ein Problem?
    Tippfehler und verstümmelte Wörter aus der Übersetzung fallen Lesern sofort auf und
    lassen den ganzen Text unsorgfältig wirken.

    ## Bekannte Grenzen
    Die Prüfung kennt die Wörter aus wordfreqs deutscher Wortliste (634.000 Wortformen),
    die Substantive des Lexikons und zerlegt Komposita in bekannte Teile (mit Fugen-s,
    -n, -es, -en und Verbstämmen). Ein Tippfehler, der selbst ein Wort oder ein
    mögliches Kompositum ergibt („fortkündigung“), bleibt unentdeckt. Formen seltener
    Wörter der Liste gelten als bekannt („partitionierte“, „Inodes“), ebenso Täternomen
    bekannter Verben („Signierer“) und deutsche Partizipien englischer Verben
    („geforkt“). Namen bleiben unbeanstandet: Wörter mit Binnenmajuskel, Ziffern oder
    nur Großbuchstaben, Wörter neben anderen Namen oder nach „Herr“, „Frau“, „CEO“,
    Ableitungen eines Namens, den der Text nennt („Egertener“ neben „Egerten“), und
    Wörter der Wortliste (`[tool.mtlint.spelling] words`) und des Glossars. Ein
    unbekanntes großgeschriebenes Wort wird nur gemeldet, wenn ein bekanntes Wort eine
    Änderung entfernt ist; endet es auf ein häufiges Nomen („Kniep|sand“), verschiebt
    keine Korrektur die Fuge davor („Knie|pfand“).
    `mtlint check --list-unknown` listet alle unbekannten Wörter, um die Wortliste zu
    füllen. Englische Wörter meldet `word-untranslated`, alte Schreibungen mit ß
    `spelling-old-spelling`.

    Schweregrad: Hinweis (info). Auf sorgfältigem Deutsch (Debian-Referenz, Fortunes)
    meldet die Regel etwa einen Fund je 100 Absätze, der kein Tippfehler ist (seltene,
    alte und mundartliche Wörter, Fachwörter); sie soll einen CI-Lauf mit der
    Voreinstellung `fail-on = "warning"` nicht scheitern lassen. Wer sie strenger will:
    `"spelling-unknown-word" = "warning"` unter `severity`.

    ## Fix-Sicherheit
    Unsicher: Die Vorschläge sind die häufigsten bekannten Wörter, die eine Änderung
    entfernt sind; ob einer davon gemeint ist, entscheidet ein Mensch.
    """
    for unknown in unknown_words(doc, context):
        part, token = unknown.part, unknown.token
        fixed = tuple(token.text[: part.start - token.start] + s
                      + token.text[part.end - token.start:] for s in unknown.suggestions)
        where = "" if part == token else f" (im Wort „{token.text}“)"
        message = f"Unbekanntes Wort „{part.text}“{where}"
        message += f"; gemeint ist wohl „{fixed[0]}“."
        yield Hit(token.start, token.end - token.start, message, fixed, fixed[0], Safety.UNSAFE)


def list_unknown(doc: Document, context: RuleContext) -> Counter[str]:
    """Every word the speller does not know, names included, with its count: what
    `mtlint check --list-unknown` prints to build a word list."""
    words = user_words(context)
    counts: Counter[str] = Counter()
    for block in doc.blocks:
        for token in _tokens(block):
            for part in token.parts:
                text = part.text
                if (len(text) >= MIN_LENGTH and not is_name_shaped(text)
                        and not _is_user_word(text, words) and not speller.is_known(text)
                        and not doc.is_ignored(part.start, part.end)):
                    counts[text] += 1
    return counts


# Words after which a lowercase word is named, not used: "der Befehl make", "das Wort
# grief", "zum Beispiel root", "der Benutzer penguin".
NAMING_CUES = frozenset(str.split("""
    Befehl Befehls Befehle Kommando Programm Programms Paket Pakets Werkzeug Option Optionen
    Schalter Modus Benutzer Benutzername Konto Datei Verzeichnis Variable Funktion Dienst
    Wort Wörter Begriff Ausdruck Beispiel Name Namen hier
"""))
# A lowercase word the document writes as code or joins to a German word by a hyphen
# ("make(1)", "/var/lib/aptitude", "testing-System", "files- und dns-Methoden") is a
# term the text has adopted, not a slip of the translation; so is one it uses this often.
TERM_SHAPE = compile_pattern(
    r"(?<![\p{L}\p{N}])\p{Ll}+(?=-|\(\d)|(?<=[/-])\p{Ll}+(?![\p{L}\p{N}])")
MAX_SLIPS = 2
# "z. B. penguin": a word given as an example is named, not used.
EXAMPLE_BEFORE = compile_pattern(r"z\.\s?B\.\s$")


class _Terms:
    """The document's lowercase words written as terms: in TERM_SHAPE or used more
    than MAX_SLIPS times. Found at the first question: most documents have no lowercase
    English noun to ask about."""

    __slots__ = ("_words", "text")

    def __init__(self, text: str):
        self.text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(TERM_SHAPE.findall(self.text))
        if not isinstance(word, str):
            return False
        if word in self._words:
            return True
        uses = re.finditer(r"(?<![^\W\d_])" + re.escape(word) + r"(?![^\W_])", self.text)
        return sum(1 for _ in itertools.islice(uses, MAX_SLIPS + 1)) > MAX_SLIPS


def _is_foreign(word: str) -> bool:
    """A lowercase word of neither German nor English: "de", "situs", "finitorum"."""
    return (word.isalpha() and word.islower() and word not in ENGLISH_FUNCTION_WORDS
            and not has_lowercase_german_reading(word) and not is_english_word(word))


def _is_english_noun_used(tokens: list[Token], index: int, terms: _Terms) -> bool:
    """Whether a lowercase English noun stands in a German sentence as a word of it
    ("in cryptocurrency investiert", "die markets und"): a German word beside it, no
    word of a third language (a Latin or French phrase), not named after "Befehl",
    "Wort" or "Beispiel", not part of an open compound with a capitalised word ("Web
    extensions", "root Passwort": a term, written open), and not a term the document
    writes as code or in a compound."""
    text = tokens[index].span.text
    if len(tokens[index].parts) != 1 or not is_lowercase_english_noun(text) or text in terms:
        return False
    start = tokens[index].span.start
    if index and (tokens[index - 1].span.text in NAMING_CUES
                  or EXAMPLE_BEFORE.search(terms.text, max(start - 8, 0), start)):
        return False
    before = tokens[index - 1] if index and start - tokens[index - 1].span.end == 1 else None
    after = tokens[index + 1] if index + 1 < len(tokens) and (
        tokens[index + 1].span.start - tokens[index].span.end == 1) else None
    if after is not None and after.span.text[:1].isupper():
        return False
    if before is not None and before.span.text[:1].isupper() and not _starts_sentence(
            terms.text, before.span.start):
        return False
    neighbours = [t.span.text for t in (before, after) if t is not None]
    if any(_is_foreign(n) for n in neighbours):
        return False
    return any(is_german_neighbour(n) for n in neighbours)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of its sentence, line or list item."""
    before = text[max(start - 4, 0):start].rstrip(" \t•*-–")
    return not before or before[-1] in ".!?:\n"


def _english_runs(tokens: list[Token], terms: _Terms) -> Iterator[tuple[int, int]]:
    """(first, last) token indexes of runs of English words joined by single spaces,
    with English function words inside or at their ends ("this helpful")."""
    @functools.cache  # the run's ends are asked again while it is trimmed
    def english(index: int) -> bool:
        text = tokens[index].span.text  # function words alone: phrase-untranslated's
        previous = tokens[index - 1].span.text if index else ""
        return (len(tokens[index].parts) == 1 and text.lower() not in ENGLISH_FUNCTION_WORDS
                and is_untranslated_word(text, previous)) or _is_english_noun_used(
            tokens, index, terms)

    def function(index: int) -> bool:
        text = tokens[index].span.text
        return text.lower() in RUN_FUNCTION or (
            len(tokens[index].parts) == 1 and speller.leans_english(text))

    def leaning(index: int) -> bool:
        text = tokens[index].span.text
        return text.lower() in STRAY or (
            len(tokens[index].parts) == 1 and speller.leans_english(text))

    def joined(left: int, right: int) -> bool:
        return tokens[right].span.start - tokens[left].span.end == 1

    index = 0
    while index < len(tokens):
        if not english(index):
            index += 1
            continue
        first = last = index
        while last + 1 < len(tokens) and joined(last, last + 1) and (
                english(last + 1) or function(last + 1)):
            last += 1
        while last > first and not english(last) and not leaning(last):
            last -= 1
        while first > 0 and joined(first - 1, first) and leaning(first - 1):
            first -= 1
        yield first, last
        index = last + 1


def _in_name(tokens: list[Token], first: int, last: int, names: frozenset[str]) -> bool:
    """Whether a capitalised English run is part of a name: "Microsoft Teams",
    "Google Search", "Windows Update" with a name word beside it."""
    for neighbour in (first - 1, last + 1):
        if not 0 <= neighbour < len(tokens):
            continue
        text = tokens[neighbour].span.text
        close = (tokens[first].span.start - tokens[neighbour].span.end == 1 if neighbour < first
                 else tokens[neighbour].span.start - tokens[last].span.end == 1)
        if close and text[:1].isupper() and (
                is_name_shaped(text) or is_known_name(text) or text in names
                or not speller.is_known(text)):
            return True
    return any(tokens[i].span.text in names for i in range(first, last + 1))


def word_untranslated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einzelne englische Wörter in deutschen Sätzen: „Wählen Sie die Option Leave“,
    „Klicken Sie auf Continue Reading“, „War dieser Artikel helpful?“.

    ## Warum ist das ein Problem?
    Die Übersetzung hat Menüpunkte, Schaltflächen und einzelne Wörter übersprungen; Leser
    ohne Englischkenntnisse verstehen den Satz nicht, und der Text wirkt unfertig.

    ## Bekannte Grenzen
    Englisch ist ein Wort, das im Englischen häufig und im Deutschen mindestens 30-mal
    seltener ist (nach wordfreq), oder ein klein geschriebenes Wort, das das Deutsche
    nicht kennt und das wie ein englisches gebaut ist: Stamm und Endung kennt HanTas
    englisches Modell („inflect“, „overrides“), oder es endet englisch („telicity“).
    Englische Stämme mit deutscher Endung („gebroadcastet“) sind Denglisch, kein
    Englisch. Nach „auf“, „unter“, „Option“, „Schaltfläche“, „Menü“ und ähnlichen Wörtern
    genügt ein großgeschriebenes Wort, das im Englischen häufiger ist („Tippen Sie auf
    Settings“): dort steht eine Beschriftung, kein Name. Der englische Fachbegriff in
    Klammern nach dem deutschen („benannte Pipe (named pipe)“) bleibt unbeanstandet.

    Klein geschriebene englische Substantive („in cryptocurrency investiert“, „die
    markets“) meldet die Regel, weil das Deutsche Substantive groß schreibt: ein häufiges
    englisches Substantiv, das im Englischen mindestens zehnmal häufiger ist und klein
    geschrieben kein deutsches Wort ergibt („native“ von „nativ“ ist deutsch), neben
    einem deutschen Wort. Unbeanstandet bleiben Wörter, die genannt statt gebraucht
    werden (nach „Befehl“, „Paket“, „Wort“, „z. B.“), Wörter lateinischer oder
    französischer Wendungen, Befehle und Begriffe, die der Text als Code („make(1)“)
    oder in Zusammensetzungen schreibt („testing-Zweig“), und Wörter, die er mehr als
    zweimal klein gebraucht: Das ist ein bewusst übernommener Begriff.

    Englische Namen von Fächern auf „-ics“, für die das Deutsche „-ik“ schreibt
    („Linguistics“, „Economics“), werden gemeldet, wenn das Lexikon sie nicht als
    deutsches Wort kennt („Comics“, „Basics“) und sie nicht Teil eines Namens sind
    („Microsoft Dynamics“, „Dynamics 365“).
    Anglizismen, die das Deutsche verwendet („Software“, „Team“, „Meeting“, „Download“),
    sind deutsche Wörter und bleiben unbeanstandet, ebenso Namen („Microsoft Teams“),
    Werte von Einstellungen und Code („auf True setzen“, „None“), Zitate in
    Anführungszeichen und Wörter der Wortliste. Ganze englische Sätze und
    Satzteile melden `sentence-untranslated` und `phrase-untranslated`, englische
    Überschriften `label-untranslated`. Übersetzen kann nur ein Mensch: kein automatischer Fix.
    """
    words = user_words(context)
    terms = _Terms(doc.text)
    runs = []  # (block, tokens, first, last, sentence) of the English runs
    for block in doc.blocks:
        tokens = _tokens(block, quoted=False)
        for first, last in _english_runs(tokens, terms):
            texts = [tokens[i].span.text for i in range(first, last + 1)]
            if any(_is_user_word(t, words) or is_name_shaped(t) for t in texts):
                continue
            if len(texts) == 1 and texts[0].casefold() in CODE_LITERALS and not (
                    last + 1 < len(tokens) and tokens[last + 1].span.text[:1].isupper()):
                continue  # a setting's value: "auf True setzen"; not "True Wireless"
            start = tokens[first].span.start
            sentence = next((s for s in block.sentences if s.start <= start < s.end), None)
            if sentence is not None and looks_english(sentence.text):
                continue  # sentence-untranslated's
            if texts[0][:1].isupper() and (
                    sum(t[:1].isupper() for t in texts) >= MAX_CAPITALISED_RUN
                    or (sentence is not None and ACRONYM_NEAR.search(sentence.text))):
                continue  # a title, an acronym's expansion
            runs.append((tokens, first, last))
    if not runs:
        return
    # The words of capitalised runs and beside them, for the names of the document.
    targets = frozenset(tokens[i].span.text for tokens, first, last in runs
                        if tokens[first].span.text[:1].isupper()
                        for i in range(max(first - 1, 0), min(last + 2, len(tokens))))
    names = document_names(doc, words, targets) if targets else frozenset()
    reported = [(h.offset, h.offset + h.length) for check in (
        sentence_untranslated, phrase_untranslated, label_untranslated)
        for h in check(doc, context)]
    for tokens, first, last in runs:
        start, end = tokens[first].span.start, tokens[last].span.end
        if tokens[first].span.text[:1].isupper() and (
                _in_name(tokens, first, last, names) or PRODUCT_NUMBER.match(doc.text, end)):
            continue  # "Microsoft Teams", "Dynamics 365"
        if doc.is_ignored(start, end) or any(s < end and start < e for s, e in reported):
            continue
        if is_gloss(doc.text, start, end):
            continue  # "benannte Pipes (named pipes)": the English original, given on purpose
        shown = doc.text[start:end]
        yield Hit(start, end - start, f"Englisches „{shown}“ im deutschen Satz; übersetzen.")


def _old_spelling(word: str) -> str | None:
    """The reformed spelling of a pre-1996 word with ß after a short vowel, or None."""
    if "ß" not in word:
        return None
    lower = word.lower()
    if word[:1].isupper() and lexicon_entry(word) is not None:
        return None  # a noun spelled so today: "Floß", "Schoß" (long vowels)
    if lower in OLD_SPELLINGS or (lower.startswith(OLD_PREFIX) and len(lower) > 5):
        first = word.index("ß")
        if lower.startswith(OLD_PREFIX):
            return word[:first] + "ss" + word[first + 1:]
        return word.replace("ß", "ss")
    if not word[:1].isupper() or is_known_name(word):
        return None
    # A noun: the lexicon lists the ss spelling and not the ß one ("Schloß", "Anlaß").
    index = word.rfind("ß")
    if index + 1 < len(word) and word[index + 1] in "aeiouäöüy":
        # ß between vowels is the same in both spellings ("Straße"), unless a word
        # starts there ("Fluß|ufer")
        return _old_spelling_in_compound(word)
    reformed = word[:index] + "ss" + word[index + 1:]
    if lexicon_entry(reformed) is not None:
        return reformed
    return _old_spelling_in_compound(word)


MIN_OLD_NOUN = 4  # "Ass" of "Spaß" is no part of it


def _old_spelling_in_compound(word: str) -> str | None:
    """A compound with a pre-1996 noun inside it: "Schloßgarten", "Anlaßbeständigkeit",
    "Flußufer". The noun ends at a ß before a word of three letters or more; the
    lexicon lists it with "ss" and not with "ß" (the ß of "Fußball", "Großstadt",
    "Grußwort" stays: "Fuss", "Gross" are no nouns, "Ruß" is one); the rest of the
    word is a word, and so is what comes before the noun; no name spans the ß
    ("Straßburger")."""
    for index, letter in enumerate(word):
        rest = word[index + 1:]
        if letter != "ß" or len(rest) < speller.MIN_PART:
            continue
        if not speller.is_known(rest[0].upper() + rest[1:]) or any(
                is_known_name(word[:end]) for end in range(index + 2, len(word) + 1)):
            continue  # "Straßburger": a name with ß, not the old "Strass"
        for start in range(0, index - MIN_OLD_NOUN + 2):
            head = word[:start]
            noun = word[start].upper() + word[start + 1:index]
            if head and not (len(head) >= speller.MIN_PART and speller.is_known(head)):
                continue
            if lexicon_entry(noun + "ß") is None and lexicon_entry(noun + "ss") is not None:
                return word[:index] + "ss" + rest
    return None


def spelling_old_spelling(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Schreibungen von vor der Rechtschreibreform 1996 mit „ß“ nach kurzem Vokal: „daß“,
    „muß“, „wußte“, „läßt“, „bißchen“, „Mißbrauch“, „Anlaß“, „Schloß“, „Prozeß“.

    ## Warum ist das ein Problem?
    Seit der Reform steht nach kurzem Vokal „ss“: „dass“, „muss“, „Anlass“. Die alte
    Schreibung wirkt veraltet; in maschinell übersetzten Texten stammt sie meist aus
    alten Trainingsdaten.

    ## Bekannte Grenzen
    Erkannt werden häufige Wörter einer festen Liste und Substantive, deren neue
    Schreibung das Lexikon kennt, ihre alte aber nicht. Nach langem Vokal bleibt „ß“
    richtig („Fuß“, „groß“, „Straße“) und wird nicht gemeldet.

    ## Fix-Sicherheit
    Sicher: Jede gemeldete Schreibung hat genau eine neue Form.
    """
    if "ß" not in doc.text:
        return
    for match in SHARP_S_WORD.finditer(doc.text):
        word = match.group()
        reformed = _old_spelling(word)
        if reformed is None:
            continue
        yield Hit(match.start(), len(word),
                  f"„{word}“ ist alte Rechtschreibung; seit 1996: „{reformed}“.",
                  (reformed,), reformed, Safety.SAFE)


RULES = (
    Rule(
        id="spelling-unknown-word", category=Category.SPELLING, severity=Severity.INFO,
        summary="Unbekannte Wörter, die wie Tippfehler aussehen: „Rechnugn“, „Kriterin“.",
        doc=spelling_unknown_word.__doc__ or "", check=spelling_unknown_word,
        bad=(
            Example("Die <marker>Rechnugn</marker> kommt per Post.", "Rechnung"),
            Example("Alle <marker>Kriterin</marker> sind erfüllt.", "Kriterien"),
            Example("Die <marker>Sicherheits-Konfiguratoin</marker> fehlt noch.",
                    "Sicherheits-Konfiguration"),
            Example("Die <marker>Partnerschaftsbedinungen</marker> gelten ab Mai.",
                    "Partnerschaftsbedingungen"),
        ),
        good=(
            Example("Die Partnerschaftsbedingungen gelten ab Mai, die Rechnung kommt per Post."),
            Example("Das wettbewerbsfähigere Angebot kam von einem gemeinschaftsgetriebenen "
                    "Projekt."),
            Example("Satya Nadella und Herr Wagenknecht trafen sich bei OpenAI in Kalifornien."),
            Example("Das Team nutzt die Software für jedes Meeting und jeden Download."),
            Example("Der Kompilierer legt die partitionierten Tabellen und ihre Inodes an."),
            Example("Im Weiler Egerten wächst Wein, und die Egertener Winzer keltern ihn."),
        ),
        origin="mtlint/checks/unknown_words.py",
    ),
    Rule(
        id="word-untranslated", category=Category.UNTRANSLATED, severity=Severity.ERROR,
        summary="Einzelne englische Wörter im deutschen Satz: „die Option Leave“.",
        doc=word_untranslated.__doc__ or "", check=word_untranslated,
        bad=(
            Example("Wählen Sie im Menü die Option <marker>Leave</marker> aus."),
            Example("Klicken Sie auf <marker>Continue Reading</marker>, um weiterzulesen."),
            Example("War dieser Artikel <marker>helpful</marker>?"),
            Example("Die Endung zeigt beim Verb auch die <marker>evidentiality</marker> an."),
            Example("Viele Sparer haben ihr Geld in <marker>cryptocurrency</marker> angelegt."),
            Example("Sie unterrichtet <marker>Linguistics</marker> an einer Hochschule."),
        ),
        good=(
            Example("Das Team nutzt die Software für jedes Meeting."),
            Example("Sie arbeitet mit Microsoft Teams und liest „Leave the World Behind“."),
            Example("Wählen Sie im Menü die Option Verlassen aus."),
            Example("Eine benannte Pipe (named pipe) reicht Daten von Prozess zu Prozess."),
            Example("Setzen Sie den Schalter Aktiv auf True, sonst bleibt der Wert None."),
            Example("Mit dem Befehl chart zeichnet das Programm eine native Grafik."),
        ),
        origin="mtlint/checks/unknown_words.py",
    ),
    Rule(
        id="spelling-old-spelling", category=Category.SPELLING, severity=Severity.WARNING,
        summary="Alte Rechtschreibung mit ß nach kurzem Vokal: „daß“, „muß“, „Anlaß“.",
        doc=spelling_old_spelling.__doc__ or "", check=spelling_old_spelling,
        bad=(
            Example("Er sagt, <marker>daß</marker> es regnet.", "dass"),
            Example("Sie <marker>muß</marker> heute arbeiten.", "muss"),
            Example("Es gab keinen <marker>Anlaß</marker> zur Sorge.", "Anlass"),
            Example("Der <marker>Mißbrauch</marker> wird bestraft.", "Missbrauch"),
            Example("Im <marker>Schloßpark</marker> blühen die Rosen.", "Schlosspark"),
            Example("Der <marker>Flußlauf</marker> wurde begradigt.", "Flusslauf"),
        ),
        good=(
            Example("Er sagt, dass es regnet, und sie muss heute arbeiten."),
            Example("Der Fuß tut weh, die Straße ist groß, und er weiß es."),
            Example("Nach dem Fußballspiel gab es in der Großstadt ein Grußwort und Maßkrüge."),
        ),
        origin="mtlint/checks/unknown_words.py", fixable=True,
    ),
)

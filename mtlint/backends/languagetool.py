"""The LanguageTool backend: grammar, agreement and spelling from a LanguageTool HTTP server
(a URL from --languagetool, MTLINT_LANGUAGETOOL_URL or `[languagetool] url`) or from a local
LanguageTool that language-tool-python has already installed, merged into mtlint's findings.

How a document is sent: its blocks (headings, paragraphs, list items, captions) joined by a
blank line, in one request (split on block boundaries above MAX_REQUEST_CHARS), so that
LanguageTool never reads a heading and the next paragraph as one sentence. Markdown markup is
left out and inline code replaced by a placeholder. Each request remembers where its pieces
came from, so LanguageTool's offsets (UTF-16 code units) map back exactly to code points of
the file. Answers are cached by content for the run; documents are checked concurrently
(at most MAX_WORKERS requests at a time).

Matches become findings with ids `lt:RULE_ID` and source "languagetool"; after that the
configuration applies to them as to built-in findings (select/ignore, per-file-ignores,
Markdown suppressions, severity overrides), and a match that repeats a built-in finding at
the same place is dropped (the built-in rule is more specific).

mtlint never downloads LanguageTool. language-tool-python's `LanguageTool()` downloads its
default version whenever that exact version is not installed (even if another one is), so
mtlint does not construct it: it only uses the package's lookup of installed versions and
starts the server itself.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from mtlint.backends.status import LanguageToolStatus
from mtlint.core.document import LIST_MARKER, Block, BlockKind, Document, words_in
from mtlint.core.finding import Category, Finding, Hit, Rule, Safety, Severity
from mtlint.language import speller
from mtlint.language.german import is_known_name
from mtlint.language.wordclasses import ARTICLES, DETERMINERS, PREPOSITION_ARTICLES
from mtlint.lint.engine import deduplicate, is_selected, make_finding

if TYPE_CHECKING:
    from concurrent.futures import Future

    from mtlint.lint.config import Config, LanguageToolConfig
    from mtlint.lint.engine import Linter
    from mtlint.running.result import FileResult

ENV_URL = "MTLINT_LANGUAGETOOL_URL"
SOURCE = "languagetool"
RULE_PREFIX = "lt:"

# LanguageTool's public API takes at most 20,000 characters per request; a local server
# takes more, but long requests also hold a worker long. Documents are split on block
# boundaries above this size.
MAX_REQUEST_CHARS = 20_000
MAX_WORKERS = 4  # concurrent requests to one server
MAX_SUGGESTIONS = 5
PROBE_TIMEOUT = 5.0  # seconds for GET /v2/languages before the first check
RETRY_DELAY = 0.1  # seconds before the one retry of a refused connection or a 5xx answer
LOCAL_STARTUP_TIMEOUT = 30.0  # seconds a local server may take to start
# All LanguageTool requests of one run end by then (the per-request `timeout` bounds each
# one, headers and a slowly trickling body included); later files are reported unchecked.
RUN_TIMEOUT = 300.0
MAX_ANSWER_BYTES = 20_000_000  # a larger answer is refused, not read into memory
WATCH_INTERVAL = 0.2  # seconds between checks of a request's deadline and of Ctrl-C
LOCAL_WARMUP_TIMEOUT = 60.0  # seconds for its first check (the JVM loads the rules then)
WARMUP_FORM = {"language": "de-DE", "text": "Das ist ein kurzer Satz."}
BLOCK_SEPARATOR = "\n\n"
MARKDOWN_IMAGE = regex.compile(r"!\[(?P<caption>[^\]\n]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
CODE_PLACEHOLDER = "Code"  # what LanguageTool reads instead of inline code in Markdown

# LanguageTool category id -> mtlint category.
CATEGORIES: dict[str, Category] = {
    "TYPOS": Category.SPELLING,
    "COMPOUNDING": Category.SPELLING,
    "OLD_SPELLING": Category.SPELLING,
    "PROPER_NOUNS": Category.SPELLING,
    "GRAMMAR": Category.GRAMMAR,
    "CONFUSED_WORDS": Category.GRAMMAR,
    "SEMANTICS": Category.GRAMMAR,
    # "Sonstiges": doubled words ("die die") and the like, real errors more often than style.
    "MISC": Category.GRAMMAR,
    "CASING": Category.CASING,
    "PUNCTUATION": Category.PUNCTUATION,
    "HILFESTELLUNG_KOMMASETZUNG": Category.PUNCTUATION,
    "TYPOGRAPHY": Category.TYPOGRAPHY,
    "STYLE": Category.STYLE,
    "REDUNDANCY": Category.STYLE,
    "COLLOQUIALISMS": Category.STYLE,
    "IDIOMS": Category.STYLE,
    "EMPFOHLENE_RECHTSCHREIBUNG": Category.STYLE,  # Duden's preferred variant: a preference
    "REGIONALISMS": Category.STYLE,
    "GENDER_NEUTRALITY": Category.STYLE,
    "FALSE_FRIENDS": Category.STYLE,
    "WIKIPEDIA": Category.STYLE,
    "PLAIN_ENGLISH": Category.STYLE,
}
# For categories not listed: LanguageTool's issue type.
ISSUE_TYPES: dict[str, Category] = {
    "misspelling": Category.SPELLING,
    "typographical": Category.TYPOGRAPHY,
    "whitespace": Category.TYPOGRAPHY,
    "style": Category.STYLE,
    "register": Category.STYLE,
    "locale-violation": Category.STYLE,
}
# LanguageTool is general-purpose, not aimed at MT artifacts: nothing it finds is an error by
# default (configure `severity."lt:DE_AGREEMENT" = "error"` to change that); typography and
# style are advice.
SEVERITIES: dict[Category, Severity] = {
    Category.SPELLING: Severity.WARNING,
    Category.GRAMMAR: Severity.WARNING,
    Category.CASING: Severity.WARNING,
    Category.PUNCTUATION: Severity.WARNING,
    Category.TYPOGRAPHY: Severity.INFO,
    Category.STYLE: Severity.INFO,
}
# Rules whose single replacement only changes whitespace: safe for --fix, when the
# replacement is indeed that (see whitespace_fix).
SAFE_FIX_RULES = frozenset({"WHITESPACE_RULE", "COMMA_PARENTHESIS_WHITESPACE"})
MAX_SAFE_FIX_CHARS = 20
# Off unless `[languagetool] enabled-rules` names them (README "LanguageTool" says why).
DEFAULT_DISABLED_RULES: dict[str, str] = {
    "TYPOGRAFISCHE_ANFUEHRUNGSZEICHEN": "mtlint's quote-* rules check quotes, with safe fixes",
    "DE_UNPAIRED_QUOTES": "mtlint's quote-* rules check quotes, with safe fixes",
    "PUNCTUATION_PARAGRAPH_END": "headings, list items and captions end without a full stop",
    "BISSTRICH": "typographic dashes in ranges; web articles use hyphens by convention",
    "AUSLASSUNGSPUNKTE": "'...' against '…'; a typesetting choice, not an error",
    "FALSCHE_VERWENDUNG_DES_BINDESTRICHS": "hyphen used as a dash; a typesetting choice",
    "ABKUERZUNG_LEERZEICHEN": "a narrow or non-breaking space in 'z. B.'; a typesetting "
                              "choice (mtlint's abbreviation rule finds 'z.B.')",
    "GERMAN_WORD_REPEAT_BEGINNING_RULE": "consecutive sentences opening with the same word "
                                         "('Die ...'): ordinary in news prose",
}
OWN_SPELLER_RULE = "spelling-unknown-word"
SPELLER_RULE = regex.compile(r"SPELLER|MORFOLOGIK|HUNSPELL")
QUOTE_CHARS = frozenset("„“”\"»«‚‘’'›‹")
SUGGESTION_MARKUP = regex.compile(r"<suggestion>(.*?)</suggestion>")

# A line break inside a block, with the indentation around it (the document model has
# blanked Markdown quote markers: see mtlint.core.document.Block).
LINE_BREAK_RUN = regex.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


class LanguageToolError(Exception):
    """A failed request. `fatal`: the server is unusable, further requests are skipped."""

    def __init__(self, message: str, *, fatal: bool = True):
        super().__init__(message)
        self.fatal = fatal


# --- what is sent, and how its offsets map back ----------------------------------------

@dataclass(frozen=True)
class Run:
    """A stretch of the request text and the document text it stands for; `same` if equal."""

    request_start: int
    request_end: int
    doc_start: int
    doc_end: int
    same: bool


@dataclass
class RequestText:
    text: str
    runs: list[Run]
    _starts: list[int] = field(default_factory=list, repr=False)
    _utf16: list[int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._starts = [run.request_start for run in self.runs]
        if any(ord(ch) > 0xFFFF for ch in self.text):
            # LanguageTool (Java) counts UTF-16 code units: a character outside the Basic
            # Multilingual Plane (an emoji) counts twice.
            table: list[int] = []
            for index, ch in enumerate(self.text):
                table.append(index)
                if ord(ch) > 0xFFFF:
                    table.append(index)
            table.append(len(self.text))
            self._utf16 = table

    @property
    def utf16_length(self) -> int:
        """The length of `text` in UTF-16 code units, as LanguageTool counts."""
        return len(self.text) if self._utf16 is None else len(self._utf16) - 1

    def code_points(self, utf16_offset: int) -> int:
        """The code-point offset into `text` of a UTF-16 offset."""
        if self._utf16 is None:
            return utf16_offset
        return self._utf16[min(max(utf16_offset, 0), len(self._utf16) - 1)]

    def doc_span(self, utf16_offset: int, utf16_length: int) -> tuple[int, int]:
        """The document span (start, end) of a match given in UTF-16 units of `text`."""
        start = self.code_points(utf16_offset)
        end = self.code_points(utf16_offset + utf16_length)
        return self._to_doc(start, at_end=False), self._to_doc(max(end, start), at_end=True)

    def request_span(self, utf16_offset: int, utf16_length: int) -> tuple[int, int]:
        """The code-point span (start, end) in `text` of a match given in UTF-16 units."""
        start = self.code_points(utf16_offset)
        return start, max(self.code_points(utf16_offset + utf16_length), start)

    def crosses_markup(self, start: int, end: int) -> bool:
        """Whether text left out of the request (Markdown markup) lies inside the request
        span [start, end): an edit of the document span would change that markup too."""
        index = bisect.bisect_right(self._starts, start)
        while index < len(self.runs) and self.runs[index].request_start < end:
            run = self.runs[index]
            if not run.same and run.doc_end > run.doc_start:
                return True
            index += 1
        return False

    def _to_doc(self, offset: int, *, at_end: bool) -> int:
        index = bisect.bisect_right(self._starts, offset - 1 if at_end else offset) - 1
        run = self.runs[max(index, 0)]
        if run.same:
            return run.doc_start + min(max(offset - run.request_start, 0),
                                       run.doc_end - run.doc_start)
        return run.doc_end if at_end and offset > run.request_start else run.doc_start


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.length = 0

    def add(self, text: str, doc_start: int, doc_end: int, same: bool) -> None:
        if not text and same:
            return
        self.runs.append(Run(self.length, self.length + len(text), doc_start, doc_end, same))
        self.parts.append(text)
        self.length += len(text)

    def build(self) -> RequestText:
        return RequestText("".join(self.parts), self.runs)


def block_span(doc: Document, block: Block) -> tuple[int, int]:
    """What of a block is sent: in plain text a list item keeps its marker ("1. Wie ..."),
    which is part of the text a reader sees; in Markdown the marker is markup."""
    start = block.start
    if block.kind is BlockKind.LIST_ITEM and not doc.markdown:
        line_start, _ = doc.line_span(doc.position(block.start)[0])
        marker = LIST_MARKER.match(doc.text[line_start:block.start])
        if marker and line_start + marker.end() == block.start:
            start = line_start
            while doc.text[start] in " \t":
                start += 1
    return start, block.end


def _add_block(builder: _Builder, text: str, base: int, markdown: bool) -> None:
    """A block's text (at offset `base`); line breaks become spaces, Markdown markup is
    left out."""
    cuts: list[tuple[int, int, str]] = [
        (m.start(), m.end(), " ") for m in LINE_BREAK_RUN.finditer(text)
    ]
    if markdown:
        from mtlint.core.markdown import INLINE_MARKUP

        cuts.extend((m.start(), m.end(), CODE_PLACEHOLDER if m.group("code") else "")
                    for m in INLINE_MARKUP.finditer(text))
        # An image is no word of its sentence; its caption is sent as a block of its own.
        cuts.extend((m.start(), m.end(), "") for m in MARKDOWN_IMAGE.finditer(text))
    position = 0
    for cut_start, cut_end, replacement in sorted(cuts, key=lambda cut: (cut[0], -cut[1])):
        if cut_start < position:
            continue  # inside an earlier cut (a line break inside inline code)
        if (not replacement and cut_start > 0 and cut_end < len(text)
                and text[cut_start - 1] == " " and text[cut_end] == " "):
            cut_end += 1  # "ein Link <https://…> und": one space stays, not two
        builder.add(text[position:cut_start], base + position, base + cut_start, True)
        builder.add(replacement, base + cut_start, base + cut_end, False)
        position = cut_end
    builder.add(text[position:], base + position, base + len(text), True)


def request_texts(doc: Document, limit: int = MAX_REQUEST_CHARS) -> list[RequestText]:
    """The texts to send for a document: its blocks joined by a blank line, split on block
    boundaries (or, for a single huge block, sentence boundaries) above `limit` characters."""
    pieces: list[tuple[int, str]] = []  # (offset, text as the rules read it)
    for block in doc.blocks:
        start, end = block_span(doc, block)
        if end - start > limit:
            pieces.extend((s.start, s.text) for s in block.sentences)
        elif end > start:
            text = doc.text[start:block.start] + block.text
            pieces.append((start, text))
            if doc.markdown:
                pieces.extend((start + m.start("caption"), m.group("caption"))
                              for m in MARKDOWN_IMAGE.finditer(text) if m.group("caption"))
    requests: list[RequestText] = []
    builder = _Builder()
    previous_end = 0
    for start, text in pieces:
        if builder.runs and builder.length + len(BLOCK_SEPARATOR) + len(text) > limit:
            requests.append(builder.build())
            builder = _Builder()
        if builder.runs:
            builder.add(BLOCK_SEPARATOR, previous_end, start, False)
        _add_block(builder, text, start, doc.markdown)
        previous_end = start + len(text)
    if builder.runs:
        requests.append(builder.build())
    return requests


# --- names the speller must not flag ---------------------------------------------------

# A digit, or a capital right after a letter (OpenAI, iOS, GPT-4); a capital after a hyphen
# is a compound's next part ("Sicherheits-Konfiguration"), not a sign of a name.
NAME_SHAPE = regex.compile(r"\d|\p{L}\p{Lu}")


def document_names(doc: Document, glossary: Iterable[str] = ()) -> frozenset[str]:
    """Words the document itself uses as names or terms: the glossary's words, capitalised
    words (or parts of hyphenated words) that the body writes at least twice in
    mid-sentence and never after an article or determiner (a name stands alone, "Altman
    sagte"; a misspelt noun keeps its article, "die Rechnugn", however often it recurs),
    and capitalised words before a name-shaped one ("Inflection AI")."""
    names: set[str] = set()
    for term in glossary:
        names.update(span.text for span in words_in(term))
        names.update(term.split())
    after_determiner: set[str] = set()
    determiners = ARTICLES | DETERMINERS | PREPOSITION_ARTICLES
    for block in doc.blocks:
        for sentence in block.sentences:
            words = [span.text for span in words_in(sentence.text)]
            for word, following in pairwise(words):
                # A capitalised word before a name-shaped one starts a multi-word name:
                # "Inflection AI", "Microsoft 365".
                if word[:1].isupper() and NAME_SHAPE.search(following):
                    names.add(word)
                if word.lower() in determiners:
                    after_determiner.add(following)
                # A capitalised word after a known first or last name: "Detlef Neuß".
                if word[:1].isupper() and following[:1].isupper() and is_known_name(word):
                    names.add(following)
    names.update(word for word, count in doc.body_spellings.counts.items()
                 if count >= 2 and word not in after_determiner)
    return frozenset(names)


def is_name(word: str, names: frozenset[str]) -> bool:
    """Whether a word the speller flagged is a name: shaped like one (OpenAI, GPT-4, KI),
    used as one by the document, or a hyphenated word with such a part (KI-Modelle)."""
    word = word.strip()
    for part in (word, *regex.split(r"[-‐]", word)):
        if not part:
            continue
        if NAME_SHAPE.search(part) or part in names or is_known_name(part):
            return True
        if any(part.endswith(s) and part[:-len(s)] in names for s in ("’s", "'s", "s")):
            return True  # genitive: "Altmans"
    return False


QUOTATION_WORDS = 6  # a quoted name, title or foreign phrase, not a quoted sentence
OPENING_QUOTES, CLOSING_QUOTES = "„»\"“", "“«\"”"


def in_short_quotation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a quotation of at most a few words on one line
    („Hard Fork“, „soft landing“): a title or a foreign phrase the author cites on purpose,
    which a German speller cannot judge."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    opening = max(text.rfind(q, line_start, start) for q in OPENING_QUOTES)
    if opening < 0:
        return False
    closing = min((i for i in (text.find(q, end, line_end) for q in CLOSING_QUOTES) if i >= 0),
                  default=-1)
    if closing < 0 or any(q in text[opening + 1:start] for q in CLOSING_QUOTES if q != "\""):
        return False
    return len(text[opening + 1:closing].split()) <= QUOTATION_WORDS


# --- matches -> findings -----------------------------------------------------------------

@dataclass(frozen=True)
class Settings:
    """What applies to one document's matches (from its configuration)."""

    language: str = "de-DE"
    disabled_rules: frozenset[str] = frozenset(DEFAULT_DISABLED_RULES)
    disabled_categories: frozenset[str] = frozenset()
    timeout: float = 20.0
    # mtlint's own speller runs: LanguageTool's speller matches are left out.
    own_speller: bool = False

    @classmethod
    def from_config(cls, config: LanguageToolConfig, own_speller: bool = False) -> Settings:
        def ids(items: Iterable[str]) -> frozenset[str]:
            return frozenset(i.removeprefix(RULE_PREFIX) for i in items)

        enabled = ids(config.enabled_rules)
        return cls(config.language,
                   (frozenset(DEFAULT_DISABLED_RULES) - enabled) | ids(config.disabled_rules),
                   frozenset(config.disabled_categories), config.timeout,
                   own_speller and not config.keep_speller)

    def form(self, text: str) -> dict[str, str]:
        data = {"language": self.language, "text": text}
        if self.disabled_rules:
            data["disabledRules"] = ",".join(sorted(self.disabled_rules))
        if self.disabled_categories:
            data["disabledCategories"] = ",".join(sorted(self.disabled_categories))
        return data


def category_of(match: Mapping[str, Any]) -> Category:
    rule = match.get("rule") or {}
    if rule.get("issueType") == "whitespace":
        return Category.TYPOGRAPHY  # whatever its category ("Sonstiges" for DE_SENTENCE_...)
    category = CATEGORIES.get(str((rule.get("category") or {}).get("id", "")))
    return category or ISSUE_TYPES.get(str(rule.get("issueType", "")), Category.GRAMMAR)


_RULES: dict[tuple[str, Category], Rule] = {}
_RULES_LOCK = threading.Lock()


def lt_rule(rule_id: str, category: Category, description: str) -> Rule:
    """A LanguageTool rule as an mtlint Rule (for make_finding and severity lookups)."""
    key = (rule_id, category)
    with _RULES_LOCK:
        if key not in _RULES:
            _RULES[key] = Rule(
                id=RULE_PREFIX + rule_id, category=category, severity=SEVERITIES[category],
                summary=description, doc=description, check=lambda doc, context: iter(()),
                bad=(), good=(), origin=SOURCE, fixable=rule_id in SAFE_FIX_RULES)
        return _RULES[key]


MESSAGE_QUOTE_LIMIT = 60  # longer flagged spans (whole clauses) are not quoted
MESSAGE_SUGGESTIONS = 3


def describe(message: str, flagged: str, suggestions: Iterable[str]) -> str:
    """LanguageTool's message naming what it flagged and its first suggestions, so that a
    one-line report ("Möglicher Tippfehler gefunden.") still says which word and what
    instead."""
    flagged = " ".join(flagged.split())
    if flagged and len(flagged) <= MESSAGE_QUOTE_LIMIT and f"„{flagged}“" not in message:
        message = f"„{flagged}“: {message}"
    shown = [s for s in suggestions if s.strip()][:MESSAGE_SUGGESTIONS]
    if shown and not any(f"„{s}“" in message for s in shown):
        label = "Vorschlag" if len(shown) == 1 else "Vorschläge"
        end = "" if message.rstrip().endswith((".", "!", "?")) else "."
        message = f"{message.rstrip()}{end} {label}: " + ", ".join(f"„{s}“" for s in shown)
    return message


def match_findings(doc: Document, request: RequestText, matches: Iterable[Any],
                   settings: Settings, names: frozenset[str]) -> list[Finding]:
    """LanguageTool's matches for one request as findings on the document; a malformed
    match (or one outside the request) is skipped, the others are kept."""
    findings = []
    for match in matches:
        try:
            finding = _match_finding(doc, request, match, settings, names)
        except (TypeError, ValueError, AttributeError, KeyError, IndexError):
            continue
        if finding is not None:
            findings.append(finding)
    return findings


def _match_finding(doc: Document, request: RequestText, match: Any, settings: Settings,
                   names: frozenset[str]) -> Finding | None:
    if not isinstance(match, Mapping):
        return None
    rule = match.get("rule") if isinstance(match.get("rule"), Mapping) else {}
    rule_id = str(rule.get("id") or "UNKNOWN")
    category_data = rule.get("category") if isinstance(rule.get("category"), Mapping) else {}
    lt_category = str(category_data.get("id", ""))
    offset, length = match.get("offset"), match.get("length")
    if (rule_id in settings.disabled_rules or lt_category in settings.disabled_categories
            or type(offset) is not int or type(length) is not int or offset < 0
            or length < 0 or offset + length > request.utf16_length):
        return None  # also a match past the end: dropped, not clamped
    start, end = request.doc_span(offset, length)
    flagged = doc.text[start:end]
    request_start, request_end = request.request_span(offset, length)
    read = request.text[request_start:request_end]  # what LanguageTool read: no markup
    if rule_id == "UNPAIRED_BRACKETS" and flagged and set(flagged) <= QUOTE_CHARS:
        return None  # quotes belong to mtlint's quote-* rules; brackets stay
    category = category_of({"rule": {**rule, "category": category_data}})
    if category is Category.SPELLING and SPELLER_RULE.search(rule_id) and (
            is_name(flagged, names) or in_short_quotation(doc.text, start, end)
            or (settings.own_speller and speller_knows(read))):
        return None  # a name, a cited phrase, or a word mtlint's speller knows
    replacements = tuple(
        str(r["value"]) for r in match.get("replacements") or ()
        if isinstance(r, Mapping) and isinstance(r.get("value"), str))
    raw_message = str(match.get("message") or rule_id)
    message = describe(SUGGESTION_MARKUP.sub(r"„\1“", raw_message), read, replacements)
    if request.crosses_markup(request_start, request_end):
        replacements = ()  # an edit of the span would rewrite the markup inside it
    safe = (rule_id in SAFE_FIX_RULES and len(replacements) == 1
            and whitespace_fix(flagged, replacements[0]))
    hit = Hit(start, end - start, message, replacements[:MAX_SUGGESTIONS],
              replacements[0] if safe else None, Safety.SAFE)
    rule_obj = lt_rule(rule_id, category, str(rule.get("description") or rule_id))
    return make_finding(doc, rule_obj, rule_obj.severity, hit, source=SOURCE)


WHITESPACE = regex.compile(r"\s+")


def whitespace_fix(flagged: str, replacement: str) -> bool:
    """Whether replacing `flagged` by `replacement` is what SAFE_FIX_RULES promise: a short
    span whose other characters stay as they are, only whitespace added, removed or
    changed (never a span or a replacement over MAX_SAFE_FIX_CHARS, never an emptied one)."""
    if not flagged or len(flagged) > MAX_SAFE_FIX_CHARS or len(replacement) > MAX_SAFE_FIX_CHARS:
        return False
    return WHITESPACE.sub("", flagged) == WHITESPACE.sub("", replacement) and (
        flagged != replacement)


# Categories that name the same fault in mtlint's and LanguageTool's terms, so that a
# LanguageTool match overlapping a built-in finding of a related category is a repeat.
RELATED = frozenset(frozenset(pair) for pair in (
    (Category.SPELLING, Category.TERMINOLOGY), (Category.SPELLING, Category.CASING),
    (Category.SPELLING, Category.UNTRANSLATED), (Category.SPELLING, Category.RESIDUE),
    (Category.CASING, Category.GRAMMAR), (Category.CASING, Category.PUNCTUATION),
    (Category.PUNCTUATION, Category.TYPOGRAPHY), (Category.PUNCTUATION, Category.LOCALE),
    (Category.TYPOGRAPHY, Category.LOCALE), (Category.GRAMMAR, Category.STYLE),
))


# Spacing faults are marked one character apart by the two engines (the comma, or the
# word after it): touching short spans of these categories are one fault.
SPACING_CATEGORIES = frozenset({Category.PUNCTUATION, Category.TYPOGRAPHY})
SPACING_SPAN = 8


def repeats(lt: Finding, builtin: Finding, flagged: str = "") -> bool:
    """Whether a LanguageTool finding says again what a built-in finding says: the same span;
    an overlapping span of similar size (not a sentence-wide finding around a word) in the
    same or a related category; or a span inside a related built-in finding whose message
    quotes the very text LanguageTool flagged (`flagged`), as a heading finding that lists
    its lowercased nouns does."""
    lt_end, builtin_end = lt.offset + max(lt.length, 1), builtin.offset + max(builtin.length, 1)
    overlap = min(lt_end, builtin_end) - max(lt.offset, builtin.offset)
    related = (lt.category is builtin.category
               or frozenset((lt.category, builtin.category)) in RELATED)
    if (overlap >= 0 and related and builtin.category in SPACING_CATEGORIES
            and max(lt.length, builtin.length) <= SPACING_SPAN):
        return True  # "gut.Dann": one engine marks the full stop, the other the next word
    if overlap <= 0:
        return False
    if (lt.offset, lt.length) == (builtin.offset, builtin.length):
        return True
    inside = builtin.offset <= lt.offset and lt_end <= builtin_end
    if inside and builtin.category is Category.UNTRANSLATED:
        return True  # an English sentence is one finding, not one per word LanguageTool
        # does not know
    if not related:
        return False
    lt_length = max(lt.length, 1)
    if 2 * overlap >= lt_length and max(builtin.length, 1) <= 2 * lt_length + 10:
        return True
    return inside and bool(flagged) and f"„{flagged}“" in builtin.message


def merge(builtin: list[Finding], extra: Iterable[Finding], text: str = "") -> list[Finding]:
    """Built-in findings plus the LanguageTool findings that do not repeat one, sorted;
    `text` is the document's source text (for what a LanguageTool finding flags)."""
    kept = [f for f in extra
            if not any(repeats(f, b, text[f.offset:f.offset + f.length]) for b in builtin)]
    return deduplicate([*builtin, *kept])


def speller_knows(flagged: str) -> bool:
    """Whether mtlint's speller knows every part of a word LanguageTool's speller flagged
    (its compounds, inflections and the word list): then mtlint judges more precisely and
    the match is dropped. A word neither knows stays LanguageTool's finding, unless mtlint's
    own spelling-unknown-word reports it too (then the merge keeps mtlint's)."""
    parts = [p for p in regex.split(r"[-‐]", flagged.strip()) if p]
    return bool(parts) and all(speller.is_known(p) for p in parts)


def uses_own_speller(config: Config) -> bool:
    """Whether mtlint's speller (spelling-unknown-word) runs under this configuration."""
    return is_selected(OWN_SPELLER_RULE, Category.SPELLING.value, config.select, config.ignore)


def wants_languagetool(config: Config) -> bool:
    """False when select/ignore leave no LanguageTool finding, so nothing need be sent."""
    from mtlint.lint.config import selector_matches

    def selects_some(selector: str) -> bool:
        """Whether a selector takes in some LanguageTool rule: one by id, or all of a
        category LanguageTool reports in (by name or glob)."""
        return selector.startswith(RULE_PREFIX) or any(
            selector_matches(selector, RULE_PREFIX + "X", category.value)
            for category in SEVERITIES)

    if any(s in ("ALL", "*", RULE_PREFIX + "*") for s in config.ignore):
        return False
    return not config.select or any(selects_some(s) for s in config.select)


# --- talking to a server -------------------------------------------------------------------

def normalise_url(url: str) -> str:
    """The API base (".../v2") of a server URL given as host, base or check endpoint."""
    url = url.strip().rstrip("/")
    url = url.removesuffix("/check").removesuffix("/languages").rstrip("/")
    return url if url.endswith("/v2") else url + "/v2"


def valid_url(url: str) -> bool:
    return url.startswith(("http://", "https://")) and len(url) > len("https://")


class Server:
    """A LanguageTool HTTP API. Plain urllib (not language-tool-python's remote mode, whose
    requests have a fixed 300 s timeout and whose import alone costs 0.2 s): every request
    has the configured timeout, a failed one is retried once unless it timed out, and the
    first fatal failure marks the server dead so that the rest of the run does not wait."""

    def __init__(self, url: str, timeout: float, label: str | None = None,
                 run_deadline: float | None = None):
        self.base = normalise_url(url)
        self.label = label or url
        self.timeout = timeout
        # time.monotonic() by which the run's requests end; `cancelled` ends them now.
        self.run_deadline = time.monotonic() + RUN_TIMEOUT if run_deadline is None \
            else run_deadline
        self.cancelled = threading.Event()
        self.version = ""
        self.dead: str | None = None
        self._ready = False
        self._lock = threading.Lock()

    def ensure_ready(self, language: str) -> None:
        """Probe the server once (GET /v2/languages); raises LanguageToolError."""
        with self._lock:
            if self.dead:
                raise LanguageToolError(self.dead)
            if self._ready:
                return
            try:
                self.start()
                languages = self._request("/languages", None, min(self.timeout, PROBE_TIMEOUT))
                if not isinstance(languages, list):
                    raise LanguageToolError(
                        f"{self.label} is not a LanguageTool server (/v2/languages "
                        "did not answer a list of languages)")
                codes = {str(entry.get(key)) for entry in languages if isinstance(entry, dict)
                         for key in ("code", "longCode")}
                if language not in codes and language.split("-")[0] not in codes:
                    raise LanguageToolError(f"{self.label} does not support {language}")
            except LanguageToolError as error:
                self.dead = str(error)
                raise
            self._ready = True

    def start(self) -> None:
        """A remote server is already running."""

    def stop(self) -> None:
        """Nothing to stop for a remote server."""

    def check(self, form: dict[str, str]) -> dict[str, Any]:
        if self.dead:
            raise LanguageToolError(self.dead)
        try:
            answer = self._request("/check", form, self.timeout)
        except LanguageToolError as error:
            if error.fatal:
                self.dead = str(error)
            raise
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            self.dead = f"{self.label} answered without a list of matches"
            raise LanguageToolError(self.dead)
        software = answer.get("software")
        if isinstance(software, dict) and software.get("version") and not self.version:
            self.version = str(software["version"])
        return answer

    def _request(self, path: str, form: dict[str, str] | None, timeout: float) -> Any:
        import http.client

        last: LanguageToolError | None = None
        for attempt in range(2):
            if attempt:
                time.sleep(RETRY_DELAY)
            try:
                status, body = self._exchange(path, form, timeout)
            except TimeoutError:
                raise LanguageToolError(
                    f"{self.label} did not answer within {timeout:g} s") from None
            except _RunOver as error:
                raise LanguageToolError(f"{self.label}: {error}") from None
            except (OSError, ValueError, http.client.HTTPException) as error:
                last = LanguageToolError(f"cannot reach {self.label}: {error}")
                continue
            if status >= 300:
                detail = body[:300].decode("utf-8", "replace").strip().splitlines()
                message = f"{self.label} answered HTTP {status}" + (
                    f": {detail[0][:200]}" if detail else "")
                if 300 <= status < 400:  # a redirect is not followed: its host is not ours
                    raise LanguageToolError(message + " (a redirect; not followed)")
                # 4xx concerns this request (too long, bad parameter); 5xx the server.
                last = LanguageToolError(message, fatal=status >= 500)
                if status < 500:
                    raise last
                continue
            try:
                return json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                raise LanguageToolError(
                    f"{self.label} answered something that is not JSON: "
                    f"{body[:60].decode('utf-8', 'replace')!r}") from None
        assert last is not None
        raise last

    def _exchange(self, path: str, form: dict[str, str] | None,
                  timeout: float) -> tuple[int, bytes]:
        """One HTTP exchange: (status, body). The whole exchange, headers and a slowly
        trickling body included, ends at `timeout` (TimeoutError), at the run's deadline or
        when the run is cancelled (_RunOver); a body over MAX_ANSWER_BYTES is refused.
        Redirects are returned, not followed; proxies from the environment are used."""
        import http.client
        import socket
        import urllib.parse
        import urllib.request

        now = time.monotonic()
        if self.cancelled.is_set() or now >= self.run_deadline:
            raise _RunOver(self._over_reason())
        deadline = min(now + timeout, self.run_deadline)
        url = urllib.parse.urlsplit(self.base + path)
        https = url.scheme == "https"
        port = url.port or (443 if https else 80)
        connection_class = http.client.HTTPSConnection if https else http.client.HTTPConnection
        proxy = None if urllib.request.proxy_bypass(url.hostname or "") else \
            urllib.request.getproxies().get(url.scheme)
        target = self.base + path
        if proxy:
            proxy_url = urllib.parse.urlsplit(proxy if "://" in proxy else "http://" + proxy)
            connection = connection_class(proxy_url.hostname, proxy_url.port or 8080,
                                          timeout=deadline - now)
            if https:
                connection.set_tunnel(url.hostname, port)
                target = url.path + (f"?{url.query}" if url.query else "")
        else:
            connection = connection_class(url.hostname, port, timeout=deadline - now)
            target = url.path + (f"?{url.query}" if url.query else "")
        body = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        headers = {"Accept": "application/json", "Host": url.netloc}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        done = threading.Event()
        expired: list[str] = []

        def watch() -> None:
            # Socket timeouts bound each read, not the exchange: a server that sends a
            # byte a second never trips them. Shutting the socket down ends any read.
            while not done.wait(WATCH_INTERVAL):
                if time.monotonic() >= deadline or self.cancelled.is_set():
                    expired.append("x")
                    sock = connection.sock
                    if sock is not None:
                        with contextlib.suppress(OSError):
                            sock.shutdown(socket.SHUT_RDWR)
                    return

        watchdog = threading.Thread(target=watch, daemon=True, name="languagetool-watchdog")
        watchdog.start()
        try:
            connection.request("POST" if body is not None else "GET", target, body, headers)
            response = connection.getresponse()
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read1(65536) if hasattr(response, "read1") \
                    else response.read(65536):
                size += len(chunk)
                if size > MAX_ANSWER_BYTES:
                    raise LanguageToolError(
                        f"{self.label} answered more than {MAX_ANSWER_BYTES // 1_000_000} MB; "
                        "not read")
                chunks.append(chunk)
                if expired:
                    break
            if expired:
                raise OSError("cut off")
            return response.status, b"".join(chunks)
        except (OSError, http.client.HTTPException):
            if expired or time.monotonic() >= deadline:
                if self.cancelled.is_set() or time.monotonic() >= self.run_deadline:
                    raise _RunOver(self._over_reason()) from None
                raise TimeoutError from None
            raise
        finally:
            done.set()
            connection.close()

    def _over_reason(self) -> str:
        if self.cancelled.is_set():
            return "the run was interrupted"
        return f"the run's time limit for LanguageTool ({RUN_TIMEOUT:g} s) was reached"


class _RunOver(Exception):
    """The run was cancelled or its LanguageTool deadline passed."""


# --- a local LanguageTool --------------------------------------------------------------------

JAR_NAMES = ("languagetool-server.jar", "languagetool.jar")


def find_local_jar(environ: Mapping[str, str]) -> Path | None:
    """The server jar of a LanguageTool that language-tool-python has installed, without
    downloading anything or creating folders. Cheap when there is none."""
    jar_dir = environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        return next((Path(jar_dir) / n for n in JAR_NAMES if (Path(jar_dir) / n).is_file()),
                    None)
    folder = Path(environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    if not folder.is_dir() or not any(p.is_dir() for p in folder.glob("LanguageTool*")):
        return None
    try:
        # Only now, with an install present: its lookup picks the newest version.
        from language_tool_python.download_lt import LocalLanguageTool

        installed = LocalLanguageTool.get_latest_installed_version()
        return installed.get_jar_path() if installed is not None else None
    except Exception:  # a broken install is "no install", not a crash
        return None


class LocalServer(Server):
    """A LanguageTool server started from a local install, once per run, on a free port
    of 127.0.0.1; stopped by `stop()` (and at interpreter exit, should that be missed)."""

    def __init__(self, java: str, jar: Path, timeout: float):
        super().__init__("http://127.0.0.1:0", timeout, label=f"local LanguageTool ({jar})")
        self.command = [java, "-cp", str(jar), "org.languagetool.server.HTTPServer"]
        self.process: Any = None

    def start(self) -> None:
        import atexit
        import socket
        import subprocess
        import time

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}/v2"
        try:
            self.process = subprocess.Popen(  # java and the jar were looked up above
                [*self.command, "--port", str(port)], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError as error:
            raise LanguageToolError(f"cannot start {self.label}: {error}") from None
        atexit.register(self.stop)
        deadline = time.monotonic() + LOCAL_STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LanguageToolError(
                    f"{self.label} exited with status {self.process.returncode} on start")
            try:
                self._request("/languages", None, 1.0)
                break
            except LanguageToolError:
                time.sleep(0.25)
        else:
            self.stop()
            raise LanguageToolError(
                f"{self.label} did not start within {LOCAL_STARTUP_TIMEOUT:g} s")
        # A fresh JVM answers its first check slowly (11 s seen on 2 cores) while it loads
        # the German rules: one warm-up check with its own budget, so that the documents'
        # checks keep the configured timeout.
        try:
            self._request("/check", dict(WARMUP_FORM), LOCAL_WARMUP_TIMEOUT)
        except LanguageToolError as error:
            self.stop()
            raise LanguageToolError(
                f"{self.label} did not answer its first check within "
                f"{LOCAL_WARMUP_TIMEOUT:g} s ({error})") from None

    def stop(self) -> None:
        import subprocess

        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


# --- one run -----------------------------------------------------------------------------------

NOT_FOUND = ("no LanguageTool server configured (--languagetool URL, "
             f"{ENV_URL} or [languagetool] url) and no local LanguageTool install found; "
             "mtlint never downloads LanguageTool")
NOT_STARTED = ("no LanguageTool server configured; a local install is not started here "
               f"(Java takes about 10 s to start), set {ENV_URL} or [languagetool] url "
               "to a running server")


# auto: a configured server, else a local install; configured: a configured server only
# (hooks: starting Java on every commit costs 10 s or more); off: none.
SETTINGS = ("auto", "configured", "off")


def parse_setting(value: str) -> str:
    """--languagetool: auto, configured, off or a URL; raises ValueError with the reason."""
    if value in SETTINGS or valid_url(value):
        return value
    raise ValueError(
        f"--languagetool must be auto, configured, off or an http(s) URL, not {value!r}")


class Session:
    """LanguageTool for one run: resolves the server per configuration, sends each document
    as soon as it is checked, and merges the answers into the results in `finish`.
    `runner` gives each file's configuration and linter (mtlint.running.runner.Runner)."""

    def __init__(self, setting: str = "auto", runner: Any = None,
                 environ: Mapping[str, str] | None = None):
        self.setting = parse_setting(setting)
        self.start_local = self.setting != "configured"
        self.runner = runner
        self.environ = os.environ if environ is None else environ
        env_url = self.environ.get(ENV_URL, "").strip()
        if env_url and self.setting != "off" and not valid_url(env_url):
            raise ValueError(f"{ENV_URL} must be an http(s) URL, not {env_url!r}")
        self.env_url = (env_url or None) if self.setting != "off" else None
        self.note: str | None = None  # what to tell the user once, after `finish`
        self.deadline = time.monotonic() + RUN_TIMEOUT  # for every request of this run
        self._servers: dict[str, Server] = {}
        self._local: Server | None = None
        self._local_reason: str | None = None
        self._executor: Any = None
        self._pending: list[tuple[FileResult, Config, Settings, Server, Future]] = []
        self._unavailable: list[str] = []
        self._cache: dict[tuple, Future] = {}
        self._lock = threading.Lock()

    def server_for(self, config: LanguageToolConfig) -> Server | None:
        """The server for a configuration: --languagetool URL, MTLINT_LANGUAGETOOL_URL,
        `[languagetool] url`, a local install; None if there is none (reason kept)."""
        url = (self.setting if self.setting not in SETTINGS else None) \
            or self.env_url or config.url
        if url:
            key = normalise_url(url)
            if key not in self._servers:
                self._servers[key] = Server(url, config.timeout, run_deadline=self.deadline)
            return self._servers[key]
        if not self.start_local:
            self._unavailable.append(NOT_STARTED)
            return None
        if self._local is None and self._local_reason is None:
            jar = find_local_jar(self.environ)
            java = shutil.which("java", path=self.environ.get("PATH")) if jar else None
            if jar is None:
                self._local_reason = NOT_FOUND
            elif java is None:
                self._local_reason = f"LanguageTool found at {jar}, but no Java to run it"
            else:
                self._local = LocalServer(java, jar, config.timeout)
                self._local.run_deadline = self.deadline
        if self._local is None:
            self._unavailable.append(self._local_reason or NOT_FOUND)
        return self._local

    def submit(self, result: FileResult, config: Config | None = None) -> None:
        """Send a checked file's document (nothing happens when off, when the file could not
        be read, or when select/ignore would drop every LanguageTool finding)."""
        if self.setting == "off" or result.error or result.document is None:
            return
        if config is None:
            config = self.runner.config_for(Path(result.path))
        if not wants_languagetool(config):
            return
        server = self.server_for(config.languagetool)
        if server is None:
            return
        settings = Settings.from_config(config.languagetool, uses_own_speller(config))
        if self._executor is None:
            self._executor = _DaemonPool(MAX_WORKERS)
        future = self._executor.submit(self._answers, server, settings, result.document)
        self._pending.append((result, config, settings, server, future))

    def _answers(self, server: Server, settings: Settings,
                 doc: Document) -> list[tuple[RequestText, dict]]:
        server.ensure_ready(settings.language)
        return [(request, self._cached(server, settings, request.text))
                for request in request_texts(doc)]

    def _cached(self, server: Server, settings: Settings, text: str) -> dict:
        from concurrent.futures import Future

        key = (server.base, settings, text)
        with self._lock:
            future = self._cache.get(key)
            owner = future is None
            if owner:
                future = self._cache[key] = Future()
        assert future is not None
        if owner:
            try:
                future.set_result(server.check(settings.form(text)))
            except BaseException as error:
                future.set_exception(error)
        return future.result()

    def finish(self, linter_for: Callable[[Config], Linter] | None = None) -> LanguageToolStatus:
        """Wait for the answers, merge them into the results, stop a local server; the
        status for the report. Sets `note` when the user should hear about it."""
        try:
            return self._finish(linter_for or self.runner.linter_for)
        finally:
            self.close()

    def _finish(self, linter_for: Callable[[Config], Linter]) -> LanguageToolStatus:

        if self.setting == "off":
            return LanguageToolStatus("off", "disabled with --languagetool off")
        checked: list[Server] = []
        failures: list[str] = []
        for result, config, settings, server, future in self._pending:
            try:
                answers = future.result()
                doc = result.document
                assert doc is not None
                names = document_names(doc, config.glossary_map)
                found: list[Finding] = []
                for request, answer in answers:
                    found.extend(match_findings(doc, request, answer["matches"], settings,
                                                names))
                accepted = linter_for(config).accept_external(doc, found)
            except LanguageToolError as error:
                failures.append(str(error))
                continue
            except Exception as error:  # LanguageTool must never stop a run
                failures.append(f"{result.path}: {type(error).__name__}: {error}")
                continue
            result.findings = merge(result.findings, accepted, doc.source.text)
            checked.append(server)
        self._pending.clear()
        status = self._status(checked, failures)
        if status.status == "unavailable":
            self.note = f"LanguageTool not used: {status.detail}"
        elif failures:
            self.note = f"LanguageTool: {status.detail}"
        return status

    def _status(self, checked: list[Server], failures: list[str]) -> LanguageToolStatus:

        if not checked:
            if failures:
                return LanguageToolStatus("unavailable", failures[0])
            if self._unavailable:
                return LanguageToolStatus("unavailable", self._unavailable[0])
            return LanguageToolStatus("off", "nothing was sent to LanguageTool (no readable "
                                             "file, or every lt: rule is ignored)")
        servers = list(dict.fromkeys(checked))
        detail = ", ".join(f"LanguageTool {s.version} at {s.label}" if s.version
                           else f"LanguageTool at {s.label}" for s in servers)
        detail += f"; {_files(len(checked))} checked"
        if failures:
            detail += f"; {_files(len(failures))} not checked: {failures[0]}"
        return LanguageToolStatus("used", detail)

    def close(self) -> None:
        """Stop the workers and a local server; safe to call twice. Requests still running
        (after Ctrl-C, say) are cut off within WATCH_INTERVAL; nothing waits for them."""
        for server in [*self._servers.values(), *([self._local] if self._local else [])]:
            server.cancelled.set()
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None
        if self._local is not None:
            self._local.stop()


class _DaemonPool:
    """At most `workers` daemon threads running submitted calls. Unlike a
    ThreadPoolExecutor, nothing joins them at exit: Ctrl-C during a slow request ends the
    run at once (the request itself is cut off by its watchdog)."""

    def __init__(self, workers: int):
        import queue

        self.workers = workers
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        from concurrent.futures import Future

        future: Future = Future()
        self._queue.put((future, function, args))
        if len(self._threads) < self.workers:
            thread = threading.Thread(target=self._work, daemon=True, name="languagetool")
            self._threads.append(thread)
            thread.start()
        return future

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            future, function, args = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(function(*args))
            except BaseException as error:
                future.set_exception(error)

    def shutdown(self) -> None:
        """Cancel the calls not started and let the threads end (not waited for)."""
        import queue

        with contextlib.suppress(queue.Empty):
            while True:
                item = self._queue.get_nowait()
                if item is not None:
                    item[0].cancel()
        for _ in self._threads:
            self._queue.put(None)


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"

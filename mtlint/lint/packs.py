"""Declarative rule packs: TOML files of regex rules (see README, "Writing rules").

A pack is data. Loading it validates every field and reports errors with the pack
file and the rule id, so a user's broken pack never gives a traceback.
"""

from __future__ import annotations

import string
import time
import tomllib
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern, parse_toml

if TYPE_CHECKING:
    from mtlint.core.document import Document


FRAGMENT = compile_pattern(r"(?<!\\[pPN])\{([A-Z][A-Z0-9_]*)\}")
RULE_ID = compile_pattern(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
SCOPES = ("document", "block", "heading", "paragraph", "sentence", "line")
# A lexicon entry (a calque or false friend) gives these instead of `message` and `doc`:
# the English original, why the rendering is wrong, what German says, known limits.
LEXICON_KEYS = ("english", "why", "use", "limits")
RULE_KEYS = {
    "id", "category", "severity", "scope", "pattern", "message", "summary", "doc",
    "fix", "suggestions", "bad", "good", "needs", *LEXICON_KEYS,
}
# Seconds one rule may spend on one block; the regex module raises TimeoutError then.
REGEX_TIMEOUT = 1.0
# Blocks of one document a rule may time out on before it is given up for the rest of it,
# so that a runaway pattern costs seconds, not REGEX_TIMEOUT times the number of blocks.
MAX_TIMEOUTS = 3
# Seconds one rule may spend on one document (or one part of a large one) in all: a
# pattern that stays just under REGEX_TIMEOUT on every line would otherwise run for
# minutes without a note. After it the rule is skipped in the rest of the document.
RULE_FILE_BUDGET = 10.0
MAX_PACK_BYTES = 10 * 1024 * 1024  # the built-in packs are 110 KB together
_clock = time.monotonic  # replaced in tests


class PackError(Exception):
    """A rule pack that cannot be used; the message names the file and the rule."""


class RuleTimeout(Exception):
    """A rule's pattern ran past REGEX_TIMEOUT on some pieces of a document. Raised after
    the rule's hits on the other pieces were yielded: it is skipped only where it timed out
    (and, after MAX_TIMEOUTS of them, for the rest of the document)."""

    def __init__(self, rule_id: str, offsets: list[int], gave_up: bool = False,
                 budget_at: int | None = None):
        self.rule_id = rule_id
        self.offsets = offsets
        self.gave_up = gave_up
        self.budget_at = budget_at  # where RULE_FILE_BUDGET ran out, if it did
        super().__init__(self.describe())

    def describe(self, doc: Document | None = None) -> str:
        """The note for the user; with the document, positions are lines."""
        if self.budget_at is not None:
            where = (f"line {doc.position(self.budget_at)[0]}" if doc is not None
                     else f"offset {self.budget_at}")
            return (f"rule {self.rule_id} used up its {RULE_FILE_BUDGET:g} s per file "
                    f"(regex time budget) at {where}; skipped in the rest of the file")
        several = len(self.offsets) > 1
        if doc is not None:
            where = "line" + "s" * several + " " + ", ".join(
                str(doc.position(o)[0]) for o in self.offsets)
        else:
            where = "offset" + "s" * several + " " + ", ".join(map(str, self.offsets))
        skipped = ("skipped there and in the rest of the file" if self.gave_up
                   else "skipped there")
        return (f"rule {self.rule_id} exceeded its {REGEX_TIMEOUT:g} s time limit "
                f"(regex timeout) in the block{'s' * several} at {where}; {skipped}")


@dataclass(frozen=True)
class PatternCheck:
    """The check of one pack rule: a compiled pattern run over its scope."""

    rule_id: str
    pattern: regex.Pattern[str]
    scope: str
    message: str
    replacement: str | None
    suggestions: tuple[str, ...]
    safety: Safety
    # Words or phrases (casefolded, single-spaced) of which every match holds one: a
    # document or piece with none of them is skipped without running the pattern.
    needs: tuple[str, ...] = ()

    def __call__(self, doc: Document, context: RuleContext) -> Iterator[Hit]:
        if self.needs and not self._may_match(doc, doc.text):
            return
        timed_out: list[int] = []
        pieces = scope_texts(doc, self.scope)
        deadline = _clock() + RULE_FILE_BUDGET
        for base, text in pieces:
            # A piece that is the whole text (one block) has passed the test above.
            if self.needs and text != doc.text and not self._may_match(doc, text):
                continue
            remaining = deadline - _clock()
            if remaining <= 0:
                raise RuleTimeout(self.rule_id, timed_out, gave_up=True, budget_at=base)
            try:
                matches = list(self.pattern.finditer(
                    text, timeout=min(REGEX_TIMEOUT, remaining)))
            except TimeoutError:
                if remaining < REGEX_TIMEOUT:  # the budget ran out within this piece
                    raise RuleTimeout(self.rule_id, timed_out, gave_up=True,
                                      budget_at=base) from None
                timed_out.append(base)
                if len(timed_out) >= MAX_TIMEOUTS:
                    break
                continue
            for match in matches:
                yield self._hit(match, base)
        if timed_out:
            raise RuleTimeout(self.rule_id, timed_out,
                              gave_up=next(pieces, None) is not None)

    def _may_match(self, doc: Document, text: str) -> bool:
        folded = folded_piece(doc, text)
        return any(word in folded for word in self.needs)

    def _hit(self, match: regex.Match[str], base: int) -> Hit:
        if "span" in self.pattern.groupindex and match.start("span") >= 0:
            start, end = match.span("span")
        else:
            start, end = match.span()
        values = {k: v or "" for k, v in match.groupdict().items()}
        values["match"] = match.group()
        values["span"] = match.string[start:end]
        replacement = self.replacement.format_map(values) if self.replacement is not None else None
        suggestions = tuple(s.format_map(values) for s in self.suggestions)
        if replacement is not None and not suggestions:
            suggestions = (replacement,)
        return Hit(
            offset=base + start,
            length=end - start,
            message=self.message.format_map(values),
            suggestions=suggestions,
            replacement=replacement,
            safety=self.safety,
        )


def casefolded(text: str) -> str:
    """`text` casefolded, each run of white space one space (so that a `needs` phrase
    also finds words a line break separates)."""
    return " ".join(text.casefold().split())


# The casefolded pieces of the documents being checked, for `needs`: every pack rule
# looks at the same blocks, so each is folded once per document, not once per rule.
_FOLDED: weakref.WeakKeyDictionary[Document, dict[str, str]] = weakref.WeakKeyDictionary()


def folded_piece(doc: Document, text: str) -> str:
    """casefolded(text) for a piece of `doc`, computed once per document."""
    pieces = _FOLDED.get(doc)
    if pieces is None:
        pieces = _FOLDED[doc] = {}
    folded = pieces.get(text)
    if folded is None:
        folded = pieces[text] = casefolded(text)
    return folded


def scope_texts(doc: Document, scope: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of the document that a rule of `scope` looks at."""
    from mtlint.core.document import BlockKind

    if scope == "document":
        yield 0, doc.text
    elif scope == "line":
        for number in range(1, len(doc._line_starts) + 1):
            start, end = doc.line_span(number)
            yield start, doc.text[start:end]
    elif scope == "sentence":
        for block in doc.blocks:
            if block.kind is not BlockKind.HEADING:
                for sentence in block.sentences:
                    yield sentence.start, sentence.text
    else:
        for block in doc.blocks:
            if scope == "heading" and block.kind is not BlockKind.HEADING:
                continue
            if scope == "paragraph" and block.kind is BlockKind.HEADING:
                continue
            yield block.start, block.text


def load_pack(path: Path) -> list[Rule]:
    """Read one pack file; raises PackError naming the file (and rule) on any problem."""
    from mtlint.core.document import DocumentError, read_regular_file

    try:
        data = parse_toml(read_regular_file(path, MAX_PACK_BYTES).decode("utf-8"),
                          source=str(path.resolve()))
    except (DocumentError, UnicodeDecodeError) as error:
        raise PackError(f"{path}: cannot read rule pack: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{path}: invalid TOML: {error}") from None
    unknown = set(data) - {"define", "rule", "pack"}
    if unknown:
        raise PackError(f"{path}: unknown top-level key {sorted(unknown)[0]!r} "
                        "(expected [define], [pack] or [[rule]])")
    fragments = data.get("define", {})
    if not isinstance(fragments, dict) or not all(isinstance(v, str) for v in fragments.values()):
        raise PackError(f"{path}: [define] must map NAMES to strings")
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise PackError(f"{path}: 'rule' must be an array of tables ([[rule]])")
    return [_rule_from_entry(entry, fragments, path, index) for index, entry in enumerate(entries)]


def _rule_from_entry(entry: Any, fragments: dict[str, str], path: Path, index: int) -> Rule:
    if not isinstance(entry, dict):
        raise PackError(f"{path}: rule #{index + 1} is not a table")
    rule_id = entry.get("id")
    named = isinstance(rule_id, str)
    where = f"{path}: rule {rule_id!r}" if named else f"{path}: rule #{index + 1}"
    if not named or not RULE_ID.fullmatch(rule_id):
        raise PackError(f"{where}: 'id' must be a kebab-case string like 'quote-low-closing'")
    unknown = set(entry) - RULE_KEYS
    if unknown:
        raise PackError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    lexical = any(key in entry for key in LEXICON_KEYS)
    required = ("category", "severity", "pattern", *(
        ("english", "why", "use") if lexical else ("message", "doc")))
    for key in (*required, *(k for k in ("message", "doc", "limits") if k in entry)):
        if not isinstance(entry.get(key), str):
            raise PackError(f"{where}: missing or non-string required key {key!r}")
    try:
        category = Category(entry["category"])
    except ValueError:
        raise PackError(f"{where}: unknown category {entry['category']!r}; one of "
                        + ", ".join(c.value for c in Category)) from None
    try:
        severity = Severity(entry["severity"])
    except ValueError:
        raise PackError(f"{where}: unknown severity {entry['severity']!r}; "
                        "one of error, warning, info") from None
    scope = entry.get("scope", "block")
    if scope not in SCOPES:
        raise PackError(f"{where}: unknown scope {scope!r}; one of {', '.join(SCOPES)}")

    def expand(match: regex.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise PackError(f"{where}: pattern uses undefined fragment {{{name}}}")
        return fragments[name]

    source = FRAGMENT.sub(expand, entry["pattern"])
    try:
        # WORD: `$` and `^` in multiline mode also see \r\n and \r line ends.
        pattern = compile_pattern(source, regex.V1 | regex.WORD)
    except regex.error as error:
        raise PackError(f"{where}: invalid pattern: {error}") from None

    replacement, safety = None, Safety.UNSAFE
    fix = entry.get("fix")
    if fix is not None:
        if not isinstance(fix, dict) or not isinstance(fix.get("replacement"), str):
            raise PackError(
                f"{where}: 'fix' must be {{ replacement = \"...\", safety = \"safe\" }}")
        try:
            safety = Safety(fix.get("safety", "unsafe"))
        except ValueError:
            raise PackError(f"{where}: fix safety must be 'safe' or 'unsafe'") from None
        replacement = fix["replacement"]
    suggestions = entry.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        raise PackError(f"{where}: 'suggestions' must be a list of strings")
    needs = entry.get("needs", [])
    if not isinstance(needs, list) or not all(isinstance(n, str) and n for n in needs):
        raise PackError(f"{where}: 'needs' must be a list of words that every match holds")

    for kind in ("bad", "good"):
        if not isinstance(entry.get(kind, []), list):
            raise PackError(f"{where}: '{kind}' must be a list of examples: "
                            f"{kind} = [\"...\", {{ text = \"...\", correction = \"...\" }}]")
    bad = tuple(_example(e, where, "bad") for e in entry.get("bad", []))
    good = tuple(_example(e, where, "good") for e in entry.get("good", []))
    if not bad or not good:
        raise PackError(f"{where}: needs at least one 'bad' and one 'good' example")
    for example in bad:
        if example.plain()[1] < 0:
            raise PackError(f"{where}: bad example without <marker>…</marker>: {example.text!r}")
    if lexical:
        entry = {**_lexicon_texts(entry, bad[0]), **entry}
    known = {"match", "span", *pattern.groupindex}
    for key, template in (("message", entry["message"]), ("fix", replacement),
                          *(("suggestions", s) for s in suggestions)):
        if template is not None:
            _check_template(template, known, f"{where}: {key!r}")
    check = PatternCheck(rule_id, pattern, scope, entry["message"], replacement,
                         tuple(suggestions), safety, tuple(n.casefold() for n in needs))
    doc = entry["doc"].strip()
    summary = entry.get("summary") or first_prose_line(doc)
    return Rule(
        id=rule_id, category=category, severity=severity, summary=summary, doc=doc,
        check=check, bad=bad, good=good, origin=str(path), fixable=safety is Safety.SAFE,
    )


def _lexicon_texts(entry: dict[str, Any], first_bad: Example) -> dict[str, str]:
    """Summary, message and documentation of a lexicon entry (a calque or false friend
    given by `english`, `why`, `use` and optionally `limits`), in the fixed layout."""
    plain, start, end = first_bad.plain()
    wrong, english, use = plain[start:end], entry["english"], entry["use"]
    doc = [
        "## Was die Regel findet",
        f"„{wrong}“ und seine Formen: wörtlich übersetzt aus dem Englischen („{english}“).",
        "",
        "## Warum ist das ein Problem?",
        entry["why"].strip(),
        "",
        "## Stattdessen",
        use,
    ]
    if "limits" in entry:
        doc += ["", "## Bekannte Grenzen", entry["limits"].strip()]
    braced = use.replace("{", "{{").replace("}", "}}")
    english_braced = english.replace("{", "{{").replace("}", "}}")
    return {
        "summary": f"„{wrong}“ für engl. „{english}“.",
        "message": f"„{{span}}“ ist wörtlich aus dem Englischen übersetzt („{english_braced}“); "
                   f"deutsch: {braced.rstrip('.')}.",
        "doc": "\n".join(doc),
    }


def _check_template(template: str, known: set[str], where: str) -> None:
    """A message or fix may use {match}, {span} and the pattern's named groups, no more
    ("{0}", "{w.upper}" and "{w!r}" are refused: a pack is data, not code)."""
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as error:
        raise PackError(f"{where}: invalid template: {error} (write {{{{ for a brace)") from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in known or spec or conversion:
            raise PackError(f"{where}: unknown placeholder {{{name}}}; use {{match}}, {{span}} "
                            f"or a named group of the pattern ({', '.join(sorted(known))})")


def _example(value: Any, where: str, kind: str) -> Example:
    if isinstance(value, str):
        return Example(value)
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        correction = value.get("correction")
        if correction is not None and not isinstance(correction, str):
            raise PackError(f"{where}: a {kind} example's 'correction' must be a string")
        return Example(value["text"], correction)
    raise PackError(f"{where}: a {kind} example must be a string or {{ text = \"...\" }}")


def pack_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def first_prose_line(doc: str) -> str:
    """The first paragraph of a rule's documentation that is not a heading: its summary."""
    words: list[str] = []
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or (not stripped and not words):
            continue
        if not stripped:
            break
        words.append(stripped)
    return " ".join(words)

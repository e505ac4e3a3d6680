"""The vocabulary every part of mtlint shares: rules, examples, hits, findings, fixes."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mtlint.core.document import Document


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on."""
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class Category(enum.StrEnum):
    TERMINOLOGY = "terminology"
    GRAMMAR = "grammar"
    CASING = "casing"
    PUNCTUATION = "punctuation"
    LOCALE = "locale"
    STYLE = "style"
    SPELLING = "spelling"
    TYPOGRAPHY = "typography"
    RESIDUE = "residue"
    UNTRANSLATED = "untranslated"


class Safety(enum.StrEnum):
    """Whether a fix may be applied without a reader (ruff's applicability)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: a span of the document text and what to say about it.

    The engine turns hits into findings, stamping rule id, category and severity,
    so a check never decides those itself.
    """

    offset: int
    length: int
    message: str
    suggestions: tuple[str, ...] = ()
    # The replacement to apply to the span, if there is one; `safety` says whether
    # --fix may apply it blindly.
    replacement: str | None = None
    safety: Safety = Safety.UNSAFE
    # (start, end) of the text the replacement is for, where it is not the reported span:
    # a finding about a whole document is shown at one place and fixes every place.
    fix_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Example:
    """A rule example. `text` marks the flagged span with <marker>…</marker>."""

    text: str
    correction: str | None = None

    MARK_OPEN = "<marker>"
    MARK_CLOSE = "</marker>"

    def plain(self) -> tuple[str, int, int]:
        """The text without markers and the marked span (start, end); (-1, -1) if unmarked."""
        start = self.text.find(self.MARK_OPEN)
        if start < 0:
            return self.text, -1, -1
        rest = self.text[start + len(self.MARK_OPEN):]
        end_in_rest = rest.find(self.MARK_CLOSE)
        inner = rest[:end_in_rest]
        plain = self.text[:start] + inner + rest[end_in_rest + len(self.MARK_CLOSE):]
        return plain, start, start + len(inner)


class Shared(dict):
    """One object for equal values (messages, suggestion tuples, replacements) among the
    findings of one document: a rule repeats its message thousands of times, each a new
    string from a format. Kept per document, so that it never grows without bound."""

    def __call__(self, value: Any) -> Any:
        return self.setdefault(value, value)


CheckFunction = Callable[["Document", "RuleContext"], Iterator[Hit]]


@dataclass(frozen=True)
class RuleContext:
    """What a check may know besides the document: the run's settings for it."""

    # Correct term -> renderings known to be wrong for it (from the user's config).
    glossary: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The house quotation style (config `quotes`): german, guillemets, swiss or any.
    quotes: str = "german"
    # The user's word list (`[spelling] words` and `words-file`): words the speller knows.
    words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rule:
    id: str
    category: Category
    severity: Severity
    summary: str
    doc: str
    check: CheckFunction
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    # Where the rule is defined: a pack file or a Python module, for `mtlint explain`.
    origin: str = ""
    fixable: bool = False


@dataclass(frozen=True, slots=True)
class Fix:
    offset: int
    length: int
    replacement: str
    safety: Safety = Safety.SAFE


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found. A file may have a million of them (issue 21): slots, not a
    __dict__, and the engine shares equal messages, suggestions and replacements among the
    findings of a document (`Shared`)."""

    rule: str
    category: Category
    severity: Severity
    source: str
    offset: int
    length: int
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None

    @property
    def safe_fix(self) -> Fix | None:
        """The fix, if it may be applied without a reader."""
        return self.fix if self.fix is not None and self.fix.safety is Safety.SAFE else None

    @property
    def applied_by_fix(self) -> bool:
        """Whether `--fix` applies this finding's fix (mtlint's own safe fixes only)."""
        return self.safe_fix is not None and self.source == "mtlint"

    @property
    def shown_suggestions(self) -> str:
        """The first suggestions for a one-line display; an empty one means deletion."""
        return " | ".join(s or "(entfernen)" for s in self.suggestions[:3])

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        return (self.offset, self.length, -self.severity.rank, self.rule)

    def to_json(self) -> dict[str, Any]:
        """The finding as the JSON contract (README, schema version 1) spells it."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
        if self.safe_fix is not None:
            data["fix"] = {
                "offset": self.fix.offset,
                "length": self.fix.length,
                "replacement": self.fix.replacement,
            }
        return data

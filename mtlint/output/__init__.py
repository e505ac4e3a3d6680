"""Formatters: each turns a Report into text, without side effects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from mtlint.finding import Severity
from mtlint.runner import FileResult


@dataclass
class LanguageToolStatus:
    status: str = "off"  # used | off | unavailable
    detail: str = ""


@dataclass
class Report:
    """Everything a formatter may show about one run."""

    results: list[FileResult]
    languagetool: LanguageToolStatus = field(default_factory=LanguageToolStatus)

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for result in self.results:
            for finding in result.findings:
                counts[finding.severity.value] += 1
        return counts

    @property
    def finding_count(self) -> int:
        return sum(len(r.findings) for r in self.results)


Formatter = Callable[..., str]

# What must not reach a terminal as it is: control characters (ESC starts colour, clear-
# screen and title sequences; CR and BS overwrite what was printed), the bidirectional
# overrides that reorder what a line shows, and the lone surrogates by which Python holds
# the bytes of a file name that is not UTF-8.
UNPRINTABLE = regex.compile(r"[\p{Cc}\u202a-\u202e\u2066-\u2069\p{Cs}]")


def printable(text: str) -> str:
    """`text` with UNPRINTABLE characters written as escapes (\\x1b, \\u202e; a byte of
    a file name that is not UTF-8 as \\xfc), so that file content, file names and
    LanguageTool's messages cannot drive the terminal."""
    return UNPRINTABLE.sub(_escape, text) if UNPRINTABLE.search(text) else text


SURROGATE = regex.compile(r"\p{Cs}")


def unicode_path(path: str) -> str:
    """A file name as valid Unicode: the bytes of a name that is not UTF-8 (held by Python
    as lone surrogates, which no UTF-8 output can carry) written as \\xNN escapes."""
    return SURROGATE.sub(_escape, path) if SURROGATE.search(path) else path


def _escape(match: regex.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def formatter(name: str) -> Formatter:
    """The render function of an output format."""
    from importlib import import_module

    return import_module(f"mtlint.output.{name}").render

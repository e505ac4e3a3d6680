"""Layer 7, the report: what one run found (Report), the exit status it gives, and the
formatters, each of which turns a Report into text without side effects (one module per
output format: text, json, sarif, github; `archive` summarises a scan's tables for
`mtlint report`). A new output format goes here. May import every layer below:
`core`, `language`, `checks`, `lint`, `running`, `backends`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from mtlint.backends.status import LanguageToolStatus
from mtlint.core.display import printable, unicode_path
from mtlint.core.finding import Severity
from mtlint.running.result import FileResult

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "LanguageToolStatus", "Report",
           "exit_status", "formatter", "printable", "unicode_path", "write_report"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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


def exit_status(report: Report, *, exit_zero: bool = False) -> int:
    """2 if a file could not be checked, else 1 if a file has findings at its fail level
    (0 with `exit_zero`)."""
    if any(result.error for result in report.results):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    for result in report.results:
        if result.fail_on == "never":
            continue
        threshold = Severity(result.fail_on).rank
        if any(f.severity.rank >= threshold for f in result.findings):
            return EXIT_FINDINGS
    return EXIT_CLEAN


Formatter = Callable[..., str]


def formatter(name: str) -> Formatter:
    """The render function of an output format: the whole report as one string."""
    from importlib import import_module

    return import_module(f"mtlint.output.{name}").render


def write_report(name: str, report: Report, stream: TextIO, **options: Any) -> None:
    """Write a report in an output format piece by piece (each format's `chunks`, which
    its `render` joins): a report of a million findings is never one string in memory."""
    from importlib import import_module

    for chunk in import_module(f"mtlint.output.{name}").chunks(report, **options):
        stream.write(chunk)

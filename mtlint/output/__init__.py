"""Formatters: each turns a Report into text, without side effects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mtlint.backends.status import LanguageToolStatus
from mtlint.core.finding import Severity
from mtlint.running.result import FileResult

__all__ = ["LanguageToolStatus", "Report", "formatter"]


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


def formatter(name: str) -> Formatter:
    """The render function of an output format."""
    from importlib import import_module

    return import_module(f"mtlint.output.{name}").render

"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding,
which the Actions runner shows as an annotation on the pull request's changed lines.

    ::error file=a.txt,line=7,col=107,endLine=7,endColumn=108,title=mtlint quote-low-closing::…

Property values escape % \\r \\n : and ,; the message escapes % \\r \\n (as the runner's
toolkit does).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mtlint.core.display import unicode_path
from mtlint.core.finding import Severity
from mtlint.output import Report
from mtlint.output.sarif import ci_path

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    head = f"{name} {props}" if props else name
    return f"::{head}::{escape_data(message)}"


def chunks(report: Report, **_: Any) -> Iterator[str]:
    """One workflow command a line, a finding at a time."""
    for result in report.results:
        path = unicode_path(ci_path(result.path))
        if result.error:
            yield command("error", f"{path}: {result.error}", file=path,
                          title="mtlint: file not checked") + "\n"
        for finding in result.findings:
            message = finding.message
            if finding.suggestions:
                message += " → " + finding.shown_suggestions
            yield command(
                COMMANDS[finding.severity], message, file=path, line=finding.line,
                col=finding.column, endLine=finding.end_line, endColumn=finding.end_column,
                title=f"mtlint {finding.rule}") + "\n"


def render(report: Report, **options: Any) -> str:
    return "".join(chunks(report, **options))

"""Text output: one finding per line, a windowed excerpt with a caret underline and the
suggestion, then a summary."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mtlint.core.display import printable
from mtlint.core.finding import Finding, Severity
from mtlint.output import Report
from mtlint.running.result import FileResult

# A line up to this long is shown whole; a longer one (article lines run to 1,000) as a
# window of about WINDOW characters either side of the finding, cut between words.
WHOLE_LINE = 100
WINDOW = 36
ELLIPSIS = "…"
# How much of a long line around a finding render_finding copies for its excerpt.
CUT_MARGIN = max(2 * WINDOW + 2, WHOLE_LINE + 1)


class Palette:
    """ANSI colours through colorama's constants, or nothing."""

    def __init__(self, enabled: bool):
        if enabled:
            from colorama import Fore, Style

            self.codes = {
                "error": Fore.RED + Style.BRIGHT, "warning": Fore.YELLOW + Style.BRIGHT,
                "info": Fore.CYAN, "path": Style.BRIGHT, "rule": Style.DIM,
                "caret": Fore.RED + Style.BRIGHT, "suggestion": Fore.GREEN,
                "reset": Style.RESET_ALL,
            }
        else:
            self.codes = {}

    def __call__(self, role: str, text: str) -> str:
        if not self.codes:
            return text
        return f"{self.codes[role]}{text}{self.codes['reset']}"


def excerpt(line_text: str, column: int, width: int) -> tuple[str, int]:
    """The line, or a window of it around column (1-based) cut at word boundaries, and
    the column inside it."""
    line_text = line_text.replace("\t", " ")
    start = column - 1
    if len(line_text) <= WHOLE_LINE:
        return line_text, start
    lo = max(0, start - WINDOW)
    hi = min(len(line_text), start + max(width, 1) + WINDOW)
    if lo > 0:
        # Start after a space: at the next word, but never past the finding.
        space = line_text.rfind(" ", 0, lo + 1)
        if space >= 0 and start - space - 1 <= WINDOW * 2:
            lo = space + 1
        else:
            following = line_text.find(" ", lo, start)
            lo = following + 1 if following >= 0 else lo
    if hi < len(line_text):
        space = line_text.find(" ", hi)
        if space >= 0 and space - hi <= WINDOW:
            hi = space
        else:
            previous = line_text.rfind(" ", start + max(width, 1), hi)
            hi = previous if previous >= 0 else hi
    prefix = ELLIPSIS + " " if lo > 0 else ""
    suffix = " " + ELLIPSIS if hi < len(line_text) else ""
    window = line_text[lo:hi].strip(" ")
    shift = len(line_text[lo:hi]) - len(line_text[lo:hi].lstrip(" "))
    return prefix + window + suffix, len(prefix) + start - lo - shift


def render_finding(result: FileResult, finding: Finding, paint: Palette) -> list[str]:
    severity = paint(finding.severity.value, finding.severity.value)
    marker = " [*]" if finding.applied_by_fix else ""
    lines = [
        f"{paint('path', printable(result.path))}:{finding.line}:{finding.column}: {severity} "
        f"{paint('rule', '[' + printable(finding.rule) + ']')}{marker} "
        f"{printable(finding.message)}"
    ]
    if result.document is None:
        return lines
    source = result.document.source  # what finding positions count in
    start, end = source.line_span(finding.line)
    span_end = finding.end_column if finding.end_line == finding.line else end - start + 1
    width = max(1, span_end - finding.column)
    # Only the part of the line around the finding is copied (a document without line
    # breaks is one 1 MB line, copied for each of its thousands of findings): the
    # excerpt of that part is the same, as excerpt looks at most 2 * WINDOW characters
    # beyond the finding, and a part that was cut is longer than WHOLE_LINE.
    cut = max(0, finding.column - 1 - CUT_MARGIN)
    cut_end = min(end - start, finding.column - 1 + width + CUT_MARGIN)
    line_text = source.text[start + cut:start + cut_end]
    window, caret_column = excerpt(line_text, finding.column - cut, width)
    width = min(width, max(1, len(window) - caret_column))
    # Escapes are wider than the characters they stand for: the caret follows them.
    before = printable(window[:caret_column])
    flagged = printable(window[caret_column:caret_column + width])
    window = before + flagged + printable(window[caret_column + width:])
    caret_column, width = len(before), max(1, len(flagged))
    gutter = str(finding.line)
    lines.append(f"  {gutter} | {window}")
    underline = " " * caret_column + paint("caret", "^" * width)
    if finding.suggestions:
        underline += " " + paint("suggestion", printable(finding.shown_suggestions))
    lines.append(f"  {' ' * len(gutter)} | {underline}")
    return lines


def summary(report: Report) -> str:
    counts = report.counts()
    total = report.finding_count
    errors = sum(1 for r in report.results if r.error)
    files = len(report.results)
    parts = [counted(counts[s.value], s.value, "info" if s is Severity.INFO else None)
             for s in Severity if counts[s.value]]
    text = counted(total, "problem")
    if parts:
        text += " (" + ", ".join(parts) + ")"
    text += f" in {counted(files, 'file')}"
    if errors:
        text += f"; {counted(errors, 'file')} could not be checked"
    fixable = sum(1 for r in report.results for f in r.findings if f.applied_by_fix)
    if fixable:
        text += f"; {fixable} fixable with --fix"
    return text + "."


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """"1 file", "2 files" ("info" stays "info")."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def chunks(report: Report, *, color: bool = False, quiet: bool = False,
           **_: Any) -> Iterator[str]:
    """The text output, a finding at a time."""
    paint = Palette(color)
    for result in report.results:
        for finding in result.findings:
            lines = render_finding(result, finding, paint)
            yield "\n".join(lines[:1] if quiet else lines) + "\n"
    if not quiet or report.finding_count:
        yield summary(report) + "\n"


def render(report: Report, **options: Any) -> str:
    return "".join(chunks(report, **options))

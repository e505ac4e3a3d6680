"""Memory stays bounded: -j never starts more workers than cores, large Markdown is
checked in parts as large plain text is, findings are compact and reports are written a
finding at a time (issue 21, item 9; bench/memory.py measures the bytes a finding costs)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mtlint.core.document import Document
from mtlint.output import Report, formatter, write_report
from mtlint.running import parallel, runner
from mtlint.running.cache import ResultCache
from mtlint.running.runner import Runner, Target, check_in_parts, markdown_part_bounds

BROKEN = "Er nannte es „Bromance„ und lachte."


def test_jobs_are_capped_at_the_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []

    def record(runner_: Runner, targets: list, jobs: int, *args: object):
        started.append(jobs)
        return iter(())

    monkeypatch.setattr(parallel, "check_parallel", record)
    monkeypatch.setattr(runner, "default_jobs", lambda: 2)
    targets = [Target(f"{n}.txt", tmp_path / f"{n}.txt") for n in range(8)]
    list(Runner().check_all(targets, jobs=10_000))
    assert started == [2]


def markdown_text() -> str:
    blocks = []
    for n in range(40):
        blocks.append(f"## Abschnitt {n}\n\n{BROKEN}\n")
        if n % 7 == 3:  # code with blank lines: no part may start inside it
            blocks.append(f"```text\n{BROKEN}\n\n\n{BROKEN}\n```\n")
    return "\n".join(blocks)


def test_markdown_is_cut_only_at_blank_lines_outside_code() -> None:
    text = markdown_text()
    bounds = markdown_part_bounds(text, 300)
    assert len(bounds) > 5
    assert "".join(text[start:end] for start, end in bounds) == text
    for start, _ in bounds[1:]:
        assert text[start - 1] == "\n" and text[start - 2] == "\n"
        assert text[:start].count("```") % 2 == 0


def test_large_markdown_checked_in_parts_finds_what_the_whole_finds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = markdown_text()
    linter = Runner().linter_for(Runner().config_for(None))
    whole = linter.check(Document(text, "a.md"))
    monkeypatch.setattr(runner, "LARGE_DOCUMENT_CHARS", 500)
    monkeypatch.setattr(runner, "PART_CHARS", 300)
    parts = check_in_parts(linter, Document(text, "a.md"))
    quotes = [(f.line, f.column) for f in parts.findings if f.rule == "quote-low-closing"]
    assert quotes == [(f.line, f.column) for f in whole.findings
                      if f.rule == "quote-low-closing"]
    assert len(quotes) == 40  # the headings' paragraphs; nothing inside code


# A space before each comma and the full stop: many findings of one rule, each with a fix.
SPACED = "Er sah Haus , Baum , Wiese , Feld und den Himmel .\n\n" * 300


def spaced_findings(result) -> list:
    return [f for f in result.findings if f.rule == "space-before-punctuation"]


@pytest.mark.parametrize("cached", [False, True], ids=["checked", "from the cache"])
def test_findings_are_compact_and_share_what_they_repeat(tmp_path: Path, cached: bool) -> None:
    checker = Runner(cache=ResultCache(tmp_path / "cache"))
    result = checker.check_document(Document(SPACED, "a.txt"))
    if cached:
        result = checker.check_document(Document(SPACED, "a.txt"))
        assert checker.cache.hits == 1
    findings = spaced_findings(result)
    assert len(findings) == 4 * 300
    for finding in findings[:5]:
        assert not hasattr(finding, "__dict__")  # slots: no dict per finding or fix
        assert not hasattr(finding.fix, "__dict__")
    # One string for the message of a rule, one for each distinct replacement.
    assert len({id(f.message) for f in findings}) == 1
    assert len({id(f.fix.replacement) for f in findings}) == \
        len({f.fix.replacement for f in findings})
    # A fix over the finding's own span keeps the finding's numbers, and a one-line span
    # one line number.
    assert all(f.fix.offset is f.offset and f.end_line is f.line for f in findings)


class RecordingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[int] = []

    def write(self, text: str) -> int:
        self.writes.append(len(text))
        return super().write(text)


@pytest.mark.parametrize("name", ["text", "json", "sarif", "github"])
def test_reports_are_written_a_finding_at_a_time(name: str) -> None:
    report = Report([Runner().check_document(Document(SPACED, "a.txt"))])
    count = report.finding_count
    assert count >= 4 * 300
    stream = RecordingStream()
    write_report(name, report, stream, rules={})
    # Never the whole report in one piece: no write holds more than a few findings.
    assert len(stream.writes) >= count
    assert max(stream.writes) < 20 * len(stream.getvalue()) / count
    assert stream.getvalue() == formatter(name)(report, rules={})
    if name in ("json", "sarif"):  # written in pieces, formatted as json.dumps formats
        data = json.loads(stream.getvalue())
        assert stream.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_a_result_entry_is_written_a_finding_at_a_time(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from mtlint.running import cache as cache_module

    pieces: list[bytes] = []
    write = cache_module.write_cache_file

    def recording(path: Path, data) -> None:
        pieces.extend(data)
        write(path, pieces)

    monkeypatch.setattr(cache_module, "write_cache_file", recording)
    checker = Runner(cache=ResultCache(tmp_path / "cache"))
    first = checker.check_document(Document(SPACED, "a.txt")).findings
    assert len(pieces) >= len(first) >= 4 * 300
    assert max(map(len, pieces)) < 20 * sum(map(len, pieces)) / len(first)
    assert checker.check_document(Document(SPACED, "a.txt")).findings == first  # read back
    assert checker.cache.hits == 1

"""Memory stays bounded: -j never starts more workers than cores, and large Markdown is
checked in parts as large plain text is (issue 21, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtlint.core.document import Document
from mtlint.running import parallel, runner
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

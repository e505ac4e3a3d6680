"""The reference articles: every core artifact of seeds-expected.tsv is found, the nearly
clean seeds stay (almost) quiet, and every finding's positions are exact."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from mtlint.interfaces.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# A copy of ../shared/seeds-expected.tsv, so that the suite runs from any checkout.
EXPECTED = Path(__file__).resolve().parent / "data" / "seeds-expected.tsv"


@pytest.fixture(scope="module")
def report() -> dict:
    # In-process: these tests are about the findings, not the process (test_cli.py is).
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", str(SEEDS), "--format", "json", "--languagetool", "off",
                   "--no-cache"], stdout=out, stderr=err)
    assert status == 1, err.getvalue()
    return json.loads(out.getvalue())


def findings_by_file(report: dict) -> dict[str, list[dict]]:
    return {Path(f["path"]).name: f["findings"] for f in report["files"]}


def expected_rows(tier: str) -> list[dict]:
    with EXPECTED.open(encoding="utf-8") as stream:
        return [row for row in csv.DictReader(stream, delimiter="\t") if row["tier"] == tier]


@pytest.mark.parametrize("row", expected_rows("core"),
                         ids=lambda r: f"{r['file'][:3]}:{r['line']}:{r['anchor'][:24]}")
def test_core_artifact_is_found(report: dict, row: dict) -> None:
    line_number = int(row["line"])
    line = (SEEDS / row["file"]).read_text(encoding="utf-8").split("\n")[line_number - 1]
    start = line.index(row["anchor"]) + 1
    end = start + len(row["anchor"])
    hits = [f for f in findings_by_file(report)[row["file"]]
            if f["line"] == line_number and f["column"] < end
            and (f["end_column"] if f["end_line"] == line_number else len(line) + 1) > start]
    assert hits, f"nothing flags {row['anchor']!r} ({row['note']})"


def test_nearly_clean_seeds_give_at_most_two_findings(report: dict) -> None:
    by_file = findings_by_file(report)
    clean = [f for name, found in by_file.items() if name[:3] in ("000", "003") for f in found]
    assert len(clean) <= 2, [(f["rule"], f["line"], f["message"]) for f in clean]


def test_every_finding_points_at_its_text(report: dict) -> None:
    for entry in report["files"]:
        text = (ROOT / entry["path"]).read_text(encoding="utf-8") if not Path(
            entry["path"]).is_absolute() else Path(entry["path"]).read_text(encoding="utf-8")
        lines = text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        for finding in entry["findings"]:
            offset, length = finding["offset"], finding["length"]
            assert offset >= 0 and offset + length <= len(text)
            assert starts[finding["line"] - 1] + finding["column"] - 1 == offset
            assert starts[finding["end_line"] - 1] + finding["end_column"] - 1 == offset + length
            if finding.get("fix"):
                assert finding["fix"]["offset"] == offset

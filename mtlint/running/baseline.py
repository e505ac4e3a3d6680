"""A baseline: the findings a collection of texts had when it adopted mtlint, so that a
check reports only new ones (`--write-baseline FILE`, then `--baseline FILE`).

A finding is keyed by its file, rule, the flagged text and a few words around it, never
by its line or column: an edit elsewhere in the file moves lines but does not bring the
recorded findings back. Each key counts its findings: of three identical ones recorded,
a fourth is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from mtlint.core.finding import Finding
    from mtlint.running.result import FileResult

FORMAT = 1
CONTEXT = 20  # characters of the line kept either side of the flagged span
SPACE = regex.compile(r"\s+")


class BaselineError(Exception):
    """The baseline file cannot be read or written; the message names it."""


Key = tuple[str, str, str, str]  # path, rule, flagged text, context


def _path_key(path: str, folder: Path) -> str:
    """The file's path relative to the baseline's folder (as given where it is outside)."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()
    except (OSError, ValueError):
        return path


def finding_key(result: FileResult, finding: Finding, folder: Path) -> Key:
    text = result.document.source.text if result.document is not None else ""
    start, end = finding.offset, finding.offset + finding.length
    flagged = SPACE.sub(" ", text[start:end])
    # The context stays on the finding's line: a new paragraph next to it changes nothing.
    before = text[max(0, start - CONTEXT * 2):start].rsplit("\n", 1)[-1]
    after = text[end:end + CONTEXT * 2].split("\n", 1)[0].split("\r", 1)[0]
    before, after = SPACE.sub(" ", before)[-CONTEXT:], SPACE.sub(" ", after)[:CONTEXT]
    return _path_key(result.path, folder), finding.rule, flagged, f"{before}\u2038{after}"


def write(path: Path, results: list[FileResult]) -> int:
    """Record the findings of `results` in `path`; how many were recorded."""
    counts: Counter[Key] = Counter(
        finding_key(result, finding, path.parent)
        for result in results for finding in result.findings)
    entries = [{"path": key[0], "rule": key[1], "text": key[2], "context": key[3],
                "count": count} for key, count in sorted(counts.items())]
    data = {"mtlint-baseline": FORMAT, "findings": entries}
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{path}: cannot write baseline: {error.strerror or error}") from None
    return sum(counts.values())


def load(path: Path) -> Counter[Key]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BaselineError(f"{path}: not a baseline file (write one with "
                            "--write-baseline)") from None
    if not isinstance(data, dict) or data.get("mtlint-baseline") != FORMAT:
        raise BaselineError(f"{path}: not a baseline file (write one with --write-baseline)")
    counts: Counter[Key] = Counter()
    try:
        for entry in data["findings"]:
            key = (entry["path"], entry["rule"], entry["text"], entry["context"])
            counts[key] += int(entry.get("count", 1))
    except (KeyError, TypeError, ValueError):
        raise BaselineError(f"{path}: damaged baseline entry") from None
    return counts


def without_known(results: list[FileResult], path: Path) -> list[FileResult]:
    """The results with the findings recorded in the baseline at `path` left out."""
    known = load(path)
    kept_results = []
    for result in results:
        kept = []
        for finding in result.findings:
            key = finding_key(result, finding, path.parent)
            if known[key] > 0:
                known[key] -= 1
            else:
                kept.append(finding)
        kept_results.append(replace(result, findings=kept) if len(kept) != len(result.findings)
                            else result)
    return kept_results

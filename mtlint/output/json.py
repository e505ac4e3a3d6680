"""JSON output, schema version 1: the editor contract (README "JSON output";
the schema ships as mtlint/schema/output-v1.json)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from mtlint import __version__
from mtlint.output import Report, unicode_path

SCHEMA_VERSION = 1
INDENT = "  "


@dataclass
class Streamed:
    """A JSON array whose items are made while it is written (by `json_chunks`), so that
    a million findings are never a million dicts at once."""

    items: Iterable[Any]


def json_chunks(value: Any, level: int = 0) -> Iterator[str]:
    """`value` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, in pieces:
    the items of a Streamed array are made and encoded one at a time."""
    if isinstance(value, Streamed):
        yield from _container("[", "]", ((None, item) for item in value.items), level)
    elif isinstance(value, dict):
        yield from _container("{", "}", value.items(), level)
    elif isinstance(value, list):
        yield from _container("[", "]", ((None, item) for item in value), level)
    else:
        # A nested value without Streamed parts: encoded whole, indented to its level.
        text = json.dumps(value, ensure_ascii=False, indent=2)
        yield text.replace("\n", "\n" + INDENT * level) if level else text


def _container(opening: str, closing: str, entries: Iterable[tuple[str | None, Any]],
               level: int) -> Iterator[str]:
    inner = "\n" + INDENT * (level + 1)
    separator = opening + inner
    for key, item in entries:
        yield separator if key is None else f"{separator}{json.dumps(key, ensure_ascii=False)}: "
        yield from json_chunks(item, level + 1)
        separator = "," + inner
    # No entries: "[]" or "{}", as json.dumps writes them.
    yield opening + closing if separator.startswith(opening) else "\n" + INDENT * level + closing


def as_data(report: Report) -> dict[str, Any]:
    """The report as JSON data; the findings of each file are Streamed (see json_chunks)."""
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "mtlint", "version": __version__},
        "languagetool": {"status": report.languagetool.status,
                         "detail": report.languagetool.detail},
        "files": [
            {"path": unicode_path(result.path), "error": result.error,
             "findings": Streamed(finding.to_json() for finding in result.findings)}
            for result in report.results
        ],
        "summary": {"files": len(report.results), "findings": report.finding_count,
                    **report.counts()},
    }


def chunks(report: Report, **_: Any) -> Iterator[str]:
    yield from json_chunks(as_data(report))
    yield "\n"


def render(report: Report, **options: Any) -> str:
    return "".join(chunks(report, **options))

"""JSON output, schema version 1: the editor contract (README "JSON output";
the schema ships as mtlint/schema/output-v1.json)."""

from __future__ import annotations

import json
from typing import Any

from mtlint import __version__
from mtlint.output import Report, unicode_path

SCHEMA_VERSION = 1


def as_data(report: Report) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "mtlint", "version": __version__},
        "languagetool": {"status": report.languagetool.status,
                         "detail": report.languagetool.detail},
        "files": [
            {"path": unicode_path(result.path), "error": result.error,
             "findings": [finding.to_json() for finding in result.findings]}
            for result in report.results
        ],
        "summary": {"files": len(report.results), "findings": report.finding_count,
                    **report.counts()},
    }


def render(report: Report, **_: Any) -> str:
    return json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n"

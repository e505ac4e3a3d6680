"""SARIF 2.1.0 output for code-scanning services (GitHub code scanning, GitLab, Azure DevOps).

One run: `tool.driver` lists the rules that reported something, with their documentation
as help text; each finding is a result with its region and, where it is safe, a fix; files
that could not be checked are tool execution notifications.

Regions use 1-based lines and columns counted in Unicode code points (`columnKind:
unicodeCodePoints`, the same columns as the text and JSON output); `endColumn` is exclusive.
Paths under the current folder are relative URIs against `%SRCROOT%`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mtlint import __version__
from mtlint.core.display import unicode_path
from mtlint.core.finding import Finding, Rule, Severity
from mtlint.lint.explain import examples_section, rule_doc
from mtlint.output import Report
from mtlint.output.json import Streamed, json_chunks

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def ci_path(path: str, base: Path | None = None) -> str:
    """A reported path as CI tools want it: relative to `base` (the current folder) when
    it lies inside it, with forward slashes; other paths stay absolute."""
    base = base or Path.cwd()
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(base.resolve())
        except (ValueError, OSError):
            return candidate.as_posix()
    return Path(os.path.normpath(candidate)).as_posix()


def artifact_location(path: str, base: Path) -> dict[str, Any]:
    relative = ci_path(path, base)
    if Path(relative).is_absolute():
        return {"uri": Path(relative).as_uri()}
    # The file name's bytes, percent-encoded: exact even for a name that is not UTF-8.
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}


def region(finding: Finding) -> dict[str, int]:
    return {"startLine": finding.line, "startColumn": finding.column,
            "endLine": finding.end_line, "endColumn": finding.end_column}


def rule_descriptor(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    if rule is None:  # a rule from elsewhere (LanguageTool, a pack this run did not list)
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    doc = rule_doc(rule).strip()
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.summary or rule.id},
        "fullDescription": {"text": doc or rule.summary or rule.id},
        "help": {"text": doc or rule.summary or rule.id,
                 "markdown": f"{doc}\n\n{examples_section(rule)}\n"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category.value, "tags": [rule.category.value],
                       "fixable": rule.fixable},
    }


def result_of(finding: Finding, location: dict[str, Any], rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location,
                                            "region": region(finding)}}],
        "properties": {"category": finding.category.value, "source": finding.source},
    }
    if finding.suggestions:
        result["properties"]["suggestions"] = list(finding.suggestions)
    fix = finding.safe_fix
    if fix is not None:
        result["fixes"] = [{
            "description": {"text": f"Ersetzen durch „{fix.replacement}“"},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{"deletedRegion": region(finding),
                                  "insertedContent": {"text": fix.replacement}}],
            }],
        }]
    return result


def as_sarif(report: Report, rules: Mapping[str, Rule] | None = None,
             base: Path | None = None) -> dict[str, Any]:
    """The SARIF log of a report; `rules` documents the rule ids (default: built-in). Its
    results are Streamed (see mtlint.output.json.json_chunks)."""
    if rules is None:
        from mtlint.lint.registry import rules_for

        rules = rules_for(())
    base = base or Path.cwd()
    used = sorted({f.rule for r in report.results for f in r.findings})
    index = {rule_id: i for i, rule_id in enumerate(used)}
    notifications = []
    locations = [artifact_location(file_result.path, base) for file_result in report.results]
    for file_result, location in zip(report.results, locations, strict=True):
        if file_result.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"{unicode_path(file_result.path)}: {file_result.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": location}}],
            })
        for note in file_result.notes:
            notifications.append({"level": "warning",
                                  "message": {"text": f"{unicode_path(file_result.path)}: {note}"}})
    if report.languagetool.status == "unavailable":
        notifications.append({"level": "note", "message": {
            "text": f"LanguageTool {report.languagetool.status}: {report.languagetool.detail}"}})
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(r.error for r in report.results)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mtlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule_descriptor(rule_id, rules.get(rule_id)) for rule_id in used],
            }},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": base.resolve().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": Streamed(
                result_of(finding, location, index[finding.rule])
                for file_result, location in zip(report.results, locations, strict=True)
                for finding in file_result.findings),
        }],
    }


def chunks(report: Report, *, rules: Mapping[str, Rule] | None = None,
           **_: Any) -> Iterator[str]:
    yield from json_chunks(as_sarif(report, rules))
    yield "\n"


def render(report: Report, **options: Any) -> str:
    return "".join(chunks(report, **options))

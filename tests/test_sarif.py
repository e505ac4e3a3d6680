"""CI formats: SARIF 2.1.0 validated against the official schema, GitHub workflow commands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from mtlint.interfaces.cli import main
from mtlint.output.github import command, escape_property

DATA = Path(__file__).resolve().parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BROKEN = "Er nannte es „Bromance„ und sagte \"Freund“.\n"


def run_inline(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", "--languagetool", "off", *args], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_sarif_on_the_seeds_is_valid_and_matches_the_json_findings(
        seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(seeds_dir.parent)
    status, out, _ = run_inline("seeds", "--format", "sarif")
    sarif = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    json_status, json_out, _ = run_inline("seeds", "--format", "json")
    assert status == json_status
    expected = [(file["path"], f) for file in json.loads(json_out)["files"]
                for f in file["findings"]]
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    assert len(run["results"]) == len(expected) > 0
    rules = run["tool"]["driver"]["rules"]
    for result, (path, finding) in zip(run["results"], expected, strict=True):
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": path, "uriBaseId": "%SRCROOT%"}
        assert location["region"] == {
            "startLine": finding["line"], "startColumn": finding["column"],
            "endLine": finding["end_line"], "endColumn": finding["end_column"]}
        assert result["ruleId"] == finding["rule"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == {"error": "error", "warning": "warning",
                                   "info": "note"}[finding["severity"]]
        assert ("fixes" in result) == ("fix" in finding)
    for rule in rules:
        assert rule["help"]["text"].startswith("## Was die Regel findet")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_sarif_fix_replaces_the_region_and_file_errors_are_notifications(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mit leer.txt").write_text("😀 " + BROKEN, encoding="utf-8")
    status, out, _ = run_inline("mit leer.txt", "fehlt.txt", "--format", "sarif")
    assert status == 2
    sarif = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    run = sarif["runs"][0]
    low = next(r for r in run["results"] if r["ruleId"] == "quote-low-closing")
    location = low["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "mit%20leer.txt"
    # Columns count code points: the emoji is one column.
    assert location["region"]["startColumn"] == len("😀 Er nannte es „Bromance") + 1
    change = low["fixes"][0]["artifactChanges"][0]
    assert change["replacements"] == [{"deletedRegion": location["region"],
                                       "insertedContent": {"text": "“"}}]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notification = invocation["toolExecutionNotifications"][0]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "fehlt.txt: no such file or directory"


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a,b.txt").write_text(BROKEN, encoding="utf-8")
    status, out, _ = run_inline(str(tmp_path / "a,b.txt"), "fehlt.txt", "--format", "github",
                                "--select", "quote-*")
    assert status == 2
    assert out.splitlines() == [
        "::error file=a%2Cb.txt,line=1,col=23,endLine=1,endColumn=24,"
        "title=mtlint quote-low-closing::Schließendes Anführungszeichen muss “ sein, nicht „. → “",
        "::warning file=a%2Cb.txt,line=1,col=35,endLine=1,endColumn=36,"
        "title=mtlint quote-english-opening::Gemischte Anführungszeichen: Ein deutsches Zitat "
        "öffnet mit „. → „",
        "::error file=fehlt.txt,title=mtlint%3A file not checked::"
        "fehlt.txt: no such file or directory",
    ]


def test_github_escaping() -> None:
    assert escape_property("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae"
    assert command("notice", "50% mehr\nZeile: zwei, drei", file="x:y.txt", line=3) == (
        "::notice file=x%3Ay.txt,line=3::50%25 mehr%0AZeile: zwei, drei")
    assert command("error", "100%") == "::error::100%25"

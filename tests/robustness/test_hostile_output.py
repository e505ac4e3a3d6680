"""What a file, its name or LanguageTool says cannot drive the terminal, and a file name
that is not UTF-8 cannot break a report (issue 21, items 5 and 12)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from mtlint.core.document import Document
from mtlint.core.finding import Category, Hit, Rule, Severity
from mtlint.interfaces.cli import main
from mtlint.lint.engine import make_finding
from mtlint.output import LanguageToolStatus, Report, printable
from mtlint.output.text import render
from mtlint.running.runner import FileResult

CLEAR_SCREEN = "\x1b[2J"
SET_TITLE = "\x1b]0;owned\x07"


@pytest.mark.parametrize(("raw", "shown"), [
    ("a\x1b[2Jb", "a\\x1b[2Jb"),
    ("x\ry", "x\\x0dy"),
    ("\x9b31m", "\\x9b31m"),  # the one-byte CSI
    ("abc\u202edcba", "abc\\u202edcba"),  # right-to-left override
    ("k\udcf6ln", "k\\xf6ln"),  # a file name byte that is not UTF-8
    ("Grüße „so“ – gut", "Grüße „so“ – gut"),
])
def test_printable_escapes_what_drives_a_terminal(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def _report(text: str, path: str, message: str, suggestion: str) -> Report:
    doc = Document(text, path)
    rule = Rule(id="test-rule", category=Category.TYPOGRAPHY, severity=Severity.WARNING,
                summary="s", doc="d", check=lambda d, c: iter(()), bad=(), good=())
    start = text.index("X")
    finding = make_finding(doc, rule, Severity.WARNING,
                           Hit(start, 1, message, (suggestion,), None), source="languagetool")
    return Report([FileResult(path, [finding], document=doc)], LanguageToolStatus())


def test_text_output_has_no_control_characters_and_the_caret_still_points() -> None:
    text = f"Vorher {CLEAR_SCREEN}dann X und {SET_TITLE} Ende."
    out = render(_report(text, f"a{SET_TITLE}.txt", f"Nachricht{CLEAR_SCREEN}",
                         f"Y{SET_TITLE}"))
    assert "\x1b" not in out and "\x07" not in out
    assert "a\\x1b]0;owned\\x07.txt:1:" in out
    excerpt, underline = out.splitlines()[1:3]
    caret = underline.index("^")
    assert excerpt[caret] == "X"
    assert underline.endswith("Y\\x1b]0;owned\\x07")


def test_notes_and_errors_on_stderr_are_escaped(tmp_path: Path) -> None:
    bad = tmp_path / f"b{CLEAR_SCREEN}.txt"
    bad.write_bytes(b"\xff\xfe binary-ish \x00")
    err = io.StringIO()
    main(["check", str(bad), "--no-cache", "--languagetool", "off"], stdout=io.StringIO(),
         stderr=err)
    assert "\x1b" not in err.getvalue()
    assert "b\\x1b[2J.txt: binary file" in err.getvalue()


@pytest.mark.parametrize("form", ["json", "sarif", "github", "text"])
def test_a_file_name_that_is_not_utf8_gives_a_valid_report(tmp_path: Path, form: str,
                                                           monkeypatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    name = os.fsdecode(b"k\xf6ln.txt")
    (folder / name).write_text("Er nannte es „Bromance„ und lachte.\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", ".", "--no-cache", "--languagetool", "off", "--format", form],
                  stdout=out, stderr=err)
    assert status == 1, err.getvalue()
    report = out.getvalue()
    report.encode("utf-8")  # no lone surrogate: a UTF-8 stream can carry it
    if form == "json":
        assert json.loads(report)["files"][0]["path"].endswith("k\\xf6ln.txt")
    if form == "sarif":
        result = json.loads(report)["runs"][0]["results"][0]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "k%F6ln.txt"  # the name's very bytes

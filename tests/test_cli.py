"""The command line as a user meets it: stdout, stderr and exit status together."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from mtlint.interfaces.cli import main

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "mtlint/schema/output-v1.json").read_text())
BROKEN_QUOTE = "Er nannte es „Bromance„ und lachte.\n"
CLEAN = "Er nannte es „Bromance“ und lachte.\n"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None):
    """mtlint as a subprocess: (exit status, stdout, stderr)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mtlint", *args], input=stdin, capture_output=True, text=True,
        cwd=cwd, timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr


def run_inline(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_finding_exits_1_and_shows_position_excerpt_and_fix(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BROKEN_QUOTE, encoding="utf-8")
    status, out, err = run_inline("check", str(article), "--languagetool", "off")
    assert status == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{article}:1:23: error [quote-low-closing]")
    assert "„Bromance„ und" in out.splitlines()[1]
    caret_line = out.splitlines()[2]
    assert caret_line.index("^") == out.splitlines()[1].index("„ und")
    assert out.splitlines()[-1].startswith("1 problem (1 error) in 1 file")
    assert err == ""


def test_clean_file_exits_0(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(CLEAN, encoding="utf-8")
    status, out, _ = run_inline("check", str(article), "--languagetool", "off")
    assert status == 0
    assert out.strip() == "0 problems in 1 file."


def test_default_command_is_check_and_python_m_works(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    status, out, _ = run(str(tmp_path / "a.txt"), "--languagetool", "off", "-q")
    assert status == 1
    assert "[quote-low-closing]" in out


def test_missing_file_is_exit_2_and_other_files_are_still_checked(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BROKEN_QUOTE, encoding="utf-8")
    status, out, err = run_inline("check", str(tmp_path / "missing.txt"), str(article),
                                  "--languagetool", "off", "--format", "json")
    assert status == 2
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    by_path = {f["path"]: f for f in data["files"]}
    assert by_path[str(tmp_path / "missing.txt")]["error"] == "no such file or directory"
    assert by_path[str(article)]["findings"][0]["rule"] == "quote-low-closing"
    assert "missing.txt: no such file or directory" in err


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Größe\n".encode("latin-1"))
    status, _, err = run_inline("check", str(bad), "--languagetool", "off")
    assert status == 2
    assert "not valid UTF-8 (byte 0xf6 at byte offset 2)" in err
    status, _, _ = run_inline("check", str(bad), "--languagetool", "off", "--encoding", "latin-1")
    assert status == 0


def test_stdin_with_filename_and_json_positions() -> None:
    status, out, _ = run("check", "-", "--stdin-filename", "buffer.txt", "--format", "json",
                         "--languagetool", "off", stdin="Zeile eins.\n" + BROKEN_QUOTE)
    assert status == 1
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    finding = data["files"][0]["findings"][0]
    assert data["files"][0]["path"] == "buffer.txt"
    assert (finding["line"], finding["column"], finding["end_column"]) == (2, 23, 24)
    assert finding["fix"] == {"offset": 34, "length": 1, "replacement": "“"}
    assert data["languagetool"]["status"] == "off"


def test_fail_on_and_select_change_the_exit_status(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BROKEN_QUOTE, encoding="utf-8")
    assert run_inline("check", str(article), "--languagetool", "off", "--fail-on", "never")[0] == 0
    status, out, _ = run_inline("check", str(article), "--languagetool", "off",
                                "--ignore", "punctuation")
    assert status == 0 and "0 problems" in out
    status, _, _ = run_inline("check", str(article), "--languagetool", "off",
                              "--select", "quote-*")
    assert status == 1


def test_config_error_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    status, _, err = run_inline("check", str(tmp_path / "a.txt"), "--languagetool", "off")
    assert status == 2
    assert f"{tmp_path / '.mtlint.toml'}: fail-on: must be one of" in err
    status, _, err = run_inline("check", str(tmp_path / "a.txt"), "--config",
                                str(tmp_path / ".mtlint.toml"))
    assert status == 2 and "fail-on" in err


def test_pyproject_config_is_found_from_the_file_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mtlint]\nignore = ["quote-low-closing"]\n', encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    status, out, _ = run_inline("check", str(tmp_path / "articles"), "--languagetool", "off")
    assert status == 0, out


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text(
        '[per-file-ignores]\n"legacy/*.txt" = ["punctuation"]\n', encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    status, out, _ = run_inline("check", str(tmp_path), "--languagetool", "off", "-q")
    assert status == 1
    assert "b.txt:1:23" in out and "legacy" not in out


def test_usage_error_exit_2() -> None:
    status, _, err = run("check", "--format", "xml")
    assert status == 2 and "invalid choice" in err


def test_rules_lists_every_rule_and_explain_shows_examples() -> None:
    status, out, _ = run_inline("rules")
    assert status == 0
    assert any(line.startswith("quote-low-closing ") for line in out.splitlines())
    status, out, _ = run_inline("explain", "quote-low-closing")
    assert status == 0
    assert "## Was die Regel findet" in out and "Nicht gemeldet:" in out
    # The flagged „ is marked by carets under it, not by brackets that could be text.
    lines = out.splitlines()
    flagged = next(i for i, line in enumerate(lines) if line.endswith("„Bromance„ und lachte."))
    assert lines[flagged + 1].index("^") == lines[flagged].index("„ und")
    assert "»" not in out
    status, _, err = run_inline("explain", "quote-low-closin")
    assert status == 2 and "did you mean quote-low-closing" in err


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_markdown_code_is_never_flagged(tmp_path: Path, suffix: str) -> None:
    article = tmp_path / f"a{suffix}"
    article.write_text("# Titel\n\nText mit `„a„` Code.\n\n```\n„b„\n```\n", encoding="utf-8")
    status, out, _ = run_inline("check", str(article), "--languagetool", "off", "-q")
    if suffix == ".md":
        assert status == 0, out
    else:
        assert status == 1


def test_config_selector_that_names_no_rule_is_an_error(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('ignore = ["quote-lowclosing"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    status, _, err = run_inline("check", str(tmp_path / "a.txt"), "--languagetool", "off")
    assert status == 2
    assert "ignore: no rule or category named 'quote-lowclosing'" in err


def test_missing_extend_rules_folder_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('extend-rules = ["house/"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    status, _, err = run_inline("check", str(tmp_path / "a.txt"), "--languagetool", "off")
    assert status == 2
    assert "extend-rules" in err and "house" in err


def test_cli_selector_that_names_no_rule_is_a_usage_error(tmp_path: Path) -> None:
    # A typo in a pre-commit hook's args must not let every commit through.
    (tmp_path / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    for option, selector in (("--select", "quote-lowclosing"), ("--select", "qoute-*"),
                             ("--ignore", "qoute-*")):
        status, out, err = run_inline("check", str(tmp_path / "a.txt"), "--languagetool", "off",
                                      option, selector)
        assert status == 2, (option, selector)
        assert f"{option} {selector!r} names no rule or category" in err
        assert out == ""


def test_config_quotes_must_name_a_style(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('quotes = "american"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    status, _, err = run_inline("check", str(tmp_path / "a.txt"), "--languagetool", "off")
    assert status == 2
    assert "quotes: must be one of german, guillemets, swiss, any" in err

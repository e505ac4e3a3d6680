"""Broken configuration and broken user rule packs: a message naming the file and the key
(or the rule), exit 2, never a traceback; a runaway pattern is stopped by the regex
timeout and reported as skipped."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from mtlint.lint import packs

BROKEN = "Er nannte es „Bromance„ und lachte.\n"
RULE = '''
[[rule]]
id = "{id}"
category = "style"
severity = "warning"
pattern = '{pattern}'
message = "{message}"
doc = "## Was die Regel findet\\nEtwas."
bad = [{{ text = "<marker>a</marker>" }}]
good = ["b"]
'''


@pytest.mark.parametrize(("content", "message"), [
    ('selct = ["quotes"]\n',
     "selct: unknown key (known keys: encoding, exclude, extend-exclude, extend-rules, "
     "fail-on, glossary, html, ignore, languagetool, per-file-ignores, quotes, "
     "respect-gitignore, select, severity, spelling)"),
    ('select = [\n', "invalid TOML: Invalid value (at end of document)"),
    ('fail-on = "sometimes"\n', "fail-on: must be one of error, warning, info, never"),
    ('[severity]\n"quote-low-closing" = "fatal"\n',
     "severity.quote-low-closing: must be error, warning or info"),
    ('encoding = "klingon"\n', "encoding: must name a text encoding such as 'utf-8' or 'cp1252'"),
    ('[languagetool]\nurl = "ftp://x"\n', "languagetool.url: must be an http:// or https:// URL"),
    (b'select = ["\xff"]\n', "config is not UTF-8"),
])
def test_broken_config_names_file_and_key(tmp_path: Path, content: str | bytes, message: str,
                                          mtlint_check) -> None:
    project, other = tmp_path / "project", tmp_path / "other"
    project.mkdir()
    other.mkdir()
    config = project / ".mtlint.toml"
    if isinstance(content, bytes):
        config.write_bytes(content)
    else:
        config.write_text(content, encoding="utf-8")
    (project / "a.txt").write_text(BROKEN, encoding="utf-8")
    (other / "b.txt").write_text(BROKEN, encoding="utf-8")
    status, out, err = mtlint_check(str(project), str(other), "--format", "json")
    assert status == 2
    assert err == f"mtlint: {project / 'a.txt'}: {config}: {message}\n"
    files = json.loads(out)["files"]
    assert files[1]["path"] == str(other / "b.txt")
    assert len(files[1]["findings"]) == 1  # the file under a good configuration

    status, out, err = mtlint_check(str(project / "a.txt"), "--config", str(config))
    assert (status, out, err) == (2, "", f"mtlint: error: {config}: {message}\n")


def test_broken_pyproject_names_the_table(tmp_path: Path, mtlint_check) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mtlint]\nfail-on = "x"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    _, _, err = mtlint_check(str(tmp_path / "a.txt"))
    assert err == (f"mtlint: {tmp_path / 'a.txt'}: {tmp_path / 'pyproject.toml'}: "
                   "tool.mtlint.fail-on: must be one of error, warning, info, never\n")


@pytest.mark.parametrize(("rule", "message"), [
    (RULE.format(id="bad-regex", pattern="(unclosed", message="x"),
     "rule 'bad-regex': invalid pattern: missing ) at position 9"),
    (RULE.format(id="bad-field", pattern="a", message="x").replace('message = "x"\n', ""),
     "rule 'bad-field': missing or non-string required key 'message'"),
    (RULE.format(id="bad-category", pattern="a", message="x").replace('"style"', '"stil"'),
     "rule 'bad-category': unknown category 'stil'; one of terminology, grammar, casing, "
     "punctuation, locale, style, spelling, typography, residue, untranslated"),
    (RULE.format(id="bad-placeholder", pattern="a", message="{wort}"),
     "rule 'bad-placeholder': 'message': unknown placeholder {wort}; use {match}, {span} "
     "or a named group of the pattern (match, span)"),
    (RULE.format(id="bad-attribute", pattern="(?P<w>a)", message="{w.__class__}"),
     "rule 'bad-attribute': 'message': unknown placeholder {w.__class__}; use {match}, "
     "{span} or a named group of the pattern (match, span, w)"),
    (RULE.format(id="Bad_Id", pattern="a", message="x"),
     "rule 'Bad_Id': 'id' must be a kebab-case string like 'quote-low-closing'"),
    (RULE.format(id="bad-extra", pattern="a", message="x") + 'colour = "red"\n',
     "rule 'bad-extra': unknown key 'colour'"),
    ("[[rule]\n", "invalid TOML: Expected ']]' at the end of an array declaration "
                  "(at line 1, column 7)"),
])
def test_broken_rule_pack_names_file_and_rule(tmp_path: Path, rule: str, message: str,
                                              mtlint_check) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = rules / "house.toml"
    pack.write_text(rule, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    status, out, err = mtlint_check(str(tmp_path / "a.txt"), "--rules", str(rules))
    assert (status, out) == (2, "")
    assert err == f"mtlint: error: {pack}: {message}\n"


@pytest.fixture
def slow_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pack whose pattern (?:a|aa)+$ backtracks exponentially on a run of a's that does
    not end the block; the time limit lowered to 0.2 s."""
    monkeypatch.setattr(packs, "REGEX_TIMEOUT", 0.2)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.toml").write_text(
        RULE.format(id="slow-pattern", pattern="(?:a|aa)+$", message="Langsam: {match}"),
        encoding="utf-8")
    return rules


def test_catastrophic_pattern_is_stopped_and_reported(tmp_path: Path, slow_rules: Path,
                                                      mtlint_check) -> None:
    rules = slow_rules
    blocks = [BROKEN.strip(), "a" * 40 + "!", "aaa", "a" * 40 + "!", BROKEN.strip()]
    blocks += ["a" * 40 + "!"] * 5 + ["aa"]
    article = tmp_path / "a.txt"
    article.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    started = time.monotonic()
    status, out, err = mtlint_check(str(article), "--rules", str(rules), "--format", "json")
    elapsed = time.monotonic() - started
    assert status == 1
    assert err == (f"mtlint: {article}: note: rule slow-pattern exceeded its 0.2 s time limit "
                   "(regex timeout) in the blocks at lines 3, 7, 11; skipped there and in the "
                   "rest of the file\n")
    found = [(f["rule"], f["line"]) for f in json.loads(out)["files"][0]["findings"]]
    # The other rules are unaffected; the slow rule still reports the block before the
    # runaway ones ("aaa" on line 5), and nothing after it gave up.
    assert ("quote-low-closing", 1) in found and ("quote-low-closing", 9) in found
    assert [line for rule, line in found if rule == "slow-pattern"] == [5]
    assert elapsed < 3 * 0.2 + 10  # three timeouts, not one per block


def test_single_timeout_keeps_the_rest_of_the_rule(tmp_path: Path, slow_rules: Path,
                                                   mtlint_check) -> None:
    rules = slow_rules
    article = tmp_path / "a.txt"
    article.write_text("aa\n\n" + "a" * 40 + "!\n\naaaa\n", encoding="utf-8")
    status, out, err = mtlint_check(str(article), "--rules", str(rules), "--format", "json",
                                  "--select", "slow-pattern")
    assert err == (f"mtlint: {article}: note: rule slow-pattern exceeded its 0.2 s time limit "
                   "(regex timeout) in the block at line 3; skipped there\n")
    lines = [f["line"] for f in json.loads(out)["files"][0]["findings"]]
    assert (status, lines) == (1, [1, 5])


def test_the_time_budget_is_per_rule_and_file_not_per_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mtlint_check) -> None:
    """A line-scope pattern that stays under the per-line limit on every line (issue 21,
    item 7): each line costs "1 s" on a clock that counts calls, so the rule's 10 s per
    file run out at line 10 and the rest of the file is skipped, with a note."""
    ticks = iter(range(0, 10_000))
    monkeypatch.setattr(packs, "_clock", lambda: float(next(ticks)))
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "every.toml").write_text(
        RULE.format(id="every-line", pattern="Zeile", message="Zeile").replace(
            "[[rule]]", '[[rule]]\nscope = "line"'), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("".join(f"Zeile {n}.\n" for n in range(1, 101)), encoding="utf-8")
    status, out, err = mtlint_check(str(article), "--rules", str(rules), "--format", "json",
                                  "--select", "every-line")
    assert err == (f"mtlint: {article}: note: rule every-line used up its 10 s per file "
                   "(regex time budget) at line 10; skipped in the rest of the file\n")
    lines = [f["line"] for f in json.loads(out)["files"][0]["findings"]]
    assert (status, lines) == (1, list(range(1, 10)))


# --- values that cannot work (issue 21, item 15) ------------------------------------------

@pytest.mark.parametrize(("content", "key"), [
    ("[languagetool]\ntimeout = inf\n", "languagetool.timeout"),
    ("[languagetool]\ntimeout = nan\n", "languagetool.timeout"),
    ("[languagetool]\ntimeout = 1e308\n", "languagetool.timeout"),
    ("[languagetool]\ntimeout = true\n", "languagetool.timeout"),
    ('[glossary]\n"" = ["x"]\n', "glossary"),
    ('glossary = ["OpenAI", " "]\n', "glossary"),
    ('[glossary]\n"OpenAI" = ["Open AI", "OpenAI"]\n', "glossary.OpenAI"),
])
def test_config_values_that_cannot_work_are_refused(tmp_path: Path, content: str, key: str,
                                                    mtlint_check) -> None:
    config = tmp_path / ".mtlint.toml"
    config.write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    status, _, err = mtlint_check(str(tmp_path / "a.txt"))
    assert status == 2
    assert str(config) in err and key in err


def test_a_sensible_timeout_is_still_accepted(tmp_path: Path, mtlint_check) -> None:
    (tmp_path / ".mtlint.toml").write_text("[languagetool]\ntimeout = 7.5\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    status, _, err = mtlint_check(str(tmp_path / "a.txt"))
    assert (status, err) == (1, "")


def test_the_same_pack_folder_twice_is_read_once(tmp_path: Path, mtlint_check) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "house.toml").write_text(
        RULE.format(id="house-word", pattern="Hauswort", message="Hauswort"), encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text('extend-rules = ["rules", "./rules/"]\n',
                                           encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Ein Hauswort.\n", encoding="utf-8")
    _, out, err = mtlint_check(str(article), "--rules", str(rules), "--format", "json")
    assert err == ""
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["house-word"]

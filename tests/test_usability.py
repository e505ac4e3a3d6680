"""What a new user meets (issue 18): configuration mistakes are errors, not silence;
inline directives; the features linter users expect."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mtlint.interfaces.cli import main

BROKEN_QUOTE = "Er nannte es „Bromance„ und lachte.\n"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if cwd is None:
        status = main(list(args), stdout=out, stderr=err)
    else:
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(cwd)
            status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


# --- configuration errors ---------------------------------------------------------------

def test_broken_pyproject_with_mtlint_table_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mtlint]\nselect = ["quote-*"\n')
    (tmp_path / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    status, _, err = run("check", str(tmp_path / "a.txt"), "--languagetool", "off")
    assert status == 2
    assert "pyproject.toml: invalid TOML" in err


def test_broken_pyproject_without_mtlint_table_is_not_ours(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = \n')
    (tmp_path / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    status, _, err = run("check", str(tmp_path / "a.txt"), "--languagetool", "off")
    assert status == 1 and err == ""


def test_selector_from_a_pack_of_the_files_config_is_known(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "house.toml").write_text(
        '[[rule]]\nid = "house-wort"\ncategory = "style"\nseverity = "warning"\n'
        'summary = "Hauswort."\nmessage = "Hauswort."\npattern = "Hauswort"\n'
        'bad = ["Das <marker>Hauswort</marker> steht hier."]\ngood = ["Das Wort steht hier."]\n'
        'doc = "Das Hauswort."\n', encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text('extend-rules = ["house"]\n')
    (tmp_path / "a.txt").write_text("Das Hauswort steht hier.\n", encoding="utf-8")
    status, out, err = run("check", str(tmp_path / "a.txt"), "--languagetool", "off",
                           "--select", "house-wort")
    assert (status, err) == (1, ""), err
    assert "[house-wort]" in out


# --- inline directives ----------------------------------------------------------------

PLAIN_DIRECTIVES = (
    BROKEN_QUOTE
    + "# mtlint: disable-next-line quote-low-closing\n" + BROKEN_QUOTE
    + BROKEN_QUOTE.rstrip("\n") + "  # mtlint: disable-line\n"
    + BROKEN_QUOTE
)
MARKDOWN_DIRECTIVES = (
    BROKEN_QUOTE + "\n"
    + "<!-- mtlint-disable-next-line quote-low-closing -->\n" + BROKEN_QUOTE + "\n"
    + BROKEN_QUOTE.rstrip("\n") + " <!-- mtlint-disable-line -->\n\n"
    + BROKEN_QUOTE
)


@pytest.mark.parametrize(("name", "text", "lines"), [
    ("a.txt", PLAIN_DIRECTIVES, [1, 5]),
    ("a.md", MARKDOWN_DIRECTIVES, [1, 8]),
])
def test_disable_next_line_and_disable_line(tmp_path: Path, name: str, text: str,
                                            lines: list[int]) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    status, out, err = run("check", str(tmp_path / name), "--languagetool", "off",
                           "--format", "json", "--no-cache")
    import json

    findings = json.loads(out)["files"][0]["findings"]
    assert [f["line"] for f in findings] == lines
    assert (status, err) == (1, "")


def test_plain_directive_is_not_checked_as_prose(tmp_path: Path) -> None:
    text = "Der erste Satz steht hier.\n# mtlint: disable-next-line\nZweiter Satz steht hier.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    status, out, _ = run("check", str(tmp_path / "a.txt"), "--languagetool", "off", "--no-cache")
    assert status == 0, out


@pytest.mark.parametrize(("name", "text"), [
    ("a.txt", BROKEN_QUOTE + "# mtlint: disable-next-line qoute-low-closing\n" + BROKEN_QUOTE),
    ("a.md", "<!-- mtlint-disable qoute-low-closing -->\n" + BROKEN_QUOTE),
])
def test_directive_naming_no_rule_is_an_error(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    status, out, err = run("check", str(tmp_path / name), "--languagetool", "off", "--no-cache")
    assert status == 2
    assert "directive names no rule 'qoute-low-closing'" in err
    assert "[quote-low-closing]" in out  # the file's findings are still reported


# --- one problem, one finding ---------------------------------------------------------

def test_english_sentence_gets_only_the_untranslated_finding() -> None:
    from mtlint import check_text

    text = ("Die Firma wurde gegründet.\n\n"
            "The company was founded in 2019 and grew quickly since then.\n\n"
            "Die Zahlen stiegen in 2021 deutlich.\n")
    found = [(f.rule, f.line) for f in check_text(text, "a.txt")]
    assert found == [("sentence-untranslated", 3), ("calque-in-year", 5)]


def test_calque_in_year_message_names_the_year_of_the_text() -> None:
    from mtlint import check_text

    (finding,) = check_text("Die Zahlen stiegen in 2021 deutlich.\n", "a.txt",
                            select=["calque-in-year"])
    assert "2023" not in finding.message
    assert "„in 2021“" in finding.message and "„im Jahr 2021“" in finding.message


def test_two_rules_with_the_same_fix_on_the_same_span_report_once() -> None:
    from mtlint.core.finding import Category, Finding, Fix, Safety, Severity
    from mtlint.lint.engine import deduplicate

    def finding(rule: str, replacement: str) -> Finding:
        return Finding(rule, Category.TERMINOLOGY, Severity.ERROR, "mtlint", 10, 8, 1, 11, 1,
                       19, "m", (replacement,), Fix(10, 8, replacement, Safety.SAFE))

    kept = deduplicate([finding("term-inconsistent", "SearchGPT"),
                        finding("brand-translated", "SearchGPT")])
    assert [f.rule for f in kept] == ["brand-translated"]
    different = deduplicate([finding("term-inconsistent", "SearchGpt"),
                             finding("brand-translated", "SearchGPT")])
    assert len(different) == 2


# --- rule documentation -----------------------------------------------------------------

def test_sarif_help_of_a_code_defined_rule_is_not_indented(tmp_path: Path) -> None:
    import json

    (tmp_path / "a.txt").write_text("neue Regeln für Mieter\n\nEin Absatz folgt hier.\n",
                                    encoding="utf-8")
    status, out, _ = run("check", str(tmp_path / "a.txt"), "--languagetool", "off",
                         "--format", "sarif", "--select", "heading-lowercase-start")
    assert status == 1
    (rule,) = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    doc_lines = rule["help"]["text"].splitlines()
    assert doc_lines[0] == "## Was die Regel findet"
    assert not [line for line in doc_lines if line.startswith(" ")]  # no code blocks
    assert "\n## Beispiel" in rule["help"]["markdown"]


def test_explain_marks_a_multi_line_example_under_the_flagged_line() -> None:
    from mtlint.core.finding import Example
    from mtlint.lint.explain import marked

    example = Example("Ein Satz steht hier.\n<marker>Teilen auf:</marker>\nNoch einer.")
    assert marked(example, "→ (streichen)").split("\n") == [
        "Ein Satz steht hier.", "Teilen auf:", "^^^^^^^^^^^ → (streichen)", "Noch einer."]


# --- what Markdown and the command line leave out ------------------------------------

def test_markdown_front_matter_title_description_and_footnotes_are_checked() -> None:
    from mtlint import check_text

    text = ("---\ntitle: die neue Strategie von Microsoft\n"
            'description: "Er nannte es „Bromance„."\nlayout: „x„\n---\n\n'
            "# Überschrift\n\nEin Absatz.[^1]\n\n[^1]: Er nannte es „Bromance„ dort.\n")
    found = [(f.rule, f.line) for f in check_text(text, "a.md")]
    assert ("heading-lowercase-start", 2) in found
    assert ("quote-low-closing", 3) in found  # the description
    assert ("quote-low-closing", 11) in found  # the footnote
    assert not [line for rule, line in found if line == 4]  # other front matter: data


def test_markdown_table_cells_are_checked_as_fragments() -> None:
    from mtlint import check_text

    text = ("# Preise\n\nDie Tabelle zeigt die Tarife.\n\n"
            "| Tarif | Hinweis |\n| --- | --- |\n| Basis | Er nannte es „Bromance„ |\n"
            "| „a„ | „a„ |\n| günstig | nur online |\n")
    found = [(f.rule, f.line, f.column) for f in check_text(text, "a.md")]
    assert found == [("quote-low-closing", 7, 33), ("quote-low-closing", 8, 5),
                     ("quote-low-closing", 8, 11)]  # cell fragments: no verb-missing etc.


def test_stdin_filename_without_dash_reads_standard_input(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "other.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mtlint", "check", "--stdin-filename", "x.md",
                           "--languagetool", "off", "--no-cache"], input="Ein Satz.\n",
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stdout  # the folder's other.txt is not checked
    assert "1 file" in proc.stdout


def test_check_help_names_every_checked_suffix() -> None:
    from mtlint.interfaces.cli import build_parser
    from mtlint.running.runner import CHECKED_SUFFIXES

    help_text = " ".join(build_parser()._subparsers._group_actions[0].choices["check"]
                         .format_help().split())
    for suffix in CHECKED_SUFFIXES:
        assert f"*{suffix}" in help_text


def test_pack_with_a_string_for_its_examples_says_so(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(
        '[[rule]]\nid = "house-wort"\ncategory = "style"\nseverity = "warning"\n'
        'summary = "Hauswort."\nmessage = "Hauswort."\npattern = "Hauswort"\n'
        'bad = "Das <marker>Hauswort</marker> steht hier."\ngood = ["Das Wort steht."]\n'
        'doc = "Das Hauswort."\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ein Satz.\n", encoding="utf-8")
    status, _, err = run("check", str(tmp_path / "a.txt"), "--rules", str(tmp_path),
                         "--languagetool", "off")
    assert status == 2
    assert "'bad' must be a list of examples" in err


# --- output and exit status -------------------------------------------------------------

def test_exit_zero_keeps_findings_but_exits_0_and_errors_still_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    status, out, _ = run("check", str(tmp_path / "a.txt"), "--languagetool", "off",
                         "--exit-zero")
    assert status == 0 and "[quote-low-closing]" in out
    status, _, _ = run("check", str(tmp_path / "missing.txt"), "--languagetool", "off",
                       "--exit-zero")
    assert status == 2


def test_summary_counts_with_plurals(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BROKEN_QUOTE * 2 + 'Das Motto "Mobile first“ gilt.\n'
                                    + 'Das Motto "Cloud first“ gilt.\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ein Satz.\n", encoding="utf-8")
    _, out, _ = run("check", str(tmp_path), "--languagetool", "off", "--select", "quote-*")
    assert out.splitlines()[-1].startswith("4 problems (2 errors, 2 warnings) in 2 files")


def test_excerpt_shows_short_lines_whole_and_cuts_long_ones_between_words() -> None:
    from mtlint.output.text import excerpt

    short = "Ein kurzer Satz mit einem „Fehler„ am Ende der Zeile, die nicht lang ist."
    assert excerpt(short, short.index("„Fehler„") + 8, 1) == (short, short.index("„Fehler„") + 7)
    words = ("Wort " * 40).strip()
    column = 100
    window, caret = excerpt(words, column, 4)
    assert window.startswith("… Wort") and window.endswith("Wort …")
    inner = window.removeprefix("… ").removesuffix(" …")
    assert all(part == "Wort" for part in inner.split(" "))
    assert window[caret:caret + 4] == words[column - 1:column + 3]


def test_excerpts_of_a_very_long_line_are_those_of_the_whole_line(tmp_path: Path) -> None:
    # The text output copies only the part of a long line around a finding (a file
    # without line breaks is one line): the excerpt must not change by it.
    from mtlint.output.text import excerpt

    quoted = "er sagte „Fehler„ und"
    parts = ["Wort"] * 2000
    for index in (1, 30, 700, 1400, 1990):
        parts[index] = quoted
    parts[500] = "Tab\tWort"
    line = " ".join(parts)
    path = tmp_path / "long.txt"
    path.write_text(line + "\n", encoding="utf-8")
    _, out, _ = run("check", str(path), "--languagetool", "off", "--no-cache",
                    "--select", "quote-low-closing")
    lines = out.splitlines()
    headers = [i for i, text in enumerate(lines) if text.startswith(str(path) + ":1:")]
    assert len(headers) == 5
    for i in headers:
        column = int(lines[i].split(":")[2])
        window, caret = excerpt(line, column, 1)
        assert lines[i + 1] == f"  1 | {window}"
        assert lines[i + 2] == "    | " + " " * caret + "^" + lines[i + 2][7 + caret:]


# --- baseline ---------------------------------------------------------------------------

def test_baseline_reports_only_new_findings_after_edits_elsewhere(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    old = articles / "alt.txt"
    old.write_text("Titel\n\nEr nannte es „Bromance„ und lachte.\n\nEin Absatz.\n",
                   encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    status, out, err = run("check", str(articles), "--languagetool", "off", "--no-cache",
                           "--write-baseline", str(baseline))
    assert status == 0 and "recorded 1 finding in" in err
    # Lines are added above the recorded finding and a new one below it.
    old.write_text("Titel\n\nEin neuer erster Absatz.\n\nEr nannte es „Bromance„ und lachte."
                   "\n\nSie sprach von „Vertrauen„.\n", encoding="utf-8")
    status, out, _ = run("check", str(articles), "--languagetool", "off", "--no-cache",
                         "--baseline", str(baseline), "--format", "json")
    import json

    findings = json.loads(out)["files"][0]["findings"]
    assert status == 1
    assert [(f["rule"], f["line"]) for f in findings] == [("quote-low-closing", 7)]


def test_baseline_counts_identical_findings(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BROKEN_QUOTE, encoding="utf-8")
    baseline = tmp_path / "b.json"
    assert run("check", str(article), "--languagetool", "off", "--write-baseline",
               str(baseline))[0] == 0
    assert run("check", str(article), "--languagetool", "off", "--baseline", str(baseline))[0] == 0
    article.write_text(BROKEN_QUOTE + "\n" + BROKEN_QUOTE, encoding="utf-8")
    status, out, _ = run("check", str(article), "--languagetool", "off", "--baseline",
                         str(baseline))
    assert status == 1 and out.startswith(f"{article}:3:23:")


def test_baseline_that_is_not_one_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    status, _, err = run("check", str(tmp_path / "a.txt"), "--languagetool", "off",
                         "--baseline", str(tmp_path / "b.json"))
    assert status == 2 and "not a baseline file" in err


# --- folder scans and configuration ---------------------------------------------------

def make_tree(root: Path) -> None:
    for folder in ("venv/lib", "node_modules/pkg", "build", "texte", "archiv", "entwurf"):
        (root / folder).mkdir(parents=True)
        (root / folder / "a.txt").write_text(BROKEN_QUOTE, encoding="utf-8")


def checked_files(root: Path, *extra: str) -> list[str]:
    import json

    status, out, err = run("check", ".", "--languagetool", "off", "--no-cache", "--format",
                           "json", *extra, cwd=root)
    assert status in (0, 1), err
    return sorted(Path(f["path"]).parent.as_posix() for f in json.loads(out)["files"])


def test_folder_scan_leaves_out_tool_folders_and_what_git_ignores(tmp_path: Path) -> None:
    import shutil
    import subprocess

    make_tree(tmp_path)
    assert checked_files(tmp_path) == ["archiv", "entwurf", "texte"]
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("archiv/\n", encoding="utf-8")
    assert checked_files(tmp_path) == ["entwurf", "texte"]
    (tmp_path / ".mtlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert checked_files(tmp_path) == ["archiv", "entwurf", "texte"]


def test_exclude_and_extend_exclude(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / ".mtlint.toml").write_text('extend-exclude = ["entwurf", "texte/*.txt"]\n',
                                           encoding="utf-8")
    assert checked_files(tmp_path) == ["archiv"]
    (tmp_path / ".mtlint.toml").write_text('exclude = ["archiv"]\n', encoding="utf-8")
    assert checked_files(tmp_path) == ["build", "entwurf", "node_modules/pkg", "texte",
                                       "venv/lib"]
    # A file named on the command line is checked all the same.
    status, _, _ = run("check", "archiv/a.txt", "--languagetool", "off", cwd=tmp_path)
    assert status == 1


def test_show_config_names_the_file_and_the_settings(tmp_path: Path) -> None:
    (tmp_path / "texte").mkdir()
    (tmp_path / ".mtlint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    status, out, _ = run("check", "--show-config", "texte", "--select", "quote-*",
                         cwd=tmp_path)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"# texte: {(tmp_path / '.mtlint.toml').resolve()}"
    assert 'fail-on = "error"' in lines and 'select = ["quote-*"]' in lines
    assert any(line.startswith("exclude = [") and '"node_modules"' in line for line in lines)


# --- rule packs -------------------------------------------------------------------------

def readme_pack() -> str:
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return re.search(r"```toml\n# house-rules/spelling.toml\n(.*?)```", readme, re.S).group(1)


def test_readme_example_pack_passes_test_rules(tmp_path: Path) -> None:
    (tmp_path / "spelling.toml").write_text(readme_pack(), encoding="utf-8")
    status, out, _ = run("test-rules", str(tmp_path))
    assert (status, out) == (0, "1 rule, 3 examples: all pass.\n")
    article = tmp_path / "a.txt"
    article.write_text("Schicken Sie eine Email.\n", encoding="utf-8")
    status, out, _ = run("check", str(article), "--rules", str(tmp_path), "--languagetool", "off",
                         "--select", "house-email-spelling")
    assert status == 1 and "„Email“: Im Deutschen schreibt man „E-Mail“." in out


def test_test_rules_reports_each_failing_example(tmp_path: Path) -> None:
    broken = readme_pack().replace('"Der Topf hat eine Glasur aus Emaille."',
                                   '"Die Email kam an."')
    (tmp_path / "spelling.toml").write_text(broken, encoding="utf-8")
    status, out, _ = run("test-rules", str(tmp_path))
    assert status == 1
    assert out.splitlines() == [
        f"{tmp_path / 'spelling.toml'}: house-email-spelling: good example 2 "
        "('Die Email kam an.'): flagged ['Email']",
        "1 rule, 3 examples: 1 failed."]
    (tmp_path / "spelling.toml").write_text("[[rule]]\nid = 1\n", encoding="utf-8")
    assert run("test-rules", str(tmp_path))[0] == 2


def test_test_rules_passes_on_the_built_in_packs() -> None:
    status, out, _ = run("test-rules", str(Path(__file__).resolve().parent.parent / "rules"))
    assert status == 0 and out.endswith("examples: all pass.\n")

"""The README is the user's manual: its rule list is the registry's, and its two
commands are the ones CI runs."""

from __future__ import annotations

from pathlib import Path

from mtlint.lint.explain import RULES_END, RULES_START, rules_table
from mtlint.lint.registry import load_rules

ROOT = Path(__file__).resolve().parent.parent


def test_readme_rule_list_is_generated_from_the_rules() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = text[text.index(RULES_START) + len(RULES_START):text.index(RULES_END)].strip()
    assert listed == rules_table(load_rules().values()).strip(), (
        "README rule list is stale: run `python -m mtlint.lint.explain README.md`")


def test_readme_gives_the_two_commands_and_ci_runs_the_test_command() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && mtlint check seeds/" in text
    assert "pip install -e '.[test]' && pytest" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in ci and "\npytest" in ci

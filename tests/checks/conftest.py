"""Fixtures for the rule-family tests: run one rule over a text. Tests ask for them by
name (`def test_x(run_rule)`), never import them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mtlint.core.document import Document
from mtlint.core.finding import Finding
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter
from mtlint.lint.registry import load_rules


def findings_of_rule(rule_id: str, text: str, path: str = "test.txt") -> list[Finding]:
    """The findings of one rule on `text` (plain text unless `path` says Markdown)."""
    rule = load_rules()[rule_id]
    result = Linter(Config(select=(rule_id,)), {rule_id: rule}).check(Document(text, path))
    assert not result.notes, result.notes
    return result.findings


@pytest.fixture
def run_rule() -> Callable[..., list[Finding]]:
    """run_rule(rule_id, text, path="test.txt") -> the findings of that one rule."""
    return findings_of_rule


@pytest.fixture
def flagged() -> Callable[..., list[str]]:
    """flagged(rule_id, text) -> the flagged stretches of text."""

    def spans(rule_id: str, text: str, path: str = "test.txt") -> list[str]:
        return [text[f.offset:f.offset + f.length]
                for f in findings_of_rule(rule_id, text, path)]

    return spans

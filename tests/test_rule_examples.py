"""Every example of every rule, built-in packs and Python checks alike: the bad example
is flagged exactly at its marker with the stated correction, and fixing it silences
the rule; the good example gives no finding of that rule."""

from __future__ import annotations

import pytest

from mtlint.core.finding import Example, Rule
from mtlint.lint.examples import bad_example_problem, good_example_problem
from mtlint.lint.registry import load_rules

RULES = load_rules()


def cases(kind: str):
    for rule in RULES.values():
        for index, example in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, example, id=f"{rule.id}-{kind}{index + 1}")


@pytest.mark.parametrize(("rule", "example"), list(cases("bad")))
def test_bad_example_is_flagged_at_marker(rule: Rule, example: Example) -> None:
    assert bad_example_problem(rule, example) is None


@pytest.mark.parametrize(("rule", "example"), list(cases("good")))
def test_good_example_is_not_flagged(rule: Rule, example: Example) -> None:
    assert good_example_problem(rule, example) is None

"""Every example of every rule, built-in packs and Python checks alike: the bad example
is flagged exactly at its marker with the stated correction, and fixing it silences
the rule; the good example gives no finding of that rule."""

from __future__ import annotations

import pytest

from mtlint.core.document import Document
from mtlint.core.finding import Example, Rule
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter
from mtlint.lint.registry import load_rules

RULES = load_rules()


def findings_of(rule: Rule, text: str):
    linter = Linter(Config(select=(rule.id,)), {rule.id: rule})
    result = linter.check(Document(text, "example.txt"))
    assert not result.notes, result.notes
    return result.findings


def cases(kind: str):
    for rule in RULES.values():
        for index, example in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, example, id=f"{rule.id}-{kind}{index + 1}")


@pytest.mark.parametrize(("rule", "example"), list(cases("bad")))
def test_bad_example_is_flagged_at_marker(rule: Rule, example: Example) -> None:
    text, start, end = example.plain()
    findings = findings_of(rule, text)
    spans = [(f.offset, f.offset + f.length) for f in findings]
    assert spans == [(start, end)], f"expected one finding at {text[start:end]!r}, got " + repr(
        [text[s:e] for s, e in spans])
    finding = findings[0]
    if example.correction is not None:
        assert list(finding.suggestions) == example.correction.split("|")
    if finding.fix is not None:
        fixed = text[:finding.fix.offset] + finding.fix.replacement + text[
            finding.fix.offset + finding.fix.length:]
        assert findings_of(rule, fixed) == [], f"the fix {fixed!r} is still flagged"


@pytest.mark.parametrize(("rule", "example"), list(cases("good")))
def test_good_example_is_not_flagged(rule: Rule, example: Example) -> None:
    text = example.plain()[0]
    assert [text[f.offset:f.offset + f.length] for f in findings_of(rule, text)] == []

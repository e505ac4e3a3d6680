"""A rule's own examples as tests: each `bad` example is flagged exactly at its marker
with the stated correction, and applying the fix silences the rule; each `good` example
gives no finding of the rule. The test suite runs this for the built-in rules and
`mtlint test-rules DIR` for a folder of rule packs."""

from __future__ import annotations

from mtlint.core.document import Document
from mtlint.core.finding import Example, Finding, Rule
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter


def findings_of(rule: Rule, text: str) -> tuple[list[Finding], list[str]]:
    """The rule's findings on `text` alone, and the notes of a rule that failed."""
    result = Linter(Config(select=(rule.id,)), {rule.id: rule}).check(Document(text, "example.txt"))
    return result.findings, result.notes


def bad_example_problem(rule: Rule, example: Example) -> str | None:
    """What is wrong with how the rule meets a bad example; None if all is right."""
    text, start, end = example.plain()
    findings, notes = findings_of(rule, text)
    if notes:
        return "; ".join(notes)
    spans = [(f.offset, f.offset + f.length) for f in findings]
    if spans != [(start, end)]:
        return (f"expected one finding at {text[start:end]!r}, got "
                f"{[text[s:e] for s, e in spans]!r}")
    finding = findings[0]
    if example.correction is not None and list(finding.suggestions) != \
            example.correction.split("|"):
        return (f"expected the suggestions {example.correction!r}, got "
                f"{'|'.join(finding.suggestions)!r}")
    if finding.fix is not None:
        fixed = (text[:finding.fix.offset] + finding.fix.replacement
                 + text[finding.fix.offset + finding.fix.length:])
        if findings_of(rule, fixed)[0]:
            return f"the fixed text {fixed!r} is still flagged"
    return None


def good_example_problem(rule: Rule, example: Example) -> str | None:
    """What is wrong with how the rule meets a good example; None if it stays quiet."""
    text = example.plain()[0]
    findings, notes = findings_of(rule, text)
    if notes:
        return "; ".join(notes)
    if findings:
        return f"flagged {[text[f.offset:f.offset + f.length] for f in findings]!r}"
    return None


def rule_problems(rule: Rule) -> list[str]:
    """Every failing example of a rule, described."""
    problems = []
    for kind, judge in (("bad", bad_example_problem), ("good", good_example_problem)):
        for index, example in enumerate(getattr(rule, kind), start=1):
            problem = judge(rule, example)
            if problem is not None:
                problems.append(f"{kind} example {index} ({example.text!r}): {problem}")
    return problems

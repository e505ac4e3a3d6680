"""A rule's documentation as `mtlint explain` and the README show it; the examples
section is generated from the rule's tested examples."""

from __future__ import annotations

import inspect
from collections.abc import Iterable

from mtlint.finding import Example, Rule


def marked(example: Example) -> str:
    """The example with its flagged span in »…« brackets for plain-text display."""
    plain, start, end = example.plain()
    if start < 0:
        return plain
    return f"{plain[:start]}»{plain[start:end]}«{plain[end:]}"


def _indented(text: str) -> str:
    """An example as an indented block; multi-line examples keep their lines."""
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))


def examples_section(rule: Rule) -> str:
    # Multi-line examples (a lone residue line between paragraphs) are set apart.
    gap = [""] if any("\n" in e.text for e in (*rule.bad, *rule.good)) else []
    lines = ["## Beispiel", ""]
    for example in rule.bad:
        fix = f"  →  {example.correction}" if example.correction else ""
        if example.correction == "":
            fix = "  →  (streichen)"
        lines += [_indented(f"{marked(example)}{fix}"), *gap]
    lines += ["", "Stattdessen:", ""]
    for example in rule.good:
        lines += [_indented(example.plain()[0]), *gap]
    return "\n".join(lines).rstrip("\n")


def explain_rule(rule: Rule) -> str:
    fix = "safe fix (applied by --fix)" if rule.fixable else "no automatic fix"
    header = (f"{rule.id}  ({rule.category.value}, {rule.severity.value}, {fix})\n"
              f"defined in {rule.origin}\n")
    # Python checks take their doc from an indented docstring.
    return f"{header}\n{inspect.cleandoc(rule.doc)}\n\n{examples_section(rule)}\n"


def rules_table(rules: Iterable[Rule]) -> str:
    """The README's rule list: a Markdown table, one row per rule, by category."""
    rows = ["| rule | category | severity | fix | what it finds |",
            "| --- | --- | --- | --- | --- |"]
    for rule in sorted(rules, key=lambda r: (r.category.value, r.id)):
        fix = "safe" if rule.fixable else ""
        summary = rule.summary.replace("|", "\\|")
        rows.append(f"| `{rule.id}` | {rule.category.value} | {rule.severity.value} | {fix} "
                    f"| {summary} |")
    return "\n".join(rows) + "\n"

"""Inline directives that switch rules off, as ruff's `noqa` and Vale's comments do.

Markdown, in HTML comments:
    <!-- mtlint-disable RULE -->  …  <!-- mtlint-enable RULE -->   (a stretch)
    <!-- mtlint-disable-next-line RULE -->                         (the next line)
    some text <!-- mtlint-disable-line RULE -->                    (its own line)
Plain text, which has no comments, on a line of its own or at the end of a line:
    # mtlint: disable-next-line RULE
    some text  # mtlint: disable-line RULE
No rule named means every rule; several are separated by commas or spaces. A plain-text
directive is never checked as prose. A name that is no rule is an error (exit 2), as a
misspelt --select is: the directive would otherwise silence nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from mtlint.core.patterns import compile_pattern

MARKDOWN_DIRECTIVE = compile_pattern(
    r"<!--\s*mtlint-(?P<action>disable-next-line|disable-line|disable|enable)"
    r"(?P<rules>(?:[\s,]+[\w:*.-]+)*)\s*-->"
)
PLAIN_DIRECTIVE = compile_pattern(
    r"(?m)(?:^|[ \t])#[ \t]*mtlint:[ \t]*(?P<action>disable-next-line|disable-line)"
    r"(?P<rules>(?:[ \t,]+[\w:*.-]+)*)[ \t]*$"
)


@dataclass(frozen=True)
class Suppression:
    """Rules switched off from `start` to `end`; an empty `rules` means all rules."""

    start: int
    end: int
    rules: frozenset[str]

    def covers(self, rule: str, offset: int) -> bool:
        return self.start <= offset < self.end and (not self.rules or rule in self.rules)


@dataclass(frozen=True)
class Directive:
    action: str  # disable, enable, disable-next-line, disable-line
    rules: tuple[str, ...]  # empty: all rules
    start: int  # of the directive's text
    end: int


def find_directives(text: str, *, markdown: bool) -> list[Directive]:
    if "mtlint" not in text:
        return []
    pattern = MARKDOWN_DIRECTIVE if markdown else PLAIN_DIRECTIVE
    found = []
    for match in pattern.finditer(text):
        rules = tuple(r for r in regex.split(r"[\s,]+", match.group("rules")) if r)
        start = match.start() if markdown else match.start() + (match.group().find("#"))
        found.append(Directive(match.group("action"), tuple(r for r in rules if r != "*"),
                               start, match.end()))
    return found


def _line_around(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def suppressions(text: str, directives: Iterable[Directive]) -> list[Suppression]:
    """The stretches of `text` that the directives switch rules off in."""
    open_since: dict[str, int] = {}
    result: list[Suppression] = []
    for directive in directives:
        rules = frozenset(directive.rules)
        if directive.action == "disable-line":
            start, end = _line_around(text, directive.start)
            result.append(Suppression(start, end, rules))
        elif directive.action == "disable-next-line":
            line_end = text.find("\n", directive.end)
            if line_end >= 0:
                result.append(Suppression(*_line_around(text, line_end + 1), rules))
        else:
            for rule in directive.rules or ("*",):
                if directive.action == "disable":
                    open_since.setdefault(rule, directive.end)
                elif rule in open_since:
                    result.append(_stretch(rule, open_since.pop(rule), directive.start))
    for rule, start in open_since.items():
        result.append(_stretch(rule, start, len(text)))
    return result


def _stretch(rule: str, start: int, end: int) -> Suppression:
    return Suppression(start, end, frozenset() if rule == "*" else frozenset({rule}))


def unknown_directive_rules(text: str, markdown: bool,
                            rule_ids: Iterable[str]) -> list[tuple[int, str]]:
    """(offset, name) of every rule a directive names that is not a rule: LanguageTool's
    ids (lt:…) are not known in advance and pass."""
    known = set(rule_ids)
    return [(directive.start, name) for directive in find_directives(text, markdown=markdown)
            for name in directive.rules if name not in known and not name.startswith("lt:")]

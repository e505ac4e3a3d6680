"""Runs the selected rules over a document and turns their hits into findings:
select/ignore, severity overrides, suppressions, de-duplication, sorting."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from mtlint.core.document import Document
from mtlint.core.finding import Category, Finding, Fix, Hit, Rule, RuleContext, Severity, Shared
from mtlint.lint.config import Config, selector_matches
from mtlint.lint.packs import RuleTimeout

# The --statistics entry for building the document structure (blocks, ignored ranges).
DOCUMENT_TIMING = "(document-structure)"


@dataclass
class CheckResult:
    findings: list[Finding]
    # Things the user should hear about that are not findings: a rule that timed out
    # or failed on this document.
    notes: list[str] = field(default_factory=list)
    # Seconds each rule took on this document (for --statistics).
    timings: dict[str, float] = field(default_factory=dict)


def is_selected(rule_id: str, category: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    select = tuple(select)
    if select and not any(selector_matches(s, rule_id, category) for s in select):
        return False
    return not any(selector_matches(s, rule_id, category) for s in ignore)


class Linter:
    """The rules of one configuration, ready to check documents."""

    def __init__(self, config: Config, rules: dict[str, Rule]):
        self.config = config
        self.rules = [
            rule for rule in rules.values()
            if is_selected(rule.id, rule.category.value, config.select, config.ignore)
        ]
        self.context = RuleContext(glossary=config.glossary_map, quotes=config.quotes,
                                   words=frozenset(config.spelling_words))
        self._overrides = dict(config.severity)
        self._severity = {
            rule.id: self.severity_of(rule.id, rule.category.value, rule.severity)
            for rule in self.rules
        }

    def severity_of(self, rule_id: str, category: str, default: Severity) -> Severity:
        """The configured severity: an override for the rule id beats one for its category."""
        return self._overrides.get(rule_id, self._overrides.get(category, default))

    def check(self, doc: Document) -> CheckResult:
        ignored_here = self.config.ignored_for(doc.path)
        findings: list[Finding] = []
        notes: list[str] = []
        # The structure first, so that its cost is not counted against the first rule.
        started = time.perf_counter()
        doc.blocks  # noqa: B018 - built on first use
        notes.extend(doc.structure_notes)
        timings: dict[str, float] = {DOCUMENT_TIMING: time.perf_counter() - started}
        shared = Shared()
        for rule in self.rules:
            if ignored_here and not is_selected(rule.id, rule.category.value, (), ignored_here):
                continue
            started = time.perf_counter()
            hits: list[Hit] = []
            try:
                for hit in rule.check(doc, self.context):
                    hits.append(hit)
            except RuleTimeout as timeout:
                # Skipped where it ran out of time; its hits elsewhere stand.
                notes.append(timeout.describe(doc))
            except Exception as error:
                notes.append(f"rule {rule.id} failed and was skipped: "
                             f"{type(error).__name__}: {error}")
                continue
            finally:
                timings[rule.id] = time.perf_counter() - started
            severity = self._severity[rule.id]
            for hit in hits:
                if self._dropped(doc, rule.id, hit):
                    continue
                findings.append(make_finding(doc, rule, severity, hit, shared=shared))
        return CheckResult(deduplicate(quiet_inside_untranslated(findings)), notes, timings)

    def accept_external(self, doc: Document, findings: Iterable[Finding]) -> list[Finding]:
        """Findings from another source (LanguageTool) under this configuration, as for
        built-in ones: select/ignore, per-file-ignores, ignored text, suppressions and
        severity overrides."""
        ignored_here = self.config.ignored_for(doc.path)
        kept = []
        for finding in findings:
            category = finding.category.value
            if not is_selected(finding.rule, category, self.config.select, self.config.ignore):
                continue
            if ignored_here and not is_selected(finding.rule, category, (), ignored_here):
                continue
            start, end = doc.checked_span(finding.offset, finding.offset + finding.length)
            if self._dropped(doc, finding.rule, Hit(start, end - start, "")):
                continue
            severity = self.severity_of(finding.rule, category, finding.severity)
            kept.append(replace(finding, severity=severity))
        return kept

    def _dropped(self, doc: Document, rule_id: str, hit: Hit) -> bool:
        if hit.offset < 0 or hit.offset + hit.length > len(doc.text):
            return True
        if doc.is_ignored(hit.offset, hit.offset + hit.length):
            return True
        return any(s.covers(rule_id, hit.offset) for s in doc.suppressions)


def make_finding(doc: Document, rule: Rule, severity: Severity, hit: Hit,
                 source: str = "mtlint", shared: Shared | None = None) -> Finding:
    """A finding from a hit: offsets of the checked text become offsets, lines and
    columns of the source text (see mtlint.core.document). With `shared`, equal strings
    and tuples of the document's findings are one object."""
    shared = shared if shared is not None else Shared()
    start, end = doc.source_span(hit.offset, hit.offset + hit.length)
    length = end - start
    line, column, end_line, end_column = doc.source.span_position(start, end)
    fix = None
    edit = None
    if hit.replacement is not None:
        span = hit.fix_span or (hit.offset, hit.offset + hit.length)
        edit = doc.source_fix(*span, hit.replacement)
    if edit is not None:
        fix_start, fix_end, replacement = edit
        if (fix_start, fix_end) == (start, end):  # the usual case: the same int objects
            fix_start, fix_length = start, length
        else:
            fix_length = fix_end - fix_start
        fix = Fix(fix_start, fix_length, shared(replacement), hit.safety)
    return Finding(
        rule=rule.id, category=rule.category, severity=severity, source=source,
        offset=start, length=length, line=line, column=column,
        end_line=end_line, end_column=end_column, message=shared(hit.message),
        suggestions=shared(hit.suggestions), fix=fix,
    )


# Rules that judge German grammar, style, casing and spelling: in a span that is not
# German at all they only repeat, less precisely, that it is untranslated.
GERMAN_ONLY_CATEGORIES = frozenset({Category.GRAMMAR, Category.STYLE, Category.CASING,
                                    Category.SPELLING})
UNTRANSLATED_RULE = "sentence-untranslated"


def quiet_inside_untranslated(findings: list[Finding]) -> list[Finding]:
    """The findings without those of German-only rules inside a span reported as
    untranslated English."""
    spans = [(f.offset, f.offset + f.length) for f in findings if f.rule == UNTRANSLATED_RULE]
    if not spans:
        return findings
    return [f for f in findings if f.category not in GERMAN_ONLY_CATEGORIES
            or not any(start <= f.offset and f.offset + f.length <= end for start, end in spans)]


def deduplicate(findings: list[Finding]) -> list[Finding]:
    """Sorted findings, one per rule and span, and one per span and fix: two rules that
    would make the same change to the same text (a translated brand name that is also
    an inconsistent spelling) are one problem to the reader."""
    seen: set[tuple[str, int, int]] = set()
    fixes: set[tuple[int, int, str]] = set()
    unique = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        key = (finding.rule, finding.offset, finding.length)
        fix = finding.fix
        same_fix = None if fix is None else (finding.offset, finding.length, fix.replacement)
        if key in seen or (same_fix is not None and same_fix in fixes):
            continue
        seen.add(key)
        if same_fix is not None:
            fixes.add(same_fix)
        unique.append(finding)
    return unique

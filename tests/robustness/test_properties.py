"""Property tests: for any Unicode text, plain or Markdown, every rule runs without
failing, every finding lies inside the text with line/column agreeing with its offset,
and fixing until stable converges.

CI runs a bounded profile (a few hundred documents). The long run:

    MTLINT_FUZZ_EXAMPLES=100000 python -m pytest -m fuzz tests/robustness/test_properties.py
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtlint.core.document import Document
from mtlint.core.finding import Finding, Safety
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter
from mtlint.lint.registry import rules_for
from mtlint.running.fix import fix_until_stable

# Pieces that exercise the rules and the document model: German prose, quotes, numbers,
# URLs, Markdown syntax, line endings, and the characters that break naive code.
PIECES = [
    "Der", "die", "das", "Microsoft", "OpenAI", "SucheGPT", "SearchGPT", "hat", "ist",
    "wurde", "Partnerschaft", "künstliche", "Intelligenz", "z.B.", "d. h.", "u.a.", "Nr.",
    "3.", "2019.", "1,000", "3.5", "Prozent", "%", "Euro", "$", "Know-how", "E-Mail",
    "www.example.de", "https://x.de/a?b=1.", "max@firma.de", "OpenAI's", "„", "“", "”", '"',
    "»", "«", "‚", "‘", "'", "(", ")", "[", "]", ",", ".", ";", ":", "!", "?", "…", "-", "–",
    "—", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u00a0", "\u200b", "\u200d",
    "\u200f", "\u202e", "\ufeff", "e\u0301", "u\u0308", "\u0308", "😀", "👩‍👩‍👧", "𝔘𝔫𝔦", "ﬁ",
    "ß", "ẞ", "İ", "#", "## ", "* ", "- ", "1. ", "`", "```\n", "<!--", "-->", "<b>", "</b>",
    "[Link](http://a.de)", "|", "---\n", "&amp;", "Ã¤", "â€ž", "Inhaltsverzeichnis",
    "Toggle", "Teilen", "Donaudampfschifffahrtsgesellschaftskapitän" * 3, "x" * 300,
    "\ud800", "\udfff",
]

texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(" ".join),
)
paths = st.sampled_from(["a.txt", "a.md"])

FUZZ_EXAMPLES = int(os.environ.get("MTLINT_FUZZ_EXAMPLES", "100000"))
CI = settings(max_examples=300, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None,
                suppress_health_check=list(HealthCheck))

_linter: Linter | None = None


def linter() -> Linter:
    global _linter
    if _linter is None:
        _linter = Linter(Config(), rules_for(()))
    return _linter


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column by walking the text (\\r\\n, \\r and \\n end a line)."""
    line, line_start, index = 1, 0, 0
    while index < offset:
        char = text[index]
        if char == "\r" and index + 1 < len(text) and text[index + 1] == "\n":
            if index + 1 == offset:  # inside the \r\n pair: still on this line
                break
            index += 1
        if char in "\r\n":
            line, line_start = line + 1, index + 1
        index += 1
    return line, offset - line_start + 1


def check_findings(text: str, doc: Document, findings: list[Finding]) -> None:
    for finding in findings:
        assert 0 <= finding.offset <= finding.offset + finding.length <= len(text), finding
        assert (finding.line, finding.column) == expected_position(text, finding.offset)
        assert (finding.end_line, finding.end_column) == \
            expected_position(text, finding.offset + finding.length)
        assert doc.source.offset(finding.line, finding.column) == finding.offset
        flagged = text[finding.offset:finding.offset + finding.length]
        assert len(flagged) == finding.length
        if finding.fix is not None:
            assert 0 <= finding.fix.offset <= finding.fix.offset + finding.fix.length <= len(text)
    assert findings == sorted(findings, key=lambda f: f.sort_key)


def check_text(text: str, path: str, *, settle: bool = False) -> None:
    doc = Document(text, path)
    result = linter().check(doc)
    failed = [note for note in result.notes if "failed and was skipped" in note]
    assert not failed, failed
    check_findings(text, doc, result.findings)
    if settle and any(f.fix is not None and f.fix.safety is Safety.SAFE
                      for f in result.findings):
        outcome = fix_until_stable(
            text, result.findings,
            lambda new: linter().check(Document(new, path)).findings)
        assert outcome.settled, (text, outcome.text)
        check_findings(outcome.text, Document(outcome.text, path), outcome.findings)


@CI
@given(texts, paths)
def test_any_text_checks_cleanly(text: str, path: str) -> None:
    check_text(text, path)


@CI
@given(texts, paths)
def test_fixes_settle(text: str, path: str) -> None:
    check_text(text, path, settle=True)


def test_fixes_settle_on_a_former_oscillation() -> None:
    """Found by the fuzz run: quote-low-closing turned the second „ into “, then
    quote-english-opening turned it back."""
    check_text("„ „ “\n", "a.txt", settle=True)


def test_fixes_settle_when_an_open_mark_is_followed_by_a_space() -> None:
    """Found by the fuzz run: quote-english-opening made „A“ of “A“ (a „ followed by a
    space opens nothing), then quote-low-closing read that „ as closing the first one."""
    check_text("“ 0:“A“", "a.txt", settle=True)


def test_fixes_settle_on_a_repeated_toggle_label() -> None:
    """Found by the fuzz run: residue-toggle-label removed one of five glued "Toggle"
    labels per pass, more passes than --fix makes."""
    check_text("ToggleToggleToggleToggleToggleÃ¤", "a.txt", settle=True)


@pytest.mark.parametrize("text", [
    "", "\n", "\r", "\r\n", "\ufeff", "\u0308", "„", "`", "<!--", "# ", "- ", "1. ",
    "a\rb\r\nc\nd", "Wort " * 500, "x" * 5000, "„" * 200, ".\n" * 200, "\ud800",
])
@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_edge_texts(text: str, path: str) -> None:
    check_text(text, path)


@pytest.mark.fuzz
@FUZZ
@given(texts, paths)
def test_fuzz_any_text_checks_cleanly_and_fixes_settle(text: str, path: str) -> None:
    check_text(text, path, settle=True)

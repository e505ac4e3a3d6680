"""Hard-wrapped plain text (mail, READMEs, `fold`, `fmt`) gives the findings of the same
text unwrapped, and no fix rests on a block boundary that is only guessed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mtlint import check_text
from mtlint.core.document import BlockKind, Document
from mtlint.core.finding import Finding
from mtlint.running.fix import apply_fixes

DATA = Path(__file__).resolve().parent / "data" / "wrapped"
CAREFUL = (DATA / "careful.txt").read_text(encoding="utf-8")  # correct German, 2 KB
ARTIFACTS = (DATA / "artifacts.txt").read_text(encoding="utf-8")  # with four defects


def fold(text: str, width: int) -> str:
    """What `fold -s -w WIDTH` writes: lines of at most WIDTH bytes, broken after the
    last space that fits (the space stays at the end of the line)."""
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line}{word} "
            if line and len(candidate.rstrip(" ").encode()) > width:
                out.append(line)
                line = f"{word} "
            else:
                line = candidate
        out.append(line.rstrip(" ") if not line.strip() else line[:-1])
    return "\n".join(out)


def fmt(text: str, width: int) -> str:
    if shutil.which("fmt") is None:
        pytest.skip("coreutils fmt is not installed")
    return subprocess.run(["fmt", "-w", str(width)], input=text, capture_output=True,
                          text=True, check=True).stdout


def found(text: str) -> list[tuple[str, str, str]]:
    """Each finding's rule, flagged text (line breaks read as spaces) and message."""
    return sorted((f.rule, re.sub(r"\s+", " ", text[f.offset:f.offset + f.length]), f.message)
                  for f in check_text(text, "article.txt"))


WRAPPERS = [
    pytest.param(lambda t: fold(t, 40), id="fold-40"),
    pytest.param(lambda t: fold(t, 50), id="fold-50"),
    pytest.param(lambda t: fold(t, 72), id="fold-72"),
    pytest.param(lambda t: fmt(t, 75), id="fmt"),
    pytest.param(lambda t: fmt(t, 50), id="fmt-50"),
]


@pytest.mark.parametrize("wrap", WRAPPERS)
def test_careful_german_wrapped_gives_no_finding_and_fix_changes_nothing(wrap) -> None:
    wrapped = wrap(CAREFUL)
    assert wrapped.count("\n") > CAREFUL.count("\n") + 10  # it really is wrapped
    findings = check_text(wrapped, "mail.txt")
    assert [(f.rule, f.line, f.message) for f in findings] == []
    assert apply_fixes(wrapped, findings)[0] == wrapped


@pytest.mark.parametrize("wrap", WRAPPERS)
def test_wrapped_text_gives_the_findings_of_the_unwrapped(wrap) -> None:
    expected = found(ARTIFACTS)
    assert {rule for rule, _, _ in expected} >= {"heading-lowercase-start",
                                              "sentence-boundary-missing",
                                              "sentence-untranslated"}
    assert found(wrap(ARTIFACTS)) == expected


def test_wrapped_paragraph_is_one_block_with_its_sentences() -> None:
    doc = Document(fold(CAREFUL, 40), "a.txt")
    kinds = [block.kind for block in doc.blocks]
    assert kinds.count(BlockKind.HEADING) == 3  # the title takes two lines
    assert kinds.count(BlockKind.PARAGRAPH) == 6
    second = doc.blocks[1]
    assert second.text.startswith("Als die Leiterin") and second.text.endswith("sein.")
    assert len(second.sentences) == 2


def test_short_unwrapped_lines_stay_headings_and_paragraphs() -> None:
    # Lines of one paragraph each, shorter than any wrap width: not taken as wrapped.
    text = ("Neue Regeln für Mieter\nAb Januar gilt in vielen Städten eine neue Mietpreisbremse.\n"
            "Vermieter müssen die Miete dann schriftlich begründen.\n")
    kinds = [block.kind for block in Document(text, "a.txt").blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def fix_of(findings: list[Finding], rule: str) -> Finding:
    (hit,) = [f for f in findings if f.rule == rule]
    return hit


@pytest.mark.parametrize("rule", ["heading-lowercase-start", "sentence-lowercase-start"])
def test_no_safe_fix_after_a_mere_line_break_in_plain_text(rule: str) -> None:
    # "mitteilte" may be a wrapped line of the sentence before: report, never fix blindly.
    line = ("mitteilte, lagen die Zahlen vor" if rule == "heading-lowercase-start"
            else "mitteilte, lagen die Zahlen vor.")
    text = f"Die Einleitung ist hier zu Ende.\n{line}\n\nEin weiterer Absatz folgt hier.\n"
    hit = fix_of(check_text(text, "a.txt", select=[rule]), rule)
    assert hit.fix is not None and hit.safe_fix is None
    assert apply_fixes(text, [hit])[0] == text


@pytest.mark.parametrize("rule", ["heading-lowercase-start", "sentence-lowercase-start"])
def test_fix_stays_safe_where_the_block_surely_starts(rule: str) -> None:
    heading = rule == "heading-lowercase-start"
    line = "neue Regeln für Mieter" if heading else "neue Regeln gelten ab Januar."
    for text, path in ((f"Einleitung.\n\n{line}\n\nEin Absatz folgt hier.\n", "a.txt"),
                       (f"# Titel\n\n{'## ' * heading}{line}\n\nEin Absatz folgt hier.\n", "a.md")):
        hit = fix_of(check_text(text, path, select=[rule]), rule)
        assert hit.safe_fix is not None, path


def spaced(text: str) -> str:
    """Wrapped text as some page exports give it: every line its own paragraph."""
    return text.replace("\n", "\n\n")


@pytest.mark.parametrize("width", [40, 72])
def test_text_wrapped_with_a_blank_line_after_each_line_reads_as_wrapped(width: int) -> None:
    # At these widths no line ends with a sentence (after one, a blank line is read as
    # a paragraph break: see the next test).
    text = spaced(fold(ARTIFACTS, width))
    assert found(text) == found(ARTIFACTS)
    assert check_text(spaced(fold(CAREFUL, width)), "page.txt") == []


def test_a_blank_line_after_a_sentence_stays_a_paragraph_break() -> None:
    text = spaced("Die Stadt hat den Zuschuss im Mai endlich bewilligt.\n"
                  "Danach begannen die Arbeiten an der neuen Brücke.\n"
                  "Sie sollen bis zum Ende des nächsten Jahres dauern.\n"
                  "Die Kosten liegen bei gut vier Millionen Euro,\n"
                  "wie die Verwaltung am Freitag mitteilte.\n")
    texts = [block.text for block in Document(text, "page.txt").blocks]
    assert texts[:3] == ["Die Stadt hat den Zuschuss im Mai endlich bewilligt.",
                         "Danach begannen die Arbeiten an der neuen Brücke.",
                         "Sie sollen bis zum Ende des nächsten Jahres dauern."]
    assert texts[3].endswith("mitteilte.") and len(texts) == 4


def test_a_lowercase_line_after_a_full_line_continues_it_across_a_blank_line() -> None:
    doc = Document(spaced(fold(CAREFUL, 50)), "page.txt")
    second = doc.blocks[1]
    assert second.kind is BlockKind.PARAGRAPH
    # its lines up to the end of the first sentence, where the line was not full
    assert second.text.startswith("Als die Leiterin") and second.text.endswith("vor.")
    assert len(second.sentences) == 1
    assert not any(block.text[:1].islower() for block in doc.blocks)


def test_short_lines_between_blank_lines_stay_apart() -> None:
    # A heading and paragraphs, each between blank lines: no line was full.
    text = ("Neue Regeln für Mieter\n\nab Januar gilt eine neue Mietpreisbremse\n\n"
            "Vermieter müssen die Miete dann schriftlich begründen.\n\n"
            "Die Stadt prüft die Anträge bis zum Sommer.\n")
    assert len(Document(text, "a.txt").blocks) == 4

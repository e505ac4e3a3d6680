"""Residue checks: mojibake spans and fixes, HTML entities by file type."""

from __future__ import annotations

from mtlint.checks.residue import _changed_region
from tests.checks.conftest import run_rule


def test_mojibake_span_is_the_whole_word() -> None:
    assert _changed_region("fÃ¼r", "für") == (0, 4, "für")
    assert _changed_region("(GrÃ¶ÃŸe)", "(Größe)") == (1, 8, "Größe")


def test_mojibake_fix_restores_the_text() -> None:
    text = "Die GrÃ¶ÃŸe des Deals fÃ¼r Microsoft Ã¼berrascht."
    findings = run_rule("mojibake", text)
    fixed = text
    for finding in sorted(findings, key=lambda f: -f.offset):
        assert finding.fix is not None
        fixed = fixed[:finding.fix.offset] + finding.fix.replacement + fixed[
            finding.fix.offset + finding.fix.length:]
    assert fixed == "Die Größe des Deals für Microsoft überrascht."


def test_mojibake_leaves_clean_accented_text_alone() -> None:
    text = "Pâques in São Paulo, Åre und 20 € – alles korrekt kodiert."
    assert run_rule("mojibake", text) == []


def test_html_entities_are_markup_in_markdown(flagged) -> None:
    text = "Procter &amp; Gamble&nbsp;und AT&T.\n"
    assert flagged("residue-html-entity", text, "artikel.txt") == ["&amp;", "&nbsp;"]
    assert flagged("residue-html-entity", text, "artikel.md") == []


def test_toc_label_before_its_entries_is_a_real_table_of_contents() -> None:
    text = "Titel\n\nInhaltsverzeichnis\n\n1. Einleitung\n2. Fazit\n\nDer Text beginnt.\n"
    assert run_rule("residue-toc-label", text) == []

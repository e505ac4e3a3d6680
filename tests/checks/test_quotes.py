"""quote-mixed-styles: the document decides which style is the odd one out."""

from __future__ import annotations

from tests.checks.conftest import run_rule


def test_every_minority_pair_across_blocks_is_flagged(flagged) -> None:
    text = ("Er sprach von „Vertrauen“.\n\nSie sprach von „Geld“.\n\n"
            "Beide meinten „Macht“ und \"Einfluss\".\n\nDer Rest ist \"Geschichte\".")
    assert flagged("quote-mixed-styles", "\n\n".join([text, "„A und B“, „C und D“"])) == [
        '"Einfluss"', '"Geschichte"']


def test_fix_puts_the_quotation_in_the_majority_style() -> None:
    text = "Er sagte „Ja“ und „Nein“. Sie sagte \"Vielleicht\"."
    (finding,) = run_rule("quote-mixed-styles", text)
    assert finding.fix is not None and finding.fix.replacement == "„Vielleicht“"
    assert finding.fix.safety.value == "unsafe"


def test_two_styles_used_equally_often_are_a_convention() -> None:
    text = "Öffnen Sie \"Einstellungen\" und \"Region\". Lesen Sie „Die Shell“ und „Locale“."
    assert run_rule("quote-mixed-styles", text) == []


def test_code_in_straight_quotes_does_not_count() -> None:
    text = ('Er nannte es „Bromance“. Die Datei "/etc/fstab" und "ls -l" sind Code, '
            '"info make" auch.')
    assert run_rule("quote-mixed-styles", text) == []


def test_markdown_inline_code_is_not_a_quotation() -> None:
    text = 'Er nannte es „Bromance“ und „Allianz“. Rufen Sie `echo "Hallo Welt"` auf.\n'
    assert run_rule("quote-mixed-styles", text, "artikel.md") == []


def test_typewriter_majority_does_not_flag_german_quotes(flagged) -> None:
    text = 'Er sagte "Ja", sie "Nein", er "Doch". Sie meinte »Vielleicht« und “Maybe”.'
    assert flagged("quote-mixed-styles", text) == ["“Maybe”"]


def test_lowercase_single_words_count_as_values_not_quotations() -> None:
    text = 'Er sagte „Ja“ und „Nein“. Setzen Sie "relatime" oder "noatime".'
    assert run_rule("quote-mixed-styles", text) == []

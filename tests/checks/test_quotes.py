"""quote-mixed-styles: the document decides which style is the odd one out."""

from __future__ import annotations

import pytest


def test_every_minority_pair_across_blocks_is_flagged(flagged) -> None:
    text = ("Er sprach von „Vertrauen“.\n\nSie sprach von „Geld“.\n\n"
            "Beide meinten „Macht“ und \"Einfluss\".\n\nDer Rest ist \"Geschichte\".")
    assert flagged("quote-mixed-styles", "\n\n".join([text, "„A und B“, „C und D“"])) == [
        '"Einfluss"', '"Geschichte"']


def test_fix_puts_the_quotation_in_the_majority_style(run_rule) -> None:
    text = "Er sagte „Ja“ und „Nein“. Sie sagte \"Vielleicht\"."
    (finding,) = run_rule("quote-mixed-styles", text)
    assert finding.fix is not None and finding.fix.replacement == "„Vielleicht“"
    assert finding.fix.safety.value == "unsafe"


def test_two_styles_used_equally_often_are_a_convention(run_rule) -> None:
    text = "Öffnen Sie \"Einstellungen\" und \"Region\". Lesen Sie „Die Shell“ und „Locale“."
    assert run_rule("quote-mixed-styles", text) == []


def test_code_in_straight_quotes_does_not_count(run_rule) -> None:
    text = ('Er nannte es „Bromance“. Die Datei "/etc/fstab" und "ls -l" sind Code, '
            '"info make" auch.')
    assert run_rule("quote-mixed-styles", text) == []


def test_markdown_inline_code_is_not_a_quotation(run_rule) -> None:
    text = 'Er nannte es „Bromance“ und „Allianz“. Rufen Sie `echo "Hallo Welt"` auf.\n'
    assert run_rule("quote-mixed-styles", text, "artikel.md") == []


def test_typewriter_majority_does_not_flag_german_quotes(flagged) -> None:
    text = 'Er sagte "Ja", sie "Nein", er "Doch". Sie meinte »Vielleicht« und “Maybe”.'
    assert flagged("quote-mixed-styles", text) == []
    assert flagged("quote-english-pair", text) == ["“Maybe”"]  # reported once, there


def test_lowercase_single_words_count_as_values_not_quotations(run_rule) -> None:
    text = 'Er sagte „Ja“ und „Nein“. Setzen Sie "relatime" oder "noatime".'
    assert run_rule("quote-mixed-styles", text) == []


@pytest.mark.parametrize(("text", "span", "suggestion"), [
    ("Der Minister nannte die Reform einen “Meilenstein”.", "“Meilenstein”", "„Meilenstein“"),
    ("Die Studie “Long Covid bei Kindern” erscheint im Mai.", "“Long Covid bei Kindern”",
     "„Long Covid bei Kindern“"),
    ("In Folge drei von “Babylon Berlin” wird es spannend.", "“Babylon Berlin”",
     "„Babylon Berlin“"),
    ("Die Bank spricht von einer “vorübergehenden Schwäche” des Euro.",
     "“vorübergehenden Schwäche”", "„vorübergehenden Schwäche“"),
    ("„Wir nennen das “Plan B”“, sagte die Managerin.", "“Plan B”", "‚Plan B‘"),
    ("Der neue Akku hält “ewig”, schreibt der Hersteller.", "“ewig”", "„ewig“"),
])
def test_english_pair_in_german_text_is_flagged(text, span, suggestion, run_rule) -> None:
    (finding,) = run_rule("quote-english-pair", text)
    assert text[finding.offset:finding.offset + finding.length] == span
    assert finding.suggestions == (suggestion,)


@pytest.mark.parametrize("text", [
    "He called the deal “a milestone” for the company.",  # an English sentence
    "Führen Sie “ls -l /etc” aus.",  # code
    "Rufen Sie “kill -HUP 1234” auf.",  # a command with an option
    "Der Minister nannte die Reform einen „Meilenstein“.",
    "Sie sprach von einem »Wendepunkt«.",
])
def test_english_pair_is_left_alone(text, run_rule) -> None:
    assert run_rule("quote-english-pair", text) == []


def test_english_pair_is_not_reported_twice(run_rule) -> None:
    text = "Er sagte „Ja“ und „Nein“ und „Vielleicht“. Sie sagte “Doch”."
    assert run_rule("quote-mixed-styles", text) == []
    assert len(run_rule("quote-english-pair", text)) == 1

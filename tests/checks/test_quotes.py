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


# quote-straight-document: one finding per quotation, each with its own fix.

STRAIGHT = ('Altman sprach von einer "Bromance".\n\nNadella nannte es "eine Partnerschaft".\n\n'
            'Öffnen Sie "/etc/fstab" und lesen Sie "Die Shell".\n')


def run_with(rule_id: str, text: str, **settings: str) -> list:
    from mtlint.core.document import Document
    from mtlint.lint.config import Config
    from mtlint.lint.engine import Linter
    from mtlint.lint.registry import load_rules

    rule = load_rules()[rule_id]
    linter = Linter(Config(select=(rule_id,), **settings), {rule_id: rule})
    return linter.check(Document(text, "test.txt")).findings


def apply(text: str, finding) -> str:
    fix = finding.fix
    return text[:fix.offset] + fix.replacement + text[fix.offset + fix.length:]


def apply_all(text: str, findings: list) -> str:
    for finding in sorted(findings, key=lambda f: f.fix.offset, reverse=True):
        text = apply(text, finding)
    return text


def test_straight_document_reports_and_fixes_every_quotation(run_rule) -> None:
    findings = run_rule("quote-straight-document", STRAIGHT)
    assert [STRAIGHT[f.offset:f.offset + f.length] for f in findings] == [
        '"Bromance"', '"eine Partnerschaft"', '"Die Shell"']
    assert all(f.fix is not None and f.fix.safety.value == "safe" for f in findings)
    assert apply_all(STRAIGHT, findings) == (
        'Altman sprach von einer „Bromance“.\n\nNadella nannte es „eine Partnerschaft“.\n\n'
        'Öffnen Sie "/etc/fstab" und lesen Sie „Die Shell“.\n')


@pytest.mark.parametrize(("style", "marks"), [("guillemets", "»Bromance«"),
                                               ("swiss", "«Bromance»")])
def test_configured_style_is_the_fix(style: str, marks: str) -> None:
    first = run_with("quote-straight-document", STRAIGHT, quotes=style)[0]
    assert apply(STRAIGHT, first).startswith(f"Altman sprach von einer {marks}.")


def test_quotes_any_accepts_straight_quotes() -> None:
    assert run_with("quote-straight-document", STRAIGHT, quotes="any") == []


def test_an_odd_straight_mark_makes_the_fix_a_suggestion_in_its_paragraph(run_rule) -> None:
    text = 'Er sagte "Ja" und "Nein".\n\nSie schrieb: "Das ist "Unsinn".\n'
    safety = {text[f.offset:f.offset + f.length]: f.fix.safety.value
              for f in run_rule("quote-straight-document", text)}
    assert safety['"Ja"'] == safety['"Nein"'] == "safe"
    assert set(safety.values()) == {"safe", "unsafe"}


def test_english_document_with_straight_quotes_is_left_alone(run_rule) -> None:
    text = 'He called it "a bromance".\n\nShe said "no deal" and left the building.\n'
    assert run_rule("quote-straight-document", text) == []


def test_markdown_code_keeps_its_straight_quotes(run_rule) -> None:
    text = 'Er nannte es "Bromance". Rufen Sie `echo "Hallo Welt"` auf und lesen Sie "Faust".\n'
    findings = run_rule("quote-straight-document", text, "artikel.md")
    assert apply_all(text, findings) == (
        'Er nannte es „Bromance“. Rufen Sie `echo "Hallo Welt"` auf und lesen Sie „Faust“.\n')


@pytest.mark.parametrize(("quoted", "counts"), [
    ('"wir"', True), ('"schwach"', True), ('"ADAC"', True),
    ('"ls"', False), ('"info make"', False), ('"defaults"', False),
])
def test_a_lowercase_word_counts_as_a_quotation_when_it_is_german(run_rule, quoted: str,
                                                                   counts: bool) -> None:
    text = f"Im ganzen Handbuch steht {quoted} für etwas anderes.\n"
    assert bool(run_rule("quote-straight-document", text)) is counts


def test_english_pair_suggests_the_configured_style() -> None:
    (finding,) = run_with("quote-english-pair", "Das Modell heißt “Gemini Ultra” und kostet mehr.",
                          quotes="guillemets")
    assert finding.suggestions == ("»Gemini Ultra«",)


def test_guillemets_of_a_swiss_text_are_its_style(flagged) -> None:
    swiss = "Der Rat nannte das «einen grossen Schritt» und «überfällig»."
    german = "Der Rat nannte das «einen großen Schritt» und »überfällig«."
    assert flagged("quote-swiss-guillemets", swiss) == []
    assert flagged("quote-swiss-guillemets", german) == ["«einen großen Schritt»"]


def test_an_open_guillemet_closed_by_a_straight_mark_is_flagged_in_any_text(flagged) -> None:
    text = 'Die Sprecherin sagte «Wir prüfen das" und ging.'
    assert flagged("quote-swiss-guillemets", text) == ['«Wir prüfen das"']

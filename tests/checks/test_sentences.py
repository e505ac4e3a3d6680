"""Edge cases of the sentence-boundary rules (mtlint/checks/sentences.py)."""

from __future__ import annotations

import pytest

from mtlint.checks.sentences import lost_boundaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in den letzten Jahren, Microsoft und OpenAI haben sich etabliert.", ["in"]),
        ("Die Zahlen sind erfreulich. außerdem steigt der Umsatz.", ["außerdem"]),
        ("„die Zukunft gehört der KI“, sagte Nadella.", ["die"]),
        # convention, code, abbreviations, continuation
        ("iPhone-Nutzer bekommen das Update zuerst.", []),
        ("dpkg(1) installiert Pakete.", []),
        ("Er kaufte Brot, Käse usw. und ging heim.", []),
        ("Das kostet ca. zehn Euro.", []),
        ("Es kam der 3. oktober.", []),
        ("Er zögerte ... und ging.", []),
        ("„Wo ist er?“ fragte sie.", []),
        ("Papst Johannes XXIII. und seine Zeit.", []),
    ],
)
def test_lowercase_start(flagged, text: str, expected: list[str]) -> None:
    assert flagged("sentence-lowercase-start", text) == expected


def test_lowercase_start_after_lead_in_is_a_continuation(flagged) -> None:
    text = "Die Vorteile sind:\n\nschnellere Abläufe und weniger Kosten für alle."
    assert flagged("sentence-lowercase-start", text) == []


def test_lowercase_start_after_heading_is_flagged(flagged) -> None:
    text = "Die Spannungen wachsen\n\nin den letzten Jahren hat sich viel verändert."
    assert flagged("sentence-lowercase-start", text) == ["in"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Investitionen betragen 14 Milliarden Dollar Seit 2019 bietet OpenAI mehr.",
         ["Seit"]),
        ("Der Wandel hin zu Rentabilität Gleichzeitig erhöht das den Druck.",
         ["Gleichzeitig"]),
        ("Die Aktie fiel um drei Prozent Trotzdem blieben die Anleger ruhig.", ["Trotzdem"]),
        ("Apple stellte neue Geräte vor Nach der Präsentation stieg der Kurs.", ["Nach"]),
        # a heading merged into the paragraph, many capitals but no Title Case
        ("Die Rolle der Regulierung Die Europäische Union hat strenge Regeln für KI "
         "beschlossen.", ["Die"]),
        ("Die Zusammenarbeit begann 2019 Damals investierte Microsoft eine Milliarde.",
         ["Damals"]),
        # titles, names, quotes, nominalisations, enumerations, verse
        ("Er liest die Zeitung Die Zeit jeden Donnerstag.", []),
        ("Der Film „Zurück in die Zukunft“ läuft heute.", []),
        ("Das Ob und Wie bleibt offen.", []),
        ("Es gibt zwei Sorten: 1. Die Raser, die schneller fahren.", []),
        ("Wer nie sein Brot mit Tränen aß, Wer nicht die Nächte weinend saß.", []),
        ("Die Nächte Auf seinem Bette weinend saß.", []),
        ("Die Vor- und Nachteile liegen auf der Hand.", []),
        ("Das Problem Liegt Zwischen Der Tastatur Und Dem Stuhl.", []),
    ],
)
def test_boundary_missing(flagged, text: str, expected: list[str]) -> None:
    assert flagged("sentence-boundary-missing", text) == expected


def test_lost_boundaries_report_how_the_sentences_are_glued() -> None:
    space = "Die Preise stiegen deutlich Außerdem sank die Nachfrage."
    quote = "Er nannte es „Bromance„Die jüngsten Entwicklungen deuten auf einen Bruch hin."
    assert [(space[i:i + 8], glue) for i, glue in lost_boundaries(space)] == [
        ("Außerdem", "space")]
    assert [(quote[i:i + 3], glue) for i, glue in lost_boundaries(quote)] == [("Die", "quote")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sprach von „Bromance“Die Börse reagierte kaum.", ["“"]),
        ("Er sprach von „Bromance„Die Börse reagierte kaum.", ["„"]),
        ("Die Firma nennt es “Copilot”und verkauft es teuer.", ["”"]),
        ("Er sprach von „Bromance“. Die Börse reagierte kaum.", []),
        ("Die „Ja“-Sager haben gewonnen.", []),
        ("Er rief„Hallo“ und ging.", []),  # an opening mark without space: not this rule
    ],
)
def test_missing_space_after_quote(flagged, text: str, expected: list[str]) -> None:
    assert flagged("sentence-missing-space", text) == expected


def test_missing_space_fix_is_safe_and_inserts_a_space(run_rule) -> None:
    finding = run_rule("sentence-missing-space", "Er sagte „Ja“Dann ging er.")[0]
    assert finding.fix is not None and finding.fix.replacement == "“ "

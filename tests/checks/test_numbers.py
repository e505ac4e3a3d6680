"""Number and date formats: English decimals, thousands separators and day order
(mtlint/checks/numbers.py and rules/locale.toml)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "number"), [
    ("Der neue Akku-Staubsauger wiegt 2.7 Kilogramm.", "2.7"),
    ("Die Arbeitslosenquote sank um 0.8 Prozentpunkte.", "0.8"),
    ("Leser geben dem Hotel die Note 3.5 von 5 Sternen.", "3.5"),
    ("Das Kraftwerk liefert künftig 1.2 Gigawatt.", "1.2"),
    ("Der Pegel stieg binnen Stunden um 0.45 Meter.", "0.45"),
    ("Die Studie empfiehlt 2.5 Liter Wasser am Tag.", "2.5"),
    ("Das Smartphone hat ein 6.1-Zoll-Display.", "6.1"),
    ("Die Folge erreichte bei Kritikern 8.2/10.", "8.2"),
    ("Der Stürmer erzielt im Schnitt 1.3 Tore pro Spiel.", "1.3"),
    ("Die Temperatur lag 1.5 Grad über dem Mittel.", "1.5"),
    ("Der Patient nahm täglich 0.125 Milligramm ein.", "0.125"),
    ("Die Wartezeit betrug im Schnitt 2.5 Wochen.", "2.5"),
])
def test_english_decimal_before_unit_or_in_rating(text: str, number: str, flagged) -> None:
    assert flagged("number-english-decimal", text) == [number]


@pytest.mark.parametrize("text", [
    "Das Update auf Android 14.1 bringt Bluetooth 5.3 und Wi-Fi 7.",
    "Das Skript verlangt Python 3.11 oder neuer.",
    "Mehr dazu in Kapitel 2.3 und Abschnitt 4.2 Meter für Meter.",
    "Der Anpfiff ist um 12.30 Uhr, der Einlass ab 11.45 Uhr.",
    "Die Frist endet am 1.5.2024 um Mitternacht.",
    "Der Router ist unter 192.168.0.1 erreichbar.",
    "Die Halle ist 1.200 Meter vom Bahnhof entfernt.",
    "Das Meeting dauerte 1.45 Stunden laut Kalender.",
    "Der Akku-Staubsauger wiegt 2,7 Kilogramm.",
])
def test_english_decimal_leaves_versions_times_and_dates(text: str, flagged) -> None:
    assert flagged("number-english-decimal", text) == []


@pytest.mark.parametrize(("text", "numbers"), [
    ("Zum Derby kamen 4,500 Zuschauer.", ["4,500"]),
    ("Ein Flug kostet zwischen 1,000 und 2,000 Euro.", ["1,000", "2,000"]),
    ("Wer täglich rund 3,000 Schritte geht, lebt gesünder.", ["3,000"]),
    ("Der Konzern streicht 1,200 Arbeitsplätze.", ["1,200"]),
    ("Die Petition sammelte 2,300 Unterschriften.", ["2,300"]),
    ("Die Stadt pflanzt 5,000 neue Bäume.", ["5,000"]),
    ("Das Festival erwartet etwa 25,000 Gäste.", ["25,000"]),
    ("Die Preise liegen bei 1,500 bis 3,000 Dollar.", ["1,500", "3,000"]),
])
def test_english_thousands_separator_by_context(text: str, numbers: list[str],
                                                flagged) -> None:
    assert flagged("number-english-separator", text) == numbers


@pytest.mark.parametrize("text", [
    "Die Marathonstrecke misst 42,195 Kilometer.",
    "Hamilton lag 1,234 Sekunden hinter Verstappen.",
    "Die Anleihe ist mit 1,375 Prozent verzinst.",
    "Der Tank fasst 2,125 Liter, die Dose 0,330 Liter.",
    "Die Koordinaten lauten 52,520 und 13,405.",
    "Der Wert stieg von 2,500 auf 2,750.",
    "Es wurden 1,250 Tonnen Getreide geliefert.",
])
def test_german_three_place_decimals_stay(text: str, flagged) -> None:
    assert flagged("number-english-separator", text) == []


@pytest.mark.parametrize(("text", "dates"), [
    ("Die Wahl findet am März 3 statt.", ["März 3"]),
    ("Das Festival läuft vom Juni 2 bis Juni 9.", ["Juni 2", "Juni 9"]),
    ("Seit Januar 12 gilt das neue Tempolimit.", ["Januar 12"]),
    ("Anmeldungen sind bis Oktober 15 möglich.", ["Oktober 15"]),
    ("Die Serie startet am Dezember 1 bei Netflix.", ["Dezember 1"]),
    ("Die Klinik bleibt zwischen Juli 20 und August 3 geschlossen.",
     ["Juli 20", "August 3"]),
])
def test_english_month_day_order(text: str, dates: list[str], flagged) -> None:
    assert flagged("date-english-day-after-month", text) == dates


@pytest.mark.parametrize("text", [
    "Die Wahl findet am 3. März statt.",
    "Im März 2024 stiegen die Mieten.",
    "Bis Oktober 15 Prozent mehr Umsatz, so der Plan.",
    "Seit Januar 12 neue Filialen, seit März weitere.",
    "Die Preise stiegen seit Januar um 12 Prozent.",
    "Der Vertrag gilt bis Oktober 15, 2025.",  # date-english-order reports this one
])
def test_month_then_number_that_is_no_day(text: str, flagged) -> None:
    assert flagged("date-english-day-after-month", text) == []


def test_month_day_fix_puts_the_day_first(run_rule) -> None:
    text = "Die Wahl findet am März 3 statt."
    (finding,) = run_rule("date-english-day-after-month", text)
    assert finding.suggestions == ("3. März",)

"""Edge cases of the verb-second rule (mtlint/checks/word_order.py)."""

from __future__ import annotations

import pytest

from tests.checks.conftest import run_rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In den letzten Jahren, Microsoft und OpenAI haben sich stark angenähert.",
         [", Microsoft und OpenAI haben"]),
        ("Im Jahr 2023, das Unternehmen hat seinen Umsatz verdoppelt.",
         [", das Unternehmen hat"]),
        ("Laut einem Bericht der Zeitung, Apple plant ein eigenes Suchprogramm.",
         [", Apple plant"]),
        ("Um die Kosten zu senken, der Konzern streicht tausend Stellen.",
         [", der Konzern streicht"]),
        ("Nachdem die Zahlen veröffentlicht wurden, die Aktie fiel um zehn Prozent.",
         ["die Aktie fiel"]),
        ("Trotz der hohen Kosten, wir investieren weiter in neue Rechenzentren.",
         [", wir investieren"]),
        ("Als Ergebnis, die Aktie des Konzerns fiel deutlich.",
         [", die Aktie des Konzerns fiel"]),
        ("Während der Pandemie, viele Unternehmen haben auf die Cloud gesetzt.",
         [", viele Unternehmen haben"]),
        ("Heute, Microsoft ist einer der größten Investoren von OpenAI.", [", Microsoft ist"]),
        ("Interessanterweise, das Unternehmen hat keine Stellungnahme abgegeben.",
         [", das Unternehmen hat"]),
        ("Nach der Ankündigung, die Aktien von Nvidia stiegen um fünf Prozent.",
         [", die Aktien von Nvidia stiegen"]),
        # verb second, correctly
        ("Als Reaktion begann Microsoft, Talente abzuwerben.", []),
        ("In der Stadt, die am Meer liegt und viele Touristen hat, wohnt er.", []),
        ("In den letzten Jahren haben sich Microsoft und OpenAI angenähert.", []),
        ("Nachdem die Zahlen veröffentlicht wurden, fiel die Aktie.", []),
        # enumerations, appositions, relative clauses, set-off words, resumptions
        ("Für Microsoft, Google und Apple ist das ein Problem.", []),
        ("Im Jahr 2023, dem Jahr der KI, hat das Unternehmen expandiert.", []),
        ("In den Jahren, die folgten, wuchs die Firma.", []),
        ("Mit anderen Worten, das Projekt ist gescheitert.", []),
        ("Im Gegenteil, ich halte das für richtig.", []),
        ("Nein, das stimmt nicht.", []),
        ("Mit 50 Talent zu haben, darauf kommt es an.", []),
        ("Wenn ich sage, man nehme sich Zeit, meine ich das ernst.", []),
        ("Er kam nach Hause, sie ging.", []),
        ("Im Prinzip ja, allerdings erfolgt die Lieferung später.", []),
        ("Weil der Prinz ein intelligenter, gutaussehender Single ist.", []),
        ("„Wir sind bereit“, sagte Altman, die Zukunft gehört uns.", []),
    ],
)
def test_verb_third(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-verb-third", text) == expected


def test_suggestion_moves_the_verb_and_drops_the_comma() -> None:
    finding = run_rule("word-order-verb-third", "Im Jahr 2023, das Unternehmen hat gewonnen.")[0]
    assert finding.suggestions == (" hat das Unternehmen",)
    assert finding.fix is not None and finding.to_json().get("fix") is None  # unsafe


def test_suggestion_after_a_clause_keeps_the_comma() -> None:
    text = "Als die Zahlen kamen, die Aktie fiel deutlich."
    finding = run_rule("word-order-verb-third", text)[0]
    assert finding.suggestions == ("fiel die Aktie",)

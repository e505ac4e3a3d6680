"""clause-verb-missing, infinitive-zu-coordinated, infinitive-missing
(mtlint/checks/clauses.py): clauses that machine translation left without their verb."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Bahn meldet, dass der Zug nach Köln heute pünktlich.",
         ["dass der Zug nach Köln heute pünktlich."]),
        ("Das Spiel fiel aus, weil der Platz unter Wasser.", ["weil der Platz unter Wasser."]),
        ("Die Garantie gilt nur, wenn die Rechnung vom Händler.",
         ["wenn die Rechnung vom Händler."]),
        ("Die Bahn meldet, dass der Zug nach Köln heute pünktlich ist.", []),
        ("Sie kam an, wenn auch mit einer Stunde Verspätung.", []),
        # A rare or elided word may be the verb.
        ("Es freut die Kinder, wenn die Kühe im Stall muh'n.", []),
        ("Die Bahn meldet, dass der Zug ausfällt und dass der Bus fährt.", []),
        # Verbless on purpose: no subject, or a conjunction that opens phrases too.
        ("Sie lächelt, obwohl sehr müde.", []),
        ("Wir kommen, wenn nötig auch am Sonntag.", []),
        ("Er fragt, ob mit oder ohne das Auto.", []),
        # A clause that goes on after a comma is not judged.
        ("Sie sagt, dass der Zug, wie so oft, zu spät kam.", []),
        # A text cut off in mid-sentence.
        ("Die Bahn meldet, dass der Zug nach Köln", []),
    ],
)
def test_clause_verb_missing(flagged, text: str, expected: list[str]) -> None:
    assert flagged("clause-verb-missing", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Verein wird ein Stadion bauen und die Jugendarbeit zu stärken.",
         ["zu stärken"]),
        ("Wir wollen die Kosten senken und Personal, Räume und Technik besser zu nutzen.",
         ["zu nutzen"]),
        ("Der Verein wird ein Stadion bauen und die Jugendarbeit stärken.", []),
        # "zu" that another word governs.
        ("Der Verein wird ein Stadion bauen und versuchen, die Jugend zu stärken.", []),
        ("Der Verein wird bauen und ohne Kredit die Kosten zu decken suchen.", []),
        ("Der Verein hat ein Stadion gebaut und die Jugendarbeit zu stärken.", []),
        ("Wir müssen sparen und das Ziel, bis 2030 schuldenfrei zu sein, erreichen.", []),
        ("Der Verein wird ein Stadion bauen, und es ist Zeit, die Jugend zu stärken.", []),
    ],
)
def test_infinitive_zu_coordinated(flagged, text: str, expected: list[str]) -> None:
    assert flagged("infinitive-zu-coordinated", text) == expected


def test_infinitive_zu_coordinated_suggests_bare_infinitive(run_rule) -> None:
    (finding,) = run_rule("infinitive-zu-coordinated",
                          "Der Verein wird ein Stadion bauen und die Jugendarbeit zu stärken.")
    assert finding.suggestions == ("stärken",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir senken die Preise, um neue Kunden zu.", ["um neue Kunden zu"]),
        ("Um die Frist zu, brauchen wir Hilfe.", ["Um die Frist zu"]),
        ("Es eilt. Um die Frist zu, brauchen wir Hilfe.", ["Um die Frist zu"]),
        ("Wir senken die Preise, um neue Kunden zu gewinnen.", []),
        ("Er bog um die Ecke zu seinem Haus.", []),
        ("Mach die Tür zu, um sicherzugehen.", []),
    ],
)
def test_infinitive_missing(flagged, text: str, expected: list[str]) -> None:
    assert flagged("infinitive-missing", text) == expected

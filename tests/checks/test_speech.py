"""speech-verb-order, speech-verb-participle, speech-subject-missing
(mtlint/checks/speech.py): the reporting clause after direct speech."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Wir bleiben dran“, er sagte.", ["er sagte"]),
        ("„Wir bleiben dran,“ er sagte am Morgen.", ["er sagte"]),
        ("„Die Ernte war gut.“ – Bauer Krause erklärte.", ["Bauer Krause erklärte"]),
        ("„Es reicht“, der neue Sprecher des Vereins betonte.",
         ["der neue Sprecher des Vereins betonte"]),
        ("„Es reicht“, sie hat gesagt.", ["sie hat"]),
        # Right: verb first, set phrases, subordinate clauses, new sentences.
        ("„Wir bleiben dran“, sagte er.", []),
        ("„Wir bleiben dran“, fügte die Trainerin hinzu.", []),
        ("„Wir bleiben dran“, so die Trainerin.", []),
        ("„Wir bleiben dran“, wie sie sagte.", []),
        ("„Wir bleiben dran.“ Sie sagte das ohne Zögern.", []),
        ("„Wir bleiben dran.“ Die Trainerin erklärte die Taktik.", []),
        # A quotation inside running text is no direct speech.
        ("Er nannte das Spiel „zäh“, sie sagte dazu nichts.", []),
        # An object before "hat" is no speaker.
        ("„Genug!“ – Drei Briefe hat er schon geschrieben.", []),
    ],
)
def test_speech_verb_order(flagged, text: str, expected: list[str]) -> None:
    assert flagged("speech-verb-order", text) == expected


def test_speech_verb_order_suggests_verb_first(run_rule) -> None:
    (finding,) = run_rule("speech-verb-order", "„Wir bleiben dran“, er sagte.")
    assert finding.suggestions == ("sagte er",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Das reicht nicht.“ – Krause hinzugefügt.", ["Krause hinzugefügt"]),
        ("„Das reicht nicht“, die Ministerin gesagt.", ["die Ministerin gesagt"]),
        ("„Das reicht nicht“, fügte Krause hinzu.", []),
        ("„Das reicht nicht“, hat die Ministerin gesagt.", []),
        ("„Das reicht nicht“, wie die Ministerin gesagt hat.", []),
        # "erklärt" is also a finite verb: speech-verb-order's case.
        ("„Das reicht nicht“, Krause erklärt.", []),
    ],
)
def test_speech_verb_participle(flagged, text: str, expected: list[str]) -> None:
    assert flagged("speech-verb-participle", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Die Tür bleibt zu.“ sagte. Dann ging er.", ["sagte"]),
        ("„Die Tür bleibt zu“, fügte hinzu.", ["fügte hinzu"]),
        ("„Die Tür bleibt zu“, sagte er.", []),
        ("„Die Tür bleibt zu“, sagte sie leise.", []),
        ("„Die Tür bleibt zu“, sagt man.", []),
    ],
)
def test_speech_subject_missing(flagged, text: str, expected: list[str]) -> None:
    assert flagged("speech-subject-missing", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Die Tür bleibt zu“, sagte er hinzu.", ["sagte er hinzu"]),
        ("„Die Tür bleibt zu“, betonte der Hausmeister hinzu.",
         ["betonte der Hausmeister hinzu"]),
        ("„Die Tür bleibt zu“, fügte er hinzu.", []),
        ("„Die Tür bleibt zu“, fuhr er fort.", []),
        ("„Die Tür bleibt zu“, sagte er und ging fort.", []),
    ],
)
def test_speech_verb_particle(flagged, text: str, expected: list[str]) -> None:
    assert flagged("speech-verb-particle", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Warum der Zug ausfiel, erklärte der Sprecher der Bahn "Das prüfen wir."', ["Warum"]),
        ("Ob die Firma verkauft wird, sagte Anna Berger: Das entscheidet der Vorstand.",
         ["Ob"]),
        # The question is the object: no colon, no quotation; or no verb of saying.
        ("Ob die Firma verkauft wird, sagte Anna Berger nicht.", []),
        ("Ob die Firma verkauft wird, entscheidet der Vorstand: erst im Mai.", []),
        ("Ob teuer oder billig, sagte er: Hauptsache, es hält.", []),
    ],
)
def test_question_dangling_before_speech(flagged, text: str, expected: list[str]) -> None:
    assert flagged("speech-question-dangling", text) == expected

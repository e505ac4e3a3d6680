"""The address-form rules (mtlint/checks/address.py): which form counts, what the
document decides, and where a collection of texts stays quiet."""

from __future__ import annotations

import pytest

FORMAL_PAGE = (
    "Melden Sie sich an. Wählen Sie einen Tarif. Geben Sie Ihre Adresse ein.\n\n"
    "Bestätigen Sie die E-Mail.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mixed in one sentence: the minority form of the document is reported.
        ("Die App ermöglicht es Ihnen, deine Fotos zu teilen.", ["deine"]),
        # A page that says "Sie" throughout and slips once.
        (FORMAL_PAGE + "Danach kannst du sofort loslegen.", ["du"]),
        (FORMAL_PAGE + "Viel Spaß mit deinem neuen Konto!", ["deinem"]),
        # The informal plural only beside "Sie" in one sentence.
        (FORMAL_PAGE + "Das Motto lautet: Von uns für euch!", []),
        (FORMAL_PAGE + "Wir danken Ihnen und euch allen.", ["euch"]),
        # "sie" (she, they) and sentence-initial "Sie", "Ihr" are not the address.
        ("Du kennst sie. Sie wohnt nebenan. Ihr Hund bellt oft, und du hörst ihn.", []),
        # After a colon "Sie" may be "she".
        ("Du fragst, wer kommt: Sie kommt morgen, sagt deine Schwester.", []),
        # Quotations address someone else.
        ("Sie fragte ihn: „Hast du deine Schlüssel?“ Er nickte.", []),
        ("Sagen Sie einfach „Danke dir“ und gehen Sie.", []),
        # French "du" in a name; the command du(1).
        ("Wir treffen Sie im Café du Monde.", []),
        ("Mit du(1) sehen Sie, wie viel Platz Ihre Dateien belegen.", []),
        # The plural "Ihr" before a verb is informal, not the possessive.
        ("Liebt euch, und Ihr werdet glücklich sein.", []),
    ],
)
def test_address_form_mixed(flagged, text: str, expected: list[str]) -> None:
    assert flagged("address-form-mixed", text) == expected


def test_collection_with_both_forms_is_checked_by_sentence_only(flagged) -> None:
    # Jokes and quotes, some formal, some informal: no document-wide address.
    jokes = [
        "Kennst du den schon? Du gehst in eine Bar.",
        "Nehmen Sie sich Zeit, dann haben Sie Zeit.",
        "Wenn du nicht weißt, wohin, nimm deinen Hut.",
        "Wussten Sie schon, dass Ihr Kühlschrank mitdenkt?",
    ] * 3
    assert flagged("address-form-mixed", "\n\n".join(jokes)) == []


def test_tie_reports_the_second_form_of_the_sentence(flagged) -> None:
    assert flagged("address-form-mixed", "Du kannst das in Ihrem Konto ändern.") == ["Ihrem"]


def test_suggestion_keeps_the_capital_at_a_sentence_start(run_rule) -> None:
    text = FORMAL_PAGE + "Dein Konto ist bereit."
    [finding] = run_rule("address-form-mixed", text)
    assert text[finding.offset:finding.offset + finding.length] == "Dein"
    assert finding.suggestions == ("Ihr",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Danke für Deine Karte! Auch Dein Gruß kam an, Deine Schwester auch, und Du fehlst "
         "mir. Ich denke an dich.", ["dich"]),
        # Sentence starts are capitalised anyway.
        ("Du bist eingeladen. Dein Platz ist frei. Deine Karte liegt bereit. Dich "
         "erwartet viel. Bring deine Freunde mit.", []),
        # No clear majority.
        ("Danke für Deine Karte und dein Bild, Deinen Gruß und deinen Brief.", []),
    ],
)
def test_address_du_capitalisation(flagged, text: str, expected: list[str]) -> None:
    assert flagged("address-du-capitalisation", text) == expected


def test_one_finding_per_sentence(flagged) -> None:
    text = FORMAL_PAGE * 2 + "Gut gemacht! Du hast es geschafft und kannst weiter, wo du warst."
    assert flagged("address-form-mixed", text) == ["Du"]


def test_a_formal_paragraph_decides_for_its_own_sentences(flagged) -> None:
    formal = ("Lesen Sie die Anleitung, bevor Sie beginnen. Du brauchst etwas Zeit. Dann "
              "werden Sie sehen, wie leicht Sie ans Ziel kommen, und du bist stolz.")
    letters = "\n\n".join(["Du hast mir geschrieben, und du fehlst mir sehr."] * 4)
    assert flagged("address-form-mixed", letters + "\n\n" + formal) == ["Du", "du"]
    # Without "Sie" four times the paragraph decides nothing: the document's "du" does.
    assert flagged("address-form-mixed", letters + "\n\n" + formal.replace(
        "Dann werden Sie sehen, wie leicht Sie", "Dann sieht man, wie leicht man")) == ["Sie"]

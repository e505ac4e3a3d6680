"""sentence-untranslated: units, quotations and Markdown."""

from __future__ import annotations

import pytest


def test_english_markdown_heading_is_flagged(flagged) -> None:
    text = "# What this means for the future of AI\n\nMicrosoft und OpenAI verhandeln neu.\n"
    assert flagged("sentence-untranslated", text, "artikel.md") == [
        "What this means for the future of AI"]


def test_quotation_in_straight_quotes_is_not_counted(run_rule) -> None:
    text = 'Altman sagte: "This is the most important partnership of our time." Dann ging er.'
    assert run_rule("sentence-untranslated", text) == []


def test_short_english_phrase_is_left_alone(run_rule) -> None:
    text = "Das Motto lautet: Think different. Apple wirbt damit seit Jahren."
    assert run_rule("sentence-untranslated", text) == []


def test_only_the_english_sentence_is_flagged(flagged) -> None:
    text = ("Die Partnerschaft wächst. This is why the deal matters for both of them. "
            "Microsoft schweigt dazu.")
    assert flagged("sentence-untranslated", text) == [
        "This is why the deal matters for both of them."]


# --- phrase-untranslated ------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    # A stray function word between German words.
    ("Der Umsatz stieg zwischen Januar and März um zehn Prozent.", "and"),
    ("Die Klinik bietet Termine für Patienten with Diabetes an.", "with"),
    ("Das Update bringt neue Funktionen für Nutzer of älteren Geräten.", "of"),
    ("Die Tickets kosten Preise of bis zu 20 Euro.", "of"),
    ("Die Preise are gestiegen, sagen die Händler.", "are"),
    ("Der Akku hält lange, but das Display ist zu dunkel.", "but"),
    ("Die Preise of the neuen Modelle steigen.", "of the"),
    # An English clause inside a German sentence.
    ("Die Ministerin sagte, the government will not change its plans, und verwies auf "
     "den Haushalt.", "the government will not change its plans"),
    ("Laut Studie haben Kinder, who sleep less than eight hours, häufiger Probleme.",
     "who sleep less than eight hours"),
    ("Der Flug nach Lissabon dauert drei Stunden, which is shorter than expected.",
     "which is shorter than expected"),
    ("Die Aktie fiel, because investors were worried about the debt, um fünf Prozent.",
     "because investors were worried about the debt"),
    ("Der Test zeigt: the battery lasts longer than the old model, doch das Display "
     "enttäuscht.", "the battery lasts longer than the old model"),
])
def test_english_inside_a_german_sentence_is_flagged(flagged, text, span) -> None:
    assert flagged("phrase-untranslated", text) == [span]


@pytest.mark.parametrize("text", [
    # Names and titles keep their capitals or have English on both sides.
    "Die Band spielt Rock and Roll und Blues.",
    "Nutzer können per Drag and Drop Dateien verschieben.",
    "Mehr dazu steht in den Terms of Service.",
    "Die Serie Law and Order läuft seit Jahren.",
    "Der Film The Lord of the Rings lief im Kino.",
    "Die Serie Sex and the City wird fortgesetzt.",
    "Das Konzept Software as a Service setzt sich durch.",
    "Die Bewegung Fridays for Future demonstriert wieder.",
    "Ein Song von den Stones: You can't always get what you want - ein Klassiker.",
    # Quotations, an English message after a capital, anglicisms German uses.
    "Sie sah „The Last of Us“ und danach „Game of Thrones“.",
    "Auf dem Bildschirm steht: Press any key to continue, aber nichts passiert.",
    "Das Feature ist nice to have, aber nicht nötig.",
    "Last but not least danken wir allen Helfern.",
    "Linux ohne Perl is wie Arnold ohne Wumme.",  # dialect: "is" is German too
    "Die Technik ist state of the art.",
    # A whole English sentence is sentence-untranslated's.
    "Die Partnerschaft wächst. This is why the deal matters for both of them.",
])
def test_names_titles_and_quotations_are_not_flagged(flagged, text) -> None:
    assert flagged("phrase-untranslated", text) == []

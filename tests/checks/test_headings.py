"""Edge cases of the heading-case rules (mtlint/checks/headings.py)."""

from __future__ import annotations

import pytest

BODY = "\n\nDer Absatz danach erzählt, wie Microsoft und OpenAI im KI-Markt verhandeln."


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("die ursprünge des konflikts", ["die"]),
        ("warum openai eigene chips baut", ["warum"]),
        ("iPhone-Verkäufe brechen ein", []),
        ("eBay streicht Stellen", []),
        ("ls und grep im Alltag", []),  # command names, unknown to lexicon and tagger
        ("3 Gründe für den Wechsel", []),
    ],
)
def test_lowercase_start(flagged, heading: str, expected: list[str]) -> None:
    assert flagged("heading-lowercase-start", heading + BODY) == expected


def test_lowercase_start_fix_capitalises_only_the_first_letter(run_rule) -> None:
    finding = run_rule("heading-lowercase-start", "könnte der Streit eskalieren?" + BODY)[0]
    assert finding.fix is not None and finding.fix.replacement == "Könnte"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # names take the spelling the body uses
        ("Das Ende der beziehung zwischen microsoft und openai",
         ["beziehung zwischen microsoft und openai"]),
        ("Neue Modelle für die cloud", ["cloud"]),
        # hyphenated compounds take the body's spelling of their parts
        ("Der kampf um die ki-vorherrschaft", ["kampf um die ki-vorherrschaft"]),
        # a nominalised verb, found by position after the article
        ("Warum das scheitern der Gespräche absehbar war", ["scheitern"]),
        ("Was beim essen zählt", ["essen"]),
        # verbs, adjectives and adverbs stay lowercase
        ("Alte Geräte laufen weiter", []),
        ("Wie Microsoft seine Strategie neu ausrichtet", []),
        ("Was sich morgen ändert", []),
        # English headings and file names are not German nouns
        ("The rise of open models", []),
        ("Die Datei config.yaml richtig anlegen", []),
    ],
)
def test_lowercase_noun(flagged, heading: str, expected: list[str]) -> None:
    assert flagged("heading-lowercase-noun", heading + BODY) == expected


def test_lowercase_noun_suggests_the_corrected_span_and_is_unsafe(run_rule) -> None:
    text = "die ursprünge des konflikts: ressourcen und ambitionen" + BODY
    finding = run_rule("heading-lowercase-noun", text)[0]
    assert finding.suggestions == ("Ursprünge des Konflikts: Ressourcen und Ambitionen",)
    assert finding.to_json().get("fix") is None  # unsafe: never applied by --fix


def test_lowercase_noun_ignores_paragraphs(run_rule) -> None:
    # Only headings are checked; a lowercase sentence is another rule's business.
    assert run_rule("heading-lowercase-noun", "der konflikt im gerichtssaal.") == []


def test_markdown_heading_with_emphasis(run_rule) -> None:
    text = "## **die** ursprünge des konflikts\n\nMicrosoft und OpenAI verhandeln.\n"
    spans = [text[f.offset:f.offset + f.length]
             for f in run_rule("heading-lowercase-start", text, "a.md")]
    assert spans == ["die"]


def test_markdown_heading(run_rule) -> None:
    text = "# die zukunft der partnerschaft\n\nMicrosoft und OpenAI verhandeln weiter.\n"
    spans = [text[f.offset:f.offset + f.length]
             for f in run_rule("heading-lowercase-noun", text, "a.md")]
    assert spans == ["zukunft der partnerschaft"]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Die Größten Herausforderungen Für Unternehmen",
         ["Größten Herausforderungen Für"]),
        ("Wie Microsoft Seine Strategie Neu Ausrichtet", ["Seine Strategie Neu Ausrichtet"]),
        ("Zehn Einfache Tipps Für Bessere Fotos", ["Einfache Tipps Für Bessere"]),
        # nouns that are verbs here, read in context; each part on its own
        ("Apples neue Strategie: Was Sie Wissen Müssen", ["Wissen Müssen"]),
        # German casing, terms and names
        ("Die größten Herausforderungen für Unternehmen", []),
        ("Was Sie über das Wissen der Modelle wissen müssen", []),
        ("Künstliche Intelligenz", []),
        ("Martin Geuß", []),
        ("FAQs", []),
        ("Was Sie über Künstliche Intelligenz wissen müssen", []),
        ("Fazit: Eine wegweisende Partnerschaft", []),
        ("Der Erste Weltkrieg und seine Folgen", []),
    ],
)
def test_title_case(flagged, heading: str, expected: list[str]) -> None:
    assert flagged("heading-title-case", heading + BODY) == expected


def test_title_case_spares_terms_the_body_capitalises(run_rule) -> None:
    text = ("Die Zukunft Der Künstlichen Intelligenz\n\nDie Künstliche Intelligenz und die "
            "Künstlichen Netze verändern den Markt.")
    assert [text[f.offset:f.offset + f.length]
            for f in run_rule("heading-title-case", text)] == []

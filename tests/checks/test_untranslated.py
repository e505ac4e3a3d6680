"""sentence-untranslated: units, quotations and Markdown."""

from __future__ import annotations

from tests.checks.conftest import run_rule


def test_english_markdown_heading_is_flagged(flagged) -> None:
    text = "# What this means for the future of AI\n\nMicrosoft und OpenAI verhandeln neu.\n"
    assert flagged("sentence-untranslated", text, "artikel.md") == [
        "What this means for the future of AI"]


def test_quotation_in_straight_quotes_is_not_counted() -> None:
    text = 'Altman sagte: "This is the most important partnership of our time." Dann ging er.'
    assert run_rule("sentence-untranslated", text) == []


def test_short_english_phrase_is_left_alone() -> None:
    text = "Das Motto lautet: Think different. Apple wirbt damit seit Jahren."
    assert run_rule("sentence-untranslated", text) == []


def test_only_the_english_sentence_is_flagged(flagged) -> None:
    text = ("Die Partnerschaft wächst. This is why the deal matters for both of them. "
            "Microsoft schweigt dazu.")
    assert flagged("sentence-untranslated", text) == [
        "This is why the deal matters for both of them."]

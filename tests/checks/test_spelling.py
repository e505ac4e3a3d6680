"""spelling-misspelled-word (a table of word forms) and number-english-separator
(context words after a number): whole words only, endings and sentence-start capitals."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture
def fixes(run_rule) -> Callable[[str, str], list[tuple[str, str]]]:
    """fixes(rule_id, text) -> (flagged text, its fix) for each finding."""

    def found(rule_id: str, text: str) -> list[tuple[str, str]]:
        return [(text[f.offset:f.offset + f.length], f.fix.replacement if f.fix else "")
                for f in run_rule(rule_id, text)]

    return found


def test_listed_endings_and_sentence_start_capital(fixes) -> None:
    text = "Seperate Räume, seperaten Zugang und die Addressen der Kanditatinnen."
    assert fixes("spelling-misspelled-word", text) == [
        ("Seperate", "Separate"), ("seperaten", "separaten"),
        ("Addressen", "Adressen"), ("Kanditatinnen", "Kandidatinnen"),
    ]


def test_only_whole_words_are_flagged(fixes) -> None:
    # An unlisted ending, a compound, the second part of a hyphenated word, a
    # lowercase noun stem and a word glued to a digit are left alone.
    text = ("Die Standarte, die Standarteinstellung, Video-Standart, standart, "
            "Standart2 und seperatistisch.")
    assert fixes("spelling-misspelled-word", text) == []


def test_a_non_breaking_space_and_a_context_word_make_a_thousands_group(fixes) -> None:
    text = "Es kamen 1,500\u00a0Besucherinnen und 2,500 Mio. Euro, aber 2,500 Millionstel."
    assert [number for number, _ in fixes("number-english-separator", text)] == [
        "1,500", "2,500"]

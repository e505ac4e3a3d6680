"""The closed word classes and the analysis helpers the checks build on."""

from __future__ import annotations

import pytest

from mtlint.language import german, wordclasses


def test_word_classes_are_lowercase_words() -> None:
    for name in dir(wordclasses):
        value = getattr(wordclasses, name)
        if isinstance(value, frozenset):
            assert all(word == word.lower() and " " not in word for word in value), name


@pytest.mark.parametrize(
    ("word", "prose"),
    [("in", True), ("beziehung", True), ("außerdem", True), ("dpkg", False), ("ls", False)],
)
def test_is_prose_word(word: str, prose: bool) -> None:
    assert wordclasses.is_prose_word(word) is prose


def test_word_tags_are_case_folded_and_none_for_unknown_forms() -> None:
    assert german.word_tags("Seit") == german.word_tags("seit")
    assert "APPR" in (german.word_tags("seit") or ())
    assert german.word_tags("Satellitenbüro") is None
    assert german.word_tags("") is None


def test_tag_text_gives_offsets_of_words_and_punctuation() -> None:
    text = "Hat OpenAI kürzlich ein Büro, ja?"
    tagged = german.tag_text(text)
    assert [text[start:start + len(a.word)] for start, a in tagged] == [
        a.word for _, a in tagged]
    assert [a.word for _, a in tagged][-3:] == [",", "ja", "?"]
    assert tagged[0][1].tag == "VAFIN"


def test_tags_of_falls_back_to_the_analysis_of_unlisted_forms() -> None:
    assert wordclasses.tags_of("seit") == german.word_tags("seit")
    assert german.word_tags("Satellitenbüro") is None
    assert wordclasses.tags_of("Satellitenbüro") == {german.analyze_word("Satellitenbüro").tag}


@pytest.mark.parametrize(
    ("word", "finite"),
    [("bietet", True), ("hat", True), ("könnte", True), ("eröffnet", True),
     ("bezeichnen", True), ("seit", False), ("büro", False), ("geh", False)],
)
def test_is_finite_verb_by_tags_alone(word: str, finite: bool) -> None:
    assert wordclasses.is_finite_verb(word) is finite

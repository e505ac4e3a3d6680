"""Tests for mtlint.language.german: the facts rules rely on, and the lexicon file format."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtlint.data import build_nouns
from mtlint.language import german, german_data

ROOT = Path(__file__).resolve().parent.parent


def test_import_loads_neither_numpy_nor_hanta() -> None:
    # A fresh interpreter: this test process may already have loaded them.
    code = ("import mtlint.language.german, sys; "
            "print('numpy' in sys.modules, 'HanTa' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True
    )
    assert result.stdout.split() == ["False", "False"]


# --- noun lexicon ------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "genders"),
    [
        ("Büro", {"n"}),
        ("Fabrik", {"f"}),
        ("Beziehung", {"f"}),
        ("Satellitenbüro", {"n"}),
        ("Batteriefabrik", {"f"}),
        ("Satellitenbüros", {"n"}),
        ("KI-Büro", {"n"}),
        ("beziehung", {"f"}),
        ("BÜRO", {"n"}),
    ],
)
def test_noun_genders(word: str, genders: set[str]) -> None:
    assert german.noun_genders(word) == genders


def test_unknown_words_have_no_gender() -> None:
    assert german.noun_genders("Xqzt") == frozenset()
    assert german.noun_genders("") == frozenset()
    assert german.noun_genders("2024") == frozenset()


def test_compound_takes_longest_known_final_noun() -> None:
    info = german.lookup_noun("Batteriefabrik")
    assert info is not None
    assert info.head == "Fabrik"
    assert info.form == "Batteriefabrik"
    assert [r.lemma for r in info.readings] == ["Batteriefabrik"]

    plural = german.lookup_noun("Batteriefabriken")
    assert plural is not None
    assert plural.head == "Fabriken"
    assert plural.plural and not plural.singular
    assert {r.lemma for r in plural.readings} == {"Batteriefabrik"}


def test_known_noun_needs_the_lexicon_unless_compounds_are_asked_for() -> None:
    assert german.is_known_noun("Büro")
    assert not german.is_known_noun("Satellitenbüro")
    assert german.is_known_noun("Satellitenbüro", compounds=True)
    assert german.noun_form("satellitenbüro", compounds=True) == "Satellitenbüro"


def test_lowercase_noun_is_found_with_its_capitalised_form() -> None:
    assert german.is_known_noun("beziehung")
    assert german.noun_form("beziehung") == "Beziehung"
    assert german.noun_form("Beziehung") == "Beziehung"
    assert german.noun_form("xqzt") is None


def test_inflected_forms_know_number_and_lemma() -> None:
    fabriken = german.lookup_noun("Fabriken")
    assert fabriken is not None
    assert fabriken.plural and not fabriken.singular
    assert fabriken.genders == {"f"}
    assert fabriken.singular_genders == frozenset()
    assert {r.lemma for r in fabriken.readings} == {"Fabrik"}

    bueros = german.lookup_noun("Büros")
    assert bueros is not None
    assert bueros.singular and bueros.plural  # genitive singular and plural
    assert any("gen sg" in r.slots for r in bueros.readings)


def test_plural_only_nouns() -> None:
    leute = german.lookup_noun("Leute")
    assert leute is not None
    assert leute.plural_only
    fabriken = german.lookup_noun("Fabriken")
    assert fabriken is not None
    assert not fabriken.plural_only


def test_homographs_keep_each_gender() -> None:
    band = german.lookup_noun("Band")
    assert band is not None
    assert band.singular_genders == {"m", "f", "n"}


def test_names_are_separate_from_common_nouns() -> None:
    assert german.is_known_name("Aachen")
    assert not german.is_known_noun("Aachen")
    assert not german.is_known_name("aachen")
    assert not german.is_known_name("Büro")


# --- HanTa -------------------------------------------------------------------


def test_analyze_word_reads_lowercase_noun_and_name() -> None:
    beziehung = german.analyze_word("beziehung")
    assert (beziehung.tag, beziehung.lemma, beziehung.known) == ("NN", "Beziehung", True)
    assert beziehung.is_noun

    microsoft = german.analyze_word("microsoft")
    assert microsoft.tag == "NE"
    assert microsoft.is_name
    assert microsoft.lemma == "Microsoft"


def test_analyze_word_finite_auxiliary() -> None:
    hat = german.analyze_word("hat")
    assert (hat.tag, hat.lemma, hat.hanta_tag) == ("VAFIN", "haben", "VA(FIN)")
    assert hat.is_finite_verb and hat.is_verb


def test_analyze_word_english_and_unknown() -> None:
    assert german.analyze_word("the").tag == "FM"
    assert german.analyze_word("Search").tag == "NE"
    bromance = german.analyze_word("Bromance")
    assert not bromance.known
    assert not german.analyze_word("OpenAI").known


def test_analyze_word_is_cached_and_safe_on_odd_tokens() -> None:
    assert german.analyze_word("Fabrik") is german.analyze_word("Fabrik")
    assert german.analyze_word("").tag == "XY"
    assert german.analyze_word("x" * 500).tag == "XY"


def test_tag_words_shows_the_missing_main_verb() -> None:
    words = ["hat", "OpenAI", "kürzlich", "eine", "Satellitenbüro", "in", "Bellevue", "."]
    tagged = german.tag_words(words)
    assert [a.word for a in tagged] == words
    assert tagged[0].tag == "VAFIN"
    assert tagged[4].tag == "NN"
    assert tagged[-1].tag == "$."
    assert not any(a.tag in {"VVPP", "VVINF", "VAPP", "VAINF"} for a in tagged[1:])


def test_tag_words_keeps_positions_for_untaggable_tokens() -> None:
    tagged = german.tag_words(["", "Das", "Büro", "ist", "neu", "."])
    assert len(tagged) == 6
    assert tagged[0].tag == "XY"
    assert tagged[2].tag == "NN"
    assert tagged[3].tag == "VAFIN"
    assert german.tag_words([]) == []


@pytest.mark.parametrize(
    ("hanta", "stts"),
    [("VA(FIN)", "VAFIN"), ("ADJ(A)", "ADJA"), ("NNI", "NN"), ("NE", "NE"), ("$.", "$.")],
)
def test_stts_tag(hanta: str, stts: str) -> None:
    assert german.stts_tag(hanta) == stts


@pytest.mark.parametrize("word", ["Beziehung", "beziehung", "hat", "kürzlich", "Satellitenbüro"])
def test_german_words(word: str) -> None:
    assert german.is_german_word(word)


@pytest.mark.parametrize("word", ["the", "Search", "OpenAI", "would", "2024", "„", ""])
def test_not_german_words(word: str) -> None:
    assert not german.is_german_word(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("beziehung", "Beziehung"),
        ("ursprünge", "Ursprünge"),
        ("satellitenbüro", "Satellitenbüro"),
        ("essen", None),  # a verb in lowercase, though "Essen" is a noun
        ("klein", None),  # the lexicon also has a noun "Klein"
        ("überall", None),  # ends in the noun "All", but is an adverb
        ("Beziehung", None),  # already capitalised
    ],
)
def test_capitalised_noun(word: str, expected: str | None) -> None:
    assert german.capitalised_noun(word) == expected


# --- lexicon file ------------------------------------------------------------


def test_lexicon_file_is_credited_and_sorted_as_bytes() -> None:
    # german_data bisects the file's bytes: sorted as text must also be sorted as bytes.
    lines = german_data.LEXICON_PATH.read_bytes().split(b"\n")
    header = b"".join(line + b"\n" for line in lines if line.startswith(b"#")).decode()
    assert "Wiktionary" in header
    assert "CC BY-SA 4.0" in header
    assert (german_data.LEXICON_PATH.parent / "NOTICE").is_file()
    body = [line for line in lines if line and not line.startswith(b"#")]
    assert len(body) > 200_000
    assert body == sorted(body)


def _row(lemma: str, pos: str, genus: str, **forms: str) -> dict[str, str]:
    row = {"lemma": lemma, "pos": pos, "genus": genus}
    row.update({f"genus {i}": "" for i in range(1, 5)})
    row.update({column.replace("_", " "): value for column, value in forms.items()})
    return row


def test_build_format_round_trips_through_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        _row(
            "Bank",
            "Substantiv",
            "f",
            nominativ_singular="Bank",
            dativ_singular="Bank",
            nominativ_plural="Bänke",
            dativ_plural="Bänken",
        ),
        _row("Leute", "Substantiv", "", nominativ_plural="Leute", dativ_plural="Leuten"),
        _row("Aachen", "Substantiv,Toponym", ""),
        _row("Ei des Kolumbus", "Redewendung,Substantiv", "n"),
    ]
    readings = build_nouns.build(rows)
    assert set(readings) == {"Bank", "Bänke", "Bänken", "Leute", "Leuten", "Aachen"}
    lines = [f"{form}\t{','.join(sorted(r))}\n" for form, r in sorted(readings.items())]

    monkeypatch.setattr(german_data, "_lexicon", "".join(lines).encode())
    monkeypatch.setattr(german_data, "_lexicon_start", 0)
    german._decode.cache_clear()
    german.lookup_noun.cache_clear()
    try:
        baenken = german.lookup_noun("Bänken", compounds=False)
        assert baenken is not None
        assert baenken.readings == (
            german.NounReading("Bank", frozenset("f"), frozenset({"dat pl"})),
        )
        leute = german.lookup_noun("Leute", compounds=False)
        assert leute is not None and leute.plural_only
        assert german.is_known_name("Aachen")
        assert german.noun_genders("Sparbank") == {"f"}
    finally:
        german._decode.cache_clear()
        german.lookup_noun.cache_clear()

"""Tests for mtlint.language.german_data: the fast model parts give HanTa's own answers, the
lexicon search finds exactly the file's lines, and a damaged cache is repaired."""

from __future__ import annotations

import importlib
import json
import marshal
import math
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtlint.language import german_data

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_fd28cc811749184a.txt"


def _run(code: str, cache_dir: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MTLINT_CACHE_DIR": str(cache_dir)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env=env, check=True)
    return result.stdout


@pytest.fixture
def fresh_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and no parts or tagger loaded in this process."""
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(german_data, "_parts", {})
    monkeypatch.setattr(german_data, "_tagger", None)
    return tmp_path


def test_parts_are_written_on_first_use_and_read_back(fresh_parts: Path) -> None:
    int2tag, forms = german_data.model_part("forms")
    written = sorted(path.name for path in fresh_parts.glob("hanta-v*/*.marshal"))
    assert written == ["core.marshal", "forms.marshal", "sentences.marshal"]
    assert {int2tag[tag] for tag, _ in forms["seit"]} == {"APPR", "KOUS"}
    german_data._parts.clear()
    assert german_data.model_part("forms") == (int2tag, forms)


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\xe9\x00\x00\x00"])
def test_a_damaged_part_is_rebuilt_not_an_error(fresh_parts: Path, damage: bytes) -> None:
    german_data.model_part("core")
    part = next(fresh_parts.glob("hanta-v*/core.marshal"))
    good = part.read_bytes()
    part.write_bytes(damage)
    german_data._parts.clear()
    assert len(german_data.model_part("core")) == 16
    assert part.read_bytes() == good


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(blocker))
    monkeypatch.setattr(german_data, "_parts", {})
    _, forms = german_data.model_part("forms")
    assert "seit" in forms


def test_fast_tagger_gives_hanta_s_own_answers_without_numpy(tmp_path: Path) -> None:
    # Build the parts, then compare a fresh process that uses them (no numpy) with one
    # where HanTa loads its model its own way (numpy, its quadratic `reachable`).
    _run("from mtlint.language import german_data; german_data.model_part('core')", tmp_path)
    text = SEED.read_text(encoding="utf-8")
    words = [*sorted(set(_words(text)))[:400], "Xqztgrmpf", "Suchegpt", "beziehung"]
    sentences = [line.split() for line in text.splitlines() if line.strip()][:6]
    probe = f"""
import json, sys
words, sentences = {words!r}, {sentences!r}
tagger = TAGGER
print(json.dumps({{
    "analyze": [tagger.analyze(w, taglevel=3) for w in words],
    "tag_word": [tagger.tag_word(w) for w in words],
    "tag_sent": [tagger.tag_sent(s, taglevel=3) for s in sentences],
    "numpy": "numpy" in sys.modules,
}}, default=float))
"""
    fast = json.loads(_run(probe.replace(
        "TAGGER", "__import__('mtlint.language.german_data')"
                  ".language.german_data.hanta_tagger()"), tmp_path))
    own = json.loads(_run(probe.replace(
        "TAGGER", "__import__('HanTa.HanoverTagger').HanoverTagger.HanoverTagger("
                  "'morphmodel_ger.pgz')"), tmp_path))
    assert not fast.pop("numpy")
    assert own.pop("numpy")
    assert fast == own


def _words(text: str) -> list[str]:
    return [word.strip(".,:;!?()„“\"'") for word in text.split() if word[:1].isalpha()]


@given(st.floats(allow_nan=False, width=64), st.floats(allow_nan=False, width=64))
def test_logaddexp_is_numpy_s(x: float, y: float) -> None:
    numpy = pytest.importorskip("numpy")
    expected = float(numpy.logaddexp(x, y))
    result = german_data.logaddexp(x, y)
    assert result == expected or (math.isnan(result) and math.isnan(expected))


def test_linear_reachable_equals_hanta_original() -> None:
    tagger = german_data.hanta_tagger()
    fast = dict(tagger.reachability)
    original = importlib.import_module("HanTa.HanoverTagger").HanoverTagger.reachable
    try:
        original(tagger)
        assert tagger.reachability == fast
    finally:
        tagger.reachability = fast


def test_lexicon_search_finds_exactly_the_file_s_lines() -> None:
    lines = german_data.LEXICON_PATH.read_text(encoding="utf-8").splitlines()
    table = dict(line.split("\t", 1) for line in lines if not line.startswith("#"))
    forms = sorted(table)
    rng = random.Random(4)
    probes = [forms[0], forms[-1], "", "A", "\uffff", "Büro", "Buro", "Bürox", "Bür"]
    for form in rng.sample(forms, 3000):
        probes += [form, form[:-1], form + "e", form.lower(), form + "\t"]
    for form in probes:
        assert german_data.lexicon_entry(form) == table.get(form), form


def test_lexicon_search_on_a_small_file(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "# header\n# more\nAal\t0fm\nHaus\t0fn\nHäuser\tf0n>3aus\nÖl\t0fn\n".encode()
    monkeypatch.setattr(german_data, "_lexicon", german_data.SortedTable(None, data))
    assert german_data.lexicon_entry("Aal") == "0fm"
    assert german_data.lexicon_entry("Häuser") == "f0n>3aus"
    assert german_data.lexicon_entry("Öl") == "0fn"
    for missing in ("Aa", "Hau", "Hausx", "Zebra", "# header", "", "Ö"):
        assert german_data.lexicon_entry(missing) is None


def test_lexicon_search_across_many_index_steps() -> None:
    # Enough lines for dozens of index entries: every key is found with its own value,
    # and what sorts between two keys, before the first or after the last is not.
    keys = sorted(f"{stem}{n:05d}" for stem in ("Haus", "Maß", "Öl", "Zug") for n in range(3000))
    data = "# header\n" + "".join(f"{key}\t{index}\n" for index, key in enumerate(keys))
    table = german_data.SortedTable(None, data.encode())
    assert len(table._lines) > 20
    for index, key in enumerate(keys):
        assert table.entry(key) == str(index)
    for missing in ("Haus", "Haus00000x", "Haus0000", "A", "Zz", "Öl99999", "# header",
                    "Maß00001\tx", "Zug02999\nHaus"):
        assert table.entry(missing) is None


def test_lazy_table_reads_like_the_dict_it_stores() -> None:
    table = {"seit": [(3, -1.5), (7, -2.0)], "haus": [(1, -0.5)]}
    lazy = german_data.LazyTable({key: marshal.dumps(value) for key, value in table.items()})
    assert len(lazy) == 2 and set(lazy) == set(table)
    assert "seit" in lazy and "xqzt" not in lazy
    assert lazy["seit"] == table["seit"] and lazy["seit"] is lazy["seit"]
    assert lazy.get("xqzt") is None
    assert dict(lazy) == table


def test_fast_word_analysis_equals_hanta_s_own_methods() -> None:
    # analyze_forward and analyze_viterbi are rewritten for speed: the same answers,
    # ties included, for known, compound, unknown and English words and for every
    # part of speech asked for, with the German and the English model.
    from mtlint.language.english import english_tagger

    hanta = importlib.import_module("HanTa.HanoverTagger").HanoverTagger
    seed_words = sorted({w.lower() for w in _words(SEED.read_text(encoding="utf-8"))})
    words = [*seed_words[:150], "", "a", "xqztgrmpf", "satellitenbüro", "suchegpt", "openai",
             "the", "shared", "unternehmensübergreifenden", "z", "ää", "x" * 30]
    rng = random.Random(6)
    for tagger in (german_data.hanta_tagger(), english_tagger()):
        tags = sorted(t for t in tagger.int2tag if t > 3)
        for word in words:
            forward = german_data.analyze_forward_fast(tagger, word)
            assert forward == hanta.analyze_forward(tagger, word), word
            for pos in (forward[0][0], rng.choice(tags)):
                assert (german_data.analyze_viterbi_fast(tagger, word, -pos)
                        == hanta.analyze_viterbi(tagger, word, -pos)), (word, pos)

"""Tests for the loading of HanTa's English model (mtlint.language.english): the parts
file in the user cache gives HanTa's own answers without numpy, and a damaged or
missing file is rebuilt, never an error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtlint.language import english

ROOT = Path(__file__).resolve().parent.parent
# English words, German words and debris: what the untranslated rules ask about.
WORDS = [
    "inflect", "telicity", "overrides", "helpful", "leave", "cryptocurrency", "markets",
    "happiness", "Business", "Settings", "Texteditor", "Interner", "Bildschirmschoner",
    "gering", "broadcasten", "rechnugn", "the", "quickly", "xqztgrmpf", "Mai", "o'clock",
]


def _run(code: str, cache_dir: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MTLINT_CACHE_DIR": str(cache_dir)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env=env, check=True)
    return result.stdout


def test_parts_give_hanta_s_own_answers_without_numpy(tmp_path: Path) -> None:
    # The first process writes the parts file, the second reads it (no numpy); the
    # third loads the model HanTa's own way.
    probe = f"""
import json, sys
from mtlint.language import english
tagger = TAGGER
known = KNOWN
print(json.dumps({{
    "analyze": [tagger.analyze(w, taglevel=3) for w in {WORDS!r}],
    "lemma": [tagger.analyze(w) for w in {WORDS!r}],
    "known": [[known(m) for m, _ in tagger.analyze(w, taglevel=3)[1]] for w in {WORDS!r}],
    "numpy": "numpy" in sys.modules,
}}, default=float))
"""
    fast = probe.replace("TAGGER", "english.english_tagger()").replace(
        "KNOWN", "english._is_known_morpheme")
    first = json.loads(_run(fast, tmp_path))
    assert list(tmp_path.glob("hanta-en-v*.marshal"))
    cached = json.loads(_run(fast, tmp_path))
    own = json.loads(_run(probe.replace(
        "TAGGER", "__import__('HanTa.HanoverTagger').HanoverTagger.HanoverTagger("
                  "'morphmodel_en.pgz')").replace(
        "KNOWN", "frozenset(m for t in tagger.LP_m_t.values() for m in t).__contains__"),
        tmp_path))
    assert not cached.pop("numpy")
    assert own.pop("numpy")
    first.pop("numpy")
    assert first == cached == own
    assert [False] in own["known"] and [True] in own["known"]  # the probe tells them apart


@pytest.fixture
def fresh_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and no English model loaded in this process."""
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path))
    english._english_model.cache_clear()
    yield tmp_path
    english._english_model.cache_clear()


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\xe9\x00\x00\x00"])
def test_a_damaged_parts_file_is_rebuilt_not_an_error(fresh_model: Path,
                                                       damage: bytes) -> None:
    english.english_tagger()
    part = next(fresh_model.glob("hanta-en-v*.marshal"))
    good = part.read_bytes()
    part.write_bytes(damage)
    english._english_model.cache_clear()
    assert english.english_tagger().analyze("overrides", taglevel=3)[2] == "VVZ"
    assert part.read_bytes() == good


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(blocker))
    english._english_model.cache_clear()
    try:
        assert english._is_known_morpheme("help")
        assert not english._is_known_morpheme("rechnugn")
    finally:
        english._english_model.cache_clear()

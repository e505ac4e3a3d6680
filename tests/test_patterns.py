"""Tests for mtlint.core.patterns: cached compiled patterns behave exactly like fresh ones,
and the cache file can neither break a run nor run code."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from mtlint.core import patterns
from mtlint.lint.packs import load_pack, pack_files
from mtlint.lint.registry import builtin_rules_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and a patterns module that has loaded nothing yet."""
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "_loaded", None)
    monkeypatch.setattr(patterns, "_used", {})
    monkeypatch.setattr(patterns, "_added", False)
    return tmp_path


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a new process started."""
    monkeypatch.setattr(patterns, "_loaded", None)
    monkeypatch.setattr(patterns, "_used", {})
    monkeypatch.setattr(patterns, "_added", False)


def _no_compiling(*args: object, **kwargs: object) -> regex.Pattern[str]:
    raise AssertionError("compiled although the pattern was in the cache")


def test_pack_patterns_come_from_the_cache_on_the_next_run(
        cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = {rule.id: rule for path in pack_files(builtin_rules_dir()) for rule in load_pack(path)}
    patterns.save()
    assert patterns.cache_path().is_file()
    _forget(monkeypatch)
    monkeypatch.setattr(patterns.regex, "compile", _no_compiling)
    cached = {rule.id: rule for path in pack_files(builtin_rules_dir())
              for rule in load_pack(path)}
    assert cached.keys() == fresh.keys()
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("seeds/*")))
    for rule_id, rule in cached.items():
        old, new = fresh[rule_id].check.pattern, rule.check.pattern
        assert (new.pattern, new.flags, new.groupindex) == (old.pattern, old.flags, old.groupindex)
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_save_writes_only_when_something_was_compiled(cache_dir: Path) -> None:
    patterns.save()
    assert not patterns.cache_path().exists()
    patterns.compile_pattern(r"\bHaus\b", regex.V1)
    patterns.save()
    written = patterns.cache_path().stat().st_mtime_ns
    patterns.compile_pattern(r"\bHaus\b", regex.V1)
    patterns.save()
    assert patterns.cache_path().stat().st_mtime_ns == written


def test_invalid_pattern_raises_as_regex_does(cache_dir: Path) -> None:
    with pytest.raises(regex.error):
        patterns.compile_pattern("(unclosed")


@pytest.mark.parametrize("content", [b"", b"garbage", pickle.dumps(["a list"]),
                                     pickle.dumps({("x", 0): "not a pattern"})])
def test_a_damaged_cache_file_is_ignored_and_rewritten(
        cache_dir: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    patterns.cache_path().write_bytes(content)
    pattern = patterns.compile_pattern(r"Haus(?:es)?", regex.V1)
    assert pattern.fullmatch("Hauses")
    patterns.save()
    _forget(monkeypatch)
    monkeypatch.setattr(patterns.regex, "compile", _no_compiling)
    assert patterns.compile_pattern(r"Haus(?:es)?", regex.V1).fullmatch("Hauses")


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch planted-file-ran",))


def test_a_planted_file_cannot_run_code(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(cache_dir)
    patterns.cache_path().write_bytes(pickle.dumps({("x", 0): _Planted()}))
    assert patterns.compile_pattern("x").match("x")
    assert not (cache_dir / "planted-file-ran").exists()


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(blocker))
    _forget(monkeypatch)
    assert patterns.compile_pattern("a+").match("aaa")
    patterns.save()


def _no_parsing(text: str) -> dict:
    raise AssertionError("parsed although the text was in the cache")


def test_parsed_toml_comes_from_the_cache_until_the_text_changes(
        cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = '[[rule]]\nid = "house-word"\nbad = ["Ein <marker>Haus</marker>."]\n'
    data = patterns.parse_toml(text)
    patterns.save()
    _forget(monkeypatch)
    real_loads = patterns.tomllib.loads
    monkeypatch.setattr(patterns.tomllib, "loads", _no_parsing)
    assert patterns.parse_toml(text) == data
    monkeypatch.setattr(patterns.tomllib, "loads", real_loads)
    assert patterns.parse_toml(text.replace("Haus", "Hof"))["rule"][0]["bad"] == [
        "Ein <marker>Hof</marker>."]


def test_toml_with_dates_is_parsed_but_not_kept(cache_dir: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    text = "[pack]\nreleased = 2026-11-25\n"
    assert str(patterns.parse_toml(text)["pack"]["released"]) == "2026-11-25"
    patterns.compile_pattern("Haus")
    patterns.save()
    _forget(monkeypatch)
    monkeypatch.setattr(patterns.regex, "compile", _no_compiling)
    assert patterns.compile_pattern("Haus").match("Haus")  # the file is still readable


def _cached_keys(tmp_path: Path, hash_seed: str) -> list[str]:
    """The patterns a fresh process with this hash seed asks the cache for: all rules
    loaded, every check module imported."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "MTLINT_CACHE_DIR": str(tmp_path)}
    env.pop("MTLINT_NO_CACHE", None)
    probe = ("from mtlint.core import patterns; from mtlint.lint.registry import load_rules; "
             "load_rules(); print(repr(sorted(repr(k) for k in patterns._used)))")
    done = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return eval(done.stdout)  # a list of strings printed by repr


def test_the_cached_patterns_are_the_same_in_every_process(tmp_path: Path) -> None:
    # A pattern built from a set in its iteration order (which the hash seed changes) was
    # compiled afresh and the whole cache file rewritten on every start.
    first = _cached_keys(tmp_path, "1")
    second = _cached_keys(tmp_path, "2")
    assert len(first) > 300
    assert first == second

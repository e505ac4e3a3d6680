"""The result cache: a repeat run reads findings from it, and it is never stale after a
change of text, configuration or rules; corrupt or foreign entries are rebuilt."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtlint.core.cachedir import default_cache_dir
from mtlint.core.document import Document
from mtlint.interfaces.cli import main
from mtlint.lint.config import Config
from mtlint.lint.registry import load_rules
from mtlint.running import cache as cache_module
from mtlint.running.cache import ResultCache
from mtlint.running.runner import Runner

BROKEN = "Er nannte es „Bromance„ und lachte.\n"
PACK = '''
[[rule]]
id = "house-word"
category = "style"
severity = "warning"
pattern = "{WORD}"
message = "{MESSAGE}"
doc = "## Was die Regel findet\\nEin Hauswort."
bad = [{{ text = "Ein <marker>{WORD}</marker> hier." }}]
good = ["Nichts hier."]
'''


@pytest.fixture(autouse=True)
def cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MTLINT_NO_CACHE", raising=False)


def run_inline(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def check(folder: Path, cache_dir: Path, *extra: str) -> tuple[int, str, str]:
    return run_inline("check", str(folder), "--languagetool", "off", "--cache-dir",
                      str(cache_dir), "-j", "1", *extra)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(BROKEN, encoding="utf-8")
    (folder / "b.md").write_text("# Titel\n\nSie sagte „Hallo„ und ging.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Alles ist in Ordnung.\n", encoding="utf-8")
    return folder


def test_repeat_run_reads_the_cache_and_gives_the_same_output(tree: Path, tmp_path: Path,
                                                              monkeypatch) -> None:
    cache_dir = tmp_path / "cache"
    first = check(tree, cache_dir)
    assert len(entries(cache_dir)) == 3
    assert not list(tree.rglob("*.json"))  # nothing written into the checked tree

    def no_rules(self, doc):
        raise AssertionError("a cached file was checked again")

    monkeypatch.setattr("mtlint.lint.engine.Linter.check", no_rules)
    second = check(tree, cache_dir)
    assert second == first
    assert "„Bromance„ und lachte." in second[1]  # excerpts come from the re-read text
    assert second[0] == 1


def test_entries_are_json_without_code(tree: Path, tmp_path: Path) -> None:
    check(tree, tmp_path / "cache")
    for path in entries(tmp_path / "cache"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {"mtlint", "format", "key", "findings"}


def test_changed_text_is_checked_again(tree: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    check(tree, cache_dir)
    (tree / "a.txt").write_text("Er nannte es „Bromance“ und lachte.\n", encoding="utf-8")
    _, out, _ = check(tree, cache_dir)
    assert "a.txt" not in out


def test_config_change_is_never_stale(tree: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    check(tree, cache_dir)
    (tree / ".mtlint.toml").write_text('[severity]\n"quote-low-closing" = "info"\n')
    _, out, _ = check(tree, cache_dir)
    assert "a.txt:1:23: info [quote-low-closing]" in out
    (tree / ".mtlint.toml").write_text('ignore = ["quote-low-closing"]\n')
    _, out, _ = check(tree, cache_dir)
    assert "quote-low-closing" not in out
    (tree / ".mtlint.toml").write_text('[per-file-ignores]\n"a.txt" = ["punctuation"]\n')
    _, out, _ = check(tree, cache_dir)
    assert "a.txt:" not in out and "b.md:3:" in out


def test_command_line_overrides_are_part_of_the_key(tree: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    check(tree, cache_dir)
    _, out, _ = check(tree, cache_dir, "--ignore", "quote-low-closing")
    assert "quote-low-closing" not in out
    _, out, _ = check(tree, cache_dir, "--select", "quote-low-closing")
    assert out.count("[quote-low-closing]") == 2


def test_rule_change_is_never_stale(tree: Path, tmp_path: Path) -> None:
    cache_dir, rules = tmp_path / "cache", tmp_path / "rules"
    rules.mkdir()
    (tree / "c.txt").write_text("Ein Synergie-Effekt.\n", encoding="utf-8")
    pack = rules / "house.toml"
    pack.write_text(PACK.format(WORD="Synergie", MESSAGE="Erste Meldung"), encoding="utf-8")
    _, out, _ = check(tree, cache_dir, "--rules", str(rules))
    assert "Erste Meldung" in out
    pack.write_text(PACK.format(WORD="Synergie", MESSAGE="Zweite Meldung"), encoding="utf-8")
    load_rules.cache_clear()  # a new process would read the pack again
    _, out, _ = check(tree, cache_dir, "--rules", str(rules))
    assert "Zweite Meldung" in out and "Erste Meldung" not in out
    pack.write_text(PACK.format(WORD="Effekt", MESSAGE="Zweite Meldung"), encoding="utf-8")
    load_rules.cache_clear()
    _, out, _ = check(tree, cache_dir, "--rules", str(rules))
    assert "c.txt:1:14: warning [house-word]" in out


def test_check_code_is_part_of_the_key(tmp_path: Path) -> None:
    """A Python check whose code changes (an edit, a new version) gets new keys."""
    from mtlint.core.finding import Category, Example, Hit, Rule, Severity
    from mtlint.lint.engine import Linter

    def make(word: str) -> Rule:
        def check(doc, context):
            start = doc.text.find(word)
            if start >= 0:
                yield Hit(start, len(word), "Wort gefunden.")

        # Same id and origin, different code (a different constant).
        return Rule(id="word-found", category=Category.STYLE, severity=Severity.INFO,
                    summary="", doc="", check=check, bad=(Example("x"),), good=(Example("y"),))

    cache = ResultCache(tmp_path / "cache")
    doc = Document("Ein Text mit Wort und Satz.\n", "a.txt")
    config = Config()
    first = Linter(config, {"word-found": make("Wort")})
    second = Linter(config, {"word-found": make("Satz")})
    assert cache.key(doc, config, first) != cache.key(doc, config, second)


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"\x80\x81", b"[]", b"null",
                                     b'{"format": 1, "key": "x", "findings": []}'])
def test_corrupt_entries_are_ignored_and_rebuilt(tree: Path, tmp_path: Path,
                                                 garbage: bytes) -> None:
    cache_dir = tmp_path / "cache"
    first = check(tree, cache_dir)
    for path in entries(cache_dir):
        path.write_bytes(garbage)
    assert check(tree, cache_dir) == first
    for path in entries(cache_dir):
        assert json.loads(path.read_bytes())["findings"] is not None  # rewritten


def test_forged_entry_for_the_right_key_is_rejected(tmp_path: Path) -> None:
    """Offsets outside the text, wrong types: ignored, the text is checked again."""
    cache = ResultCache(tmp_path / "cache")
    runner = Runner(cache=cache)
    doc = Document(BROKEN, "a.txt")
    expected = runner.check_document(doc).findings
    (path,) = entries(tmp_path / "cache")
    data = json.loads(path.read_text(encoding="utf-8"))
    for bad in ([["quote-low-closing", "punctuation", "error", 10_000, 1, "m", [], None]],
                [["quote-low-closing", "punctuation", "fatal", 3, 1, "m", [], None]],
                [["quote-low-closing", "punctuation", "error", "3", 1, "m", [], None]],
                [["quote-low-closing", "punctuation", "error", 3, 1, "m", [1], None]],
                [["quote-low-closing", "punctuation", "error", 3]]):
        path.write_text(json.dumps({**data, "findings": bad}), encoding="utf-8")
        hits = cache.hits
        assert runner.check_document(Document(BROKEN, "a.txt")).findings == expected
        assert cache.hits == hits


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user needs root")
def test_entry_written_by_another_user_is_ignored(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    runner = Runner(cache=cache)
    runner.check_document(Document(BROKEN, "a.txt"))
    (path,) = entries(tmp_path / "cache")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"] = []  # a planted "clean" answer
    path.write_text(json.dumps(data), encoding="utf-8")
    os.chown(path, 12345, 12345)
    assert len(runner.check_document(Document(BROKEN, "a.txt")).findings) == 1
    assert cache.hits == 0


def test_results_with_notes_are_not_cached(tmp_path: Path) -> None:
    from mtlint.lint.engine import CheckResult

    cache = ResultCache(tmp_path / "cache")
    cache.store("ab" * 20, CheckResult([], ["rule x exceeded its time limit"]))
    assert entries(tmp_path / "cache") == []


def test_no_cache_writes_nothing(tree: Path, tmp_path: Path, monkeypatch) -> None:
    check(tree, tmp_path / "cache", "--no-cache")
    assert not (tmp_path / "cache").exists()
    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    check(tree, tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_unwritable_cache_dir_is_not_an_error(tree: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    status, out, err = check(tree, blocker / "cache")
    assert (status, err) == (1, "")
    assert "[quote-low-closing]" in out


def test_default_location_is_the_user_cache(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MTLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "mtlint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "mtlint"
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


def test_concurrent_runs_share_the_cache_safely(tree: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    for index in range(30):
        (tree / f"x{index:02d}.txt").write_text(f"Absatz {index} mit „Fehler„ darin.\n",
                                                encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MTLINT_NO_CACHE"}
    command = [sys.executable, "-m", "mtlint", "check", str(tree), "--languagetool", "off",
               "--cache-dir", str(cache_dir), "-j", "1", "--format", "json"]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env) for _ in range(4)]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert len({out for out, _ in outputs}) == 1
    assert all(err == b"" for _, err in outputs)
    assert len(entries(cache_dir)) == 33
    assert not [p for p in cache_dir.rglob("*") if p.name.startswith(".tmp-")]
    again = subprocess.run(command, capture_output=True, env=env, timeout=120)
    assert again.stdout == outputs[0][0]


def test_package_digest_covers_sources(monkeypatch) -> None:
    cache_module._source_digests.clear()
    first = cache_module._package_digest()
    assert first == cache_module._package_digest()
    assert len(first) == 32


def test_workers_fill_the_cache_and_the_parent_reads_it(tree: Path, tmp_path: Path,
                                                        monkeypatch) -> None:
    from mtlint.running import parallel

    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    for index in range(6):
        (tree / f"x{index}.txt").write_text(f"Absatz {index} mit „Fehler„.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    first = check(tree, cache_dir, "-j", "2")
    assert len(entries(cache_dir)) == 9
    started = []
    monkeypatch.setattr(parallel._Worker, "__init__", lambda *a: started.append(1))
    assert check(tree, cache_dir, "-j", "2") == first
    assert started == []  # every file came from the cache, no worker was needed


def test_entries_unused_for_a_month_are_pruned(tree: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    assert check(tree, cache_dir)[0] == 1
    written = entries(cache_dir)
    assert len(written) >= 2
    # The clean file's entry has no findings, so any document can read it back.
    used = next(e for e in written if not json.loads(e.read_text(encoding="utf-8"))["findings"])
    old = next(e for e in written if e != used)
    month_ago = time.time() - 31 * cache_module.DAY
    for entry in (old, used):
        os.utime(entry, (month_ago, month_ago))
    # The run pruned (nothing yet) and noted the day; let that day pass.
    marker = next(cache_dir.glob("v*/.pruned"))
    os.utime(marker, (month_ago, month_ago))
    results = ResultCache(cache_dir)
    key = used.parent.name + used.stem
    document = Document("", "x.txt")
    assert results.load(key, document) is not None  # a hit keeps the entry
    assert results.prune() == 1
    assert not old.exists() and used.exists()
    # At most once a day: the next prune within the day does nothing.
    os.utime(used, (month_ago, month_ago))
    assert results.prune() == 0
    assert results.prune(now=time.time() + 2 * cache_module.DAY) == 1

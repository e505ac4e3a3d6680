"""A cache folder may be shared with other users (MTLINT_CACHE_DIR=/tmp/x, mode 1777):
nothing in it that this user did not write is read, and compiled pattern code or HanTa's
marshalled tables are only loaded under this user's keyed digest (issue 21, item 1)."""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import regex

from mtlint.core import cachedir, patterns
from mtlint.language import german_data
from mtlint.running import cache

ROOT = Path(__file__).resolve().parents[2]
OTHER_USER = 4242


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and a patterns module that has loaded nothing yet."""
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(folder))
    forget_patterns(monkeypatch)
    return folder


def forget_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a new process started."""
    monkeypatch.setattr(patterns, "_loaded", None)
    monkeypatch.setattr(patterns, "_used", {})
    monkeypatch.setattr(patterns, "_added", False)
    monkeypatch.setattr(patterns, "_sources", {})


def as_another_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on this process runs as another user: what it wrote so far is foreign."""
    monkeypatch.setattr(cachedir, "_current_uid", lambda: OTHER_USER)


def fake_stat(mode: int, uid: int) -> os.stat_result:
    return os.stat_result((mode, 0, 0, 1, uid, uid, 10, 0, 0, 0))


# --- which files are trusted -----------------------------------------------------------

@pytest.mark.parametrize(("mode", "uid", "trusted"), [
    (stat.S_IFREG | 0o600, 1000, True),
    (stat.S_IFREG | 0o644, 1000, True),
    (stat.S_IFREG | 0o600, 1001, False),  # another user's file
    (stat.S_IFREG | 0o620, 1000, False),  # group may write it
    (stat.S_IFREG | 0o602, 1000, False),  # anyone may write it
    (stat.S_IFIFO | 0o600, 1000, False),
    (stat.S_IFCHR | 0o600, 1000, False),
    (stat.S_IFDIR | 0o700, 1000, False),
])
def test_only_own_regular_files_that_no_one_else_may_write_are_trusted(
        mode: int, uid: int, trusted: bool) -> None:
    assert cachedir.is_trusted(fake_stat(mode, uid), uid=1000) is trusted


def test_a_fifo_or_a_symlink_to_a_device_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "zero"
    link.symlink_to("/dev/zero")
    assert cachedir.read_trusted(fifo, 1000) is None
    assert cachedir.read_trusted(link, 1000) is None


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    os.chmod(path, 0o600)
    assert cachedir.read_trusted(path, 100) is None
    assert cachedir.read_trusted(path, 101) == b"x" * 101


def test_sealed_data_is_read_back_only_unchanged_and_by_its_user(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "part.bin"
    cachedir.write_sealed(path, b"tables", tmp_path)
    assert cachedir.read_sealed(path, 100, tmp_path) == b"tables"
    blob = path.read_bytes()
    path.write_bytes(blob[:-1] + b"X")  # one damaged byte
    assert cachedir.read_sealed(path, 100, tmp_path) is None
    path.write_bytes(blob)
    as_another_user(monkeypatch)
    assert cachedir.read_sealed(path, 100, tmp_path) is None


def test_a_key_planted_by_another_user_is_not_used(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    key = tmp_path / cachedir.KEY_NAME
    key.write_bytes(b"k" * cachedir.KEY_BYTES)  # known to the attacker
    os.chmod(key, 0o600)
    as_another_user(monkeypatch)  # the key file is now someone else's
    assert cachedir.seal(tmp_path, b"data") is None
    assert not list(tmp_path.glob(".tmp-*"))


# --- the pattern cache -------------------------------------------------------------------

def plant(path: Path, data: object) -> None:
    path.write_bytes(pickle.dumps(data))
    os.chmod(path, 0o600)


def test_planted_parsed_toml_is_not_used(cache_dir: Path) -> None:
    text = '[[rule]]\nid = "house-word"\npattern = "Haus"\n'
    key = (hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest(), patterns.TOML_DATA)
    planted = {"rule": [{"id": "house-word", "pattern": "(?s).+", "fix": "owned"}]}
    plant(patterns.cache_path(), {key: planted})
    assert patterns.parse_toml(text) == tomllib.loads(text)


def test_another_users_sealed_pattern_file_is_not_used(
        cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Written (with its own key) by a user who then is "someone else" to this run.
    text = '[[rule]]\nid = "x"\n'
    patterns.parse_toml(text)
    patterns.save()
    assert patterns.cache_path().is_file()
    forget_patterns(monkeypatch)
    as_another_user(monkeypatch)

    def no_unpickling(*args: object) -> None:
        raise AssertionError("another user's pattern file was unpickled")

    monkeypatch.setattr(patterns, "_PatternUnpickler", no_unpickling)
    assert patterns.parse_toml(text) == {"rule": [{"id": "x"}]}


class _BrokenProgram:
    """A "compiled pattern" whose program is four NUL bytes: regex trusts it and crashes."""

    def __reduce__(self) -> tuple[object, tuple]:
        import regex._regex

        return (regex._regex.compile, ("x", 8224, b"\0" * 4, {}, {}, {}, [], 0, (120,), 0, 0))


def test_crafted_compiled_code_in_the_cache_does_not_crash_a_run(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MTLINT_CACHE_DIR": str(folder)}
    env.pop("MTLINT_NO_CACHE", None)
    where = subprocess.run(
        [sys.executable, "-c", "from mtlint.core import patterns; print(patterns.cache_path())"],
        env=env, capture_output=True, text=True, check=True).stdout.strip()
    folder.mkdir()
    plant(Path(where), {("x", 8224): _BrokenProgram()})
    article = tmp_path / "a.txt"
    article.write_text("Er nannte es „Bromance„ und lachte.\n", encoding="utf-8")
    for extra in ([], ["--no-cache"]):
        run = subprocess.run(
            [sys.executable, "-m", "mtlint", "check", str(article), "--languagetool", "off",
             *extra], env=env, capture_output=True, text=True, check=False)
        assert run.returncode == 1, run.stderr  # findings, not a crash (-11)
        assert "quote-low-closing" in run.stdout


def test_no_cache_keeps_the_pattern_file_but_writes_no_result(
        cache_dir: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Er nannte es „Bromance„ und lachte.\n", encoding="utf-8")
    # A new process: in this one the rules may be loaded already, compiling nothing.
    run = subprocess.run(
        [sys.executable, "-m", "mtlint", "check", str(article), "--no-cache",
         "--languagetool", "off"], env={**os.environ, "MTLINT_CACHE_DIR": str(cache_dir)},
        capture_output=True, text=True, check=False)
    assert "quote-low-closing" in run.stdout, run.stderr
    assert patterns.cache_path().exists()  # derived data, like HanTa's parts
    assert not list(cache_dir.rglob("*.json"))  # but no result entry


def test_a_fifo_in_place_of_the_pattern_file_does_not_hang(cache_dir: Path) -> None:
    os.mkfifo(patterns.cache_path())
    assert patterns.compile_pattern("Hof").match("Hof")


@pytest.mark.parametrize(("value", "disabled"), [
    ("1", True), ("yes", True), ("0", False), ("", False), ("false", False), ("off", False)])
def test_mtlint_no_cache_reads_like_a_switch(value: str, disabled: bool) -> None:
    assert cachedir.cache_disabled({"MTLINT_NO_CACHE": value}) is disabled


def test_a_tilde_in_the_cache_dir_is_the_home_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTLINT_CACHE_DIR", "~/mtlint-cache")
    assert cachedir.default_cache_dir() == Path.home() / "mtlint-cache"


# --- HanTa's parts and the result cache ----------------------------------------------------

@pytest.fixture
def fresh_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(german_data, "_parts", {})
    monkeypatch.setattr(german_data, "_tagger", None)
    return tmp_path


def test_a_foreign_hanta_part_is_rebuilt_not_read(fresh_parts: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    german_data.model_part("forms")
    german_data._parts.clear()
    as_another_user(monkeypatch)
    assert german_data._read_part("forms") is None


def test_a_hanta_part_linked_to_a_device_is_not_read(fresh_parts: Path) -> None:
    german_data.model_part("forms")
    part = next(fresh_parts.glob("hanta-v*/sentences.marshal"))
    part.unlink()
    part.symlink_to("/dev/zero")
    assert german_data._read_part("sentences") is None


def test_a_damaged_hanta_part_with_valid_shape_is_rebuilt(fresh_parts: Path) -> None:
    import marshal

    german_data.model_part("forms")
    part = next(fresh_parts.glob("hanta-v*/forms.marshal"))
    good = part.read_bytes()
    # A valid marshal container of the right shape, but not the model's content.
    blob = good[:len(cachedir.SEAL_MAGIC) + cachedir.DIGEST_BYTES] + marshal.dumps(({}, {}))
    part.write_bytes(blob)
    german_data._parts.clear()
    _, forms = german_data.model_part("forms")
    assert "seit" in forms
    assert part.read_bytes() == good


def test_a_group_writable_result_entry_is_ignored(tmp_path: Path) -> None:
    from mtlint.core.document import Document
    from mtlint.running.runner import Runner

    text = "Er nannte es „Bromance„ und lachte."
    result_cache = cache.ResultCache(tmp_path / "cache")
    runner = Runner(cache=result_cache)
    runner.check_document(Document(text, "a.txt"))
    (entry,) = (tmp_path / "cache").rglob("*.json")
    os.chmod(entry, 0o666)  # anyone could have put a "clean" answer here
    assert len(runner.check_document(Document(text, "a.txt")).findings) == 1
    assert result_cache.hits == 0


def test_a_regex_pattern_is_still_served_from_this_users_file(
        cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compile_pattern(r"\bHaus\b", regex.V1)
    patterns.save()
    forget_patterns(monkeypatch)

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled although this user's file holds the pattern")

    monkeypatch.setattr(patterns.regex, "compile", no_compiling)
    assert patterns.compile_pattern(r"\bHaus\b", regex.V1).search("ein Haus")


def test_an_edited_pack_leaves_one_parsed_copy_in_the_cache(
        cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 21, item 10: six edits of a pack used to leave seven parsed copies that every
    run loaded."""
    for edit in range(7):
        forget_patterns(monkeypatch)
        patterns.parse_toml(f'[[rule]]\nid = "r"\nmessage = "Fassung {edit}"\n',
                            source="/packs/house.toml")
        patterns.parse_toml('[[rule]]\nid = "other"\n', source="/packs/other.toml")
        patterns.save()
    forget_patterns(monkeypatch)
    parsed = [patterns._entry(key) for key in patterns._cached()
              if key[1] == patterns.TOML_DATA]
    assert sorted(data["rule"][0].get("message", "") for data in parsed) == ["", "Fassung 6"]

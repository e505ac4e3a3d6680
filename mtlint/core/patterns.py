"""Compiled rule patterns and parsed rule packs, kept in the user cache between runs.

The ``regex`` module parses and compiles a pattern in Python: the 41 patterns of the
built-in packs take 65-110 ms to compile, a quarter of a whole cold check of an
article (2-core dev machine, regex 2026.5.9).  A compiled ``regex`` pattern pickles
as its compiled program (``regex`` registers that with ``copyreg``), and unpickling
it skips parsing: the same 41 patterns load in under 2 ms.

So ``compile_pattern`` looks a (source, flags) pair up in a file in mtlint's cache
folder, compiles what is missing, and ``save`` writes the file back when something was
added.  The file is keyed by the ``regex`` and Python versions.  ``regex`` does not check a
compiled program it is handed (crafted code crashes the interpreter), so the file is
only unpickled when it is this user's and its keyed digest matches
(``mtlint.core.cachedir.read_sealed``: a planted, foreign or damaged file is ignored and
rewritten), and then with an unpickler that accepts nothing but ``regex``'s own
compile function.  Each entry is pickled on its own and unpickled when first asked for:
the file also holds what other versions of the packs compiled to (other installs, other
branches, edited packs), and unpickling all of it cost 80-100 ms of every start once it
had grown to 1,200 entries, where a run needs about 480.  Like HanTa's derived parts
it is read and written with ``--no-cache`` too (that switch is about results; a pattern
file only ever holds what the installed packs compile to).  Patterns built from a
document's text must not come here: compile them with ``regex.compile``.

``parse_toml`` does the same for the rule packs and the brand glossary: tomllib parses
the 110 KB of TOML in 20-25 ms, the cached result loads with the patterns.  Its key is
a digest of the text, so an edited pack is parsed afresh.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
import threading
import tomllib
from pathlib import Path
from typing import Any

import regex

FORMAT = 3  # 2: sealed with a keyed digest; 3: each entry pickled on its own
MAX_FILE_BYTES = 64 * 1024 * 1024  # a larger pattern file is not read
# Far more than mtlint and a user's packs need; beyond it the file holds this run's only.
MAX_PATTERNS = 5000
# The second half of the key of a parsed TOML text (patterns have their flags there).
TOML_DATA = -1
# The entry that maps each pack file to the digest of its text when last parsed: the
# parsed data of a text no file has any more (an edited pack) is dropped on the next save,
# so six edits of a large pack leave one parsed copy, not seven.
SOURCES_KEY = ("", -2)
MAX_SOURCES = 500

_lock = threading.Lock()
_loaded: dict[tuple[str, int], bytes] | None = None  # each entry still pickled
_used: dict[tuple[str, int], Any] = {}
_sources: dict[str, str] = {}  # pack file -> digest of its text, parsed in this process
_added = False


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, from the user cache when compiled before."""
    global _added
    key = (source, int(flags))
    with _lock:
        pattern = _used.get(key) or _entry(key)
        if pattern is None:
            pattern = regex.compile(source, flags)  # raises regex.error as usual
            _added = True
        _used[key] = pattern
    return pattern


def parse_toml(text: str, source: str | None = None) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the user cache when parsed before (raises
    tomllib.TOMLDecodeError as usual); `source` names the file the text is from. The
    result is shared: do not change it."""
    global _added
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False)
    key = (digest.hexdigest(), TOML_DATA)
    with _lock:
        if source is not None:
            _sources[source] = key[0]
        data = _used.get(key) or _entry(key)
    if data is None:
        data = tomllib.loads(text)
        if not _plain(data):
            return data  # dates and times would need more than the unpickler allows
        _added = True
    with _lock:
        _used[key] = data
    return data


def _plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return isinstance(value, str | int | float | bool)


def save() -> None:
    """Write the cache file if this process compiled a pattern it did not hold."""
    global _added, _loaded
    with _lock:
        if not _added:
            return
        cached = _cached()
        sources = {**(_entry(SOURCES_KEY) or {}), **_sources}
        sources = dict(list(sources.items())[-MAX_SOURCES:])
        live = set(sources.values())
        try:
            used = {key: _pickled(value) for key, value in _used.items()}
        except (pickle.PicklingError, TypeError):
            return  # a pattern regex cannot pickle: keep compiling it
        patterns = {key: value for key, value in {**cached, **used}.items()
                    if key[1] != TOML_DATA or key[0] in live or key in used}
        if len(patterns) > MAX_PATTERNS:
            patterns = used
        patterns[SOURCES_KEY] = _pickled(sources)
        path = cache_path()
        data = pickle.dumps(patterns, protocol=pickle.HIGHEST_PROTOCOL)
        from mtlint.core.cachedir import write_sealed

        write_sealed(path, data, path.parent)
        _loaded, _added = patterns, False


def cache_path() -> Path:
    from mtlint.core.cachedir import default_cache_dir

    python = f"{sys.version_info.major}{sys.version_info.minor}"
    return default_cache_dir() / f"patterns-v{FORMAT}-regex{regex.__version__}-py{python}.pickle"


class _PatternUnpickler(pickle.Unpickler):
    """Loads compiled patterns only: the one global a pickled pattern refers to."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a compiled pattern: {module}.{name}")


def _pickled(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _cached() -> dict[tuple[str, int], bytes]:
    global _loaded
    if _loaded is None:
        _loaded = _read(cache_path())
    return _loaded


def _entry(key: tuple[str, int]) -> Any:
    """The cached value of `key`, unpickled; None if the file does not hold it or its
    entry does not load as what the key says (then it is compiled or parsed afresh)."""
    stored = _cached().get(key)
    if stored is None:
        return None
    try:
        value = _PatternUnpickler(io.BytesIO(stored)).load()
    except Exception:  # a digest that matches but a pickle that does not load
        return None
    if (isinstance(value, regex.Pattern) and value.pattern == key[0]) or (
            key[1] == TOML_DATA and isinstance(value, dict)) or (
            key == SOURCES_KEY and isinstance(value, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items())):
        return value
    return None


def _read(path: Path) -> dict[tuple[str, int], bytes]:
    from mtlint.core.cachedir import read_sealed

    data = read_sealed(path, MAX_FILE_BYTES, path.parent)
    if data is None:  # absent, damaged, not this user's: start afresh
        return {}
    try:
        patterns = _PatternUnpickler(io.BytesIO(data)).load()
    except Exception:  # a digest that matches but a pickle that does not load
        return {}
    if not isinstance(patterns, dict) or not all(
        isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str | bytes)
        and isinstance(key[1], int) and isinstance(value, bytes)
        for key, value in patterns.items()
    ):
        return {}
    return patterns

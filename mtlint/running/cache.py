"""A result cache for the built-in rules, as ruff and ESLint keep one.

An entry holds the findings of one text and is found by a key over everything the
findings depend on: the text itself, whether it is read as Markdown, the mtlint
version, the rule set (the source of every mtlint module and built-in pack, a user's
packs' rules and the code of every check not shipped with mtlint) and the effective
configuration (with command-line overrides and the per-file ignores for that path).
Change any of them and the key changes, so an entry can never be stale; old entries are
no longer found, and a run that writes an entry deletes, at most once a day, those
unused for PRUNE_AFTER_DAYS (a hit refreshes an entry's time).

Entries are JSON (never pickle: a cache file is data, not code), one file per key,
written to a temporary file and moved into place with os.replace, so concurrent runs
never see half an entry. A file that is corrupt, was written by another version, by
another user or for another key is ignored and rewritten (``read_trusted``: only this
user's regular files that no one else may write are read). LanguageTool findings are
never cached (they depend on the server); results with notes (a rule that timed out
or failed) are not cached either, so the next run tries again.

Location: --cache-dir, else the folder of ``mtlint.core.cachedir.default_cache_dir``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtlint import __version__
from mtlint.core.cachedir import read_trusted, write_cache_file
from mtlint.core.finding import Category, Finding, Fix, Safety, Severity, Shared

if TYPE_CHECKING:
    from mtlint.core.document import Document
    from mtlint.lint.config import Config
    from mtlint.lint.engine import CheckResult, Linter

FORMAT = 1  # the entry layout; part of the folder name
DAY = 24 * 3600.0
PRUNE_AFTER_DAYS = 30  # entries unused this long are deleted
SOURCE = "mtlint"  # only built-in findings are cached
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # a result entry larger than this is not read


def _canonical(value: Any) -> Any:
    """A JSON-able form of a config value that is the same in every process."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return sorted([str(k), _canonical(v)] for k, v in value.items())
    if isinstance(value, set | frozenset):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, Path):
        return str(value.resolve())
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return repr(value)


def _code_digest(code: Any, digest: Any) -> None:
    """Feed a code object's bytecode, names and constants (recursively) into `digest`."""
    digest.update(code.co_code)
    digest.update(repr((code.co_names, code.co_varnames)).encode())
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            _code_digest(const, digest)
        else:
            digest.update(repr(const).encode())


_source_digests: dict[str, str] = {}


def _files_below(folder: Path) -> list[str]:
    """The files below `folder` but not in __pycache__, as relative paths in the order of
    their parts.  os.walk, not Path.rglob: this runs at every start, and rglob takes 10-14
    ms for mtlint's 90 files."""
    found: list[tuple[list[str], str]] = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__"]
        base = os.path.relpath(root, folder)
        for name in files:
            relative = name if base == os.curdir else os.path.join(base, name)
            if os.path.isfile(os.path.join(root, name)):
                found.append((relative.split(os.sep), relative))
    return [relative for _, relative in sorted(found)]


def _package_digest() -> str:
    """The mtlint sources and data files: content of *.py and *.toml, size+mtime of data."""
    package = Path(__file__).resolve().parent.parent
    key = str(package)
    if key not in _source_digests:
        digest = hashlib.blake2b(digest_size=16)
        folders = [package]
        from mtlint.lint.registry import builtin_rules_dir

        folders.append(builtin_rules_dir())
        for folder in folders:
            for relative in _files_below(folder):
                path = folder / relative
                digest.update(relative.encode())
                if relative.endswith((".py", ".toml")):
                    digest.update(path.read_bytes())
                else:
                    info = path.stat()
                    digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
        _source_digests[key] = digest.hexdigest()
    return _source_digests[key]


def ruleset_digest(linter: Linter) -> str:
    """Everything about a linter's rules that can change what they find."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}|{FORMAT}|{sys.version_info[:2]}|".encode())
    import regex

    from mtlint.language.german_data import model_identity

    digest.update(regex.__version__.encode())
    digest.update(f"|{model_identity()}|".encode())  # HanTa's model decides tags too
    digest.update(_package_digest().encode())
    from mtlint.lint.registry import builtin_rules_dir

    shipped_packs = str(builtin_rules_dir())
    for rule in linter.rules:
        digest.update(f"|{rule.id}|{rule.category.value}|{rule.origin}|".encode())
        if _shipped(rule, shipped_packs):
            continue  # its pack or check module is in _package_digest: 0.1 ms a rule saved
        check = rule.check
        if dataclasses.is_dataclass(check):  # a pack rule: its pattern and texts
            digest.update(json.dumps(_canonical(check), sort_keys=True).encode())
            digest.update(check.pattern.pattern.encode())
        _function_digest(check, digest)
    return digest.hexdigest()


def _shipped(rule: Any, shipped_packs: str) -> bool:
    """A rule of mtlint's own packs or check modules, whose text and code
    _package_digest covers; a user's pack or a check from elsewhere is digested itself."""
    check = rule.check
    if dataclasses.is_dataclass(check):
        return bool(rule.origin) and os.path.dirname(rule.origin) == shipped_packs
    return getattr(check, "__module__", "").startswith("mtlint.checks.")


def _function_digest(function: Any, digest: Any, depth: int = 0) -> None:
    """A check function's code, defaults and closure values (not its address)."""
    code = getattr(function, "__code__", None)
    if code is None:
        return
    digest.update(f"{function.__module__}.{function.__qualname__}".encode())
    _code_digest(code, digest)
    cells = []
    for cell in function.__closure__ or () if depth < 3 else ():
        with contextlib.suppress(ValueError):  # an empty cell
            cells.append(cell.cell_contents)
    for value in [*(function.__defaults__ or ()), *cells]:
        if callable(value):
            _function_digest(value, digest, depth + 1)
        else:
            digest.update(json.dumps(_canonical(value), default=repr).encode())


def config_digest(config: Config, ignored: tuple[str, ...], markdown: bool) -> str:
    """The effective configuration as it applies to a document: the settings, the rules
    per-file-ignores switch off for it, and whether it is read as Markdown."""
    settings = _canonical(dataclasses.replace(config, source=None, root=None,
                                              per_file_ignores=(), fail_on="never"))
    settings.pop("languagetool", None)  # LanguageTool findings are not cached
    data = [settings, list(ignored), markdown]
    return hashlib.blake2b(json.dumps(data, sort_keys=True).encode(),
                           digest_size=16).hexdigest()


class ResultCache:
    """Built-in findings by key, one JSON file per entry under `folder`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._rulesets: dict[int, tuple[Linter, str]] = {}
        self._configs: dict[tuple, str] = {}
        self.hits = self.misses = 0
        self._pruned = False

    def __getstate__(self) -> dict:
        # Sent to spawned worker processes: the folder, not the memos (they hold linters).
        return {**self.__dict__, "_rulesets": {}, "_configs": {}}

    def key(self, doc: Document, config: Config, linter: Linter) -> str:
        entry = self._rulesets.get(id(linter))
        if entry is None or entry[0] is not linter:
            entry = (linter, ruleset_digest(linter))
            self._rulesets[id(linter)] = entry
        settings = (config, config.ignored_for(doc.path), doc.markdown)
        try:
            part = self._configs.get(settings) or self._configs.setdefault(
                settings, config_digest(*settings))
        except TypeError:  # a configuration that cannot be hashed: no memo
            part = config_digest(*settings)
        digest = hashlib.blake2b(digest_size=20)
        digest.update(entry[1].encode())
        digest.update(part.encode())
        digest.update(doc.source.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"v{FORMAT}" / key[:2] / f"{key[2:]}.json"

    def load(self, key: str, doc: Document) -> CheckResult | None:
        """The cached result for `key`, or None (absent, corrupt or not ours)."""
        path = self._path(key)
        raw = read_trusted(path, MAX_ENTRY_BYTES)  # another user's entry is not trusted
        if raw is None:
            return self._miss()
        try:
            data = json.loads(raw)
            info = path.stat()
            if info.st_mtime < time.time() - DAY:
                with contextlib.suppress(OSError):
                    os.utime(path)  # still in use: keep it from being pruned
            result = _result_from_json(data, key, doc)
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return self._miss()
        self.hits += 1
        return result

    def _miss(self) -> None:
        self.misses += 1
        return None

    def store(self, key: str, result: CheckResult) -> None:
        """Write an entry atomically; a cache that cannot be written is skipped silently."""
        if result.notes:
            return
        write_cache_file(self._path(key), _entry_chunks(key, result.findings))
        if not self._pruned:
            self._pruned = True
            self.prune()

    def prune(self, now: float | None = None) -> int:
        """Delete entries not used for PRUNE_AFTER_DAYS, at most once a day; returns how
        many. Every edit of a file leaves its old entry behind, so without this the
        folder would only grow."""
        now = time.time() if now is None else now
        folder = self.folder / f"v{FORMAT}"
        marker = folder / ".pruned"
        try:
            if marker.stat().st_mtime > now - DAY:
                return 0
        except OSError:
            pass  # never pruned
        removed = 0
        with contextlib.suppress(OSError):
            marker.touch()
            os.utime(marker, (now, now))
            for entry in folder.glob("??/*.json"):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < now - PRUNE_AFTER_DAYS * DAY:
                        entry.unlink()
                        removed += 1
        return removed


_CATEGORIES = {c.value: c for c in Category}
_SEVERITIES = {s.value: s for s in Severity}
_SAFETIES = {s.value: s for s in Safety}


def _finding_to_json(finding: Any) -> list[Any]:
    fix = finding.fix
    return [finding.rule, finding.category.value, finding.severity.value, finding.offset,
            finding.length, finding.message, list(finding.suggestions),
            None if fix is None else [fix.offset, fix.length, fix.replacement, fix.safety.value]]


def _entry_chunks(key: str, findings: list[Finding]) -> Iterator[bytes]:
    """A result entry, as json.dumps(..., separators=(",", ":")) writes it, a finding at
    a time: a file's million findings are never one string."""
    head = json.dumps({"mtlint": __version__, "format": FORMAT, "key": key},
                      ensure_ascii=False, separators=(",", ":"))
    yield head[:-1].encode("utf-8") + b',"findings":['
    separator = b""
    for finding in findings:
        if finding.source == SOURCE:
            yield separator + json.dumps(_finding_to_json(finding), ensure_ascii=False,
                                         separators=(",", ":")).encode("utf-8")
            separator = b","
    yield b"]}"


def _result_from_json(data: Any, key: str, doc: Document) -> CheckResult:
    """Rebuild a result; raises ValueError/TypeError/KeyError on anything unexpected."""
    from mtlint.lint.engine import CheckResult

    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key \
            or data.get("mtlint") != __version__:
        raise ValueError("not an entry for this key")
    findings = []
    shared = Shared()  # JSON gives each finding's message a string of its own
    size = len(doc.source.text)
    for item in data["findings"]:
        rule, category, severity, offset, length, message, suggestions, fix = item
        if not (isinstance(rule, str) and isinstance(message, str) and type(offset) is int
                and type(length) is int and offset >= 0 and length >= 0
                and offset + length <= size and isinstance(suggestions, list)
                and all(isinstance(s, str) for s in suggestions)):
            raise ValueError("malformed finding")
        if fix is not None:
            fix_offset, fix_length, replacement, safety = fix
            if not (type(fix_offset) is int and type(fix_length) is int
                    and isinstance(replacement, str)):
                raise ValueError("malformed fix")
            if (fix_offset, fix_length) == (offset, length):
                fix_offset, fix_length = offset, length
            fix = Fix(fix_offset, fix_length, shared(replacement), _SAFETIES[safety])
        line, column, end_line, end_column = doc.source.span_position(offset, offset + length)
        findings.append(Finding(
            rule=shared(rule), category=_CATEGORIES[category],
            severity=_SEVERITIES[severity], source=SOURCE, offset=offset, length=length,
            line=line, column=column, end_line=end_line, end_column=end_column,
            message=shared(message), suggestions=shared(tuple(suggestions)), fix=fix))
    return CheckResult(findings)

"""Files in, results out: finds the files under the given paths, reads them, finds the
configuration for each, and checks them. A file that cannot be read becomes an error
result; the others are still checked."""

from __future__ import annotations

import bisect
import os
import stat
import subprocess
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from mtlint.core.document import Document, DocumentError, read_regular_file
from mtlint.core.finding import Finding
from mtlint.core.patterns import compile_pattern
from mtlint.lint.config import (
    Config,
    ConfigError,
    excluded_by,
    find_config_file,
    load_config,
    validate_selectors,
)
from mtlint.lint.engine import CheckResult, Linter
from mtlint.lint.packs import PackError
from mtlint.lint.registry import rules_for
from mtlint.running.result import MIN_PARALLEL_FILES, FileResult

if TYPE_CHECKING:
    from mtlint.running.cache import ResultCache

CHECKED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
STDIN = "-"
# Plain text longer than this (characters) is checked in parts of about PART_CHARS, cut
# at paragraph breaks, so that memory stays bounded on 50 MB dumps; rules that compare
# within a document (consistent spelling, translated names) compare within a part.
LARGE_DOCUMENT_CHARS = 2_000_000
PART_CHARS = 1_000_000


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Target:
    """One file to check, as the user will see its name; `error` if it is unusable."""

    display: str
    path: Path | None
    error: str | None = None


def discover(paths: Sequence[str],
             config_for: Callable[[Path], Config] | None = None) -> Iterator[Target]:
    """The files to check: named files as they are, folders searched for the checked
    suffixes (CHECKED_SUFFIXES), leaving out what the folder's configuration (`config_for`)
    excludes and what git ignores."""
    for raw in paths:
        if raw == STDIN:
            yield Target(STDIN, None)
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield Target(raw, path, "no such file or directory")
            continue
        except OSError as error:
            yield Target(raw, path, f"cannot access: {error.strerror or error}")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, _scan_config(path, config_for))
        else:
            yield Target(raw, path)


def _scan_config(folder: Path, config_for: Callable[[Path], Config] | None) -> Config:
    if config_for is None:
        return Config()
    try:
        return config_for(folder)
    except ConfigError:
        return Config()  # the files report the broken config


def _git_ignored(folder: Path, files: list[Path]) -> set[Path]:
    """The files that git ignores (.gitignore, .git/info/exclude, the global excludes);
    none outside a git work tree or without git."""
    if not files:
        return set()
    try:
        proc = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"], cwd=folder, capture_output=True,
            input=b"\0".join(os.fsencode(f.relative_to(folder)) for f in files), check=False,
            timeout=60)
    except (OSError, subprocess.SubprocessError):
        return set()
    if proc.returncode not in (0, 1):  # 128: not a git work tree
        return set()
    return {folder / os.fsdecode(name) for name in proc.stdout.split(b"\0") if name}


def _walk(folder: Path, config: Config | None = None) -> Iterator[Target]:
    config = config or Config()
    problems: list[Target] = []

    def on_error(error: OSError) -> None:
        problems.append(Target(str(error.filename or folder), Path(error.filename or folder),
                               f"cannot read folder: {error.strerror or error}"))

    found = []
    # followlinks=False: a symlinked folder is not entered, so a link loop cannot recur.
    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        relative = Path(root).relative_to(folder).as_posix()
        prefix = "" if relative == "." else relative + "/"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not excluded_by(config, prefix + d))
        for name in files:
            if (Path(name).suffix.lower() in CHECKED_SUFFIXES and not name.startswith(".")
                    and not excluded_by(config, prefix + name)):
                found.append(Path(root) / name)
    if config.respect_gitignore:
        ignored = _git_ignored(folder, found)
        found = [path for path in found if path not in ignored]
    for path in sorted(found):
        yield Target(str(path), path)
    yield from problems


def part_bounds(text: str, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts of `text` of about `size` characters, each ending
    at the last paragraph break before the limit (else a line break, else a space)."""
    bounds = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for pattern in (r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)", r"\r?\n|\r", r"\s"):
            match = regex.search(f"(?r){pattern}", window, pos=size // 2)
            if match:
                cut = match.end()
                break
        cut = cut or size  # one 1 MB word: cut it
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


MARKDOWN_FENCE = compile_pattern(r" {0,3}(`{3,}|~{3,})")
LINE = compile_pattern(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")


def markdown_part_bounds(text: str, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts of a Markdown text of about `size` characters,
    each ending after a blank line outside fenced code (so no part starts inside a code
    block); a part grows past `size` when there is no such line in it."""
    cuts: list[int] = []  # offsets just after a blank line outside a fence
    fence: str | None = None
    for line in LINE.finditer(text):
        if line.start() == line.end():
            break
        content = line.group().rstrip("\r\n")
        opener = MARKDOWN_FENCE.match(content)
        if fence is None and opener:
            fence = opener.group(1)
        elif fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(
                    fence) and not content[opener.end():].strip():
                fence = None
        elif not content.strip():
            cuts.append(line.end())
    bounds = []
    start = 0
    index = 0
    while len(text) - start > size:
        limit = bisect.bisect_right(cuts, start + size, lo=index)
        candidates = [c for c in cuts[index:limit] if c > start]
        cut = candidates[-1] if candidates else next((c for c in cuts[limit:] if c > start),
                                                     len(text))
        if cut >= len(text):
            break
        bounds.append((start, cut))
        start = cut
        index = bisect.bisect_right(cuts, start)
    bounds.append((start, len(text)))
    return bounds


def check_in_parts(linter: Linter, doc: Document) -> CheckResult:
    """linter.check(doc); large documents part by part (see PART_CHARS): plain text cut at
    paragraph breaks, Markdown at blank lines outside fenced code."""
    if len(doc.text) <= LARGE_DOCUMENT_CHARS:
        return linter.check(doc)
    text = doc.source.text  # findings are in its offsets
    findings: list[Finding] = []
    notes: list[str] = []
    timings: dict[str, float] = {}
    bounds = markdown_part_bounds(text, PART_CHARS) if doc.markdown \
        else part_bounds(text, PART_CHARS)
    for start, end in bounds:
        part = linter.check(Document(text[start:end], doc.path, markdown=doc.markdown))
        for finding in part.findings:
            findings.append(shift_finding(finding, start, doc))
        line = doc.source.position(start)[0]
        notes.extend(f"{note} (lines counted from line {line})" for note in part.notes)
        for rule, seconds in part.timings.items():
            timings[rule] = timings.get(rule, 0.0) + seconds
    return CheckResult(findings, notes, timings)


def shift_finding(finding: Finding, shift: int, doc: Document) -> Finding:
    """A finding of a part of `doc` that starts at `shift`, placed in `doc`."""
    offset = finding.offset + shift
    line, column, end_line, end_column = doc.source.span_position(offset,
                                                                  offset + finding.length)
    fix = finding.fix
    if fix is not None:
        fix = replace(fix, offset=offset if fix.offset == finding.offset else fix.offset + shift)
    return replace(finding, offset=offset, line=line, column=column, end_line=end_line,
                   end_column=end_column, fix=fix)


def read_target(target: Target) -> bytes:
    """The bytes of a regular file; raises DocumentError with a clear reason otherwise."""
    assert target.path is not None
    return read_regular_file(target.path)


class Runner:
    """Checks targets, each with the configuration that applies to it."""

    def __init__(self, config: Config | None = None, *, overrides: dict | None = None,
                 extra_rule_dirs: Sequence[Path] = (), cache: ResultCache | None = None):
        # An explicit --config applies to every file; otherwise each file's own.
        self.explicit_config = config
        self.overrides = overrides or {}
        self.extra_rule_dirs = tuple(extra_rule_dirs)
        self.cache = cache
        self._configs: dict[Path | None, Config | ConfigError] = {}
        self._sources: dict[Path, Path | None] = {}
        self._linters: dict[object, Linter] = {}

    def __getstate__(self) -> dict:
        # Sent to worker processes: the settings, not the loaded configs and rules.
        return {**self.__dict__, "_configs": {}, "_sources": {}, "_linters": {}}

    def config_for(self, path: Path | None) -> Config:
        """The configuration for a file; raises ConfigError for a broken config file."""
        if self.explicit_config is not None:
            if None not in self._configs:
                self._configs[None] = self._with_overrides(self.explicit_config)
            return self._configs[None]
        start = path if path is not None else Path.cwd()
        folder = start if start.is_dir() else start.parent
        # Files of one folder share a configuration file: look for it once per folder.
        if folder not in self._sources:
            self._sources[folder] = find_config_file(folder)
        source = self._sources[folder]
        if source not in self._configs:
            try:
                base = load_config(source) if source is not None else Config()
                if source is not None:
                    self._validate(base)
                self._configs[source] = self._with_overrides(base)
            except ConfigError as error:
                # Remembered, so that a folder of files reads a broken config once.
                self._configs[source] = error
        found = self._configs[source]
        if isinstance(found, ConfigError):
            raise found
        return found

    def _validate(self, config: Config) -> None:
        """A config's rule packs load and its selectors name rules; else ConfigError."""
        try:
            rules = rules_for(self.extra_rule_dirs + config.extend_rules)
        except PackError as error:
            raise ConfigError(f"{config.source}: extend-rules: {error}") from None
        validate_selectors(config, rules)

    def _with_overrides(self, config: Config) -> Config:
        changes = dict(self.overrides)
        if "ignore" in changes:
            changes["ignore"] = config.ignore + tuple(changes["ignore"])
        return config.with_overrides(**changes) if changes else config

    def linter_for(self, config: Config) -> Linter:
        key: object = config  # equal configs share a linter (a worker gets copies)
        try:
            hash(config)
        except TypeError:
            key = id(config)
        if key not in self._linters:
            rules = rules_for(self.extra_rule_dirs + config.extend_rules)
            self._linters[key] = Linter(config, rules)
        return self._linters[key]

    def check_target(self, target: Target, stdin_data: bytes | None = None,
                     stdin_name: str | None = None) -> FileResult:
        prepared = self.prepare(target, stdin_data, stdin_name)
        if isinstance(prepared, FileResult):
            return prepared
        return self.check_document(*prepared)

    def check_all(self, targets: Iterable[Target], *, jobs: int | None = 1,
                  stdin_data: bytes | None = None,
                  stdin_name: str | None = None) -> Iterator[FileResult]:
        """Results in target order. With jobs > 1 (None: one per core; never more than
        the cores) a large run is spread over worker processes; the results are the same."""
        targets = list(targets)
        # More workers than cores only cost memory (each holds the rules and models).
        jobs = default_jobs() if jobs is None else min(jobs, default_jobs())
        if jobs <= 1 or len(targets) < MIN_PARALLEL_FILES:
            for target in targets:
                yield self.check_target(target, stdin_data, stdin_name)
            return
        from mtlint.running.parallel import check_parallel

        yield from check_parallel(self, targets, jobs, stdin_data, stdin_name)

    def prepare(self, target: Target, stdin_data: bytes | None = None,
                stdin_name: str | None = None) -> FileResult | tuple[Document, Config]:
        """The document and configuration of a target, or its error result."""
        display = (stdin_name or target.display) if target.path is None else target.display
        if target.error:
            return FileResult(display, error=target.error)
        try:
            config = self.config_for(Path(stdin_name) if target.path is None and stdin_name
                                     else target.path)
        except ConfigError as error:
            return FileResult(display, error=str(error))
        try:
            data = stdin_data if target.path is None else read_target(target)
            doc = Document.from_bytes(data or b"", display, encoding=config.encoding,
                                      html_options=config.html)
        except DocumentError as error:
            return FileResult(display, error=str(error))
        return doc, config

    def cached_result(self, doc: Document, config: Config) -> FileResult | None:
        """The result from the cache, if it has one."""
        if self.cache is None:
            return None
        result = self.cache.load(self.cache.key(doc, config, self.linter_for(config)), doc)
        return None if result is None else self._file_result(doc, config, result)

    def check_document(self, doc: Document, config: Config | None = None) -> FileResult:
        config = config or self.config_for(Path(doc.path))
        linter = self.linter_for(config)
        key = self.cache.key(doc, config, linter) if self.cache is not None else None
        result = self.cache.load(key, doc) if key is not None else None
        if result is None:
            result = check_in_parts(linter, doc)
            doc.release_structure()
            if key is not None:
                self.cache.store(key, result)
        return self._file_result(doc, config, result)

    def _file_result(self, doc: Document, config: Config, result) -> FileResult:
        return FileResult(doc.path, result.findings, self._directive_error(doc, config),
                          result.notes, doc, config.fail_on, result.timings)

    def _directive_error(self, doc: Document, config: Config) -> str | None:
        """An inline directive that names no rule is an error, as a misspelt --select is;
        the file's findings are still reported."""
        from mtlint.core.directives import unknown_directive_rules

        source = doc.source  # HTML keeps its comments there only
        if "mtlint" not in source.text:
            return None
        rule_ids = rules_for(self.extra_rule_dirs + config.extend_rules)
        unknown = unknown_directive_rules(source.text, doc.markdown or doc.html, rule_ids)
        if not unknown:
            return None
        offset, name = unknown[0]
        line = source.position(offset)[0]
        return f"line {line}: directive names no rule {name!r} (see `mtlint rules`)"

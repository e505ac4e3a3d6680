"""Files in, results out: finds the files under the given paths, reads them, finds the
configuration for each, and checks them. A file that cannot be read becomes an error
result; the others are still checked."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mtlint.config import Config, ConfigError, find_config_file, load_config
from mtlint.document import Document, DocumentError
from mtlint.engine import Linter
from mtlint.finding import Finding
from mtlint.registry import rules_for

CHECKED_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
STDIN = "-"


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    document: Document | None = None
    fail_on: str = "warning"  # from the configuration that applied to this file


@dataclass(frozen=True)
class Target:
    """One file to check, as the user will see its name; `error` if it is unusable."""

    display: str
    path: Path | None
    error: str | None = None


def discover(paths: Sequence[str]) -> Iterator[Target]:
    """The files to check: named files as they are, folders searched for *.txt and *.md."""
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
            yield from _walk(path)
        else:
            yield Target(raw, path)


def _walk(folder: Path) -> Iterator[Target]:
    problems: list[Target] = []

    def on_error(error: OSError) -> None:
        problems.append(Target(str(error.filename or folder), Path(error.filename or folder),
                               f"cannot read folder: {error.strerror or error}"))

    found = []
    # followlinks=False: a symlinked folder is not entered, so a link loop cannot recur.
    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if Path(name).suffix.lower() in CHECKED_SUFFIXES and not name.startswith("."):
                found.append(Path(root) / name)
    for path in sorted(found):
        yield Target(str(path), path)
    yield from problems


def read_target(target: Target) -> bytes:
    """The bytes of a regular file; raises DocumentError with a clear reason otherwise."""
    assert target.path is not None
    try:
        info = target.path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError("not a regular file (a device, socket or pipe); not checked")
        return target.path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("no such file or directory") from None
    except IsADirectoryError:
        raise DocumentError("is a directory") from None
    except OSError as error:
        raise DocumentError(f"cannot read: {error.strerror or error}") from None


class Runner:
    """Checks targets, each with the configuration that applies to it."""

    def __init__(self, config: Config | None = None, *, overrides: dict | None = None,
                 extra_rule_dirs: Sequence[Path] = ()):
        # An explicit --config applies to every file; otherwise each file's own.
        self.explicit_config = config
        self.overrides = overrides or {}
        self.extra_rule_dirs = tuple(extra_rule_dirs)
        self._configs: dict[Path | None, Config] = {}
        self._linters: dict[int, Linter] = {}

    def config_for(self, path: Path | None) -> Config:
        """The configuration for a file; raises ConfigError for a broken config file."""
        if self.explicit_config is not None:
            return self._with_overrides(self.explicit_config)
        source = find_config_file(path if path is not None else Path.cwd())
        if source not in self._configs:
            base = load_config(source) if source is not None else Config()
            self._configs[source] = self._with_overrides(base)
        return self._configs[source]

    def _with_overrides(self, config: Config) -> Config:
        changes = dict(self.overrides)
        if "ignore" in changes:
            changes["ignore"] = config.ignore + tuple(changes["ignore"])
        return config.with_overrides(**changes) if changes else config

    def linter_for(self, config: Config) -> Linter:
        key = id(config)
        if key not in self._linters:
            rules = rules_for(self.extra_rule_dirs + config.extend_rules)
            self._linters[key] = Linter(config, rules)
        return self._linters[key]

    def check_target(self, target: Target, stdin_data: bytes | None = None,
                     stdin_name: str | None = None) -> FileResult:
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
            doc = Document.from_bytes(data or b"", display, encoding=config.encoding)
        except DocumentError as error:
            return FileResult(display, error=str(error))
        return self.check_document(doc, config)

    def check_document(self, doc: Document, config: Config | None = None) -> FileResult:
        config = config or self.config_for(Path(doc.path))
        result = self.linter_for(config).check(doc)
        return FileResult(doc.path, result.findings, None, result.notes, doc, config.fail_on)

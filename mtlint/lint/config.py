"""Configuration: `[tool.mtlint]` in pyproject.toml or a `.mtlint.toml`, found from the
checked file upward, or named with --config. Every error names the file and the key."""

from __future__ import annotations

import contextlib
import fnmatch
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mtlint.core.finding import Category, Severity
from mtlint.core.html import FURNITURE, FURNITURE_BY_NAME, HtmlOptions, valid_selector

CONFIG_FILES = (".mtlint.toml", "pyproject.toml")
FAIL_LEVELS = ("error", "warning", "info", "never")
# The house quotation style: what straight quotes "…" are turned into; "any" accepts them.
QUOTE_STYLES = ("german", "guillemets", "swiss", "any")
SPELLING_KEYS = {"words", "words-file"}
LANGUAGETOOL_KEYS = {"keep-speller", "url", "disabled-rules", "disabled-categories",
                     "enabled-rules", "language", "timeout"}


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class LanguageToolConfig:
    url: str | None = None
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    # Rules mtlint switches off by default (README "LanguageTool") that are wanted after all.
    enabled_rules: tuple[str, ...] = ()
    language: str = "de-DE"
    timeout: float = 20.0
    # Keep LanguageTool's speller matches beside mtlint's own speller (default: dropped).
    keep_speller: bool = False


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str = "warning"
    extend_rules: tuple[Path, ...] = ()
    # Correct term -> renderings that are wrong for it (may be empty: the term is a
    # known name and must be spelled exactly so).
    glossary: tuple[tuple[str, tuple[str, ...]], ...] = ()
    languagetool: LanguageToolConfig = field(default_factory=LanguageToolConfig)
    encoding: str = "utf-8"
    quotes: str = "german"
    # Folder scans leave out what these globs match (a name or a path below the scanned
    # folder); `extend_exclude` adds to `exclude` (default: DEFAULT_EXCLUDE).
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    html: HtmlOptions = field(default_factory=HtmlOptions)
    # Words the speller knows besides its dictionary ([spelling] words and words-file).
    spelling_words: tuple[str, ...] = ()
    source: Path | None = None  # the file this came from, None for defaults
    root: Path | None = None  # the folder per-file-ignores patterns are relative to

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **changes)

    @property
    def glossary_map(self) -> dict[str, tuple[str, ...]]:
        return dict(self.glossary)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Rule selectors switched off for `path` by per-file-ignores."""
        if not self.per_file_ignores:
            return ()  # the common case: no path to resolve (a run asks for every file)
        result: list[str] = []
        candidates = [path]
        if self.root is not None:
            with contextlib.suppress(ValueError, OSError):
                candidates.append(Path(path).resolve().relative_to(self.root.resolve()).as_posix())
        for pattern, selectors in self.per_file_ignores:
            if any(fnmatch.fnmatch(c, pattern) or fnmatch.fnmatch(Path(c).name, pattern)
                   for c in candidates):
                result.extend(selectors)
        return tuple(result)


# Folders that hold tools, dependencies and build output, not articles.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules",
                   "build", "dist", "site-packages", "__pycache__", ".mypy_cache",
                   ".pytest_cache", ".ruff_cache")


def excluded_by(config: Config, relative: str) -> bool:
    """Whether a path (POSIX, relative to the scanned folder) is excluded from folder
    scans: a glob matches one of its names or the path itself."""
    patterns = (DEFAULT_EXCLUDE if config.exclude is None else config.exclude)
    patterns = (*patterns, *config.extend_exclude)
    names = relative.split("/")
    return any(fnmatch.fnmatchcase(relative, p.rstrip("/")) or
               any(fnmatch.fnmatchcase(name, p.rstrip("/")) for name in names)
               for p in patterns)


def selector_matches(selector: str, rule_id: str, category: str) -> bool:
    """Whether a --select/--ignore entry names this rule: id, category, or glob (lt:*)."""
    if selector in ("ALL", "*"):
        return True
    if selector in (rule_id, category):
        return True
    return any(ch in selector for ch in "*?[") and fnmatch.fnmatchcase(rule_id, selector)


def unknown_selectors(selectors: Iterable[str], rule_ids: Iterable[str]) -> list[str]:
    """The selectors that name no rule: a misspelt id must not silently check nothing."""
    ids = list(rule_ids)
    categories = {c.value for c in Category}
    unknown = []
    for selector in selectors:
        if selector in ("ALL", "*") or selector in categories or selector.startswith("lt:"):
            continue
        if not any(selector_matches(selector, rule_id, "") for rule_id in ids):
            unknown.append(selector)
    return unknown


def validate_selectors(config: Config, rule_ids: Iterable[str]) -> None:
    """Raise ConfigError naming the file and key of a selector that names no rule."""
    ids = list(rule_ids)
    keys: list[tuple[str, Iterable[str]]] = [
        ("select", config.select), ("ignore", config.ignore),
        ("severity", [name for name, _ in config.severity]),
        *((f"per-file-ignores.{pattern}", rules) for pattern, rules in config.per_file_ignores),
    ]
    for key, selectors in keys:
        unknown = unknown_selectors(selectors, ids)
        if unknown:
            raise ConfigError(f"{config.source}: {key}: no rule or category named "
                              f"{unknown[0]!r} (see `mtlint rules`)")


def find_config_file(start: Path) -> Path | None:
    """The nearest .mtlint.toml, or pyproject.toml with [tool.mtlint], from `start` upward."""
    folder = start if start.is_dir() else start.parent
    try:
        folder = folder.resolve()
    except OSError:
        return None
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_mtlint_table(candidate):
                continue
            return candidate
    return None


# A `[tool.mtlint]` table (or one of its subtables) opened in a TOML file's text.
MTLINT_TABLE = re.compile(r"""^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*["']?mtlint\b""", re.M)


def _has_mtlint_table(path: Path) -> bool:
    from mtlint.core.document import DocumentError, read_regular_file

    try:
        text = read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8")
    except (DocumentError, UnicodeDecodeError):
        return False
    try:
        return "mtlint" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        # A broken pyproject.toml that is not ours is not our error to report; one with
        # a [tool.mtlint] table is (load_config reports it), not silently skipped.
        return MTLINT_TABLE.search(text) is not None


MAX_CONFIG_BYTES = 10 * 1024 * 1024
MAX_TIMEOUT_SECONDS = 3600.0


def load_config(path: Path) -> Config:
    """Read a config file; raises ConfigError naming the file and key."""
    from mtlint.core.document import DocumentError, read_regular_file

    try:
        data = tomllib.loads(read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except DocumentError as error:  # also a FIFO or device given as --config
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mtlint", {})
        prefix = "tool.mtlint."
    else:
        prefix = ""
    return parse_config(data, path, prefix)


def parse_config(data: dict[str, Any], path: Path, prefix: str = "") -> Config:
    def error(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{path}: {prefix}{key}: {problem}")

    def string_list(key: str) -> tuple[str, ...]:
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise error(key, "must be a list of strings")
        return tuple(value)

    known = {"select", "ignore", "severity", "per-file-ignores", "fail-on", "extend-rules",
             "glossary", "languagetool", "encoding", "html", "exclude", "extend-exclude",
             "respect-gitignore", "quotes", "spelling"}
    for key in data:
        if key not in known:
            raise error(key, f"unknown key (known keys: {', '.join(sorted(known))})")
    settings: dict[str, Any] = {"source": path, "root": path.parent}
    if "select" in data:
        settings["select"] = string_list("select")
    if "ignore" in data:
        settings["ignore"] = string_list("ignore")
    if "fail-on" in data:
        if data["fail-on"] not in FAIL_LEVELS:
            raise error("fail-on", f"must be one of {', '.join(FAIL_LEVELS)}")
        settings["fail_on"] = data["fail-on"]
    if "encoding" in data:
        if not isinstance(data["encoding"], str) or not known_encoding(data["encoding"]):
            raise error("encoding", "must name a text encoding such as 'utf-8' or 'cp1252'")
        settings["encoding"] = data["encoding"]
    if "quotes" in data:
        if data["quotes"] not in QUOTE_STYLES:
            raise error("quotes", f"must be one of {', '.join(QUOTE_STYLES)}")
        settings["quotes"] = data["quotes"]
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise error("severity", "must be a table of rule or category = level")
        overrides = []
        for name, level in table.items():
            try:
                overrides.append((name, Severity(level)))
            except ValueError:
                raise error(f"severity.{name}", "must be error, warning or info") from None
        settings["severity"] = tuple(overrides)
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict):
            raise error("per-file-ignores", "must be a table of glob = [rules]")
        entries = []
        for pattern, rules in table.items():
            if isinstance(rules, str):
                rules = [rules]
            if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
                raise error(f"per-file-ignores.{pattern}", "must be a list of rule ids")
            entries.append((pattern, tuple(rules)))
        settings["per_file_ignores"] = tuple(entries)
    if "exclude" in data:
        settings["exclude"] = string_list("exclude")
    if "extend-exclude" in data:
        settings["extend_exclude"] = string_list("extend-exclude")
    if "respect-gitignore" in data:
        if not isinstance(data["respect-gitignore"], bool):
            raise error("respect-gitignore", "must be true or false")
        settings["respect_gitignore"] = data["respect-gitignore"]
    if "extend-rules" in data:
        settings["extend_rules"] = tuple(path.parent / p for p in string_list("extend-rules"))
    if "glossary" in data:
        settings["glossary"] = _parse_glossary(data["glossary"], error)
    if "languagetool" in data:
        settings["languagetool"] = _parse_languagetool(data["languagetool"], error)
    if "html" in data:
        settings["html"] = _parse_html(data["html"], error)
    if "spelling" in data:
        settings["spelling_words"] = _parse_spelling(data["spelling"], path.parent, error)
    return Config(**settings)


# Text codecs that are not file encodings: they encode domain names, or escapes.
NOT_FILE_ENCODINGS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape"})
HTML_KEYS = {"include", "root", "attributes"}


def _parse_html(value: Any, error: Any) -> HtmlOptions:
    """`[html]`: include = furniture to read after all, root = a simple CSS selector,
    attributes = the image texts read as captions."""
    if not isinstance(value, dict):
        raise error("html", "must be a table (include, root, attributes)")
    for key in value:
        if key not in HTML_KEYS:
            raise error(f"html.{key}", f"unknown key (known keys: {', '.join(sorted(HTML_KEYS))})")
    lists = {}
    for key, allowed in (("include", (*sorted(FURNITURE), FURNITURE_BY_NAME)),
                         ("attributes", ("alt", "title"))):
        items = value.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise error(f"html.{key}", "must be a list of strings")
        unknown = [i for i in items if i not in allowed]
        if unknown:
            raise error(f"html.{key}", f"unknown {unknown[0]!r} (one of: {', '.join(allowed)})")
        lists[key] = frozenset(items)
    root = value.get("root")
    if root is not None and (not isinstance(root, str) or not valid_selector(root)):
        raise error("html.root", "must be a simple CSS selector: tag, .class, #id or "
                    "tag.class")
    return HtmlOptions(include=lists["include"], root=root,
                       attributes=lists["attributes"] if "attributes" in value
                       else HtmlOptions().attributes)


def _parse_spelling(value: Any, folder: Path, error: Any) -> tuple[str, ...]:
    """The user's words: `words` and the lines of `words-file` (relative to the config
    file; one word a line, `#` starts a comment)."""
    if not isinstance(value, dict):
        raise error("spelling", "must be a table (words, words-file)")
    for key in value:
        if key not in SPELLING_KEYS:
            raise error(f"spelling.{key}",
                        f"unknown key (known keys: {', '.join(sorted(SPELLING_KEYS))})")
    words: list[str] = []
    if "words" in value:
        items = value["words"]
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise error("spelling.words", "must be a list of words")
        words.extend(i.strip() for i in items if i.strip())
    if "words-file" in value:
        if not isinstance(value["words-file"], str):
            raise error("spelling.words-file", "must be a path to a text file")
        path = folder / value["words-file"]
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as problem:
            raise error("spelling.words-file", f"cannot read {path}: {problem}") from None
        words.extend(w for line in lines if (w := line.partition("#")[0].strip()))
    return tuple(words)


def known_encoding(name: str) -> bool:
    """Whether this names an encoding files are written in: one Python knows, that turns
    bytes into text (not rot13, base64, hex or zlib) and is not for something else (idna)."""
    import codecs

    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return info._is_text_encoding and info.name.replace("_", "-") not in NOT_FILE_ENCODINGS


def _parse_glossary(value: Any, error: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # Either a list of correct terms, or a table: correct term = [wrong renderings].
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        for term in value:
            if not term.strip():
                raise error("glossary", "has an empty term")
        return tuple((term, ()) for term in value)
    if not isinstance(value, dict):
        raise error("glossary", 'must be a list of terms or a table: "Term" = ["wrong form", ...]')
    entries = []
    for term, wrong in value.items():
        if isinstance(wrong, str):
            wrong = [wrong]
        if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
            raise error(f"glossary.{term}", "must be a list of wrong renderings (strings)")
        if not term.strip():
            raise error("glossary", "has an empty term")
        if term in wrong or any(not w.strip() for w in wrong):
            # Every use of the term would be a finding whose fix changes nothing.
            raise error(f"glossary.{term}", "lists the term itself (or an empty text) "
                                            "as a wrong rendering")
        entries.append((term, tuple(wrong)))
    return tuple(entries)


def _parse_languagetool(value: Any, error: Any) -> LanguageToolConfig:
    if not isinstance(value, dict):
        raise error("languagetool", "must be a table (url, disabled-rules, ...)")
    for key in value:
        if key not in LANGUAGETOOL_KEYS:
            raise error(f"languagetool.{key}",
                        f"unknown key (known keys: {', '.join(sorted(LANGUAGETOOL_KEYS))})")
    settings: dict[str, Any] = {}
    if "url" in value:
        if not isinstance(value["url"], str) or not value["url"].startswith(("http://", "https://")):
            raise error("languagetool.url", "must be an http:// or https:// URL")
        settings["url"] = value["url"]
    for key in ("disabled-rules", "disabled-categories", "enabled-rules"):
        if key in value:
            items = value[key]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise error(f"languagetool.{key}", "must be a list of strings")
            settings[key.replace("-", "_")] = tuple(items)
    if "language" in value:
        if not isinstance(value["language"], str):
            raise error("languagetool.language", "must be a language code such as 'de-DE'")
        settings["language"] = value["language"]
    if "keep-speller" in value:
        if not isinstance(value["keep-speller"], bool):
            raise error("languagetool.keep-speller", "must be true or false")
        settings["keep_speller"] = value["keep-speller"]
    if "timeout" in value:
        timeout = value["timeout"]
        # bool is an int; inf, nan and 1e308 would never time out (or overflow a deadline).
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) \
                or not 0 < timeout <= MAX_TIMEOUT_SECONDS:
            raise error("languagetool.timeout",
                        f"must be a number of seconds from 0 to {MAX_TIMEOUT_SECONDS:g}")
        settings["timeout"] = float(value["timeout"])
    return LanguageToolConfig(**settings)


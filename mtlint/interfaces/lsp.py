"""Language Server over stdio: `mtlint lsp` (pygls 2.x, lsprotocol).

- Diagnostics for plain text and Markdown documents on open and save, and 300 ms after the
  last change. Built-in findings are published first; where a LanguageTool server URL is
  configured (`[languagetool] url` or MTLINT_LANGUAGETOOL_URL), the merged findings follow
  when its answer arrives, so its latency never holds back the built-in ones. (The server
  does not start a local LanguageTool of its own; run one and configure its URL.)
- Configuration: the mtlint config that applies to the document's path, re-read when the
  config file changes on disk.
- Code actions: "Ersetzen durch „…“" for every fix and suggestion (the safe fix is the
  preferred one), "Alle sicheren Korrekturen anwenden" (source.fixAll), in Markdown
  "Regel … für diese Datei abschalten" (inserts `<!-- mtlint-disable RULE -->` at the top),
  and for spelling and terminology findings "„Wort“ ins Glossar aufnehmen", an edit of the
  config file (or a new .mtlint.toml) that the editor applies and the user saves: the server
  itself never writes a file.
- Positions in the encoding the client negotiates: UTF-16 (the LSP default), UTF-8 or UTF-32.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import threading
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote  # as pygls keys its documents

import regex
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcServerNotInitialized
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from mtlint import __version__
from mtlint.core.document import WORD, Document
from mtlint.core.finding import Category, Finding, Safety, Severity
from mtlint.core.markdown import FRONT_MATTER
from mtlint.interfaces.framing import FrameReader
from mtlint.language import speller
from mtlint.lint.config import CONFIG_FILES, ConfigError, find_config_file, parse_config
from mtlint.running.fix import apply_fixes
from mtlint.running.runner import CHECKED_SUFFIXES, FileResult, Runner

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.3
# How often the server looks whether the client process that started it still runs.
CLIENT_POLL_SECONDS = 1.0
LANGUAGE_IDS = frozenset({"plaintext", "text", "markdown", "html"})
SEVERITIES = {Severity.ERROR: lsp.DiagnosticSeverity.Error,
              Severity.WARNING: lsp.DiagnosticSeverity.Warning,
              Severity.INFO: lsp.DiagnosticSeverity.Information}
GLOSSARY_CATEGORIES = frozenset({Category.SPELLING, Category.TERMINOLOGY})


# --- positions ------------------------------------------------------------------------

def units(text: str, encoding: str) -> int:
    """The length of `text` in the code units of a position encoding."""
    if encoding == lsp.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if encoding == lsp.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def position_at(doc: Document, offset: int, encoding: str) -> lsp.Position:
    """The client position of a code-point offset into the document's source text (what
    finding offsets count in)."""
    source = doc.source
    line, column = source.position(offset)
    start, _ = source.line_span(line)
    return lsp.Position(line=line - 1, character=units(source.text[start:start + column - 1],
                                                         encoding))


def range_of(doc: Document, offset: int, length: int, encoding: str) -> lsp.Range:
    return lsp.Range(start=position_at(doc, offset, encoding),
                     end=position_at(doc, offset + length, encoding))


def offset_at(doc: Document, position: lsp.Position, encoding: str) -> int:
    """The code-point offset into the source text of a client position (clamped to the
    line and the text)."""
    source = doc.source
    if position.line >= len(source.starts):
        return len(source.text)
    start, end = source.line_span(position.line + 1)
    counted = 0
    for index, char in enumerate(source.text[start:end]):
        if counted >= position.character:
            return start + index
        counted += units(char, encoding)
    return end


# --- what the server knows about a document --------------------------------------------

@dataclass
class Checked:
    """The findings of one version of a document."""

    doc: Document
    version: int | None
    findings: list[Finding]
    config_source: Path | None


def diagnostic(doc: Document, finding: Finding, encoding: str) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=range_of(doc, finding.offset, finding.length, encoding),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        source="mtlint" if finding.source == "mtlint" else f"mtlint ({finding.source})",
        data={"rule": finding.rule, "offset": finding.offset, "length": finding.length},
    )


def replacements(finding: Finding) -> list[tuple[str, bool]]:
    """The texts a finding may be replaced by, each with whether it is the safe fix."""
    found: list[tuple[str, bool]] = []
    if finding.fix is not None and (finding.fix.offset, finding.fix.length) == (
            finding.offset, finding.length):
        found.append((finding.fix.replacement, finding.fix.safety is Safety.SAFE))
    for suggestion in finding.suggestions:
        if all(suggestion != text for text, _ in found):
            found.append((suggestion, False))
    return found


def replace_title(text: str) -> str:
    return f"Ersetzen durch „{text}“" if text else "Entfernen"


# --- config edits: disable a rule, add to the glossary -----------------------------------

def disable_comment_edit(doc: Document, rule: str) -> lsp.TextEdit:
    """Insert `<!-- mtlint-disable RULE -->` at the top of a Markdown document (after
    front matter, which must stay first)."""
    front = FRONT_MATTER.match(doc.source.text)
    line = doc.source.position(front.end())[0] - 1 if front else 0
    if front and not front.group().endswith(("\n", "\r")):
        # Front matter that ends the file without a line break.
        position = position_at(doc, front.end(), lsp.PositionEncodingKind.Utf32)
        return lsp.TextEdit(range=lsp.Range(start=position, end=position),
                            new_text=f"\n<!-- mtlint-disable {rule} -->\n")
    position = lsp.Position(line=line, character=0)
    return lsp.TextEdit(range=lsp.Range(start=position, end=position),
                        new_text=f"<!-- mtlint-disable {rule} -->\n")


GLOSSARY_HEADER = regex.compile(
    r"""^[ \t]*\[[ \t]*(?P<prefix>(?:"?tool"?[ \t]*\.[ \t]*"?mtlint"?[ \t]*\.[ \t]*)?)
    "?glossary"?[ \t]*\][ \t]*(?:\#[^\r\n]*)?\r?$""", regex.M | regex.X)


def glossary_term(finding: Finding, text: str) -> str:
    """The term the glossary quick fix adds for a finding: the flagged word (a name the
    rules do not know), but for a term spelt two ways the spelling the text uses most,
    which the finding suggests; the flagged minority spelling is the wrong one."""
    if finding.rule == "term-inconsistent" and finding.suggestions:
        return finding.suggestions[0]
    return text[finding.offset:finding.offset + finding.length]


def glossary_insertion(config_path: Path, current: str | None,
                       term: str) -> tuple[int, str] | None:
    """Where to insert what into the config file's text (None: no file yet) to add `term`
    to the glossary as a name to keep: (offset, text). None when that cannot be done safely
    (or the term is there already); the result is read back as mtlint's configuration."""
    pyproject = config_path.name == "pyproject.toml"
    table = "tool.mtlint.glossary" if pyproject else "glossary"
    entry = f"{json.dumps(term, ensure_ascii=False)} = []"
    if current is None:
        current, at, inserted = "", 0, f"[{table}]\n{entry}\n"
    else:
        try:
            data = tomllib.loads(current)
        except tomllib.TOMLDecodeError:
            return None
        settings = data.get("tool", {}).get("mtlint", {}) if pyproject else data
        glossary = settings.get("glossary")
        line_break = "\r\n" if "\r\n" in current else "\n"
        if glossary is None:
            at = len(current)
            separator = line_break if current and not current.endswith("\n") else ""
            inserted = f"{separator}{line_break}[{table}]{line_break}{entry}{line_break}"
        elif isinstance(glossary, dict) and term not in glossary:
            headers = [m for m in GLOSSARY_HEADER.finditer(current)
                       if bool(m.group("prefix")) == pyproject]
            if len(headers) != 1:
                return None  # an inline table or dotted keys: leave it to the user
            at = headers[0].end()
            if current.startswith("\r\n", at):
                at += 2
            elif current.startswith("\n", at):
                at += 1
            else:
                at, entry = len(current), line_break + entry  # the header ends the file
            inserted = entry + line_break
        else:
            return None  # already there, or a list of terms (edit it by hand)
    new = current[:at] + inserted + current[at:]
    try:
        data = tomllib.loads(new)
        if pyproject:
            data = data["tool"]["mtlint"]
        config = parse_config(data, config_path)
    except (tomllib.TOMLDecodeError, ConfigError, KeyError):
        return None
    return (at, inserted) if term in config.glossary_map else None


SPELLING_HEADER = regex.compile(
    r"""^[ \t]*\[[ \t]*(?P<prefix>(?:"?tool"?[ \t]*\.[ \t]*"?mtlint"?[ \t]*\.[ \t]*)?)
    "?spelling"?[ \t]*\][ \t]*(?:\#[^\r\n]*)?\r?$""", regex.M | regex.X)
WORDS_KEY = regex.compile(r"""^[ \t]*(?:words|"words")[ \t]*=[ \t]*\[""", regex.M)
TABLE_HEADER = regex.compile(r"^[ \t]*\[", regex.M)
# Rules whose finding is a word the user may want the speller to know.
WORD_LIST_RULES = frozenset({"spelling-unknown-word"})


def unknown_parts(word: str) -> list[str]:
    """The parts of a flagged word the speller does not know: "Konfiguratoin" of
    "Sicherheits-Konfiguratoin" (the word list is read part by part)."""
    parts = [part for part in regex.split(r"[-‐]", word) if part]
    return [part for part in parts if not speller.is_known(part)] or parts[-1:]


def _array_end(text: str, start: int) -> int | None:
    """The offset of the "]" closing the TOML array whose "[" ends at `start`, past
    strings and comments; None if there is none."""
    index, depth = start, 1
    while index < len(text):
        char = text[index]
        if char in "\"'":
            close = text.find(char, index + 1)
            while char == '"' and close > 0 and text[close - 1] == "\\":
                close = text.find(char, close + 1)
            if close < 0:
                return None
            index = close
        elif char == "#":
            line_end = text.find("\n", index)
            index = len(text) if line_end < 0 else line_end
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def word_list_insertion(config_path: Path, current: str | None,
                        word: str) -> tuple[Path, int, str] | None:
    """Where to add `word` to the user's word list: (file, offset, text). The list is
    the `words-file` the configuration names (the word as a line at its end), else
    `[spelling] words` (`[tool.mtlint.spelling]` in pyproject.toml) in the
    configuration file itself, created when missing (`current` None: no file yet).
    None when that cannot be done safely or the word is listed; the result is read
    back as mtlint's configuration."""
    pyproject = config_path.name == "pyproject.toml"
    table = "tool.mtlint.spelling" if pyproject else "spelling"
    quoted = json.dumps(word, ensure_ascii=False)
    if current is None:
        return _checked_word_list(config_path, "", 0, f"[{table}]\nwords = [{quoted}]\n", word)
    try:
        data = tomllib.loads(current)
    except tomllib.TOMLDecodeError:
        return None
    settings = data.get("tool", {}).get("mtlint", {}) if pyproject else data
    spelling = settings.get("spelling")
    line_break = "\r\n" if "\r\n" in current else "\n"
    if spelling is None:
        separator = line_break if current and not current.endswith("\n") else ""
        inserted = f"{separator}{line_break}[{table}]{line_break}words = [{quoted}]{line_break}"
        return _checked_word_list(config_path, current, len(current), inserted, word)
    if not isinstance(spelling, dict) or word in spelling.get("words", ()):
        return None
    if isinstance(spelling.get("words-file"), str):
        words_file = config_path.parent / spelling["words-file"]
        try:
            listed = words_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        lines = {line.partition("#")[0].strip() for line in listed.splitlines()}
        if word in lines:
            return None
        separator = "" if not listed or listed.endswith("\n") else "\n"
        return words_file, len(listed), f"{separator}{word}\n"
    headers = [m for m in SPELLING_HEADER.finditer(current)
               if bool(m.group("prefix")) == pyproject]
    if len(headers) != 1:
        return None  # an inline table or dotted keys: leave it to the user
    body_start = headers[0].end()
    following = TABLE_HEADER.search(current, body_start + 1)
    body_end = following.start() if following else len(current)
    key = WORDS_KEY.search(current, body_start, body_end)
    if key is None:
        at = body_start + len(line_break) if current.startswith(line_break, body_start) \
            else body_start
        inserted = f"words = [{quoted}]{line_break}"
        if at == body_start:
            inserted = line_break + inserted.removesuffix(line_break)
        return _checked_word_list(config_path, current, at, inserted, word)
    close = _array_end(current, key.end())
    if close is None:
        return None
    at = len(current[:close].rstrip())
    last = current[at - 1]
    inserted = quoted if last == "[" else f" {quoted}," if last == "," else f", {quoted}"
    return _checked_word_list(config_path, current, at, inserted, word)


def _checked_word_list(config_path: Path, current: str, at: int, inserted: str,
                       word: str) -> tuple[Path, int, str] | None:
    """The insertion if the edited configuration is valid and lists the word."""
    new = current[:at] + inserted + current[at:]
    try:
        data = tomllib.loads(new)
        if config_path.name == "pyproject.toml":
            data = data["tool"]["mtlint"]
        config = parse_config(data, config_path)
    except (tomllib.TOMLDecodeError, ConfigError, KeyError):
        return None
    return (config_path, at, inserted) if word in config.spelling_words else None


def insertion_edit(text: str, at: int, inserted: str, encoding: str) -> lsp.TextEdit:
    position = position_at(Document(text, "config.toml", markdown=False), at, encoding)
    return lsp.TextEdit(range=lsp.Range(start=position, end=position), new_text=inserted)


# --- the server ---------------------------------------------------------------------------

def process_alive(process_id: int) -> bool:
    """Whether a process of that id exists (a zombie counts until it is reaped)."""
    if process_id <= 0:
        return False
    try:
        os.kill(process_id, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's: it exists
        return True
    except OSError:
        return False
    return True


class MtlintProtocol(LanguageServerProtocol):
    """The protocol's lifecycle, which pygls leaves loose: a request before `initialize`
    is answered with ServerNotInitialized (LSP: -32002), not served; and a request whose
    params do not fit its method gets an error answer (InvalidParams) instead of none: a
    client waits for every answer."""

    initialize_seen = False

    def _handle_request(self, msg_id: Any, method_name: str, params: Any) -> None:
        if method_name == lsp.INITIALIZE:
            self.initialize_seen = True
        elif not self.initialize_seen:
            self._send_response(msg_id, None, JsonRpcServerNotInitialized().to_response_error())
            return
        super()._handle_request(msg_id, method_name, params)

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" in data and "method" in data and isinstance(data["id"], int | str):
                self._send_response(data["id"], None, error.to_response_error())
            raise


class MtlintLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("mtlint", __version__, protocol_cls=MtlintProtocol,
                         text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        # LSP: exit status 0 after `shutdown` then `exit`, 1 for `exit` without `shutdown`.
        self.shutdown_requested = False
        self.exit_status = 0
        self.runner = Runner()
        self.checked: dict[str, Checked] = {}
        self._tasks: dict[str, asyncio.Task] = {}
        self._config_stamps: dict[Path, int] = {}
        # One worker for the built-in rules (their German analysis is not shared between
        # threads); LanguageTool answers wait on a worker of their own.
        self._lint_pool = ThreadPoolExecutor(1, thread_name_prefix="mtlint-lint")
        self._lt_pool = ThreadPoolExecutor(1, thread_name_prefix="mtlint-languagetool")
        self._lt_notes: set[str] = set()

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    def watch_client(self, process_id: int) -> None:
        """End this process when the client's process has ended (LSP: `processId`), even
        if something else still holds its end of standard input open. A process that is
        not there at the start is not watched: the client may run where its process ids
        mean something else (a container)."""
        if not process_alive(process_id):
            log.info("the client's process %d is not visible here; not watched", process_id)
            return

        def watch() -> None:
            while process_alive(process_id):
                threading.Event().wait(CLIENT_POLL_SECONDS)
            log.warning("the client (process %d) is gone; exiting", process_id)
            logging.shutdown()
            # Not an orderly shutdown: the reader thread blocks on a pipe no one writes to.
            os._exit(1)

        threading.Thread(target=watch, name="mtlint-client-watch", daemon=True).start()

    # -- which documents, which path ------------------------------------------------------

    def open_document(self, uri: str) -> Any:
        """The document the client opened under `uri`, or None. The workspace keys its
        documents percent-decoded ("my notes.md" for "my%20notes.md"); and a document not
        open is never read from disk here (it may be a FIFO)."""
        return self.workspace.text_documents.get(unquote(uri))

    def wants(self, uri: str) -> bool:
        document = self.open_document(uri)
        if document is None:
            return False
        suffix = Path(document.path or "").suffix.lower()
        return suffix in CHECKED_SUFFIXES or (document.language_id or "") in LANGUAGE_IDS

    def path_of(self, uri: str) -> Path:
        document = self.open_document(uri)
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        if fs_path:
            return Path(fs_path)
        root = Path(self.workspace.root_path or Path.cwd())
        language = document.language_id if document is not None else None
        suffix = {"markdown": ".md", "html": ".html"}.get(language or "", ".txt")
        return root / f"untitled{suffix}"

    # -- scheduling -----------------------------------------------------------------------

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint a document after `delay` seconds; a newer request replaces a waiting one."""
        task = self._tasks.pop(uri, None)
        if task is not None and not task.done():
            task.cancel()
        self._tasks[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            await self.lint(uri)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the server must outlive any one document
            log.exception("linting %s failed", uri)
            self.window_log_message(lsp.LogMessageParams(
                type=lsp.MessageType.Error, message=f"mtlint: {uri}: {error}"))

    def configs_changed(self) -> None:
        """A config file was created, changed or deleted (the client watches them): read
        the configuration afresh and check the open documents again."""
        self.runner = Runner()
        self._config_stamps.clear()
        for uri in list(self.checked):
            self.schedule(uri)

    def watch_configs(self) -> None:
        """Ask the client to report changes of config files, where it can."""
        workspace = self.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if not (watched and watched.dynamic_registration):
            return
        watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        self.client_register_capability(lsp.RegistrationParams(registrations=[lsp.Registration(
            id="mtlint-config-files", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    def forget(self, uri: str) -> None:
        task = self._tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri,
                                                                            diagnostics=[]))

    # -- linting --------------------------------------------------------------------------

    def _refresh_configs(self, path: Path) -> None:
        """Start afresh when a config file changed on disk since it was read, or one
        appeared that the runner has not read (its folders may remember none)."""
        source = find_config_file(path)
        stamps = dict(self._config_stamps)
        if source is not None and source not in stamps:
            stamps[source] = -1
            if self._config_stamps:
                self.runner = Runner()
        for config_path, stamp in stamps.items():
            try:
                now = config_path.stat().st_mtime_ns
            except OSError:
                now = -2
            if now != stamp:
                if stamp != -1:
                    self.runner = Runner()
                self._config_stamps[config_path] = now

    def check(self, path: Path, text: str, language_id: str) -> tuple[FileResult, Any]:
        """Built-in findings of a text under a path (runs in the lint worker); the
        editor's language id decides Markdown and HTML, else the path's suffix."""
        self._refresh_configs(path)
        try:
            config = self.runner.config_for(path)
        except ConfigError as error:
            return FileResult(str(path), error=str(error)), None
        doc = Document(text, str(path), markdown=True if language_id == "markdown" else None,
                       html=True if language_id == "html" else None, html_options=config.html)
        return self.runner.check_document(doc, config), config

    async def lint(self, uri: str) -> None:
        if not self.wants(uri):
            return
        document = self.open_document(uri)
        version, text = document.version, document.source
        path = self.path_of(uri)
        loop = asyncio.get_running_loop()
        result, config = await loop.run_in_executor(self._lint_pool, self.check, path, text,
                                                    document.language_id)
        if not self._current(uri, version, text):
            return  # edited meanwhile: a newer lint is on its way
        if result.error or result.document is None:
            self.publish_error(uri, version, result.error or "not checked")
            return
        self.publish(uri, version, result.document, result.findings, config)
        setting = self._languagetool_setting(config)
        if setting != "off":
            merged = await loop.run_in_executor(self._lt_pool, self._with_languagetool,
                                                setting, result, config)
            if merged is not None and self._current(uri, version, text):
                self.publish(uri, version, result.document, merged, config)

    def _current(self, uri: str, version: int | None, text: str) -> bool:
        document = self.open_document(uri)
        return document is not None and document.version == version \
            and document.source == text

    def publish(self, uri: str, version: int | None, doc: Document, findings: list[Finding],
                config: Any) -> None:
        self.checked[uri] = Checked(doc, version, findings,
                                    config.source if config is not None else None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=version,
            diagnostics=[diagnostic(doc, f, self.encoding) for f in findings]))

    def publish_error(self, uri: str, version: int | None, message: str) -> None:
        self.checked.pop(uri, None)
        start = lsp.Position(line=0, character=0)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[lsp.Diagnostic(
                range=lsp.Range(start=start, end=start), message=f"mtlint: {message}",
                severity=lsp.DiagnosticSeverity.Error, source="mtlint")]))

    # -- LanguageTool ---------------------------------------------------------------------

    @staticmethod
    def _languagetool_setting(config: Any) -> str:
        """'auto' where a LanguageTool server URL is configured, else 'off'."""
        import os

        from mtlint.backends.languagetool import ENV_URL, wants_languagetool

        if config is None or not wants_languagetool(config):
            return "off"
        return "auto" if (os.environ.get(ENV_URL, "").strip() or config.languagetool.url) \
            else "off"

    def _with_languagetool(self, setting: str, result: FileResult,
                           config: Any) -> list[Finding] | None:
        """Built-in plus LanguageTool findings (runs in the LanguageTool worker); None if
        LanguageTool could not be used (said once in the client's log)."""
        from dataclasses import replace as copy

        from mtlint.backends.languagetool import Session

        merged = copy(result, findings=list(result.findings))
        try:
            session = Session(setting, self.runner)
            session.submit(merged, config)
            status = session.finish()
        except Exception as error:
            status = None
            note = f"LanguageTool: {type(error).__name__}: {error}"
        else:
            note = session.note or ""
        if note and note not in self._lt_notes:
            self._lt_notes.add(note)
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Warning,
                                                         message=f"mtlint: {note}"))
        if status is None or status.status != "used":
            return None
        return merged.findings

    # -- code actions ---------------------------------------------------------------------

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        checked = self.checked.get(uri)
        if checked is None or not self._current(
                uri, checked.version, checked.doc.source.text):
            return []
        doc, encoding = checked.doc, self.encoding
        start = offset_at(doc, params.range.start, encoding)
        end = offset_at(doc, params.range.end, encoding)
        only = params.context.only
        actions: list[lsp.CodeAction] = []
        disabled: set[str] = set()
        glossary: set[str] = set()
        word_list: set[str] = set()
        for finding in checked.findings:
            if not (finding.offset <= end and start <= finding.offset + finding.length):
                continue
            diag = diagnostic(doc, finding, encoding)
            span = range_of(doc, finding.offset, finding.length, encoding)
            for text, safe in replacements(finding):
                actions.append(lsp.CodeAction(
                    title=replace_title(text), kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diag], is_preferred=safe or None,
                    edit=self._edit(uri, checked.version, [lsp.TextEdit(range=span,
                                                                        new_text=text)])))
            if doc.markdown and finding.rule not in disabled:
                disabled.add(finding.rule)
                actions.append(lsp.CodeAction(
                    title=f"Regel {finding.rule} für diese Datei abschalten",
                    kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
                    edit=self._edit(uri, checked.version,
                                    [disable_comment_edit(doc, finding.rule)])))
            if finding.rule in WORD_LIST_RULES:
                flagged = doc.source.text[finding.offset:finding.offset + finding.length]
                for part in unknown_parts(flagged):
                    if part in word_list:
                        continue
                    word_list.add(part)
                    action = self._word_list_action(uri, part, checked)
                    if action is not None:
                        action.diagnostics = [diag]
                        actions.append(action)
            word = glossary_term(finding, doc.source.text)
            if (finding.category in GLOSSARY_CATEGORIES and WORD.fullmatch(word)
                    and word not in glossary):
                glossary.add(word)
                action = self._glossary_action(uri, word, checked)
                if action is not None:
                    action.diagnostics = [diag]
                    actions.append(action)
        fix_all = self._fix_all(uri, checked)
        if fix_all is not None:
            actions.append(fix_all)
        if only:
            wanted = [getattr(kind, "value", kind) for kind in only]
            actions = [a for a in actions
                       if any(getattr(a.kind, "value", a.kind).startswith(kind)
                              for kind in wanted)]
        return actions

    @staticmethod
    def _edit(uri: str, version: int | None, edits: list[lsp.TextEdit]) -> lsp.WorkspaceEdit:
        return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
            text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits)])

    def _fix_all(self, uri: str, checked: Checked) -> lsp.CodeAction | None:
        _, applied = apply_fixes(checked.doc.source.text, checked.findings)
        if not applied:
            return None
        edits = [lsp.TextEdit(range=range_of(checked.doc, fix.offset, fix.length, self.encoding),
                              new_text=fix.replacement) for fix in applied]
        return lsp.CodeAction(title="Alle sicheren Korrekturen anwenden",
                              kind=lsp.CodeActionKind.SourceFixAll,
                              edit=self._edit(uri, checked.version, edits))

    def _glossary_action(self, uri: str, word: str, checked: Checked) -> lsp.CodeAction | None:
        title = f"„{word}“ ins Glossar aufnehmen"
        source = checked.config_source
        if source is not None:
            try:
                current = source.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
            insertion = glossary_insertion(source, current, word)
            if insertion is None:
                return None
            edit = lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(
                    uri=from_fs_path(str(source)) or source.as_uri(), version=None),
                edits=[insertion_edit(current, *insertion, self.encoding)])])
            return lsp.CodeAction(title=f"{title} ({source.name})",
                                  kind=lsp.CodeActionKind.QuickFix, edit=edit)
        if not self._client_can_create_files():
            return None
        target = self._workspace_folder(self.path_of(uri)) / ".mtlint.toml"
        insertion = glossary_insertion(target, None, word)
        if insertion is None:
            return None
        target_uri = from_fs_path(str(target)) or target.as_uri()
        start = lsp.Position(line=0, character=0)
        edit = lsp.WorkspaceEdit(document_changes=[
            lsp.CreateFile(uri=target_uri,
                           options=lsp.CreateFileOptions(overwrite=False, ignore_if_exists=True)),
            lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=target_uri,
                                                                          version=None),
                edits=[lsp.TextEdit(range=lsp.Range(start=start, end=start),
                                    new_text=insertion[1])]),
        ])
        return lsp.CodeAction(title=f"{title} (neue .mtlint.toml)",
                              kind=lsp.CodeActionKind.QuickFix, edit=edit)

    def _word_list_action(self, uri: str, word: str, checked: Checked) -> lsp.CodeAction | None:
        """"Add to the word list": into the configuration's words-file or `[spelling]
        words`, or a new .mtlint.toml in the workspace folder when there is none."""
        title = f"„{word}“ in die Wortliste aufnehmen"
        source = checked.config_source
        creates = source is None
        if creates:
            if not self._client_can_create_files():
                return None
            source = self._workspace_folder(self.path_of(uri)) / ".mtlint.toml"
            current = None
        else:
            try:
                current = source.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
        insertion = word_list_insertion(source, current, word)
        if insertion is None:
            return None
        target, at, inserted = insertion
        target_uri = from_fs_path(str(target)) or target.as_uri()
        if creates:
            start = lsp.Position(line=0, character=0)
            edit = lsp.WorkspaceEdit(document_changes=[
                lsp.CreateFile(uri=target_uri,
                               options=lsp.CreateFileOptions(overwrite=False,
                                                             ignore_if_exists=True)),
                lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(
                        uri=target_uri, version=None),
                    edits=[lsp.TextEdit(range=lsp.Range(start=start, end=start),
                                        new_text=inserted)]),
            ])
            return lsp.CodeAction(title=f"{title} (neue .mtlint.toml)",
                                  kind=lsp.CodeActionKind.QuickFix, edit=edit)
        text = current if target == source else target.read_text(encoding="utf-8")
        edit = lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
            text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=target_uri,
                                                                      version=None),
            edits=[insertion_edit(text or "", at, inserted, self.encoding)])])
        return lsp.CodeAction(title=f"{title} ({target.name})",
                              kind=lsp.CodeActionKind.QuickFix, edit=edit)

    def _client_can_create_files(self) -> bool:
        workspace = self.client_capabilities.workspace
        edit = workspace.workspace_edit if workspace else None
        operations = edit.resource_operations if edit else None
        return bool(operations and lsp.ResourceOperationKind.Create in operations)

    def _workspace_folder(self, path: Path) -> Path:
        folders = [Path(to_fs_path(f.uri) or "") for f in self.workspace.folders.values()]
        if self.workspace.root_path:
            folders.append(Path(self.workspace.root_path))
        for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
            if folder.parts and path.is_relative_to(folder):
                return folder
        return path.parent


def create_server() -> MtlintLanguageServer:
    server = MtlintLanguageServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MtlintLanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MtlintLanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: MtlintLanguageServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: MtlintLanguageServer, params: lsp.InitializeParams) -> None:
        if params.process_id is not None:
            ls.watch_client(params.process_id)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: MtlintLanguageServer, params: lsp.InitializedParams) -> None:
        ls.watch_configs()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: MtlintLanguageServer,
                              params: lsp.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.rsplit("/", 1)[-1] in CONFIG_FILES for change in params.changes):
            ls.configs_changed()

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: MtlintLanguageServer, params: Any) -> None:
        ls.shutdown_requested = True

    @server.feature(lsp.EXIT)
    def exit_(ls: MtlintLanguageServer, params: Any) -> None:
        ls.exit_status = 0 if ls.shutdown_requested else 1

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MtlintLanguageServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]))
    def code_action(ls: MtlintLanguageServer,
                    params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    return server


def main() -> int:
    """Serve over stdin/stdout until the client says exit or is gone (its end of standard
    input closed, or the process it named in `initialize` ended)."""
    logging.basicConfig(level=logging.WARNING, format="mtlint lsp: %(levelname)s %(message)s")
    server = create_server()
    server.start_io(stdin=FrameReader(sys.stdin.buffer))  # type: ignore[arg-type]
    return server.exit_status

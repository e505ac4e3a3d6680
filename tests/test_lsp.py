"""The Language Server as an editor meets it: `python -m mtlint lsp` as a subprocess, driven
over stdio by a small JSON-RPC client."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from mtlint.interfaces.lsp import glossary_insertion, insertion_edit, word_list_insertion

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60.0
BROKEN = "Er nannte es „Bromance„ und lachte.\n"


class Client:
    """A minimal LSP client: framed JSON-RPC over the server's stdin/stdout."""

    def __init__(self, cwd: Path):
        env = {k: v for k, v in os.environ.items() if not k.startswith("MTLINT_")}
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mtlint", "lsp"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.inbox: queue.Queue[dict] = queue.Queue()
        self.notifications: list[dict] = []
        self.responses: dict[int, dict] = {}
        self.next_id = 0
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr += line

    def send_raw(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_raw(json.dumps({"jsonrpc": "2.0", **message}).encode())

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> dict:
        """Send a request; the whole response (result or error)."""
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        self._pump_until(lambda: ident in self.responses)
        return self.responses.pop(ident)

    def _pump_until(self, done: Any, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no answer in time; server stderr:\n{self.stderr.decode()}"
            try:
                message = self.inbox.get(timeout=remaining)
            except queue.Empty:
                continue
            if "method" in message and "id" in message:  # a request from the server
                self.send({"id": message["id"], "result": None})
            elif "method" in message:
                self.notifications.append(message)
            else:
                self.responses[message["id"]] = message

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        """The next published diagnostics for `uri` (of `version`, if given)."""
        found: list[dict] = []

        def arrived() -> bool:
            for message in self.notifications:
                params = message["params"]
                if (message["method"] == "textDocument/publishDiagnostics"
                        and params["uri"] == uri
                        and (version is None or params.get("version") == version)):
                    self.notifications.remove(message)
                    found.append(params)
                    return True
            return False

        self._pump_until(arrived)
        return found[0]["diagnostics"]

    def initialize(self, root: Path, encodings: list[str] | None = None,
                   process_id: int | None = None) -> dict:
        general = {"positionEncodings": encodings} if encodings else {}
        result = self.request("initialize", {
            "processId": process_id or os.getpid(), "rootUri": root.as_uri(),
            "capabilities": {"general": general, "workspace": {"workspaceEdit": {
                "documentChanges": True, "resourceOperations": ["create"]}}},
        })["result"]
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, language: str = "plaintext") -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": 1, "text": text}})
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})

    def code_actions(self, uri: str, diagnostic: dict, only: list[str] | None = None) -> list:
        context: dict[str, Any] = {"diagnostics": [diagnostic]}
        if only:
            context["only"] = only
        return self.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": context,
        })["result"]

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def client(tmp_path: Path):
    started = Client(tmp_path)
    yield started
    started.close()


def units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def expected_range(text: str, offset: int, length: int, encoding: str = "utf-16") -> dict:
    def position(at: int) -> dict:
        before = text[:at].replace("\r\n", "\n").replace("\r", "\n")
        line = before.count("\n")
        return {"line": line, "character": units(before.rsplit("\n", 1)[-1], encoding)}
    return {"start": position(offset), "end": position(offset + length)}


def apply_edits(text: str, edits: list[dict], encoding: str = "utf-16") -> str:
    """Apply LSP text edits (client side), last first."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(position: dict) -> int:
        start = sum(len(line) for line in lines[:position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        counted = 0
        for index, char in enumerate(line):
            if counted >= position["character"]:
                return start + index
            counted += units(char, encoding)
        return start + len(line.rstrip("\r\n"))

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                             e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def check_json(path: Path) -> list[dict]:
    """What `mtlint check --format json` finds (built-in rules), from the same source tree
    the server runs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MTLINT_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-m", "mtlint", "check", str(path), "--format", "json",
                           "--languagetool", "off", "--no-cache"], capture_output=True,
                          text=True, env=env, cwd=path.parent, timeout=120)
    return json.loads(proc.stdout)["files"][0]["findings"]


def test_seed_diagnostics_code_action_applied_and_diagnostic_gone(
        client: Client, tmp_path: Path, seeds_dir: Path) -> None:
    seed = next(p for p in sorted(seeds_dir.glob("*.txt")) if "„Bromance„" in p.read_text())
    path = tmp_path / seed.name
    text = seed.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    init = client.initialize(tmp_path)
    assert init["capabilities"]["positionEncoding"] == "utf-16"
    uri = client.open(path, text)
    diagnostics = client.diagnostics(uri)
    expected = check_json(path)
    assert len(diagnostics) == len(expected) > 0
    for diag, finding in zip(diagnostics, expected, strict=True):
        assert diag["code"] == finding["rule"]
        assert diag["range"] == expected_range(text, finding["offset"], finding["length"])
        assert diag["message"] == finding["message"]
    quote = next(d for d in diagnostics if d["code"] == "quote-low-closing")

    actions = client.code_actions(uri, quote)
    replace = next(a for a in actions if a["title"] == "Ersetzen durch „““")
    assert replace["kind"] == "quickfix" and replace["isPreferred"] is True
    change = replace["edit"]["documentChanges"][0]
    assert change["textDocument"] == {"uri": uri, "version": 1}
    fixed = apply_edits(text, change["edits"])
    assert "„Bromance“" in fixed and len(fixed) == len(text)
    client.change(uri, 2, fixed)
    after = client.diagnostics(uri, version=2)
    assert [d["code"] for d in after].count("quote-low-closing") == [
        d["code"] for d in diagnostics].count("quote-low-closing") - 1
    assert not any(d["code"] == "quote-low-closing" and d["range"] == quote["range"]
                   for d in after)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-32"])
def test_negotiated_position_encoding_underlines_the_right_characters(
        client: Client, tmp_path: Path, encoding: str) -> None:
    init = client.initialize(tmp_path, encodings=[encoding, "utf-16"])
    assert init["capabilities"]["positionEncoding"] == encoding
    text = "Titel\n\n😀 Köln: " + BROKEN
    uri = client.open(tmp_path / "a.txt", text)
    diag = next(d for d in client.diagnostics(uri) if d["code"] == "quote-low-closing")
    offset = text.index("„ und")
    assert diag["range"] == expected_range(text, offset, 1, encoding)
    # A code action range in the same encoding finds the finding, and its edit is exact.
    action = next(a for a in client.code_actions(uri, diag) if a.get("isPreferred"))
    edits = action["edit"]["documentChanges"][0]["edits"]
    assert apply_edits(text, edits, encoding) == text.replace("„ und", "“ und")


def test_malformed_requests_do_not_kill_the_server_and_utf16_is_the_default(
        client: Client, tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('select = ["quote-*"]\n', encoding="utf-8")
    client.initialize(tmp_path)
    text = "😀😀 " + BROKEN
    uri = client.open(tmp_path / "a.txt", text)
    diag = next(d for d in client.diagnostics(uri) if d["code"] == "quote-low-closing")
    # Each emoji is two UTF-16 code units.
    assert diag["range"]["start"] == {"line": 0, "character": 5 + len("Er nannte es „Bromance")}

    client.send_raw(b"{this is not json")
    unknown = client.request("mtlint/noSuchMethod", {})
    assert unknown["error"]["code"] == -32601
    # Params that do not fit the method: an InvalidParams answer, and the server goes on.
    invalid = client.request("textDocument/codeAction",
                             {"textDocument": {"uri": uri}, "range": "nowhere"})
    assert invalid["error"]["code"] == -32602
    missing = client.request("textDocument/codeAction", {
        "textDocument": {"uri": "file:///nicht/offen.txt"}, "range": diag["range"],
        "context": {"diagnostics": []}})
    assert missing.get("result") == []
    # Still alive: it answers and lints.
    assert client.code_actions(uri, diag)
    client.change(uri, 2, "😀😀 Er nannte es „Bromance“ und lachte.\n")
    assert client.diagnostics(uri, version=2) == []
    assert client.proc.poll() is None


def test_markdown_disable_action_fix_all_and_workspace_config(client: Client,
                                                              tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text(
        'select = ["quote-*"]\nignore = ["quote-english-opening"]\n', encoding="utf-8")
    client.initialize(tmp_path)
    text = "---\ntitle: x\n---\n# Titel\n\nDas Motto \"Mobile first“ und „Bromance„ hier.\n"
    uri = client.open(tmp_path / "a.md", text, "markdown")
    diagnostics = client.diagnostics(uri)
    assert [d["code"] for d in diagnostics] == ["quote-low-closing"]  # config applied

    actions = client.code_actions(uri, diagnostics[0])
    disable = next(a for a in actions if a["title"].startswith("Regel quote-low-closing"))
    edit = disable["edit"]["documentChanges"][0]["edits"]
    disabled = apply_edits(text, edit)
    assert disabled.startswith("---\ntitle: x\n---\n<!-- mtlint-disable quote-low-closing -->\n")
    fix_all = client.code_actions(uri, diagnostics[0], only=["source.fixAll"])
    assert [a["kind"] for a in fix_all] == ["source.fixAll"]

    client.change(uri, 2, disabled)
    assert client.diagnostics(uri, version=2) == []
    # The config changes on disk and the document is saved: it is checked again, with the
    # config read afresh.
    time.sleep(0.01)
    (tmp_path / ".mtlint.toml").write_text(
        'select = ["quote-*"]\nignore = ["quote-low-closing"]\n', encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d["code"] for d in client.diagnostics(uri, version=2)] == ["quote-english-opening"]


def glossary_text(config: Path, current: str | None, term: str) -> str | None:
    insertion = glossary_insertion(config, current, term)
    if insertion is None:
        return None
    at, inserted = insertion
    return (current or "")[:at] + inserted + (current or "")[at:]


class SlowSpeller(BaseHTTPRequestHandler):
    """A stand-in LanguageTool server that flags every "Tset" as a spelling error, slowly."""

    def log_message(self, *args: object) -> None:
        pass

    def answer(self, data: Any) -> None:
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.answer([{"name": "German", "code": "de", "longCode": "de-DE"}])

    def do_POST(self) -> None:
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        text = form["text"][0]
        time.sleep(0.3)
        matches = [{"message": "Möglicher Tippfehler gefunden.", "offset": units(
            text[:at], "utf-16"), "length": 4, "replacements": [{"value": "Test"}],
            "rule": {"id": "GERMAN_SPELLER_RULE", "category": {"id": "TYPOS"}}}
            for at in range(len(text)) if text.startswith("Tset", at)]
        self.answer({"software": {"name": "LanguageTool", "version": "6.3"},
                     "matches": matches})


def test_languagetool_follows_the_builtins_and_glossary_action(client: Client,
                                                                tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowSpeller)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config = tmp_path / ".mtlint.toml"
    try:
        config.write_text('select = ["quote-*", "lt:*"]\n\n[languagetool]\n'
                          f'url = "http://127.0.0.1:{server.server_port}"\n', encoding="utf-8")
        client.initialize(tmp_path)
        text = "Ein Tset und „Bromance„ dort.\n"
        uri = client.open(tmp_path / "a.txt", text)
        first = client.diagnostics(uri)
        assert [d["code"] for d in first] == ["quote-low-closing"]  # built-ins at once
        merged = client.diagnostics(uri)
        assert [d["code"] for d in merged] == ["lt:GERMAN_SPELLER_RULE", "quote-low-closing"]
        speller = merged[0]
        assert speller["range"] == expected_range(text, 4, 4)
        actions = client.code_actions(uri, speller)
        assert "Ersetzen durch „Test“" in [a["title"] for a in actions]
        glossary = next(a for a in actions if "ins Glossar" in a["title"])
        assert glossary["title"] == "„Tset“ ins Glossar aufnehmen (.mtlint.toml)"
        change = glossary["edit"]["documentChanges"][0]
        assert change["textDocument"]["uri"] == config.as_uri()
        # The editor applies the edit and the user saves the config: Tset is a name now.
        config.write_text(apply_edits(config.read_text(encoding="utf-8"), change["edits"]),
                          encoding="utf-8")
        assert '[glossary]\n"Tset" = []\n' in config.read_text(encoding="utf-8")
        client.change(uri, 2, text + "\n")
        assert [d["code"] for d in client.diagnostics(uri, version=2)] == ["quote-low-closing"]
        assert [d["code"] for d in client.diagnostics(uri, version=2)] == ["quote-low-closing"]
    finally:
        server.shutdown()
        server.server_close()


def test_glossary_edit_inserts_checked_toml(tmp_path: Path) -> None:
    config = tmp_path / ".mtlint.toml"
    assert glossary_text(config, None, "SearchGPT") == '[glossary]\n"SearchGPT" = []\n'
    current = 'fail-on = "error"\n\n[glossary]\n"Teams" = []\n'
    new = glossary_text(config, current, "Köln")
    assert new == 'fail-on = "error"\n\n[glossary]\n"Köln" = []\n"Teams" = []\n'
    assert glossary_text(config, new, "Köln") is None  # already there
    assert glossary_text(config, 'glossary = ["Teams"]\n', "Köln") is None  # a list: by hand
    assert glossary_text(config, "fail-on = [broken\n", "Köln") is None
    appended = glossary_text(config, 'fail-on = "error"', "Wort")
    assert appended == 'fail-on = "error"\n\n[glossary]\n"Wort" = []\n'
    assert glossary_text(config, "[glossary]", "Wort") == '[glossary]\n"Wort" = []\n'
    assert glossary_text(config, 'fail-on = "error"\r\n[glossary]\r\n', "W") == (
        'fail-on = "error"\r\n[glossary]\r\n"W" = []\r\n')
    assert glossary_text(config, 'unknown-key = 1\n', "W") is None  # not a valid config
    pyproject = tmp_path / "pyproject.toml"
    current = '[project]\nname = "x"\n\n[tool.mtlint.glossary]\n"A" = ["B"]\n'
    assert glossary_text(pyproject, current, "Wort") == (
        '[project]\nname = "x"\n\n[tool.mtlint.glossary]\n"Wort" = []\n"A" = ["B"]\n')
    edit = insertion_edit(current, *glossary_insertion(pyproject, current, "Wort"), "utf-16")
    assert (edit.range.start.line, edit.range.start.character) == (4, 0)
    assert edit.new_text == '"Wort" = []\n'


def test_config_created_while_running_applies_at_once(client: Client, tmp_path: Path) -> None:
    # Issue 18: the glossary quick fix creates .mtlint.toml; the server must not need a
    # restart to read it. The client reports the new file; open documents are re-checked.
    client.initialize(tmp_path)
    text = "Er nannte es „Bromance„ und lachte.\n"
    uri = client.open(tmp_path / "a.txt", text)
    assert [d["code"] for d in client.diagnostics(uri)] == ["quote-low-closing"]
    config = tmp_path / ".mtlint.toml"
    config.write_text('ignore = ["quote-low-closing"]\n', encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": config.as_uri(), "type": 1}]})
    assert client.diagnostics(uri) == []
    # And without the notification, the next check of a document finds the new file too.
    config.unlink()
    other = client.open(tmp_path / "b.txt", text)
    assert [d["code"] for d in client.diagnostics(other)] == ["quote-low-closing"]
    config.write_text('ignore = ["quote-low-closing"]\n', encoding="utf-8")
    client.change(other, 2, text + "\n")
    assert client.diagnostics(other, version=2) == []


def test_glossary_action_on_inconsistent_term_adds_the_majority_spelling(
        client: Client, tmp_path: Path) -> None:
    client.initialize(tmp_path)
    text = "GPT-4 ist neu. GPT-4 kann viel. Doch GPT4 ist teuer.\n"
    uri = client.open(tmp_path / "a.txt", text)
    (finding,) = [d for d in client.diagnostics(uri) if d["code"] == "term-inconsistent"]
    actions = client.code_actions(uri, finding)
    titles = [a["title"] for a in actions if "ins Glossar" in a["title"]]
    assert titles == ["„GPT-4“ ins Glossar aufnehmen (neue .mtlint.toml)"]


def test_lifecycle_request_before_initialize_and_exit_status(tmp_path: Path) -> None:
    # LSP: requests before `initialize` get ServerNotInitialized (-32002); `exit` without
    # `shutdown` ends with status 1, after it with 0.
    early = Client(tmp_path)
    try:
        answer = early.request("textDocument/codeAction", {
            "textDocument": {"uri": (tmp_path / "a.txt").as_uri()},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []}})
        assert answer["error"]["code"] == -32002
        early.initialize(tmp_path)
        early.notify("exit", None)
        assert early.proc.wait(timeout=10) == 1
    finally:
        if early.proc.poll() is None:
            early.proc.kill()
            early.proc.wait()
    orderly = Client(tmp_path)
    orderly.initialize(tmp_path)
    orderly.close()
    assert orderly.proc.returncode == 0


# --- hostile and unlucky input (issue 21, items 8 and 11) -----------------------------------

@pytest.mark.parametrize("name", ["my notes.md", "über.md", "c#sharp.md"])
def test_percent_encoded_uris_get_diagnostics_and_actions(client: Client, tmp_path: Path,
                                                          name: str) -> None:
    path = tmp_path / name
    path.write_text(BROKEN, encoding="utf-8")
    client.initialize(tmp_path)
    uri = client.open(path, BROKEN, "markdown")
    assert "%" in uri  # as editors send such names
    diagnostics = client.diagnostics(uri)
    quote = next(d for d in diagnostics if d["code"] == "quote-low-closing")
    assert any(a["title"] == "Ersetzen durch „““" for a in client.code_actions(uri, quote))


def test_saving_a_document_that_is_not_open_reads_nothing(client: Client,
                                                          tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    client.initialize(tmp_path)
    client.notify("textDocument/didSave", {"textDocument": {"uri": fifo.as_uri()}})
    # The server still answers: nothing blocked on the FIFO.
    path = tmp_path / "a.txt"
    uri = client.open(path, BROKEN)
    assert any(d["code"] == "quote-low-closing" for d in client.diagnostics(uri))


def send_bytes(client: Client, data: bytes) -> None:
    assert client.proc.stdin is not None
    client.proc.stdin.write(data)
    client.proc.stdin.flush()


def notification(method: str, params: Any) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "method": method, "params": params}).encode()


DID_CHANGE_NOWHERE = notification("textDocument/didChange", {
    "textDocument": {"uri": "file:///nicht/offen.txt", "version": 2},
    "contentChanges": [{"text": "x"}]})


@pytest.mark.parametrize("bad", [
    pytest.param(b"\r\n" + DID_CHANGE_NOWHERE, id="no header"),
    pytest.param(b"Content-Length: zwanzig\r\n\r\n" + DID_CHANGE_NOWHERE,
                 id="length not a number"),
    pytest.param(b"Content-Length: %d\r\n\r\n" % (len(DID_CHANGE_NOWHERE) + 40)
                 + DID_CHANGE_NOWHERE, id="length too long"),
    pytest.param(b"Content-Length: %d\r\n\r\n" % (len(DID_CHANGE_NOWHERE) - 9)
                 + DID_CHANGE_NOWHERE, id="length too short"),
    pytest.param(b"Content-Length: 99999999999999\r\n\r\n{", id="length over the cap"),
    pytest.param(b"Content-Length: 11\r\n\r\n{kein json}", id="body not JSON"),
])
def test_a_bad_frame_is_skipped_and_the_next_one_served(client: Client, tmp_path: Path,
                                                        bad: bytes) -> None:
    client.initialize(tmp_path)
    send_bytes(client, bad)
    # The next frames are read as sent: a request is answered and a document linted.
    assert client.request("mtlint/noSuchMethod", {})["error"]["code"] == -32601
    uri = client.open(tmp_path / "a.txt", BROKEN)
    assert any(d["code"] == "quote-low-closing" for d in client.diagnostics(uri))
    assert client.proc.poll() is None


@pytest.mark.parametrize("params", [
    pytest.param({}, id="empty"),
    pytest.param(None, id="null"),
    pytest.param({"textDocument": {"uri": 7}, "range": [], "context": None}, id="wrong types"),
    pytest.param({"textDocument": {"uri": "file:///a.txt"},
                  "range": {"start": {"line": -1, "character": 0},
                            "end": {"line": 0, "character": 0}},
                  "context": {"diagnostics": []}}, id="negative line"),
])
def test_a_request_with_invalid_params_gets_an_error_answer(client: Client, tmp_path: Path,
                                                            params: Any) -> None:
    client.initialize(tmp_path)
    answer = client.request("textDocument/codeAction", params)
    assert answer["error"]["code"] == -32602
    assert client.request("mtlint/noSuchMethod", {})["error"]["code"] == -32601


def test_the_server_exits_when_its_input_closes(tmp_path: Path) -> None:
    server = Client(tmp_path)
    try:
        server.initialize(tmp_path)
        server.open(tmp_path / "a.txt", BROKEN)
        assert server.proc.stdin is not None
        server.proc.stdin.close()  # the editor is gone, without shutdown or exit
        server.proc.wait(timeout=30)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()


def test_the_server_exits_when_its_client_process_ends(tmp_path: Path) -> None:
    # The client process named in `initialize` ends while its pipe to the server stays
    # open (here: this test holds it): LSP says the server exits then.
    editor = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                              stdin=subprocess.PIPE)
    server = Client(tmp_path)
    try:
        server.initialize(tmp_path, process_id=editor.pid)
        assert server.request("mtlint/noSuchMethod", {})["error"]["code"] == -32601
        assert server.proc.poll() is None
        editor.kill()
        editor.wait()
        assert server.proc.wait(timeout=30) != 0
        # A process id that is not there at the start (the client runs elsewhere, in
        # another container) is not watched: the server serves on.
        elsewhere = Client(tmp_path)
        try:
            elsewhere.initialize(tmp_path, process_id=editor.pid)
            time.sleep(2)
            assert elsewhere.request("mtlint/noSuchMethod", {})["error"]["code"] == -32601
        finally:
            elsewhere.close()
    finally:
        editor.kill()
        editor.wait()
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()


def test_word_list_action_adds_the_unknown_part_and_the_finding_goes(client: Client,
                                                                    tmp_path: Path) -> None:
    config = tmp_path / ".mtlint.toml"
    config.write_text('select = ["spelling-unknown-word"]\n\n[spelling]\nwords = ["Zalandu"]\n',
                      encoding="utf-8")
    client.initialize(tmp_path)
    text = "Die Sicherheits-Konfiguratoin fehlt.\n"
    uri = client.open(tmp_path / "a.txt", text)
    [finding] = client.diagnostics(uri)
    assert finding["code"] == "spelling-unknown-word"
    actions = client.code_actions(uri, finding)
    add = next(a for a in actions if "Wortliste" in a["title"])
    assert add["title"] == "„Konfiguratoin“ in die Wortliste aufnehmen (.mtlint.toml)"
    change = add["edit"]["documentChanges"][0]
    assert change["textDocument"]["uri"] == config.as_uri()
    config.write_text(apply_edits(config.read_text(encoding="utf-8"), change["edits"]),
                      encoding="utf-8")
    assert 'words = ["Zalandu", "Konfiguratoin"]' in config.read_text(encoding="utf-8")
    client.change(uri, 2, text + "\n")
    assert client.diagnostics(uri, version=2) == []


def test_word_list_action_creates_a_config_when_there_is_none(client: Client,
                                                              tmp_path: Path) -> None:
    client.initialize(tmp_path)
    uri = client.open(tmp_path / "a.txt", "Die Rechnugn kommt.\n")
    finding = next(d for d in client.diagnostics(uri) if d["code"] == "spelling-unknown-word")
    add = next(a for a in client.code_actions(uri, finding) if "Wortliste" in a["title"])
    assert add["title"] == "„Rechnugn“ in die Wortliste aufnehmen (neue .mtlint.toml)"
    create, insert = add["edit"]["documentChanges"]
    assert create["kind"] == "create" and create["uri"] == (tmp_path / ".mtlint.toml").as_uri()
    assert insert["edits"][0]["newText"] == '[spelling]\nwords = ["Rechnugn"]\n'


def test_word_list_edit_goes_to_the_words_file_or_the_words_array(tmp_path: Path) -> None:
    config = tmp_path / ".mtlint.toml"

    def added(current: str | None, word: str, path: Path = config) -> str | None:
        found = word_list_insertion(path, current, word)
        if found is None:
            return None
        target, at, inserted = found
        text = current if target == path else target.read_text(encoding="utf-8")
        return (text or "")[:at] + inserted + (text or "")[at:]

    assert added(None, "Rechnugn") == '[spelling]\nwords = ["Rechnugn"]\n'
    assert added('fail-on = "error"', "Wort") == (
        'fail-on = "error"\n\n[spelling]\nwords = ["Wort"]\n')
    assert added('[spelling]\nwords = []\n', "Wort") == '[spelling]\nwords = ["Wort"]\n'
    assert added('[spelling]\nwords = [\n  "A", # a ] in a comment\n  "B"\n]\n', "Wort") == (
        '[spelling]\nwords = [\n  "A", # a ] in a comment\n  "B", "Wort"\n]\n')
    assert added('[spelling]\n\n[glossary]\n"X" = []\n', "Wort") == (
        '[spelling]\nwords = ["Wort"]\n\n[glossary]\n"X" = []\n')
    assert added('[spelling]\nwords = ["Wort"]\n', "Wort") is None  # listed already
    assert added("spelling = { words = [] }\n", "Wort") is None  # inline: by hand
    (tmp_path / "words.txt").write_text("# names\nZalandu", encoding="utf-8")
    assert added('[spelling]\nwords-file = "words.txt"\n', "Wort") == (
        "# names\nZalandu\nWort\n")
    pyproject = tmp_path / "pyproject.toml"
    assert added('[project]\nname = "x"\n\n[tool.mtlint.spelling]\nwords = ["A"]\n', "Wort",
                 pyproject) == (
        '[project]\nname = "x"\n\n[tool.mtlint.spelling]\nwords = ["A", "Wort"]\n')

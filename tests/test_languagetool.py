"""The LanguageTool backend against a replay server on 127.0.0.1 that answers /v2/check
with real LanguageTool 6.3 answers recorded for the seeds (tests/data/languagetool)."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mtlint.backends import languagetool as lt
from mtlint.core.document import Document
from mtlint.core.finding import Category, Finding, Severity
from mtlint.interfaces.cli import main
from mtlint.lint.config import Config, LanguageToolConfig
from mtlint.lint.engine import Linter
from mtlint.lint.registry import rules_for

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RECORDINGS = Path(__file__).resolve().parent / "data" / "languagetool" / "seeds-v2-check.jsonl"
LANGUAGES = [{"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
             {"name": "English (US)", "code": "en", "longCode": "en-US"}]


def recordings(kind: str = "blocks") -> list[dict]:
    rows = [json.loads(line) for line in RECORDINGS.read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if row["kind"] == kind]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def empty_answer() -> dict:
    return {"software": {"name": "LanguageTool", "version": "6.3"}, "matches": []}


# --- the replay server ---------------------------------------------------------------------

class Replay(ThreadingHTTPServer):
    """Answers POST /v2/check from `answer(form)` and GET /v2/languages; `mode` breaks it:
    "hang" (never answers a check in time), "500", "garbage" (HTML instead of JSON)."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, answer: Callable[[dict[str, str]], dict]):
        super().__init__(("127.0.0.1", 0), ReplayHandler)
        self.answer = answer
        self.mode = "replay"
        self.forms: list[dict[str, str]] = []
        self.languages_requests = 0
        self.active = 0
        self.max_active = 0
        self.release = threading.Event()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class ReplayHandler(BaseHTTPRequestHandler):
    server: Replay

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if urllib.parse.urlparse(self.path).path != "/v2/languages":
            self.send(404, b"not found", "text/plain")
            return
        self.server.languages_requests += 1
        self.send(200, json.dumps(LANGUAGES).encode())

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in urllib.parse.parse_qs(
            self.rfile.read(length).decode("utf-8"), keep_blank_values=True).items()}
        if urllib.parse.urlparse(self.path).path != "/v2/check":
            self.send(404, b"not found", "text/plain")
            return
        server = self.server
        with server.lock:
            server.forms.append(form)
            server.active += 1
            server.max_active = max(server.max_active, server.active)
        try:
            if server.mode == "hang":
                server.release.wait(30)
                return
            if server.mode == "500":
                self.send(500, b"Error: internal error", "text/plain")
                return
            if server.mode == "garbage":
                self.send(200, b"<html><body>Welcome to nginx!</body></html>", "text/html")
                return
            time.sleep(0.02)  # long enough for concurrent requests to overlap
            self.send(200, json.dumps(server.answer(form), ensure_ascii=False).encode())
        finally:
            with server.lock:
                server.active -= 1


@pytest.fixture
def serve() -> Iterator[Callable[..., Replay]]:
    servers: list[Replay] = []

    def start(answer: Callable[[dict[str, str]], dict] | None = None) -> Replay:
        server = Replay(answer or (lambda form: empty_answer()))
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.release.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def replay(serve) -> Replay:
    """A server that answers with the recorded `blocks` answers for the seeds."""
    answers = {row["request"]["text"]: row["response"] for row in recordings("blocks")}
    misses: list[str] = []

    def answer(form: dict[str, str]) -> dict:
        if form["text"] not in answers:
            misses.append(form["text"])
            return empty_answer()
        return answers[form["text"]]

    server = serve(answer)
    server.misses = misses  # type: ignore[attr-defined]
    return server


@pytest.fixture(autouse=True)
def no_configured_languagetool(monkeypatch) -> None:
    """Tests decide which server is used; the live test reads the variable before this."""
    monkeypatch.delenv(lt.ENV_URL, raising=False)


def run(*args: str) -> tuple[int, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    status = main(["check", *args], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue(), time.monotonic() - started


def run_json(*args: str) -> tuple[int, dict, str, float]:
    status, out, err, seconds = run(*args, "--format", "json")
    return status, json.loads(out), err, seconds


def findings_by_source(data: dict, source: str) -> list[tuple[str, dict]]:
    return [(f["path"], finding) for f in data["files"] for finding in f["findings"]
            if finding["source"] == source]


def expected_position(seed_text: str, request_text: str, offset: int) -> tuple[int, int]:
    """Where a recorded match lies in the seed file, worked out from the recording's own
    construction (non-empty lines, stripped, joined by a blank line), not from mtlint."""
    index = request_text[:offset].count("\n\n")
    start_in_request = request_text.rfind("\n\n", 0, offset)
    start_in_request = 0 if start_in_request < 0 else start_in_request + 2
    lines = seed_text.split("\n")
    nonblank = [number for number, line in enumerate(lines, 1) if line.strip()]
    number = nonblank[index]
    line = lines[number - 1]
    indent = len(line) - len(line.lstrip())
    return number, offset - start_in_request + indent + 1


# --- what is sent ------------------------------------------------------------------------------

@pytest.mark.parametrize("row", recordings("blocks"), ids=lambda row: row["seed"][:3])
def test_request_text_is_the_recorded_blocks_text(row: dict) -> None:
    text = (SEEDS / row["seed"]).read_text(encoding="utf-8")
    requests = lt.request_texts(Document(text, f"seeds/{row['seed']}"))
    assert [r.text for r in requests] == [row["request"]["text"]]


def test_blocks_are_split_on_block_boundaries_above_the_limit() -> None:
    text = (SEEDS / "004_fd28cc811749184a.txt").read_text(encoding="utf-8")
    doc = Document(text, "004.txt")
    whole = lt.request_texts(doc)[0].text
    parts = lt.request_texts(doc, limit=3000)
    assert len(parts) > 3
    assert all(len(p.text) <= 3000 or "\n\n" not in p.text for p in parts)
    assert "\n\n".join(p.text for p in parts) == whole
    # Offsets map back exactly in every part.
    for part in parts:
        word_at = part.text.find(" ", 50) + 1
        start, end = part.doc_span(word_at, 5)
        assert doc.text[start:end] == part.text[word_at:word_at + 5]


def test_offsets_count_utf16_units_so_an_emoji_before_a_match_maps_exactly(serve) -> None:
    def answer(form: dict[str, str]) -> dict:
        text = form["text"]
        at = text.index("Tset")
        return {**empty_answer(), "matches": [{
            "message": "Möglicher Tippfehler gefunden.", "offset": utf16(text[:at]),
            "length": 4, "replacements": [{"value": "Test"}, {"value": "Tests"}],
            "rule": {"id": "GERMAN_SPELLER_RULE", "description": "Rechtschreibung",
                     "issueType": "misspelling",
                     "category": {"id": "TYPOS", "name": "Mögliche Tippfehler"}}}]}

    server = serve(answer)
    doc = Document("Start 😀🎉\n\nDas 👍 ist ein Tset, sagt 🙂 sie.\n", "emoji.txt")
    request = lt.request_texts(doc)[0]
    assert utf16(request.text) == len(request.text) + 4  # four emoji, two units each
    session = lt.Session(server.url)
    result = FakeResult(doc)
    session.submit(result, Config())
    status = session.finish(lambda config: LinterStub())
    assert status.status == "used"
    (finding,) = result.findings
    assert doc.text[finding.offset:finding.offset + finding.length] == "Tset"
    assert (finding.line, finding.column) == (3, doc.text.split("\n")[2].index("Tset") + 1)
    assert finding.rule == "lt:GERMAN_SPELLER_RULE" and finding.source == "languagetool"
    assert finding.category is Category.SPELLING and finding.severity is Severity.WARNING
    assert finding.suggestions == ("Test", "Tests") and finding.fix is None


def test_markdown_sends_prose_without_code_and_markup(serve) -> None:
    text = ("# Der Titel\n\nDas ist `pip install x` und **fett** mit [Link](https://x.de/a).\n\n"
            "```\ncode block\n```\n\n- ein *Punkt*\n")
    doc = Document(text, "a.md")
    (request,) = lt.request_texts(doc)
    assert request.text == "Der Titel\n\nDas ist Code und fett mit Link.\n\nein Punkt"
    fett = request.text.index("fett")
    start, end = request.doc_span(fett, 4)
    assert text[start:end] == "fett"
    # A match over the placeholder maps onto the code span, which is ignored text.
    code = request.text.index("Code")
    start, end = request.doc_span(code, 4)
    assert text[start:end] == "`pip install x`" and doc.is_ignored(start, end)


def test_a_wrapped_blockquote_is_sent_as_its_sentences_without_markers() -> None:
    text = "Vorher.\n\n> > Ein Satz über\n> > zwei Zeilen. Und **noch**\n> >   einer.\n"
    doc = Document(text, "a.md")
    (request,) = lt.request_texts(doc)
    assert request.text == "Vorher.\n\nEin Satz über zwei Zeilen. Und noch einer."
    for word in ("zwei", "einer"):
        start, end = request.doc_span(request.text.index(word), len(word))
        assert text[start:end] == word


def test_decomposed_umlauts_are_sent_composed_and_map_back_to_the_source(serve) -> None:
    server = serve(flag_every("Grüße"))
    decomposed = "Viele Gru\u0308ße aus Köln.\n\nNoch mehr Gru\u0308ße für die Ku\u0308he.\n"
    doc = Document(decomposed, "a.txt")
    (request,) = lt.request_texts(doc)
    assert request.text == "Viele Grüße aus Köln.\n\nNoch mehr Grüße für die Kühe."
    session = lt.Session(server.url)
    result = FakeResult(doc)
    session.submit(result, Config())
    session.finish(lambda config: Linter(config, rules_for(())))
    assert [(f.offset, f.length, f.line, f.column) for f in result.findings] == [
        (6, 6, 1, 7), (decomposed.index("Gru", 10), 6, 3, 11)]


def flag_every(word: str, rule_id: str = "DE_AGREEMENT",
               category: str = "GRAMMAR") -> Callable[[dict], dict]:
    """An answer that flags each occurrence of `word` (a stand-in for LanguageTool)."""
    def answer(form: dict[str, str]) -> dict:
        text, matches, at = form["text"], [], form["text"].find(word)
        while at >= 0:
            matches.append({"message": f"„{word}“?", "offset": utf16(text[:at]),
                            "length": utf16(word), "replacements": [],
                            "rule": {"id": rule_id, "category": {"id": category}}})
            at = text.find(word, at + 1)
        return {**empty_answer(), "matches": matches}
    return answer


def test_markdown_suppressions_apply_to_lt_ids(serve, tmp_path) -> None:
    server = serve(flag_every("Tset"))
    article = tmp_path / "a.md"
    article.write_text("Ein Tset hier.\n\n<!-- mtlint-disable lt:DE_AGREEMENT -->\n\n"
                       "Ein Tset dort.\n\n<!-- mtlint-enable lt:DE_AGREEMENT -->\n\n"
                       "Ein `Tset` im Code.\n", encoding="utf-8")
    _, data, _, _ = run_json(str(article), "--languagetool", server.url)
    assert [(f["line"], f["column"], f["rule"]) for _, f in findings_by_source(
        data, "languagetool")] == [(1, 5, "lt:DE_AGREEMENT")]


# --- the seeds through the command line -----------------------------------------------------

def test_seeds_get_the_recorded_matches_mapped_merged_and_status_used(replay) -> None:
    status_off, off, _, _ = run_json(str(SEEDS), "--languagetool", "off")
    status, data, err, _ = run_json(str(SEEDS), "--languagetool", replay.url)
    assert replay.misses == []
    assert data["languagetool"]["status"] == "used"
    assert "LanguageTool 6.3" in data["languagetool"]["detail"]
    assert err == ""
    assert len(replay.forms) == 5 and all(f["language"] == "de-DE" for f in replay.forms)

    builtin = {(p, f["rule"], f["offset"]) for p, f in findings_by_source(off, "mtlint")}
    assert {(p, f["rule"], f["offset"]) for p, f in findings_by_source(data, "mtlint")} == builtin
    found = {(Path(p).name, f["line"], f["column"], f["rule"]): f
             for p, f in findings_by_source(data, "languagetool")}
    assert found, "no LanguageTool findings"

    expected, filtered_words = set(), set()
    for row in recordings("blocks"):
        seed_text = (SEEDS / row["seed"]).read_text(encoding="utf-8")
        request = row["request"]["text"]
        for match in row["response"]["matches"]:
            line, column = expected_position(seed_text, request, match["offset"])
            key = (row["seed"], line, column, "lt:" + match["rule"]["id"])
            if key not in found:
                filtered_words.add(request[match["offset"]:match["offset"] + match["length"]])
                continue
            expected.add(key)
            finding = found[key]
            # The excerpt at the mapped position is the text LanguageTool's context shows.
            context = match["context"]
            flagged = context["text"][context["offset"]:context["offset"] + context["length"]]
            start = seed_text.split("\n")[line - 1]
            assert start[column - 1:column - 1 + match["length"]] == flagged
            assert finding["length"] == match["length"]
            # The message names the flagged text and keeps LanguageTool's words.
            assert match["message"].split("<suggestion>")[0] in finding["message"]
            assert finding["message"].startswith(f"„{flagged}“") or len(flagged) > 60
            assert finding["suggestions"] == [r["value"] for r in match["replacements"][:5]]
    assert set(found) == expected, "a LanguageTool finding that no recorded match explains"

    # Names and terms the documents use are not spelling errors; real slips still are.
    assert {"OpenAIs", "KI", "KI-Modelle", "Altman", "SearchGPT", "CEO"} <= filtered_words
    kept_words: set[str] = set()
    for (seed, line, column, _), finding in found.items():
        text = (SEEDS / seed).read_text(encoding="utf-8").split("\n")[line - 1]
        kept_words.add(text[column - 1:column - 1 + finding["length"]])
    assert {"Eigenständigkeitsbestrebungen", "missionsorientierten"} <= kept_words
    # The quote pair „Bromance„ belongs to mtlint's quote rules: no UNPAIRED_BRACKETS on it.
    assert not any(rule == "lt:UNPAIRED_BRACKETS" for (*_, rule) in found)
    # Nothing LanguageTool reports repeats a built-in finding.
    for path, finding in findings_by_source(data, "languagetool"):
        for other_path, other in findings_by_source(data, "mtlint"):
            assert not (path == other_path and lt.repeats(as_finding(finding),
                                                         as_finding(other)))
    assert status == max(status_off, 1)


def test_text_output_shows_languagetool_findings_and_no_note_when_used(replay) -> None:
    status, out, err, _ = run(str(SEEDS / "004_fd28cc811749184a.txt"), "--languagetool",
                              replay.url, "--select", "lt:*")
    assert err == ""
    assert "warning [lt:DE_AGREEMENT] „eine Satellitenbüro“: Möglicherweise passen" in out
    assert "ein Satellitenbüro | einem Satellitenbüro" in out
    # One whitespace replacement is safe for editors, but --fix applies mtlint's own fixes
    # only, so the text output does not promise it.
    assert "[lt:COMMA_PARENTHESIS_WHITESPACE] " in out
    assert "[lt:COMMA_PARENTHESIS_WHITESPACE] [*]" not in out
    assert status == 1


def test_config_environment_select_ignore_severity_and_per_file_ignores(replay, tmp_path,
                                                                        monkeypatch) -> None:
    config = tmp_path / ".mtlint.toml"
    config.write_text(
        'select = ["lt:*"]  # built-in findings would take over some places\n'
        '[severity]\n"lt:DE_AGREEMENT" = "error"\n'
        '[per-file-ignores]\n"001_*.txt" = ["lt:*"]\n'
        '[languagetool]\ndisabled-rules = ["UPPERCASE_SENTENCE_START"]\n'
        'disabled-categories = ["TYPOS"]\n', encoding="utf-8")
    monkeypatch.setenv(lt.ENV_URL, replay.url)
    _, data, _, _ = run_json(str(SEEDS), "--config", str(config))
    assert data["languagetool"]["status"] == "used"
    found = findings_by_source(data, "languagetool")
    rules = {f["rule"] for _, f in found}
    assert {"lt:DE_AGREEMENT", "lt:COMMA_PARENTHESIS_WHITESPACE"} <= rules
    assert not rules & {"lt:UPPERCASE_SENTENCE_START", "lt:GERMAN_SPELLER_RULE"}
    assert not any("001_" in path for path, _ in found)
    assert all(f["severity"] == "error" for _, f in found if f["rule"] == "lt:DE_AGREEMENT")
    sent = replay.forms[0]
    assert "UPPERCASE_SENTENCE_START" in sent["disabledRules"].split(",")
    assert "TYPOGRAFISCHE_ANFUEHRUNGSZEICHEN" in sent["disabledRules"].split(",")
    assert sent["disabledCategories"] == "TYPOS"

    _, data, _, _ = run_json(str(SEEDS), "--select", "lt:DE_CASE")
    assert {f["rule"] for _, f in findings_by_source(data, "languagetool")} == {"lt:DE_CASE"}
    assert findings_by_source(data, "mtlint") == []

    before = len(replay.forms)
    _, data, _, _ = run_json(str(SEEDS), "--ignore", "lt:*")
    assert len(replay.forms) == before, "nothing is sent when every lt: rule is ignored"
    assert findings_by_source(data, "languagetool") == []


def test_identical_documents_are_sent_once_and_requests_stay_within_the_bound(replay,
                                                                              tmp_path) -> None:
    for index in range(12):
        name = sorted(SEEDS.iterdir())[index % 5].name
        (tmp_path / f"{index:02d}_{name}").write_bytes((SEEDS / name).read_bytes())
    _, data, _, _ = run_json(str(tmp_path), "--languagetool", replay.url)
    assert data["languagetool"]["status"] == "used"
    assert len(replay.forms) == 5  # cached by content for the run
    assert 1 <= replay.max_active <= lt.MAX_WORKERS
    # Every copy of a seed gets the same LanguageTool findings from the shared answer.
    by_seed: dict[str, set] = {}
    for file in data["files"]:
        found = {(x["rule"], x["offset"]) for x in file["findings"]
                 if x["source"] == "languagetool"}
        assert by_seed.setdefault(Path(file["path"]).name[3:], found) == found
    assert len(by_seed) == 5 and any(by_seed.values())


# --- when LanguageTool fails, mtlint still reports its own findings --------------------------

def timeout_config(tmp_path: Path, seconds: float = 1.0) -> Path:
    config = tmp_path / "lt.toml"
    config.write_text(f"[languagetool]\ntimeout = {seconds}\n", encoding="utf-8")
    return config


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("mode", ["down", "hang", "500", "garbage"])
def test_a_broken_server_gives_one_note_and_the_builtin_findings(mode, serve, tmp_path) -> None:
    server = serve()
    url = f"http://127.0.0.1:{free_port()}" if mode == "down" else server.url
    server.mode = mode
    config = str(timeout_config(tmp_path))
    status_off, out_off, _, seconds_off = run(str(SEEDS), "--config", config,
                                              "--languagetool", "off")
    status, out, err, seconds = run(str(SEEDS), "--config", config, "--languagetool", url)
    assert (status, out) == (status_off, out_off)
    notes = err.splitlines()
    assert len(notes) == 1 and notes[0].startswith("mtlint: note: LanguageTool not used: ")
    assert {"down": "cannot reach", "hang": "did not answer within 1 s",
            "500": "answered HTTP 500", "garbage": "not JSON"}[mode] in notes[0]
    assert seconds < seconds_off + 1.0 + 1.0  # the checks, the 1 s timeout, some slack
    if mode in ("500", "garbage"):
        assert len(server.forms) <= lt.MAX_WORKERS * 2, "a dead server is not asked again"

    status_json, data, err, _ = run_json(str(SEEDS), "--config", config, "--languagetool", url)
    assert status_json == status_off and err == ""
    assert data["languagetool"]["status"] == "unavailable"
    assert findings_by_source(data, "languagetool") == []


def only_git(refuse):
    """Popen that lets the folder scan ask git what it ignores, and refuses the rest."""
    real = subprocess.Popen

    def popen(args, *rest, **kwargs):
        if isinstance(args, list | tuple) and args[:2] == ["git", "check-ignore"]:
            return real(args, *rest, **kwargs)
        return refuse(args, *rest, **kwargs)

    return popen


def test_off_opens_no_socket_and_starts_no_process(monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("--languagetool off must not open sockets or start processes")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(subprocess, "Popen", only_git(refuse))
    status, data, err, _ = run_json(str(SEEDS), "--languagetool", "off")
    assert data["languagetool"] == {"status": "off",
                                    "detail": "disabled with --languagetool off"}
    assert err == "" and status == 1


def test_auto_without_languagetool_is_quick_says_so_once_and_downloads_nothing(
        monkeypatch, tmp_path) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("auto without LanguageTool must not open sockets or processes")

    missing = tmp_path / "ltp"
    monkeypatch.setenv("LTP_PATH", str(missing))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(subprocess, "Popen", only_git(refuse))
    _, _, err, _ = run(str(SEEDS))
    assert err.splitlines() == [f"mtlint: note: LanguageTool not used: {lt.NOT_FOUND}"]
    assert not missing.exists(), "language-tool-python's download folder was created"
    _, data, _, _ = run_json(str(SEEDS))
    assert data["languagetool"] == {"status": "unavailable", "detail": lt.NOT_FOUND}
    assert "language_tool_python" not in sys.modules or not missing.exists()


def test_bad_setting_is_a_usage_error(monkeypatch) -> None:
    status, _, err, _ = run(str(SEEDS), "--languagetool", "localhost:8081")
    assert status == 2 and "--languagetool must be auto, configured, off or an http(s) URL" in err
    monkeypatch.setenv(lt.ENV_URL, "ftp://x")
    status, _, err, _ = run(str(SEEDS))
    assert status == 2 and lt.ENV_URL in err


# --- a local install (a stand-in for java that serves the API, see conftest) ----------------


def test_a_local_install_is_started_once_used_and_stopped(fake_install, tmp_path) -> None:
    fake_install()
    _, data, err, _ = run_json(str(SEEDS), "--select", "lt:*")
    assert data["languagetool"]["status"] == "used", err
    assert "local LanguageTool" in data["languagetool"]["detail"]
    starts = (tmp_path / "java.log").read_text().splitlines()
    assert len(starts) == 1, "one server for all files"
    pid = int(starts[0].split()[0])
    assert "-cp" in starts[0] and "languagetool-server.jar" in starts[0]
    assert "org.languagetool.server.HTTPServer" in starts[0]
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped (and reaped) when the run ended


def test_a_local_server_slow_on_its_first_check_is_warmed_up_first(fake_install, tmp_path,
                                                                    monkeypatch) -> None:
    fake_install()
    monkeypatch.setenv("FAKE_JAVA_FIRST_CHECK_DELAY", "2.5")
    (tmp_path / ".mtlint.toml").write_text("[languagetool]\ntimeout = 1\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Das ist ein kurzer Text.\n", encoding="utf-8")
    _, data, err, _ = run_json(str(article), "--select", "lt:*")
    # The documents' checks keep the 1 s timeout; only the warm-up waited for the JVM.
    assert data["languagetool"]["status"] == "used", err


def test_the_hooks_never_start_a_local_languagetool(fake_install, tmp_path) -> None:
    fake_install()
    _, data, _, _ = run_json(str(SEEDS), "--select", "lt:*", "--languagetool", "configured")
    assert data["languagetool"]["status"] == "unavailable"
    assert not (tmp_path / "java.log").exists(), "java was started"
    entry = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: mtlint check --languagetool configured" in entry


def test_a_local_install_without_java_is_unavailable(fake_install) -> None:
    fake_install(with_java=False)
    _, _, err, _ = run(str(SEEDS), "--select", "lt:*")
    assert err.count("LanguageTool not used") == 1
    assert "but no Java to run it" in err


# --- merging with built-in findings ------------------------------------------------------------

def as_finding(data: dict) -> Finding:
    return Finding(data["rule"], Category(data["category"]), Severity(data["severity"]),
                   data["source"], data["offset"], data["length"], data["line"],
                   data["column"], data["end_line"], data["end_column"], data["message"])


def make(rule: str, category: Category, offset: int, length: int) -> Finding:
    return Finding(rule, category, Severity.WARNING, "x", offset, length, 1, offset + 1, 1,
                   offset + length + 1, "")


def test_a_languagetool_match_repeating_a_builtin_finding_is_dropped() -> None:
    builtin = make("quote-low-closing", Category.PUNCTUATION, 22, 1)
    word = make("heading-lowercase-noun", Category.CASING, 10, 8)
    sentence = make("verb-missing", Category.GRAMMAR, 0, 80)
    assert lt.repeats(make("lt:X", Category.TYPOGRAPHY, 22, 1), builtin)  # same span
    assert lt.repeats(make("lt:X", Category.STYLE, 22, 1), builtin)  # same span, any category
    assert lt.repeats(make("lt:GERMAN_SPELLER_RULE", Category.SPELLING, 10, 8), word)
    assert lt.repeats(make("lt:DE_CASE", Category.CASING, 9, 9), word)  # nearly the same
    assert not lt.repeats(make("lt:DE_CASE", Category.STYLE, 9, 9), word)  # unrelated
    # A word-level match inside a sentence-wide built-in finding says something else.
    assert not lt.repeats(make("lt:DE_AGREEMENT", Category.GRAMMAR, 30, 18), sentence)
    # A heading finding over several words that quotes the word LanguageTool flags.
    heading = Finding("heading-lowercase-noun", Category.CASING, Severity.WARNING, "mtlint",
                      25, 40, 4, 26, 4, 66, "Kleingeschriebene Substantive in der "
                      "Überschrift: „beziehung“, „microsoft“, „openai“.")
    speller = make("lt:GERMAN_SPELLER_RULE", Category.SPELLING, 44, 9)
    assert lt.repeats(speller, heading, "microsoft")
    assert not lt.repeats(speller, heading, "Microsoft")
    assert not lt.repeats(make("lt:X", Category.STYLE, 44, 9), heading, "microsoft")
    merged = lt.merge([builtin, sentence], [make("lt:X", Category.TYPOGRAPHY, 22, 1),
                                            make("lt:DE_AGREEMENT", Category.GRAMMAR, 30, 18)])
    assert [f.rule for f in merged] == ["verb-missing", "quote-low-closing", "lt:DE_AGREEMENT"]


def test_names_the_document_uses_are_not_spelling_errors() -> None:
    doc = Document("Laut Altman wächst OpenAI. Später sagte Altman, dass die Firma wächst. "
                   "Die Nutzung von GPT-4 und DALL-E steigt, auch bei Fabrikam und Inflection "
                   "AI. OpenAIs Eigenständigkeitsbestrebungen wachsen.\n", "a.txt")
    names = lt.document_names(doc, glossary=["Contoso Cloud"])
    for word in ("OpenAI", "OpenAIs", "GPT-4", "DALL-E", "Altman", "Altmans", "KI-Modelle",
                 "Contoso", "Contoso-Kunden", "Inflection"):
        assert lt.is_name(word, names), word
    for word in ("Fabrikam", "Tset", "kategorie", "Toggledas", "Eigenständigkeitsbestrebungen"):
        assert not lt.is_name(word, names), word


@pytest.mark.parametrize("select, ignore, wanted", [
    ((), (), True),
    (("lt:DE_CASE",), (), True),
    (("grammar",), (), True),  # a category LanguageTool reports in
    (("l*",), (), True),
    (("ALL",), (), True),
    (("quote-*",), (), False),
    (("terminology", "verb-missing"), (), False),  # LanguageTool reports in neither
    ((), ("lt:*",), False),
    ((), ("*",), False),
    ((), ("lt:DE_CASE", "grammar"), True),  # other rules and categories are left
])
def test_languagetool_is_asked_only_where_select_and_ignore_leave_some_rule(
        select: tuple[str, ...], ignore: tuple[str, ...], wanted: bool) -> None:
    assert lt.wants_languagetool(Config(select=select, ignore=ignore)) is wanted


def test_settings_keep_default_disabled_rules_unless_enabled() -> None:
    settings = lt.Settings.from_config(LanguageToolConfig(
        disabled_rules=("lt:DE_CASE",), enabled_rules=("PUNCTUATION_PARAGRAPH_END",)))
    assert "DE_CASE" in settings.disabled_rules
    assert "PUNCTUATION_PARAGRAPH_END" not in settings.disabled_rules
    assert "TYPOGRAFISCHE_ANFUEHRUNGSZEICHEN" in settings.disabled_rules


@pytest.mark.parametrize("url, base", [
    ("http://localhost:8081", "http://localhost:8081/v2"),
    ("http://localhost:8081/v2/", "http://localhost:8081/v2"),
    ("https://api.languagetool.org/v2/check", "https://api.languagetool.org/v2"),
])
def test_server_urls_are_normalised(url: str, base: str) -> None:
    assert lt.normalise_url(url) == base


# --- a real server, where one is configured -------------------------------------------------

LIVE_URL = os.environ.get(lt.ENV_URL)


@pytest.mark.skipif(not LIVE_URL, reason=f"no live LanguageTool: set {lt.ENV_URL} to run")
def test_live_server_checks_the_seeds() -> None:
    status, data, _, _ = run_json(str(SEEDS), "--languagetool", str(LIVE_URL))
    assert data["languagetool"]["status"] == "used", data["languagetool"]
    assert findings_by_source(data, "languagetool")
    assert status in (0, 1)


# --- helpers for library-level tests -----------------------------------------------------------

class FakeResult:
    def __init__(self, doc: Document):
        self.path = doc.path
        self.document = doc
        self.error = None
        self.findings: list[Finding] = []


class LinterStub:
    @staticmethod
    def accept_external(doc: Document, findings: list[Finding]) -> list[Finding]:
        return findings

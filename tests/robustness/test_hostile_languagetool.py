"""A LanguageTool server that is slow, endless, redirecting or sends malformed matches
cannot hang a run, fill memory, or make a "safe" fix that deletes text (issue 21, items
2, 6 and 14)."""

from __future__ import annotations

import contextlib
import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mtlint.backends import languagetool as lt
from mtlint.core.document import Document
from mtlint.core.finding import Safety

LANGUAGES = [{"name": "German (Germany)", "code": "de", "longCode": "de-DE"}]


class Hostile(ThreadingHTTPServer):
    """GET /v2/languages answers normally; POST /v2/check does what `behave` says."""

    # server_close() waits for the handlers (they end on `stop` or a closed socket):
    # threads left running would make later tests start worker processes with spawn.
    daemon_threads = False
    block_on_close = True

    def __init__(self, behave: Callable[[BaseHTTPRequestHandler], None]):
        super().__init__(("127.0.0.1", 0), HostileHandler)
        self.behave = behave
        self.stop = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class HostileHandler(BaseHTTPRequestHandler):
    server: Hostile

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = json.dumps(LANGUAGES).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with contextlib.suppress(OSError):  # the client hung up, as it should
            self.server.behave(self)


@pytest.fixture
def serve() -> Iterator[Callable[[Callable[[BaseHTTPRequestHandler], None]], Hostile]]:
    servers: list[Hostile] = []

    def start(behave: Callable[[BaseHTTPRequestHandler], None]) -> Hostile:
        server = Hostile(behave)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop.set()
        server.shutdown()
        server.server_close()
    for thread in threading.enumerate():  # request watchdogs end within WATCH_INTERVAL
        if thread.name.startswith("languagetool"):
            thread.join(timeout=10)


def trickle(handler: BaseHTTPRequestHandler) -> None:
    """Headers, then one byte of a body every 0.1 s, never ending."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    while not handler.server.stop.wait(0.1):  # type: ignore[attr-defined]
        handler.wfile.write(b" ")
        handler.wfile.flush()


def endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.end_headers()
    chunk = b" " * 65536
    while not handler.server.stop.is_set():  # type: ignore[attr-defined]
        handler.wfile.write(chunk)


def redirect(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(307)
    handler.send_header("Location", "http://attacker.invalid/v2/check")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def test_a_body_that_trickles_is_cut_off_at_the_request_timeout(serve) -> None:
    server = lt.Server(serve(trickle).url, timeout=0.5)
    with pytest.raises(lt.LanguageToolError, match=r"did not answer within 0\.5 s"):
        server.check({"language": "de-DE", "text": "Hallo."})


def test_the_run_deadline_holds_across_requests(serve) -> None:
    import time

    server = lt.Server(serve(trickle).url, timeout=60, run_deadline=time.monotonic() + 0.5)
    with pytest.raises(lt.LanguageToolError, match="time limit for LanguageTool"):
        server.check({"language": "de-DE", "text": "Hallo."})
    with pytest.raises(lt.LanguageToolError):  # and every later request ends at once
        server.check({"language": "de-DE", "text": "Noch einmal."})


def test_an_endless_answer_is_refused_at_the_size_cap(serve, monkeypatch) -> None:
    monkeypatch.setattr(lt, "MAX_ANSWER_BYTES", 1_000_000)
    server = lt.Server(serve(endless).url, timeout=30)
    with pytest.raises(lt.LanguageToolError, match="answered more than 1 MB"):
        server.check({"language": "de-DE", "text": "Hallo."})


def test_closing_the_session_ends_a_running_request(serve) -> None:
    """What Ctrl-C does: `finish` is left, `close` cancels, nothing waits for the server."""
    from mtlint.lint.config import Config

    session = lt.Session(serve(trickle).url)
    server = session.server_for(Config().languagetool)
    assert server is not None
    pool = lt._DaemonPool(1)
    running = pool.submit(server.check, {"language": "de-DE", "text": "Hallo."})
    assert all(thread.daemon for thread in pool._threads)  # never joined at exit
    session.close()
    with pytest.raises(lt.LanguageToolError, match="interrupted"):
        running.result(timeout=30)
    pool.shutdown()


def test_a_redirect_is_not_followed(serve) -> None:
    server = lt.Server(serve(redirect).url, timeout=5)
    with pytest.raises(lt.LanguageToolError, match="redirect; not followed"):
        server.check({"language": "de-DE", "text": "Hallo."})


# --- matches --------------------------------------------------------------------------------

TEXT = "Das ist  ein Satz mit Fehlern."


def whitespace_match(offset: int, length: int, replacement: str) -> dict:
    return {"offset": offset, "length": length, "message": "Zwei Leerzeichen.",
            "replacements": [{"value": replacement}],
            "rule": {"id": "WHITESPACE_RULE", "description": "Leerzeichen",
                     "issueType": "whitespace", "category": {"id": "TYPOGRAPHY"}}}


def findings_for(matches: list) -> list:
    doc = Document(TEXT, "a.txt")
    (request,) = lt.request_texts(doc)
    return lt.match_findings(doc, request, matches, lt.Settings(), frozenset())


def test_a_whitespace_fix_that_changes_the_words_is_not_safe() -> None:
    (finding,) = findings_for([whitespace_match(0, len(TEXT), "")])
    assert finding.fix is None
    (finding,) = findings_for([whitespace_match(7, 2, " ein")])
    assert finding.fix is None


def test_a_real_whitespace_fix_stays_safe() -> None:
    (finding,) = findings_for([whitespace_match(7, 2, " ")])
    assert finding.fix is not None and finding.fix.safety is Safety.SAFE
    assert (finding.fix.offset, finding.fix.length, finding.fix.replacement) == (7, 2, " ")


def test_a_malformed_match_is_skipped_and_the_others_kept() -> None:
    good = whitespace_match(7, 2, " ")
    odd = {**good, "rule": {"id": "ODD", "category": "GRAMMAR"}}  # category not an object
    broken = [
        {**good, "offset": "7"},
        {**good, "replacements": 5},
        {**good, "offset": True},
        None,
    ]
    findings = findings_for([*broken, odd, good])
    assert [f.rule for f in findings] == ["lt:ODD", "lt:WHITESPACE_RULE"]


def test_a_match_past_the_end_is_dropped_not_clamped() -> None:
    assert findings_for([whitespace_match(len(TEXT) - 1, 5, " ")]) == []
    assert findings_for([whitespace_match(len(TEXT) + 3, 0, " ")]) == []


def test_the_request_is_sent_as_a_form(serve) -> None:
    seen: list[dict] = []

    def answer(handler: BaseHTTPRequestHandler) -> None:
        seen.append({"path": urllib.parse.urlparse(handler.path).path,
                     "type": handler.headers.get("Content-Type")})
        body = b'{"matches": []}'
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server = lt.Server(serve(answer).url, timeout=5)
    assert server.check({"language": "de-DE", "text": "Hallo."}) == {"matches": []}
    assert seen == [{"path": "/v2/check", "type": "application/x-www-form-urlencoded"}]

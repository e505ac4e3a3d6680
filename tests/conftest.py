from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# The suite runs on this many processes (pytest-xdist) unless the command line says `-n N`
# (`-n 0`: one process) or `-p no:xdist`. Here rather than in `addopts`, so that both of those
# still work: with `-n` in addopts, `-p no:xdist` would be a usage error.
WORKERS = 2


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    is_worker = hasattr(config, "workerinput")  # a worker must not start workers of its own
    if (config.pluginmanager.has_plugin("xdist") and not is_worker
            and config.option.numprocesses is None and not config.option.collectonly):
        config.option.numprocesses = WORKERS
        if config.option.dist == "no":
            # Idle workers take queued tests from the busy one: the long tests end unevenly.
            config.option.dist = "worksteal"


# No test reads or writes the user's result cache; tests of the cache turn it on.
os.environ["MTLINT_NO_CACHE"] = "1"
os.environ["MTLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="mtlint-test-cache-")


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


# A stand-in for java that serves LanguageTool's HTTP API, for a "local install".
FAKE_JAVA = '''#!{python}
import json, os, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer
port = int(sys.argv[sys.argv.index("--port") + 1])
with open(os.environ["FAKE_JAVA_LOG"], "a") as log:
    log.write(f"{{os.getpid()}} {{' '.join(sys.argv[1:])}}\\n")
class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def answer(self, data):
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        self.answer([{{"name": "German", "code": "de", "longCode": "de-DE"}}])
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        global checks
        checks += 1
        if checks == 1:  # a fresh JVM loads its rules on the first check
            time.sleep(float(os.environ.get("FAKE_JAVA_FIRST_CHECK_DELAY", "0")))
        self.answer({{"software": {{"version": "6.3"}}, "matches": []}})
checks = 0
HTTPServer(("127.0.0.1", port), Handler).serve_forever()
'''


@pytest.fixture
def fake_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """fake_install(with_java=True): a LanguageTool install that language-tool-python
    finds (LTP_PATH) and, with java, a `java` on PATH that serves the API and logs each
    start to tmp_path/java.log."""

    def install(with_java: bool = True) -> None:
        folder = tmp_path / "ltp" / "LanguageTool-6.3"
        folder.mkdir(parents=True)
        (folder / "languagetool-server.jar").write_bytes(b"PK")
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        if with_java:
            java = bin_dir / "java"
            java.write_text(FAKE_JAVA.format(python=sys.executable), encoding="utf-8")
            java.chmod(0o755)
        monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
        monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
        monkeypatch.setenv("PATH", str(bin_dir))
        monkeypatch.setenv("FAKE_JAVA_LOG", str(tmp_path / "java.log"))

    return install

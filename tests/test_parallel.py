"""-j N: files spread over worker processes give exactly the output of -j 1, and a worker
that dies costs only the file it was checking."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from mtlint.interfaces.cli import main
from mtlint.lint.engine import Linter
from mtlint.running import parallel
from mtlint.running.runner import Runner, discover

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the tests patch the parent; only fork passes that on")


def run_inline(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """24 articles from the seeds (some with findings), a broken file and a Markdown file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(24):
        seed = seeds[index % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        if index % 3 == 0:
            text += "\nEr nannte es „Bromance„ und lachte.\n"
        (folder / f"{index:02d}_{seed.name}").write_text(text, encoding="utf-8")
    (folder / "10_broken.txt").write_bytes("Grüße\n".encode("latin-1"))
    (folder / "11_notes.md").write_text("# Titel\n\nEr sagte „Hallo„ zu ihr.\n", encoding="utf-8")
    return folder


@pytest.fixture
def spawned(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Lowers the size limit so that small test corpora use workers; counts the workers."""
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    started: list[int] = []
    original = parallel._Worker.__init__

    def counting(self, *args, **kwargs):
        original(self, *args, **kwargs)
        started.append(self.process.pid)

    monkeypatch.setattr(parallel._Worker, "__init__", counting)
    return started


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_parallel_output_is_identical_to_one_process(corpus: Path, spawned: list[int],
                                                     fmt: str) -> None:
    args = ("check", str(corpus), str(corpus / "missing.txt"), "--languagetool", "off",
            "--format", fmt, "--no-cache")
    serial = run_inline(*args, "-j", "1")
    assert spawned == []
    two = run_inline(*args, "-j", "2")
    assert len(spawned) == 2
    assert two == serial
    status, out, err = two
    assert status == 2  # the broken and the missing file
    assert "10_broken.txt: not valid UTF-8 (byte 0xfc at byte offset 2)" in err
    assert "missing.txt: no such file or directory" in err
    if fmt == "json":
        files = json.loads(out)["files"]
        assert [f["path"] for f in files] == [t.display for t in discover(
            [str(corpus), str(corpus / "missing.txt")])]
        assert sum(len(f["findings"]) for f in files) >= 9
    else:
        assert "„Bromance„ und lachte." in out  # excerpts need the text back from the workers


def test_results_carry_the_document_text(corpus: Path, spawned: list[int]) -> None:
    runner = Runner()
    targets = list(discover([str(corpus)]))
    serial = list(runner.check_all(targets, jobs=1))
    two = list(Runner().check_all(targets, jobs=2))
    assert spawned
    assert [(r.path, r.findings, r.error) for r in two] == \
           [(r.path, r.findings, r.error) for r in serial]
    for result in two:
        if result.error is None:
            assert result.document is not None
            assert result.document.text == Path(result.path).read_text(encoding="utf-8")


def test_few_files_stay_in_one_process(corpus: Path, spawned: list[int]) -> None:
    files = sorted(str(p) for p in corpus.glob("*.txt"))[:3]
    status, _, _ = run_inline("check", *files, "--languagetool", "off", "-j", "2")
    assert status in (0, 1)
    assert spawned == []


def test_small_total_stays_in_one_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = []
    monkeypatch.setattr(parallel._Worker, "__init__", lambda *a: started.append(1))
    run_inline("check", str(corpus), "--languagetool", "off", "-j", "2", "--no-cache")
    assert started == []  # the corpus is under MIN_CHARS


def test_jobs_must_be_positive() -> None:
    status, out, err = run_inline("check", "-j", "0", str(SEEDS))
    assert (status, out) == (2, "")
    assert err == "mtlint: error: -j/--jobs must be at least 1\n"


@needs_fork
def test_a_dying_worker_costs_only_its_file(corpus: Path, spawned: list[int],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # The longest file goes first, so its worker dies while other files still wait.
    (corpus / "05_exit.txt").write_text("Dieser Text beendet den Prozess: ABSTURZ.\n" * 2000,
                                        encoding="utf-8")
    (corpus / "17_kill.txt").write_text("Dieser Text tötet den Prozess: KILL.\n",
                                        encoding="utf-8")
    args = ("check", str(corpus), "--languagetool", "off", "--format", "json", "--no-cache")
    _, expected_out, _ = run_inline(*args, "-j", "1", "--ignore", "ALL")  # paths only
    _, serial_out, _ = run_inline(*args, "-j", "1")
    original = Linter.check

    def fragile(self, doc):
        if os.getpid() != parent:
            if "ABSTURZ" in doc.text:
                os._exit(3)
            if "KILL" in doc.text:
                os.kill(os.getpid(), signal.SIGKILL)
        return original(self, doc)

    parent = os.getpid()
    monkeypatch.setattr(Linter, "check", fragile)
    status, out, err = run_inline(*args, "-j", "2")
    assert status == 2
    assert 3 <= len(spawned) <= 4  # a replacement for a dead worker while files are left
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert list(files) == [f["path"] for f in json.loads(expected_out)["files"]]
    died = "the worker process checking this file died"
    assert files[str(corpus / "05_exit.txt")]["error"] == f"{died} (exit status 3); not checked"
    assert files[str(corpus / "17_kill.txt")]["error"] == f"{died} (killed by SIGKILL); not checked"
    assert f"mtlint: {corpus / '05_exit.txt'}: {died} (exit status 3); not checked" in err
    serial = {f["path"]: f for f in json.loads(serial_out)["files"]}
    for path, result in files.items():
        if "_exit" not in path and "_kill" not in path:
            assert result == serial[path]


def test_spawned_workers_give_the_same_results(corpus: Path, monkeypatch) -> None:
    """Where fork is not safe (threads running, other systems) workers are spawned."""
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    targets = list(discover([str(corpus)]))
    serial = list(Runner().check_all(targets, jobs=1))
    two = list(Runner().check_all(targets, jobs=2))
    assert [(r.path, r.findings, r.error) for r in two] == \
           [(r.path, r.findings, r.error) for r in serial]

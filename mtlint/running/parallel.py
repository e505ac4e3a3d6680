"""Checking files in worker processes (`-j N`).

The parent reads every file, answers what it can from the result cache and sends the
rest, one document at a time, to N worker processes over pipes; each worker sends back
the result without the document (the parent has it). Results come out in the order of
the targets, so the output is the same as with `-j 1`.

A worker that dies (killed, out of memory, a crash in a C extension) costs only the file
it was checking: that file gets an error result, a new worker takes over the rest.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from mtlint.running.result import MIN_PARALLEL_FILES, FileResult

if TYPE_CHECKING:
    from mtlint.core.document import Document
    from mtlint.lint.config import Config
    from mtlint.running.runner import Runner, Target

# Below these, starting processes costs more than it saves: one process does it all.
MIN_FILES = MIN_PARALLEL_FILES
MIN_CHARS = 200_000


def _context() -> Any:
    # fork shares the loaded rules and models with the workers at no cost; it is only
    # safe while this process runs no other threads (LanguageTool requests run in
    # threads once the first results are out, so a replacement worker may be spawned).
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _worker(conn: Connection, runner: Runner) -> None:
    """Check documents until told to stop (None); the parent handles Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, doc, config = task
        try:
            result = runner.check_document(doc, config)
            result.document = None  # the parent has the text already
        except Exception as error:  # one file's failure is that file's error
            result = FileResult(doc.path, error=f"internal error: {type(error).__name__}: "
                                                f"{error}")
        conn.send((index, result))


class _Worker:
    def __init__(self, runner: Runner):
        context = _context()
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, runner), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None  # index of the document it is checking

    def stop(self, graceful: bool = True) -> None:
        if graceful:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def died_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
    else:
        how = f"exit status {exitcode}"
    return f"the worker process checking this file died ({how}); not checked"


def check_parallel(runner: Runner, targets: Sequence[Target], jobs: int,
                   stdin_data: bytes | None = None,
                   stdin_name: str | None = None) -> Iterator[FileResult]:
    """Check `targets` with up to `jobs` worker processes; results in target order."""
    done: dict[int, FileResult] = {}
    pending: list[tuple[int, Document, Config]] = []
    documents: dict[int, Document] = {}
    for index, target in enumerate(targets):
        prepared = runner.prepare(target, stdin_data, stdin_name)
        if isinstance(prepared, FileResult):
            done[index] = prepared
            continue
        doc, config = prepared
        cached = runner.cached_result(doc, config)
        if cached is not None:
            done[index] = cached
        else:
            pending.append((index, doc, config))
            documents[index] = doc

    if len(pending) < MIN_FILES or sum(len(d.text) for _, d, _ in pending) < MIN_CHARS:
        for index, doc, config in pending:
            done[index] = runner.check_document(doc, config)
        for index in range(len(targets)):
            yield done.pop(index)
        return

    # Longest first, so that one big file does not finish alone at the end.
    queue = deque(sorted(pending, key=lambda task: -len(task[1].text)))
    tasks = {index: (index, doc, config) for index, doc, config in pending}
    workers: list[_Worker] = []
    next_index = 0
    finished = False  # False while stopping early (Ctrl-C, an error): kill the workers

    def assign(worker: _Worker) -> None:
        if queue:
            task = queue.popleft()
            worker.task = task[0]
            with contextlib.suppress(OSError):  # a dead worker: its sentinel will tell
                worker.conn.send(task)
        else:
            worker.task = None

    try:
        for _ in range(min(jobs, len(queue))):
            worker = _Worker(runner)
            workers.append(worker)
            assign(worker)
        while any(w.task is not None for w in workers):
            ready = wait([w.conn for w in workers if w.task is not None]
                         + [w.process.sentinel for w in workers if w.task is not None])
            for worker in list(workers):
                if worker.task is None:
                    continue
                if worker.conn in ready or worker.conn.poll():
                    try:
                        index, result = worker.conn.recv()
                    except (EOFError, OSError):
                        pass  # died before answering: the sentinel branch below
                    else:
                        result.document = documents.pop(index)
                        done[index] = result
                        assign(worker)
                        continue
                if worker.process.sentinel in ready or not worker.process.is_alive():
                    worker.process.join()
                    index = worker.task
                    done[index] = FileResult(tasks[index][1].path,
                                             error=died_message(worker.process.exitcode))
                    documents.pop(index, None)
                    worker.conn.close()
                    workers.remove(worker)
                    if queue:
                        replacement = _Worker(runner)
                        workers.append(replacement)
                        assign(replacement)
            while next_index in done:
                yield done.pop(next_index)
                next_index += 1
        finished = True
    finally:
        for worker in workers:
            worker.stop(graceful=finished)
    while next_index < len(targets):
        yield done.pop(next_index)
        next_index += 1

"""Speed and scale benchmark: one command, one table.

Usage: ``python bench/run.py [--size-mb N] [--runs N] [--files N] [--keep]``

Builds its corpus, runs mtlint on it with ``--languagetool off`` and prints a table
of the measurements against the goals of issue 6:

- cold start: one 13 KB article (seed 004) not in the result cache (the derived data
  is), process start to exit, median of --runs;
  for reference the bare interpreter start, and the very first run with an empty cache
  folder, which also writes HanTa's model parts and the compiled patterns;
- throughput in characters per second on a machine-translation-like corpus of
  --size-mb (default 10) MB in --files (default 1,000) files, tiled from the seeds'
  paragraphs in varying order, with ``-j 1`` and ``-j 2`` (no cache), and on the
  clean-German corpus (``bench/corpus.py``; varied vocabulary) with ``-j 1``;
- peak memory: the largest process (getrusage) and the sum over mtlint and its
  workers (sampled from /proc every 20 ms) during the ``-j 2`` run;
- time per rule family (from ``--statistics`` of the ``-j 1`` run);
- the cost per character of a 1 MB file against the 13 KB article, each checked in
  a fresh process after loading rules and models (so start-up is not counted);
- a 1 MB single line without punctuation, process start to exit;
- a repeat run over the unchanged files with the result cache (median of --runs).

With ``MTLINT_LANGUAGETOOL_URL`` set it also times LanguageTool on the seeds and
prints mtlint's speed as a multiple of LanguageTool's.

The corpus goes to ``bench/.cache/speed/`` (not committed).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEEDS = ROOT / "seeds"
ARTICLE = SEEDS / "004_fd28cc811749184a.txt"  # the 13 KB article
WORK = BENCH / ".cache" / "speed"
CLEAN = BENCH / ".cache" / "corpus" / "clean-german.txt"
LINE_TIMEOUT = 300.0  # seconds before the single-line run is given up
MTLINT = [sys.executable, "-m", "mtlint", "check", "--languagetool", "off", "--no-color"]

# Measures one check inside a fresh process: rules and models loaded, warmed up on a
# short unrelated text, then the file checked once (its vocabulary is new to the caches).
MEASURE = """
import sys, time
from pathlib import Path
from mtlint.core.document import Document
from mtlint.running.runner import Runner
runner = Runner()
runner.check_document(Document("Der Hund bellt. Die Katze schläft im Garten.\\n", "warm.txt"))
text = Path(sys.argv[1]).read_text(encoding="utf-8")
start = time.perf_counter()
runner.check_document(Document(text, sys.argv[1]))
print(time.perf_counter() - start)
"""


@dataclass
class Row:
    what: str
    measured: str
    goal: str = ""
    ok: bool | None = None


def paragraphs_of_seeds() -> list[str]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs.extend(p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip())
    return paragraphs


def build_tiled_corpus(folder: Path, total_chars: int, files: int) -> int:
    """`files` articles of seed paragraphs in varying order; returns the characters."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    paragraphs = paragraphs_of_seeds()
    rng = random.Random(6)
    per_file = total_chars // files
    written = 0
    for index in range(files):
        parts: list[str] = []
        size = 0
        while size < per_file:
            paragraph = rng.choice(paragraphs)
            parts.append(paragraph)
            size += len(paragraph) + 2
        text = "\n\n".join(parts) + "\n"
        (folder / f"article_{index:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text)
    return written


def one_megabyte_files(work: Path) -> tuple[Path, Path]:
    paragraphs = paragraphs_of_seeds()
    rng = random.Random(1)
    parts, size = [], 0
    while size < 1_000_000:
        parts.append(rng.choice(paragraphs))
        size += len(parts[-1]) + 2
    big = work / "one-megabyte.txt"
    big.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    words = re.findall(r"\w+", " ".join(paragraphs))
    line, size = [], 0
    while size < 1_000_000:
        word = rng.choice(words)
        line.append(word)
        size += len(word) + 1
    single = work / "one-line.txt"
    single.write_text(" ".join(line) + "\n", encoding="utf-8")
    return big, single


class TreeMemory:
    """Samples the summed RSS of a process and its descendants from /proc."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            try:
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                pass
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(0.02)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


@dataclass
class Run:
    wall: float  # seconds, process start to exit
    cpu: float  # user + system seconds of mtlint and its workers
    stderr: str
    rss: int  # peak RSS of the largest process, bytes
    tree_rss: int  # peak of the summed RSS of mtlint and its workers (if sampled)


# Runs mtlint and reports its wall time, CPU time and peak RSS (getrusage of children).
WRAPPER = """
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
sys.stderr.buffer.write(p.stderr)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, p.returncode)
"""


class TimedOut(Exception):
    pass


def run(args: list[str], env: dict | None = None, memory: bool = False,
        timeout: float | None = None) -> Run:
    """One mtlint run in a fresh wrapper process (so that getrusage sees only it)."""
    proc = subprocess.Popen([sys.executable, "-c", WRAPPER, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True,
                            start_new_session=True)
    sampler = TreeMemory(proc.pid) if memory else None
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        if sampler:
            sampler.stop()
        raise TimedOut from None
    tree = sampler.stop() if sampler else 0
    wall, cpu, maxrss, status = out.split()
    if int(status) not in (0, 1):
        raise SystemExit(f"bench: mtlint failed ({status}): {' '.join(args)}\n{err}")
    return Run(float(wall), float(cpu), err, int(maxrss) * 1024, tree)


def median_run(args: list[str], runs: int, env: dict | None = None) -> tuple[float, float]:
    """Median wall and median CPU seconds of `runs` runs."""
    results = [run(args, env) for _ in range(runs)]
    return (statistics.median(r.wall for r in results),
            statistics.median(r.cpu for r in results))


def in_process_seconds(path: Path, runs: int, env: dict) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True,
                             text=True, cwd=ROOT, env=env, check=True).stdout
        times.append(float(out))
    return statistics.median(times)


STAT_LINE = re.compile(r"\s*(\d*)\s+([\d.]+) ms\s+(\S+)$")


def families(stderr: str) -> list[tuple[str, float]]:
    """The 'time per rule family' section of --statistics: (family, seconds)."""
    rows, inside = [], False
    for line in stderr.splitlines():
        if line.startswith("time per rule family"):
            inside = True
            continue
        match = STAT_LINE.match(line)
        if inside and match:
            rows.append((match.group(3), float(match.group(2)) / 1000))
    return rows


def rule_times(stderr: str) -> list[tuple[str, float]]:
    """The per-rule lines of --statistics: (rule, seconds)."""
    rows = []
    for line in stderr.splitlines():
        if line.startswith("time per rule family"):
            break
        match = STAT_LINE.match(line)
        if match and match.group(1):
            rows.append((match.group(3), float(match.group(2)) / 1000))
    return rows


def chars_in(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))


def mb(n: float) -> str:
    return f"{n / 1e6:.0f} MB"


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f} chars/s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=10.0, help="tiled corpus size")
    parser.add_argument("--files", type=int, default=1000, help="files in the tiled corpus")
    parser.add_argument("--runs", type=int, default=5, help="repeats for medians")
    parser.add_argument("--keep", action="store_true", help="keep bench/.cache/speed")
    parser.add_argument("--line-timeout", type=float, default=LINE_TIMEOUT,
                        help="seconds before the 1 MB single line is given up")
    args = parser.parse_args(argv)

    env = {k: v for k, v in os.environ.items()
           if k not in ("MTLINT_NO_CACHE", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # Compiled bytecode as an installed package has it, kept out of the source tree.
    env["PYTHONPYCACHEPREFIX"] = str(BENCH / ".cache" / "pycache")
    WORK.mkdir(parents=True, exist_ok=True)
    # bench/.cache is git-ignored, and folder scans skip what git ignores.
    (WORK / ".mtlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    cache_dir = Path(tempfile.mkdtemp(prefix="cache-", dir=WORK))
    env["MTLINT_CACHE_DIR"] = str(cache_dir)
    tiled = WORK / "tiled"
    print(f"building a {args.size_mb:g} MB corpus of {args.files} files from the seeds ...",
          file=sys.stderr)
    chars = build_tiled_corpus(tiled, int(args.size_mb * 1e6), args.files)
    big, single = one_megabyte_files(WORK)
    if not CLEAN.exists():
        print("building the clean-German corpus (bench/corpus.py) ...", file=sys.stderr)
        subprocess.run([sys.executable, str(BENCH / "corpus.py")], check=True, cwd=ROOT)
    rows: list[Row] = []
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    print("cold start ...", file=sys.stderr)
    # The cache folder is empty: this first run also writes the derived data later
    # starts read (HanTa's model parts, compiled patterns), as after installing mtlint.
    first = run([*MTLINT, str(ARTICLE)], env)
    bare, _ = median_run([sys.executable, "-c", "pass"], args.runs, env)
    # A user's first check of an article: the derived data is in the cache folder, the
    # article's result is not (each run checks a copy with one more final newline).
    cold_runs = []
    for index in range(args.runs):
        copy = WORK / f"cold-{index}.txt"
        copy.write_text(ARTICLE.read_text(encoding="utf-8") + "\n" * (index + 1),
                        encoding="utf-8")
        cold_runs.append(run([*MTLINT, str(copy)], env))
    cold = statistics.median(r.wall for r in cold_runs)
    cold_cpu = statistics.median(r.cpu for r in cold_runs)
    rows.append(Row(f"cold start, one 13 KB article (median of {args.runs})",
                    f"{cold:.2f} s ({cold_cpu:.2f} s CPU)", "≤ 0.5 s", cold <= 0.5))
    rows.append(Row("  of it: the interpreter alone (python -c pass)", f"{bare:.2f} s"))
    rows.append(Row("  the first run after installing (writes the derived data)",
                    f"{first.wall:.2f} s"))

    print("throughput -j 1 ...", file=sys.stderr)
    one = run([*MTLINT, "--no-cache", "-j", "1", "--statistics", str(tiled)], env)
    print("throughput -j 2 ...", file=sys.stderr)
    two = run([*MTLINT, "--no-cache", "-j", "2", str(tiled)], env, memory=True)
    rows.append(Row(f"throughput -j 1, {mb(chars)} in {args.files} files",
                    f"{rate(chars, one.wall)} ({one.wall:.1f} s; {one.cpu:.1f} s CPU)"))
    rows.append(Row(f"throughput -j 2 ({cores} cores)",
                    f"{rate(chars, two.wall)} ({two.wall:.1f} s; {two.cpu:.1f} s CPU)",
                    "≥ 100,000 chars/s", chars / two.wall >= 100_000))
    rows.append(Row("speed-up -j 2 over -j 1 (wall)", f"{one.wall / two.wall:.2f}x", "≥ 1.6x",
                    one.wall / two.wall >= 1.6))
    clean_chars = len(CLEAN.read_text(encoding="utf-8"))
    clean = run([*MTLINT, "--no-cache", "-j", "1", str(CLEAN)], env)
    rows.append(Row(f"throughput -j 1, clean German ({mb(clean_chars)}, one file)",
                    f"{rate(clean_chars, clean.wall)} ({clean.wall:.1f} s; "
                    f"{clean.cpu:.1f} s CPU)"))
    rows.append(Row("peak RSS, largest process (-j 1 / -j 2)",
                    f"{one.rss / 1e6:.0f} MB / {two.rss / 1e6:.0f} MB", "≤ 300 MB",
                    max(one.rss, two.rss) <= 300e6))
    rows.append(Row("peak RSS, mtlint + its workers summed (-j 2)", f"{two.tree_rss / 1e6:.0f} MB"))

    print("1 MB file ...", file=sys.stderr)
    small_s = in_process_seconds(ARTICLE, args.runs, env)
    small_chars = len(ARTICLE.read_text(encoding="utf-8"))
    big_s = in_process_seconds(big, max(1, args.runs // 2), env)
    big_chars = len(big.read_text(encoding="utf-8"))
    ratio = (big_s / big_chars) / (small_s / small_chars)
    rows.append(Row("13 KB article, checked (start-up excluded)",
                    f"{small_s * 1000:.0f} ms, {rate(small_chars, small_s)}"))
    rows.append(Row("1 MB file, checked (start-up excluded)",
                    f"{big_s:.2f} s, {rate(big_chars, big_s)}; "
                    f"{ratio:.2f}x the 13 KB cost per char", "≤ 1.3x", ratio <= 1.3))
    try:
        line = run([*MTLINT, "--no-cache", "--statistics", str(single)], env,
                   timeout=args.line_timeout)
        slowest = max(rule_times(line.stderr), key=lambda rt: rt[1], default=("-", 0.0))
        rows.append(Row("1 MB single line, no punctuation (process)",
                        f"{line.wall:.2f} s (slowest rule: {slowest[0]} {slowest[1]:.1f} s)",
                        "< 10 s", line.wall < 10))
    except TimedOut:
        rows.append(Row("1 MB single line, no punctuation (process)",
                        f"stopped after {args.line_timeout:.0f} s", "< 10 s", False))

    print("cache ...", file=sys.stderr)
    run([*MTLINT, "-j", "2", str(tiled)], env)  # fill the cache
    repeat, repeat_cpu = median_run([*MTLINT, str(tiled)], args.runs, env)
    rows.append(Row(f"repeat run, {args.files} unchanged files, cache",
                    f"{repeat:.2f} s ({repeat_cpu:.2f} s CPU)", "≤ 1 s", repeat <= 1.0))

    url = os.environ.get("MTLINT_LANGUAGETOOL_URL")
    if url:
        print("LanguageTool ...", file=sys.stderr)
        seeds_chars = chars_in(SEEDS)
        lt_args = [sys.executable, "-m", "mtlint", "check", "--no-cache", "-j", "1",
                   "--languagetool", url, str(SEEDS)]
        with_lt = run(lt_args, env).wall
        without = run([*MTLINT, "--no-cache", "-j", "1", str(SEEDS)], env).wall
        lt_rate = seeds_chars / max(with_lt - without, 1e-6)
        rows.append(Row("LanguageTool on the seeds (its share of the run)",
                        f"{lt_rate:,.0f} chars/s"))
        rows.append(Row("mtlint -j 2 speed / LanguageTool speed",
                        f"{chars / two.wall / lt_rate:.0f}x", "≥ 25x",
                        chars / two.wall / lt_rate >= 25))
    else:
        rows.append(Row("LanguageTool", "not measured (MTLINT_LANGUAGETOOL_URL not set)"))

    print(f"mtlint benchmark: {cores} cores, load average {load:.1f} at the start; "
          f"wall times suffer when other work runs, CPU times less so.\n")
    print_table(rows)
    print("\ntime per rule family (-j 1 run over the tiled corpus):")
    spent = families(one.stderr)
    total = sum(seconds for _, seconds in spent)
    for family, seconds in spent:
        print(f"  {family:<24} {seconds:8.2f} s  {seconds / total:6.1%}")
    print(f"  {'all':<24} {total:8.2f} s of {one.wall:.1f} s wall")
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)
    return 0


def print_table(rows: list[Row]) -> None:
    width = max(len(r.what) for r in rows)
    value = max(len(r.measured) for r in rows)
    print(f"| {'measure':<{width}} | {'measured':<{value}} | goal | |")
    print(f"| {'-' * width} | {'-' * value} | --- | --- |")
    for r in rows:
        mark = "" if r.ok is None else ("ok" if r.ok else "MISSED")
        print(f"| {r.what:<{width}} | {r.measured:<{value}} | {r.goal} | {mark} |")


if __name__ == "__main__":
    sys.exit(main())

"""Memory per finding: what very many findings cost beyond their text.

Usage: ``python bench/memory.py [--findings 200000] [--formats text,json,sarif,github]
[--cache] [--retained]``

Writes two folders of plain-text files of the same paragraphs (into
``bench/.cache/memory/``): one with a space before every comma and full stop
(``space-before-punctuation``, ten findings a paragraph, ``--findings`` in all) and its
clean twin without those spaces (no findings). Each folder is checked in a fresh process
(``--no-cache -j 1 --languagetool off``, output to /dev/null) and its peak resident
memory is read from ``os.wait4``. The clean twin is the baseline: the text, its analysis
and the loaded rules and models cost the same in both, so

    bytes per finding = (peak RSS with findings - peak RSS of the clean twin) / findings

for each output format (``--cache``: also text output with the result cache on, in a
fresh folder, so that the run writes the file's entry). ``--retained`` also checks up to
5,000 findings inside this process under ``tracemalloc`` and prints what the findings
themselves keep alive after the check (the Finding objects, their fixes and strings) and
the largest allocation sites.

Issue 21 (item 9) measured ~1.6 KB a finding (1M findings: 1.7 GB).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / ".cache" / "memory"
MTLINT = [sys.executable, "-m", "mtlint", "check", "--languagetool", "off", "--no-color",
          "--no-cache", "-j", "1", "--fail-on", "never"]
WORDS = ("Haus", "Baum", "Wiese", "Feld", "Wald", "Berg", "Tal", "See", "Fluss", "Weg")
FINDINGS_PER_PARAGRAPH = len(WORDS)  # nine commas and one full stop
FILES = 40


def paragraph(gap: str) -> str:
    """A sentence listing WORDS; `gap` goes before each comma and the full stop."""
    return f"Er sah {f'{gap}, '.join(WORDS)} und den Himmel{gap}."


def write_corpus(findings: int) -> tuple[Path, Path]:
    """Two folders of FILES files each: with about `findings` findings, and clean. Many
    files, not one: a pack rule has 10 s a document (RULE_FILE_BUDGET), and a busy machine
    would stop it before it found them all."""
    spaced, clean = WORK / "spaced", WORK / "clean"
    per_file = max(1, findings // FINDINGS_PER_PARAGRAPH // FILES)
    for folder, gap in ((spaced, " "), (clean, "")):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.txt"):
            old.unlink()
        text = "\n\n".join([paragraph(gap)] * per_file) + "\n"
        for number in range(FILES):
            (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    # bench/.cache is git-ignored, and folder scans skip what git ignores.
    (WORK / ".mtlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    return spaced, clean


def peak_rss(command: list[str], stdout: int | object = subprocess.DEVNULL,
             env: dict[str, str] | None = None) -> int:
    """Peak resident memory in bytes of one process running `command` (Linux: KiB)."""
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL, cwd=ROOT,
                               env=env)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    return usage.ru_maxrss * 1024


def finding_count(path: Path) -> int:
    """The findings of a check of `path`, read from the JSON summary at the end of the
    output: loading all of it would grow this process, and a child's peak starts at
    the size of the parent it was forked from."""
    with tempfile.TemporaryFile() as out:
        peak_rss([*MTLINT, "--format", "json", str(path)], stdout=out)
        out.seek(max(0, out.seek(0, os.SEEK_END) - 4096))
        summary = out.read().decode("utf-8")
    return int(re.findall(r'"findings": (\d+)', summary)[-1])


def retained(findings: int, top: int) -> None:
    """What the findings of one check keep alive, per finding, by allocation site
    (`findings` of them: tracemalloc slows the rules down, so few enough that no rule
    runs out of time)."""
    import gc
    import tracemalloc

    sys.path.insert(0, str(ROOT))
    from mtlint.core.document import Document
    from mtlint.running.runner import Runner

    runner = Runner()
    runner.check_document(Document("Der Hund bellt , die Katze schläft .\n", "warm.txt"))
    text = "\n\n".join([paragraph(" ")] * (findings // FINDINGS_PER_PARAGRAPH)) + "\n"
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    result = runner.check_document(Document(text, "spaced.txt"))
    result.document = None  # the text's analysis is not the findings' cost
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    count = len(result.findings)
    stats = after.compare_to(before, "lineno")
    total = sum(stat.size_diff for stat in stats)
    print(f"\nretained after the check (tracemalloc): {total / count:,.0f} bytes a finding "
          f"({count:,} findings)")
    for stat in stats[:top]:
        if stat.size_diff / count < 1:
            break
        frame = stat.traceback[0]
        where = os.path.relpath(frame.filename, ROOT)
        print(f"  {stat.size_diff / count:7.1f} B  {stat.count_diff / count:5.2f} objects  "
              f"{where}:{frame.lineno}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--findings", type=int, default=200_000)
    parser.add_argument("--formats", default="text,json,sarif,github")
    parser.add_argument("--retained", action="store_true")
    parser.add_argument("--cache", action="store_true",
                        help="also text output with the result cache on (a first run, which "
                             "writes the file's entry)")
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args(argv)
    spaced, clean = write_corpus(args.findings)
    count = finding_count(spaced)
    baseline = peak_rss([*MTLINT, str(clean)])
    size = sum(path.stat().st_size for path in spaced.glob("*.txt"))
    print(f"{count:,} findings in {FILES} files, {size / 1e6:.1f} MB; clean twin: peak "
          f"{baseline / 2**20:,.0f} MiB")
    print("format   peak MiB  bytes a finding")
    for name in args.formats.split(","):
        peak = peak_rss([*MTLINT, "--format", name, str(spaced)])
        print(f"{name:<8} {peak / 2**20:8,.0f}  {(peak - baseline) / count:15,.0f}")
    if args.cache:
        with tempfile.TemporaryDirectory() as folder:
            command = [part for part in MTLINT if part != "--no-cache"]
            peak = peak_rss([*command, str(spaced)],
                            env={**os.environ, "MTLINT_CACHE_DIR": folder})
        print(f"{'text, result cache':<8} {peak / 2**20:8,.0f}  "
              f"{(peak - baseline) / count:15,.0f}")
    if args.retained:
        retained(min(count, 5_000), args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

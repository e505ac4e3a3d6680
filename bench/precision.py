"""Count mtlint's findings on the clean-German corpus (see corpus.py).

Usage: ``python bench/precision.py [--corpus FILE ...] [--show N] [--rule RULE]
[--strict] [-- MTLINT_ARGS ...]``

Runs ``python -m mtlint check FILE... --format json --languagetool off`` from the
repository root as a subprocess and prints, per corpus file and in total: the
paragraphs, the findings, findings per 50 paragraphs, and a table of findings
per rule. The goal is at most one finding per 50 paragraphs of well-edited
German. Findings that sit on a known real slip of the human authors ("z.B.",
see ``corpus.KNOWN_SLIPS``) are counted apart from the others, which are the
false positives to look at; ``--show N`` prints the first N findings with their
paragraph excerpt so that a developer can judge them.

The corpus has one paragraph per line, so a finding belongs to the paragraph on
its line. Default corpus: ``bench/.cache/corpus/debian-reference.txt`` and
``fortunes.txt``; build it with ``python bench/corpus.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus import KNOWN_SLIPS  # bench/ is on sys.path when run as a script

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS_DIR = BENCH / ".cache" / "corpus"
DEFAULT_CORPORA = (CORPUS_DIR / "debian-reference.txt", CORPUS_DIR / "fortunes.txt")
GOAL_PER_50 = 1.0
EXCERPT = 70  # characters of context on each side in --show


class PrecisionError(Exception):
    """mtlint could not be run or its output could not be read."""


@dataclass
class Finding:
    """One finding, placed in its corpus file and paragraph."""

    path: str
    rule: str
    category: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestions: list[str]
    paragraph: int = -1  # index among the file's paragraphs; -1: not on one
    slip: str = ""  # kind of known real slip the finding sits on, if any


def parse_report(text: str) -> dict[str, list[Finding]]:
    """Parse mtlint's JSON output (version 1) into findings per reported path."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PrecisionError(f"mtlint did not print JSON ({exc}): {text[:300]!r}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise PrecisionError(f"unexpected JSON report version: {str(data)[:200]!r}")
    result: dict[str, list[Finding]] = {}
    for entry in data.get("files", []):
        path = entry.get("path", "")
        if entry.get("error"):
            raise PrecisionError(f"mtlint could not check {path}: {entry['error']}")
        findings = []
        for f in entry.get("findings", []):
            line = int(f["line"])
            findings.append(
                Finding(
                    path=path,
                    rule=str(f["rule"]),
                    category=str(f.get("category", "")),
                    severity=str(f.get("severity", "")),
                    line=line,
                    column=int(f["column"]),
                    end_line=int(f.get("end_line", line)),
                    end_column=int(f.get("end_column", int(f["column"]) + 1)),
                    message=str(f.get("message", "")),
                    suggestions=[str(s) for s in f.get("suggestions") or []],
                )
            )
        result[path] = findings
    return result


def paragraph_index(lines: list[str]) -> dict[int, int]:
    """Map 1-based line numbers of non-blank lines to paragraph indices."""
    index: dict[int, int] = {}
    for number, line in enumerate(lines, start=1):
        if line.strip():
            index[number] = len(index)
    return index


def slip_at(text: str, start: int, end: int) -> str:
    """Return the kind of known slip overlapping ``text[start:end]``, or ""."""
    for kind, rx in KNOWN_SLIPS.items():
        for m in rx.finditer(text):
            # A zero-width finding still counts when it touches the slip.
            if m.start() <= max(start, end - 1) and start < m.end() + (start == end):
                return kind
    return ""


def place(findings: list[Finding], lines: list[str]) -> None:
    """Assign each finding its paragraph and, where it sits on one, its known slip."""
    index = paragraph_index(lines)
    for f in findings:
        f.paragraph = index.get(f.line, -1)
        if f.paragraph < 0:
            continue
        text = lines[f.line - 1]
        start = f.column - 1
        end = f.end_column - 1 if f.end_line == f.line else len(text)
        f.slip = slip_at(text, start, end)


def run_mtlint(command: list[str], paths: list[Path], extra: list[str]) -> str:
    """Run mtlint on ``paths`` and return its JSON output."""
    cmd = [*command, "check", *map(str, paths), "--format", "json", "--languagetool", "off"]
    cmd += extra
    env = dict(os.environ, NO_COLOR="1")
    try:
        # From the repository root, so that "python -m mtlint" finds the package
        # without an install.
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    except FileNotFoundError as exc:
        raise PrecisionError(f"cannot run {command[0]}: {exc}") from exc
    if proc.returncode not in (0, 1):
        raise PrecisionError(
            f"{shlex.join(cmd)} exited with {proc.returncode}:\n{proc.stderr.strip()}"
        )
    if not proc.stdout.strip():
        raise PrecisionError(
            f"{shlex.join(cmd)} printed nothing (exit {proc.returncode}):\n{proc.stderr.strip()}"
        )
    return proc.stdout


def match_paths(reported: dict[str, list[Finding]], paths: list[Path]) -> dict[Path, list[Finding]]:
    """Match the paths mtlint reports to the corpus files it was given."""
    by_resolved = {(ROOT / p).resolve(): v for p, v in reported.items()}
    result: dict[Path, list[Finding]] = {}
    for path in paths:
        found = by_resolved.get(path.resolve())
        if found is None:
            # Same name, other spelling of the folder (mtlint may shorten paths).
            found = next((v for p, v in reported.items() if Path(p).name == path.name), [])
        result[path] = found
    return result


def per_50(findings: int, paragraphs: int) -> float:
    """Findings per 50 paragraphs."""
    return 50.0 * findings / paragraphs if paragraphs else 0.0


def print_summary(name: str, paragraphs: int, findings: list[Finding]) -> None:
    """Print the counts for one corpus file (or the total)."""
    slips = sum(1 for f in findings if f.slip)
    other = len(findings) - slips
    hit = len({(f.path, f.paragraph) for f in findings if not f.slip})
    print(
        f"{name}: {paragraphs} paragraphs, {len(findings)} findings "
        f"({per_50(len(findings), paragraphs):.2f} per 50 paragraphs); "
        f"on known real slips {slips}, other {other} "
        f"({per_50(other, paragraphs):.2f} per 50, in {hit} paragraphs)"
    )


def print_rule_table(findings: list[Finding]) -> None:
    """Print findings per rule: total, on known slips, other, paragraphs."""
    if not findings:
        return
    rows: dict[tuple[str, str, str], Counter[str]] = {}
    paras: dict[tuple[str, str, str], set[tuple[str, int]]] = {}
    for f in findings:
        key = (f.rule, f.category, f.severity)
        rows.setdefault(key, Counter())["all"] += 1
        rows[key]["slip" if f.slip else "other"] += 1
        paras.setdefault(key, set()).add((f.path, f.paragraph))
    width = max(len("rule"), *(len(k[0]) for k in rows))
    print()
    print(
        f"{'rule':<{width}}  {'category':<12} {'severity':<8} {'all':>6} {'slips':>6} "
        f"{'other':>6} {'paras':>6}"
    )
    for key, c in sorted(rows.items(), key=lambda kv: (-kv[1]["all"], kv[0])):
        rule, category, severity = key
        print(
            f"{rule:<{width}}  {category:<12} {severity:<8} {c['all']:>6} {c['slip']:>6} "
            f"{c['other']:>6} {len(paras[key]):>6}"
        )


def excerpt(text: str, start: int, end: int) -> tuple[str, str]:
    """Return a window of ``text`` around ``[start, end)`` and its caret line."""
    lo = max(0, start - EXCERPT)
    hi = min(len(text), max(end, start + 1) + EXCERPT)
    head = "…" if lo > 0 else ""
    window = head + text[lo:hi] + ("…" if hi < len(text) else "")
    carets = " " * (len(head) + start - lo) + "^" * max(1, min(end, hi) - start)
    return window, carets


def show(findings: list[Finding], texts: dict[str, list[str]], limit: int) -> None:
    """Print the first ``limit`` findings with their paragraph excerpt."""
    for f in findings[:limit]:
        lines = texts[f.path]
        mark = f" [known slip: {f.slip}]" if f.slip else ""
        print(
            f"\n{Path(f.path).name}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}{mark}"
        )
        if 0 < f.line <= len(lines):
            text = lines[f.line - 1]
            end = f.end_column - 1 if f.end_line == f.line else len(text)
            window, carets = excerpt(text, f.column - 1, end)
            print(f"    {window}\n    {carets}", end="")
            print(f" {' | '.join(f.suggestions)}" if f.suggestions else "")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="corpus file, one paragraph per line (repeatable; default: "
        "debian-reference.txt and fortunes.txt in bench/.cache/corpus)",
    )
    ap.add_argument(
        "--show",
        type=int,
        default=0,
        metavar="N",
        help="print the first N findings with their paragraph excerpt",
    )
    ap.add_argument(
        "--rule",
        action="append",
        metavar="RULE",
        help="with --show: only findings of this rule (repeatable)",
    )
    ap.add_argument(
        "--mtlint",
        default=shlex.join([sys.executable, "-m", "mtlint"]),
        help="command that runs mtlint (default: %(default)s)",
    )
    ap.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a file has more than 1 finding per 50 paragraphs "
        "besides those on known slips",
    )
    ap.add_argument("mtlint_args", nargs="*", help="further arguments for mtlint check, after --")
    args = ap.parse_args(argv)

    paths = [p.resolve() for p in args.corpus or DEFAULT_CORPORA]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(
            f"precision.py: error: no corpus file {', '.join(map(str, missing))}; "
            "run python bench/corpus.py first",
            file=sys.stderr,
        )
        return 2
    try:
        started = time.monotonic()
        output = run_mtlint(shlex.split(args.mtlint), paths, args.mtlint_args)
        elapsed = time.monotonic() - started
        per_file = match_paths(parse_report(output), paths)
    except PrecisionError as exc:
        print(f"precision.py: error: {exc}", file=sys.stderr)
        return 2

    texts: dict[str, list[str]] = {}
    everything: list[Finding] = []
    total_paragraphs = total_chars = 0
    over_goal = False
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        findings = per_file[path]
        for f in findings:
            texts[f.path] = lines
        place(findings, lines)
        paragraphs = len(paragraph_index(lines))
        total_paragraphs += paragraphs
        total_chars += len(text)
        everything += findings
        print_summary(path.name, paragraphs, findings)
        other = sum(1 for f in findings if not f.slip)
        over_goal |= per_50(other, paragraphs) > GOAL_PER_50
    if len(paths) > 1:
        print_summary("total", total_paragraphs, everything)
    print(
        f"goal: at most {GOAL_PER_50:g} finding per 50 paragraphs besides known slips; "
        f"mtlint took {elapsed:.1f} s ({total_chars / max(elapsed, 1e-9) / 1000:.0f}k "
        "characters/s)"
    )
    print_rule_table(everything)
    if args.show:
        chosen = [f for f in everything if not args.rule or f.rule in args.rule]
        show(chosen, texts, args.show)
    return 1 if args.strict and over_goal else 0


if __name__ == "__main__":
    sys.exit(main())

"""Score mtlint on the real-web development set (bench/realweb/).

Usage: ``python bench/realweb.py [--set DIR] [--texts DIR] [--show] [--category CAT] [--rule RULE]
[--verify] [--mtlint CMD] [-- MTLINT_ARGS ...]``

The set is real machine-translated German web pages (``kind`` mt in
``SOURCES.tsv``) and careful human-written controls (``kind`` clean), with blind
gold in ``gold.tsv`` (file, line, tier, category, anchor, note), written by an
annotator who never saw mtlint. The page texts are not in the repository (see
``bench/realweb/README.md`` for how to rebuild them into ``bench/realweb/texts/``).
``--set bench/realweb2`` scores the second development set, ``--set bench/heldout`` the
held-out set (same layout; pages that no rule was written from, to check that the rules
generalise).

A finding matches a gold row when it starts on the row's line and its span
overlaps an occurrence of the row's anchor on that line. Printed:

- core recall, overall and per category; recall over all rows (core and stretch);
- precision on the MT pages: a finding that matches no gold row counts as false;
- false findings per control page (a finding on a control is false unless it
  matches a slip marked there);
- per rule: true and false findings;
- with ``--show``: every missed core row and every false finding.

``--verify`` checks the data instead: every gold row names a text of the set
of the set, its line exists and holds its anchor, tier and category are valid.
A control may carry rows for the few real slips careful writers make: finding them
is not counted against mtlint, and recall is over the MT pages only.
Arguments after ``--`` go to ``mtlint check`` (for example
``--languagetool http://127.0.0.1:8081``); the default is ``--languagetool off``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shlex
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SET_DIR = BENCH / "realweb"
CATEGORIES = ("grammar", "terminology", "spelling", "untranslated", "locale", "punctuation",
              "typography", "casing", "residue", "style")
TIERS = ("core", "stretch")


class RealwebError(Exception):
    """The set is incomplete or mtlint could not be run."""


@dataclass(frozen=True)
class Source:
    file: str
    url: str
    kind: str  # mt | clean
    genre: str


@dataclass
class GoldRow:
    file: str
    line: int
    tier: str
    category: str
    anchor: str
    note: str
    found_by: list[str] = field(default_factory=list)


@dataclass
class Finding:
    file: str
    rule: str
    category: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    matched: bool = False


def read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise RealwebError(f"{path} is missing")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_sources(path: Path) -> list[Source]:
    return [Source(r["file"], r["url"], r["kind"], r["genre"]) for r in read_tsv(path)]


def read_gold(path: Path) -> list[GoldRow]:
    rows = []
    for number, r in enumerate(read_tsv(path), start=2):
        try:
            rows.append(GoldRow(r["file"], int(r["line"]), r["tier"], r["category"],
                                r["anchor"], r.get("note") or ""))
        except (KeyError, TypeError, ValueError) as exc:
            raise RealwebError(f"{path}:{number}: unreadable row ({exc}): {r}") from exc
    return rows


def read_lines(texts: Path, name: str) -> list[str]:
    path = texts / name
    if not path.is_file():
        raise RealwebError(f"{path} is missing: rebuild the texts (bench/realweb/README.md)")
    return path.read_text(encoding="utf-8").split("\n")


def verify(sources: list[Source], gold: list[GoldRow], texts: Path) -> list[str]:
    """Problems with the set's data, one message each (empty: all good)."""
    problems = []
    kinds = {s.file: s.kind for s in sources}
    for s in sources:
        if s.kind not in ("mt", "clean"):
            problems.append(f"SOURCES: {s.file}: kind {s.kind!r} is not mt or clean")
        if not (texts / s.file).is_file():
            problems.append(f"SOURCES: {s.file}: text missing in {texts}")
    for row in gold:
        where = f"gold: {row.file}:{row.line}"
        if row.file not in kinds:
            problems.append(f"{where}: file not in SOURCES.tsv")
            continue
        if row.tier not in TIERS:
            problems.append(f"{where}: tier {row.tier!r}")
        if row.category not in CATEGORIES:
            problems.append(f"{where}: category {row.category!r}")
        if not row.anchor:
            problems.append(f"{where}: empty anchor")
            continue
        if not (texts / row.file).is_file():
            continue
        lines = read_lines(texts, row.file)
        if not 1 <= row.line <= len(lines):
            problems.append(f"{where}: no such line")
        elif row.anchor not in lines[row.line - 1]:
            problems.append(f"{where}: anchor {row.anchor!r} not on the line")
    return problems


def run_mtlint(command: list[str], paths: list[Path], extra: list[str]) -> dict[str, list[dict]]:
    """Findings per file name from mtlint's JSON report."""
    args = [*command, "check", *map(str, paths), "--format", "json", "--no-cache",
            "--fail-on", "never"]
    if not any(a.startswith("--languagetool") for a in extra):
        args += ["--languagetool", "off"]
    args += extra
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise RealwebError(f"mtlint exited {done.returncode}: {done.stderr.strip()[:500]}")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise RealwebError(f"mtlint printed no JSON ({exc}): {done.stdout[:300]!r}") from exc
    result = {}
    for entry in report["files"]:
        if entry.get("error"):
            raise RealwebError(f"mtlint could not check {entry['path']}: {entry['error']}")
        result[Path(entry["path"]).name] = entry["findings"]
    return result


ARCHIVE_PREFIX = re.compile(r"date \d{4}-\d{2}(?:-\d{2})? ")


def on_archive_prefix(texts: Path, name: str, finding: dict) -> bool:
    """Whether a finding sits on the "date YYYY-MM" prefix the page archive puts before some
    excerpts: not page text, so neither gold nor findings count there."""
    if finding["line"] != 1:
        return False
    prefix = ARCHIVE_PREFIX.match(read_lines(texts, name)[0])
    return prefix is not None and finding["column"] <= prefix.end()


def on_cut_last_word(texts: Path, name: str, finding: dict) -> bool:
    """Whether a finding touches the last word of an excerpt that the page archive cut off
    mid-sentence ("… nach langem Suc"): the cut is the archive's, not the page's."""
    lines = read_lines(texts, name)
    while lines and not lines[-1].strip():
        lines.pop()
    last = lines[-1].rstrip() if lines else ""
    if finding["line"] != len(lines) or not last or last[-1] in ".!?:;…\"“”»«)]":
        return False
    last_word_start = len(last) - len(last.split()[-1]) + 1
    end = finding["end_column"] if finding["end_line"] == finding["line"] else len(last) + 1
    return end > last_word_start


def anchor_spans(line_text: str, anchor: str) -> list[tuple[int, int]]:
    """1-based [start, end) columns of every occurrence of anchor in the line."""
    spans, start = [], line_text.find(anchor)
    while start >= 0:
        spans.append((start + 1, start + 1 + len(anchor)))
        start = line_text.find(anchor, start + 1)
    return spans


def finding_span(finding: Finding, line_length: int) -> tuple[int, int]:
    end = finding.end_column if finding.end_line == finding.line else line_length + 1
    return finding.column, max(end, finding.column + 1)


def match(findings: list[Finding], gold: list[GoldRow], texts: Path) -> None:
    """Mark matched findings and record which rules found each gold row."""
    rows_at: dict[tuple[str, int], list[GoldRow]] = defaultdict(list)
    for row in gold:
        rows_at[(row.file, row.line)].append(row)
    lines_of: dict[str, list[str]] = {}
    for finding in findings:
        candidates = rows_at.get((finding.file, finding.line))
        if not candidates:
            continue
        lines = lines_of.setdefault(finding.file, read_lines(texts, finding.file))
        line_text = lines[finding.line - 1]
        start, end = finding_span(finding, len(line_text))
        for row in candidates:
            if any(a < end and start < b for a, b in anchor_spans(line_text, row.anchor)):
                finding.matched = True
                row.found_by.append(finding.rule)


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.2f}" if whole else f"{part}/0"


def report(sources: list[Source], gold: list[GoldRow], findings: list[Finding], texts: Path,
           show: bool) -> None:
    kinds = {s.file: s.kind for s in sources}
    slips = [r for r in gold if kinds.get(r.file) == "clean"]
    gold = [r for r in gold if kinds.get(r.file) == "mt"]
    core = [r for r in gold if r.tier == "core"]
    print(f"pages: {sum(k == 'mt' for k in kinds.values())} mt, "
          f"{sum(k == 'clean' for k in kinds.values())} controls; gold rows on mt pages: "
          f"{len(gold)} ({len(core)} core)")
    print(f"core recall: {ratio(sum(bool(r.found_by) for r in core), len(core))}")
    print(f"all-row recall: {ratio(sum(bool(r.found_by) for r in gold), len(gold))}")
    on_mt = [f for f in findings if kinds.get(f.file) == "mt"]
    on_controls = [f for f in findings if kinds.get(f.file) == "clean" and not f.matched]
    print(f"precision on mt pages: {ratio(sum(f.matched for f in on_mt), len(on_mt))}")
    controls = sum(k == "clean" for k in kinds.values())
    if controls:
        print(f"false findings on controls: {len(on_controls)} on {controls} pages "
              f"= {len(on_controls) / controls:.2f} per page")
    if slips:
        print(f"slips marked on controls, found: "
              f"{ratio(sum(bool(r.found_by) for r in slips), len(slips))}")
    print("\ncore recall per category:")
    for category in CATEGORIES:
        rows = [r for r in core if r.category == category]
        if rows:
            print(f"  {category:13} {ratio(sum(bool(r.found_by) for r in rows), len(rows))}")
    print("\nfindings per rule (true / false on mt pages, on controls):")
    true_by, false_by, control_by = Counter(), Counter(), Counter()
    for f in on_mt:
        (true_by if f.matched else false_by)[f.rule] += 1
    for f in on_controls:
        control_by[f.rule] += 1
    for rule in sorted(set(true_by) | set(false_by) | set(control_by)):
        print(f"  {rule:36} {true_by[rule]:3} / {false_by[rule]:3}   {control_by[rule]:3}")
    if not show:
        return
    print("\nmissed core rows:")
    for r in core:
        if not r.found_by:
            print(f"  {r.file}:{r.line} [{r.category}] {r.anchor!r} -- {r.note}")
    print("\nfalse findings:")
    for f in findings:
        if not f.matched:
            text = read_lines(texts, f.file)[f.line - 1]
            start, end = finding_span(f, len(text))
            excerpt = text[max(0, start - 41):start - 1] + "[" + text[start - 1:end - 1] + "]" \
                + text[end - 1:end + 39]
            kind = "control" if kinds.get(f.file) == "clean" else "mt"
            print(f"  {f.file}:{f.line}:{f.column} ({kind}) {f.rule}: {f.message}\n"
                  f"      {excerpt}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        split = argv.index("--")
        argv, extra = argv[:split], argv[split + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=SET_DIR, dest="set_dir",
                        help="the set's folder (default bench/realweb; also bench/realweb2, "
                        "and the held-out set bench/heldout)")
    parser.add_argument("--texts", type=Path, help="default: SET/texts")
    parser.add_argument("--gold", type=Path, help="default: SET/gold.tsv")
    parser.add_argument("--sources", type=Path, help="default: SET/SOURCES.tsv")
    parser.add_argument("--show", action="store_true", help="print every miss and false finding")
    parser.add_argument("--category", help="recall over this category's rows, precision over "
                        "findings of this category")
    parser.add_argument("--rule", help="score only findings of this rule (recall over all rows)")
    parser.add_argument("--verify", action="store_true", help="check the set's data and stop")
    parser.add_argument("--mtlint", default=f"{shlex.quote(sys.executable)} -m mtlint",
                        help="command that runs mtlint (default: this Python's -m mtlint)")
    args = parser.parse_args(argv)
    args.texts = args.texts or args.set_dir / "texts"
    args.gold = args.gold or args.set_dir / "gold.tsv"
    args.sources = args.sources or args.set_dir / "SOURCES.tsv"
    try:
        sources = read_sources(args.sources)
        gold = read_gold(args.gold)
        if args.verify:
            problems = verify(sources, gold, args.texts)
            for problem in problems:
                print(problem)
            print(f"{len(sources)} pages, {len(gold)} gold rows: "
                  f"{len(problems)} problem(s)")
            return 1 if problems else 0
        paths = [args.texts / s.file for s in sources]
        missing = [p for p in paths if not p.is_file()]
        if missing:
            raise RealwebError(f"{len(missing)} text(s) missing in {args.texts}, e.g. "
                               f"{missing[0].name}: rebuild them (bench/realweb/README.md)")
        raw = run_mtlint(shlex.split(args.mtlint), paths, extra)
    except RealwebError as exc:
        print(f"realweb: {exc}", file=sys.stderr)
        return 2
    findings = [Finding(name, f["rule"], f["category"], f["line"], f["column"],
                        f["end_line"], f["end_column"], f["message"])
                for name, entries in raw.items() for f in entries
                if not on_archive_prefix(args.texts, name, f)
                and not on_cut_last_word(args.texts, name, f)]
    # Match against every row first: a rule's category need not be the annotator's.
    match(findings, gold, args.texts)
    if args.category:
        gold = [r for r in gold if r.category == args.category]
        findings = [f for f in findings if f.category == args.category]
    if args.rule:
        findings = [f for f in findings if f.rule == args.rule]
        for row in gold:
            row.found_by = [rule for rule in row.found_by if rule == args.rule]
    report(sources, gold, findings, args.texts, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())

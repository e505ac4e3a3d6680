"""Precision of the speller and the untranslated rules on fresh web pages (bench/webprecision/).

Usage: ``python bench/webprecision.py [--texts DIR] [--half study|measure|all] [--show]
[--mtlint CMD] [-- MTLINT_ARGS ...]``

The set is German web pages of sites no rule was written from (``SOURCES.tsv``), split
before any finding was read into a half to study and a half only measured (column
``half``). ``verdicts.tsv`` judges every finding the rules made on them once: true (a
real typo, English left in, a broken compound) or false, with the reason (a name, a
product, a domain term, an inflected form ...). There is no gold: the set measures
precision only, recall is the development sets' (``bench/realweb.py``).

Counted are the rules of the spelling family (``spelling-*``, ``compound-*``) and of the
category untranslated. A finding is judged when a verdict has its file, line and rule
and the flagged text starts with the verdict's word. Printed per half and rule: judged
true, judged false, new unjudged findings (to judge by hand and add to verdicts.tsv) and
judged-true findings no longer found (lost recall); ``--show`` lists the unjudged and
lost ones. Findings on the word an archive excerpt cut off at its end, and on the
archive's "date YYYY-MM" prefix, are not the page's and are left out, as in realweb.py.
"""

from __future__ import annotations

import argparse
import csv
import shlex
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from realweb import (  # bench/ is on sys.path when run as a script
    RealwebError,
    on_archive_prefix,
    on_cut_last_word,
    read_lines,
    run_mtlint,
)

BENCH = Path(__file__).resolve().parent
SET_DIR = BENCH / "webprecision"
HALVES = ("study", "measure")
VERDICTS = ("true", "false")
MAX_WORDS = 3  # a verdict keeps the flagged word, or a longer span's first words


@dataclass(frozen=True)
class Verdict:
    file: str
    line: int
    rule: str
    word: str
    verdict: str
    reason: str


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    rule: str
    text: str  # the flagged text on its line


def counted(rule: str, category: str) -> bool:
    """The rules this set measures: the speller's, the compounds', the untranslated ones."""
    return rule.startswith(("spelling-", "compound-")) or category == "untranslated"


def short(text: str) -> str:
    """What a verdict keeps of a flagged text: its first words, never a whole sentence."""
    words = text.split()
    return " ".join(words[:MAX_WORDS]) + (" …" if len(words) > MAX_WORDS else "")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_verdicts(path: Path) -> list[Verdict]:
    rows = [Verdict(r["file"], int(r["line"]), r["rule"], r["word"], r["verdict"], r["reason"])
            for r in read_tsv(path)]
    wrong = [r for r in rows if r.verdict not in VERDICTS]
    if wrong:
        raise RealwebError(f"verdict must be true or false: {wrong[0]}")
    return rows


def judges(verdict: Verdict, finding: Finding) -> bool:
    return (verdict.file, verdict.line, verdict.rule) == (finding.file, finding.line,
                                                           finding.rule) and (
        finding.text.startswith(verdict.word.removesuffix(" …")))


def findings_of(texts: Path, names: list[str], command: list[str],
                extra: list[str]) -> list[Finding]:
    raw = run_mtlint(command, [texts / n for n in names], extra)
    found = []
    for name, entries in raw.items():
        lines = read_lines(texts, name)
        for f in entries:
            if not counted(f["rule"], f["category"]) or on_archive_prefix(texts, name, f) \
                    or on_cut_last_word(texts, name, f):
                continue
            line = lines[f["line"] - 1]
            end = f["end_column"] if f["end_line"] == f["line"] else len(line) + 1
            found.append(Finding(name, f["line"], f["rule"], line[f["column"] - 1:end - 1]))
    return found


def report(half: str, findings: list[Finding], verdicts: list[Verdict], show: bool) -> None:
    true, false, new, lost = Counter(), Counter(), Counter(), Counter()
    unjudged = []
    for finding in findings:
        verdict = next((v for v in verdicts if judges(v, finding)), None)
        if verdict is None:
            new[finding.rule] += 1
            unjudged.append(finding)
        elif verdict.verdict == "true":
            true[finding.rule] += 1
        else:
            false[finding.rule] += 1
    gone = [v for v in verdicts if v.verdict == "true"
            and not any(judges(v, f) for f in findings)]
    for verdict in gone:
        lost[verdict.rule] += 1
    rules = sorted(set(true) | set(false) | set(new) | set(lost))
    print(f"{half}: {len(findings)} findings")
    print(f"  {'rule':34} {'true':>5} {'false':>6} {'new':>5} {'lost':>5}")
    for rule in rules:
        print(f"  {rule:34} {true[rule]:5} {false[rule]:6} {new[rule]:5} {lost[rule]:5}")
    print(f"  {'all':34} {sum(true.values()):5} {sum(false.values()):6} "
          f"{sum(new.values()):5} {sum(lost.values()):5}")
    if show:
        for f in unjudged:
            print(f"  new\t{f.file}\t{f.line}\t{f.rule}\t{short(f.text)}")
        for v in gone:
            print(f"  lost\t{v.file}\t{v.line}\t{v.rule}\t{v.word}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, default=SET_DIR / "texts",
                    help="folder of the page texts (default: %(default)s)")
    ap.add_argument("--half", choices=(*HALVES, "all"), default="all")
    ap.add_argument("--show", action="store_true",
                    help="list the unjudged findings and the lost true ones")
    ap.add_argument("--mtlint", default=shlex.join([sys.executable, "-m", "mtlint"]),
                    help="command that runs mtlint (default: %(default)s)")
    ap.add_argument("mtlint_args", nargs="*", help="further arguments for mtlint check")
    args = ap.parse_args(argv)
    try:
        sources = read_tsv(SET_DIR / "SOURCES.tsv")
        verdicts = read_verdicts(SET_DIR / "verdicts.tsv")
        for half in HALVES if args.half == "all" else (args.half,):
            names = [s["file"] for s in sources if s["half"] == half]
            missing = [n for n in names if not (args.texts / n).is_file()]
            if missing:
                raise RealwebError(f"{len(missing)} text(s) missing in {args.texts}, e.g. "
                                   f"{missing[0]}: rebuild them (bench/webprecision/README.md)")
            findings = findings_of(args.texts, names, shlex.split(args.mtlint),
                                   args.mtlint_args)
            report(half, findings, [v for v in verdicts if v.file in names], args.show)
    except RealwebError as exc:
        print(f"webprecision: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

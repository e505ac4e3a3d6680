"""List wording the repository shares with the real-web page texts (they must not be copied).

Usage: ``python bench/wording_overlap.py [ROOT]`` (default: this checkout)

The page texts of ``bench/realweb`` and ``bench/heldout`` are git-ignored: the search
tool's terms ask that excerpts are not copied into lasting files. Rule examples, tests and
docs are to be written in sentences of our own; this script finds where page wording crept
in anyway: every run of four or five words (at least 20 characters) of a repository line
that occurs verbatim in a page text, and every glued token of eight or more characters
("WortWort", "4Jahre") found there. Gold anchors (``gold.tsv``) are the set's own data and
are not scanned. The list is for a person to read: common phrases ("in den letzten
Jahren") and brand names are expected in it; a sentence, or a string of words only one
page would write, must be rewritten. Exit status 1 when something is found, 0 when not,
2 without texts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ("bench/realweb/texts", "bench/realweb2/texts", "bench/heldout/texts")
SCANNED = ("rules/*.toml", "mtlint/**/*.py", "mtlint/data/*.toml", "tests/**/*.py",
           "docs/*.md", "bench/*.py", "bench/*.md", "README.md")
WORD = re.compile(r"[\wÄÖÜäöüß'’.:/%€-]+")
GLUED = re.compile(r"[a-zäöü][A-ZÄÖÜ]|\d[A-Za-z]{3}|[a-z]\(|:[A-Z]")


def shared_wording(line: str, corpus: str) -> list[str]:
    tokens = WORD.findall(line)
    hits: list[str] = []
    for n in (5, 4):
        hits = [gram for i in range(len(tokens) - n + 1)
                if len(gram := " ".join(tokens[i:i + n])) >= 20 and gram in corpus]
        if hits:
            break
    hits += [t for t in tokens if len(t) >= 8 and GLUED.search(t) and t in corpus]
    return hits


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    texts = [p.read_text(encoding="utf-8") for folder in SETS
             for p in sorted((ROOT / folder).glob("*.txt"))]
    if not texts:
        print("no page texts found: rebuild them first (bench/realweb/README.md)",
              file=sys.stderr)
        return 2
    corpus = "\n".join(texts)
    found = 0
    seen: set[tuple[Path, str]] = set()
    for pattern in SCANNED:
        for path in sorted(root.glob(pattern)):
            if "realweb" in path.parts or "heldout" in path.parts or not path.is_file():
                continue
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            for number, line in enumerate(lines, 1):
                for hit in shared_wording(line, corpus):
                    if (path, hit) not in seen:
                        seen.add((path, hit))
                        found += 1
                        print(f"{path.relative_to(root)}:{number}: {hit}")
    print(f"{found} shared passage(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

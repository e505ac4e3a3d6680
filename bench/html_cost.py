"""What reading HTML costs: the same articles checked as plain text and as HTML pages.

Usage: ``python bench/html_cost.py [--size-mb 2] [--files 200] [--runs 3]``

Builds the tiled seed corpus of ``run.py`` (``--size-mb`` of text in ``--files``
articles), writes each article a second time as an HTML page (every paragraph a ``<p>``
with inline markup and an entity, inside page chrome: a head with a script and a style,
a nav and a footer), checks both folders with ``-j 1`` (median of ``--runs`` runs, no
cache, no LanguageTool) and prints the throughput on the articles' text for each and
how much the HTML reading costs. The goal (issue 19): HTML adds at most 20 %.
"""

from __future__ import annotations

import argparse
import html
import random
import sys

from run import BENCH, MTLINT, build_tiled_corpus, median_run, rate

WORK = BENCH / ".cache" / "html"
GOAL = 0.20
CHROME_HEAD = ("<!DOCTYPE html>\n<html lang='de'><head><meta charset='utf-8'><title>Artikel"
               "</title><style>p { margin: 0 }</style><script>var page = 1;</script></head>"
               "\n<body><nav><a href='/'>Startseite</a> <a href='/news'>Nachrichten</a></nav>"
               "\n<article>\n")
CHROME_FOOT = "</article>\n<footer>Impressum · Datenschutz</footer></body></html>\n"


def as_page(text: str, rng: random.Random) -> str:
    """An article as an HTML page: paragraphs with some inline markup and entities."""
    parts = [CHROME_HEAD]
    for paragraph in text.split("\n\n"):
        words = html.escape(paragraph.strip(), quote=False).split(" ")
        if len(words) > 4:
            at = rng.randrange(len(words))
            words[at] = f"<em>{words[at]}</em>"
            at = rng.randrange(len(words))
            words[at] = f"<a href='/x/{at}'>{words[at]}</a>"
        parts.append("<p>" + " ".join(words) + "</p>\n")
    parts.append(CHROME_FOOT)
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=2.0)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    text_dir, html_dir = WORK / "text", WORK / "html"
    WORK.mkdir(parents=True, exist_ok=True)
    # bench/.cache is git-ignored, and folder scans skip what git ignores.
    (WORK / ".mtlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    chars = build_tiled_corpus(text_dir, int(args.size_mb * 1_000_000), args.files)
    html_dir.mkdir(parents=True, exist_ok=True)
    for old in html_dir.glob("*.html"):
        old.unlink()
    rng = random.Random(19)
    for path in sorted(text_dir.glob("*.txt")):
        page = as_page(path.read_text(encoding="utf-8"), rng)
        (html_dir / f"{path.stem}.html").write_text(page, encoding="utf-8")
    command = [*MTLINT, "--no-cache", "-j", "1", "-q",
               "--fail-on", "never"]
    text_wall, _ = median_run([*command, str(text_dir)], args.runs)
    html_wall, _ = median_run([*command, str(html_dir)], args.runs)
    cost = html_wall / text_wall - 1
    html_chars = sum(len(p.read_text(encoding="utf-8")) for p in html_dir.glob("*.html"))
    print(f"articles: {args.files}, text {chars:,} characters; HTML pages "
          f"{html_chars:,} characters")
    print(f"plain text: {text_wall:6.2f} s  {rate(chars, text_wall)}")
    print(f"HTML:       {html_wall:6.2f} s  {rate(chars, html_wall)} (of the articles' text)")
    print(f"HTML costs {cost:+.0%} (goal: at most +{GOAL:.0%})")
    return 0 if cost <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())

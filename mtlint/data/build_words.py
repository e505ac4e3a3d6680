"""Build ``words.tsv``, the word list behind mtlint's speller (``mtlint.language.speller``).

Run once when the source changes (not at install or run time)::

    python -m mtlint.data.build_words PATH/TO/wordfreq/data

Source: the German and English frequency lists of ``wordfreq`` 3.1.1
(``large_de.msgpack.gz``, ``large_en.msgpack.gz``; data CC BY-SA 4.0, see NOTICE).
Reading them needs ``msgpack``, which only this script uses. wordfreq itself (57 MB,
all languages) is no dependency of mtlint: the two lists become one sorted table that
``mtlint.language.speller`` searches by bisection on the bytes, like the noun lexicon.

File format (UTF-8, lines sorted, ``#`` lines are comments)::

    word <TAB> german <TAB> english

``word`` is wordfreq's form: lowercase and case-folded (``ß`` is ``ss``); ``german``
and ``english`` are the word's frequency in that language in centibels below 1
(``300`` = one in 10^3 words, ``800`` = one in 10^8), empty when the list lacks it.
Kept: words of letters only (an apostrophe inside English words), every German word
and the English words more frequent than one in 10^6.5 (enough to tell a left-over
English word, far fewer than the 320,000 of the list).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

OUTPUT = Path(__file__).with_name("words.tsv")
# English words rarer than this (centibels) say nothing about a German text.
ENGLISH_LIMIT = 650

HEADER = """\
# mtlint word list: word (lowercase, casefolded) -> German and English frequency in
# centibels (see mtlint/data/build_words.py). Derived from wordfreq 3.1.1 by Robyn Speer
# (https://github.com/rspeer/wordfreq), data CC BY-SA 4.0.
"""


def read_buckets(path: Path) -> dict[str, int]:
    """wordfreq's cB-format list: bucket i holds the words of frequency 10^(-i/100)."""
    import msgpack

    with gzip.open(path, "rb") as stream:
        data = msgpack.load(stream, raw=False)
    if not isinstance(data[0], dict) or data[0].get("format") != "cB":
        raise ValueError(f"{path}: not a wordfreq cB list")
    return {word: bucket for bucket, words in enumerate(data[1:], 1) for word in words}


def is_word(word: str) -> bool:
    return len(word) >= 2 and word.replace("'", "").isalpha() and not word.startswith("'")


def build(folder: Path) -> str:
    german = read_buckets(folder / "large_de.msgpack.gz")
    english = read_buckets(folder / "large_en.msgpack.gz")
    words = {w for w in german if is_word(w) and "'" not in w}
    words |= {w for w, bucket in english.items() if bucket <= ENGLISH_LIMIT and is_word(w)}
    lines = [f"{w}\t{german.get(w, '')}\t{english.get(w, '')}\n" for w in sorted(words)]
    return HEADER + "".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    OUTPUT.write_text(build(Path(argv[0])), encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

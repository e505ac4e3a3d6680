"""Build ``nouns.tsv``, the compact noun lexicon that ``mtlint.language.german`` loads.

Run once when the source changes (not at install or run time)::

    python -m mtlint.data.build_nouns

Source: the Wiktionary-derived noun list of the ``german-nouns`` package (1.2.5,
CC BY-SA 4.0).  Loading that package takes about 2 s (25 MB CSV), far too slow for a
linter start, so we keep only what the rules need: every single-word surface form of a
noun, and for each form its readings (lemma, grammatical gender(s), case/number slots).

File format (UTF-8, lines sorted, ``#`` lines are comments; stored uncompressed because
``mtlint.language.german_data`` searches the bytes directly, and wheels are compressed anyway)::

    form <TAB> reading[,reading...]

A common-noun reading is ``MM G [>OP]``: ``MM`` two hex digits, a bit mask of the
case/number slots the form fills (bit 0 nom sg, 1 gen sg, 2 dat sg, 3 acc sg,
4 nom pl, 5 gen pl, 6 dat pl, 7 acc pl; 00 when Wiktionary gives no table); ``G``
zero to three gender letters from ``mfn``; ``>OP`` present when the lemma differs from
the form: one digit *k* then text *t* means "drop the last *k* characters of the form
and append *t*", or ``=lemma`` spelled out.  A proper-name reading (place, first or
last name) is ``N`` plus gender letters; names carry no inflection data.

Example: ``Büros<TAB>f2n>1`` -- genitive singular and all plural slots of *Büro* (n).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

OUTPUT = Path(__file__).with_name("nouns.tsv")

CASES = ("nominativ", "genitiv", "dativ", "akkusativ")
NUMBERS = ("singular", "plural")
NAME_POS = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname"}
# Entries that are not nouns a sentence would contain as one token.
SKIP_POS = {
    "Buchstabe",
    "Symbol",
    "Affix",
    "Suffix",
    "Gebundenes Lexem",
    "Wortverbindung",
    "Redewendung",
    "Geflügeltes Wort",
}
# A lemma must look like a capitalised German noun; forms may contain hyphens
# ("Know-how", "E-Mail"), nothing else beyond letters and digits.
LEMMA_RE = re.compile(r"[^\W\d_][\w-]*\Z")
COLUMN_RE = re.compile(
    r"(nominativ|genitiv|dativ|akkusativ) (singular|plural)"
    r"(?:\*| (?P<variant>[1-4])| stark| schwach| gemischt)?\Z"
)

HEADER = """\
# mtlint noun lexicon: surface form -> readings (see mtlint/data/build_nouns.py).
# Derived from german-nouns 1.2.5 (https://github.com/gambolputty/german-nouns),
# itself compiled from the German Wiktionary (https://de.wiktionary.org).
# License: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);
# this derived table is shared under the same license.
"""


def _slot_bit(case: str, number: str) -> int:
    return 1 << (NUMBERS.index(number) * 4 + CASES.index(case))


def _lemma_op(form: str, lemma: str) -> str:
    """Encode how to turn ``form`` into ``lemma`` (empty when they are equal)."""
    if form == lemma:
        return ""
    common = 0
    for a, b in zip(form, lemma, strict=False):
        if a != b:
            break
        common += 1
    strip = len(form) - common
    if strip > 9:
        return ">=" + lemma
    return f">{strip}{lemma[common:]}"


def _row_genders(row: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Genders of a row, and the gender of each numbered variant ("genus 2")."""
    numbered = {k[-1]: row[k] for k in ("genus 1", "genus 2", "genus 3", "genus 4") if row[k]}
    genders = {row["genus"]} if row["genus"] else set()
    genders.update(numbered.values())
    return "".join(sorted(genders & {"m", "f", "n"}, key="mfn".index)), numbered


def build(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    """Map each surface form to its encoded readings."""
    # (form, lemma, mask) -> genders; merging rows with equal masks stays exact.
    common: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        lemma = row["lemma"]
        pos = set(row["pos"].split(","))
        if pos & SKIP_POS or not LEMMA_RE.match(lemma) or not lemma[0].isupper():
            continue
        genders, numbered = _row_genders(row)
        if pos & NAME_POS:
            names[lemma].update(genders)
            continue
        masks: dict[tuple[str, str], int] = defaultdict(int)
        for column, value in row.items():
            match = COLUMN_RE.match(column)
            form = value.strip()
            if not match or not form or not LEMMA_RE.match(form):
                continue
            variant = match["variant"]
            gender = numbered.get(variant, genders) if variant else genders
            masks[(form, gender)] |= _slot_bit(match[1], match[2])
        if not any(form == lemma for form, _ in masks):
            masks[(lemma, genders)] |= 0  # listed without a usable table
        for (form, gender), mask in masks.items():
            common[(form, lemma, mask)].update(gender)

    readings: dict[str, set[str]] = defaultdict(set)
    for (form, lemma, mask), genders in common.items():
        gender_str = "".join(g for g in "mfn" if g in genders)
        readings[form].add(f"{mask:02x}{gender_str}{_lemma_op(form, lemma)}")
    for lemma, genders in names.items():
        readings[lemma].add("N" + "".join(g for g in "mfn" if g in genders))
    return readings


def main() -> int:
    try:
        from german_nouns.config import CSV_FILE_PATH
    except ImportError:
        print("build_nouns needs the german-nouns package: pip install german-nouns==1.2.5")
        return 1
    with open(CSV_FILE_PATH, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    readings = build(rows)
    lines = [f"{form}\t{','.join(sorted(r))}\n" for form, r in sorted(readings.items())]
    with open(OUTPUT, "wb") as out:
        out.write(HEADER.encode("utf-8"))
        out.write("".join(lines).encode("utf-8"))
    print(f"{len(rows)} rows -> {len(lines)} forms, {OUTPUT.stat().st_size} bytes: {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

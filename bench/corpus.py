"""Build the clean-German precision corpus from two Debian packages.

Usage: ``python bench/corpus.py [--out DIR] [--cache DIR] [--drop-known-slips]
[--max-paragraphs N]``

mtlint must stay quiet on well-edited human German. This script fetches
``debian-reference-de`` and ``fortunes-de`` with ``apt-get download`` (no root
needed for that), unpacks them with ``dpkg-deb -x`` and writes prose paragraphs,
one paragraph per line, paragraphs separated by a blank line:

- ``<out>/debian-reference.txt``, ``<out>/fortunes.txt`` and their concatenation
  ``<out>/clean-german.txt`` (default ``<out>`` is ``bench/.cache/corpus``);
- ``<out>/dropped.tsv``: every dropped paragraph with its source and reason, so
  that the filters can be checked by eye.

debian-reference-de
    The HTML pages ``usr/share/debian-reference/*.de.html`` (the package keeps
    only its copyright and changelog under ``usr/share/doc``). Text of ``<p>``
    elements, whitespace collapsed, footnote markers (``<sup>``) removed.
    Dropped: ``<p>`` inside tables, tables of contents, navigation, list items
    and definition lists (list items are often fragments without a verb, which
    is fine in a list and wrong in a paragraph), ``<p class="title">``
    captions; paragraphs under 40 characters or 6 words; paragraphs where more
    than 30 % of the words are code (inside ``<code>``) or look technical
    (paths, URLs, options, shell syntax); paragraphs that are not German
    (untranslated English left by the translation tool): more English than
    German function words (umlauts and ß count as one German word).

fortunes-de
    The fortune files ``usr/share/games/fortunes/de/*`` (``%`` lines separate
    fortunes; the ``.u8`` names are symlinks and are skipped). A fortune is split
    at blank lines into blocks; each block is unwrapped into one paragraph.
    Attribution lines (``-- Author``) are removed, and so is a title line at
    the start of a block (see ``is_title``; otherwise the title would run into
    the first sentence, which no editor would write). A block is dropped as:

    - ``dialogue``: IRC logs (``<nick>``, ``* nick``), two or more speaker
      labels (``F:``/``A:``, ``Karl Marx:``) or dash-led turns, or direct
      speech in two or more quotes making up over half of the text;
    - ``verse-or-list``: three or more lines of which more than half of the
      non-final lines are short (under 40 characters) - wrapped prose fills
      its lines, verse and lists do not;
    - ``structured``: column alignment (a tab or three spaces inside a line),
      recipes, ASCII art, or a label line followed only by indented lines
      (dictionary entries, "Letzte Worte ...:" followed by a quote);
    - ``non-prose``: fewer than 70 % of the non-space characters are letters;
    - and, as for debian-reference, ``short``, ``code`` and ``not-german``.

Known slips (``--drop-known-slips``)
    Well-edited human German still has real slips that mtlint may rightly flag:
    abbreviations without their inner space ("z.B.", "d.h.", "u.a."), a space
    before a comma or full stop, a missing space after a comma between two
    words. They are always counted; with the option the paragraphs that contain
    them are dropped, so that the remaining findings are false positives.
    Pre-1996 spelling ("daß", "muß"), standard when many fortunes were written,
    is counted for information and never dropped.

Both packages are GPL-2+ (see their ``copyright`` files); only this script is
committed, never the corpus text.
"""

from __future__ import annotations

import argparse
import html.parser
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_CACHE = BENCH / ".cache"
PACKAGES = ("debian-reference-de", "fortunes-de")

MIN_CHARS = 40
MIN_WORDS = 6
MAX_TECHNICAL_SHARE = 0.3
SHORT_LINE = 40  # fortune lines: wrapped prose is 60-78 columns wide

# Function words that occur in one language only; ambiguous ones ("in", "an",
# "so", "was", "will", "also", "die", "bin", "hat") are left out on purpose.


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


GERMAN_FUNCTION_WORDS = _wordset(
    """der das den dem des ein eine einen einem einer eines und oder aber nicht
    ist sind wird werden wurde wurden kann können muss müssen soll sollte mit
    von zu für auf im auch es sie er wir ich sich bei nach aus wie wenn dass daß
    noch nur um über unter durch zum zur vom beim diese dieser dieses diesen
    kein keine keinen sehr schon dann denn doch wo wer wie man hier jetzt
    oft immer mehr wenn weil ob als alle alles einen ihr ihre ihren sein seine
    seinen"""
)
ENGLISH_FUNCTION_WORDS = _wordset(
    """the a and or but not is are were be been being would can could should
    with of to for on at as it they he we you this that these those from by if
    only than then there which what when where who how your its their has have
    had do does did into about our my his her them just more most other such
    any each"""
)

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A token that is code, a path, a URL, an option or shell syntax rather than a word.
TECHNICAL_TOKEN_RE = re.compile(
    r"""(?x)
    :// | ^www\. | @\w
    | ^/ | \w/\w | ^~/ | ^\./
    | ^-{1,2}\w
    | [$={}|<>\\`_*#]
    | \w\.\w+\.\w | ^\w+\.(?:conf|list|sh|py|txt|d|gz|xz|deb|iso|img|html?|cfg)\W*$
    | ^\w+\(\d\w?\)
    """
)

# Abbreviations written without their inner space; "z. B." is the norm (Duden).
ABBREVIATION_SLIP_RE = re.compile(
    r"(?<![\w.])(?:z\.B|d\.h|u\.a|z\.T|u\.U|o\.ä|o\.Ä|u\.ä|u\.Ä|i\.d\.R|i\.d|v\.a|s\.o|s\.u"
    r"|m\.E|z\.Zt|z\.Hd|u\.v\.m|o\.g|n\.Chr|v\.Chr|i\.A|i\.e)\.",
)
KNOWN_SLIPS: dict[str, re.Pattern[str]] = {
    "abbreviation-without-space": ABBREVIATION_SLIP_RE,
    "space-before-punctuation": re.compile(r"[^\W\d_] +[,.](?=\s|$)"),
    "no-space-after-comma": re.compile(r"[a-zäöüß]{2},[A-Za-zÄÖÜäöü]{2}"),
}

# Pre-1996 spelling ("daß", "muß") was the standard when many fortunes were
# written: counted for the report, never dropped as a slip.
OLD_SPELLING_RE = re.compile(
    r"\b(?:daß|muß|mußt|mußte|mußten|wußte|wußten|gewußt|läßt|laß|bißchen|Schluß|Fluß"
    r"|Kuß|Haß|Prozeß|Streß|Paß|naß|gewiß|mißt|Mißverständnis|Eßlöffel)\b"
)


class CorpusError(Exception):
    """A step of the build failed; the message says which and why."""


@dataclass
class Paragraph:
    """One candidate paragraph and what the extraction knows about it."""

    text: str
    origin: str
    code_chars: int = 0


@dataclass
class SourceReport:
    """Counts for one source document."""

    name: str
    kept: list[str] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    dropped_rows: list[tuple[str, str, str]] = field(default_factory=list)
    slip_paragraphs: int = 0
    slip_kinds: Counter[str] = field(default_factory=Counter)
    old_spelling: int = 0
    sampled_from: int = 0  # paragraphs before --max-paragraphs, 0 if not sampled

    def drop(self, reason: str, para: Paragraph) -> None:
        """Record a dropped paragraph."""
        self.dropped[reason] += 1
        self.dropped_rows.append((self.name, reason, f"{para.origin}: {para.text}"))


# --------------------------------------------------------------------- fetching


def _run(cmd: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise CorpusError(f"{cmd[0]} is not installed: this script needs a Debian system") from exc


def fetch_debs(cache: Path) -> dict[str, Path]:
    """Download the packages' .deb files into ``cache/debs`` (reused when present)."""
    debs = cache / "debs"
    debs.mkdir(parents=True, exist_ok=True)

    def found() -> dict[str, Path]:
        result = {}
        for pkg in PACKAGES:
            # Newest version last in sort order; several may pile up over time.
            hits = sorted(debs.glob(f"{pkg}_*.deb"))
            if hits:
                result[pkg] = hits[-1]
        return result

    have = found()
    missing = [pkg for pkg in PACKAGES if pkg not in have]
    if not missing:
        return have
    proc = _run(["apt-get", "download", *missing], cwd=debs)
    if proc.returncode != 0:
        # A fresh machine has no package lists yet: refresh them once and retry.
        print("apt-get download failed; trying apt-get update once", file=sys.stderr)
        update = _run(["apt-get", "update"])
        proc = _run(["apt-get", "download", *missing], cwd=debs)
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip()
            if update.returncode != 0:
                detail += "\napt-get update: " + (update.stderr or update.stdout).strip()
            raise CorpusError(
                f"apt-get download {' '.join(missing)} failed (no network or no Debian "
                f"package lists?):\n{detail}"
            )
    have = found()
    still = [pkg for pkg in PACKAGES if pkg not in have]
    if still:
        raise CorpusError(f"apt-get download left no .deb for {', '.join(still)} in {debs}")
    return have


def extract_deb(deb: Path, dest: Path) -> Path:
    """Unpack ``deb`` into a fresh ``dest`` with ``dpkg-deb -x``."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    proc = _run(["dpkg-deb", "-x", str(deb), str(dest)])
    if proc.returncode != 0:
        raise CorpusError(f"dpkg-deb -x {deb} failed: {proc.stderr.strip()}")
    return dest


# ------------------------------------------------------------ text measurements


def words(text: str) -> list[str]:
    """Return the letter words of ``text``."""
    return WORD_RE.findall(text)


def is_german(text: str) -> bool:
    """Tell German from English prose by counting each language's function words."""
    tokens = [w.lower() for w in words(text)]
    de = sum(t in GERMAN_FUNCTION_WORDS for t in tokens)
    # Umlauts and ß are evidence too: short German sentences may lack the listed words.
    de += any(ch in "äöüßÄÖÜ" for ch in text)
    en = sum(t in ENGLISH_FUNCTION_WORDS for t in tokens)
    # English loanwords, titles and command names add a few English words to
    # German prose, so only an English majority counts as English.
    return en <= de


def technical_share(text: str, code_chars: int = 0) -> float:
    """Share of the text that is code: marked-up code or code-looking tokens."""
    tokens = text.split()
    if not tokens:
        return 1.0
    technical = sum(1 for t in tokens if TECHNICAL_TOKEN_RE.search(t))
    token_share = technical / len(tokens)
    code_share = code_chars / max(len(text), 1)
    return max(token_share, code_share)


def find_known_slips(text: str) -> list[str]:
    """Return the kinds of well-known real slips in ``text`` (one entry per hit)."""
    return [kind for kind, rx in KNOWN_SLIPS.items() for _ in rx.finditer(text)]


def collapse(text: str) -> str:
    """Unwrap: every run of whitespace becomes one space."""
    return " ".join(text.split())


# -------------------------------------------------------------- debian-reference

SKIP_CONTAINERS = {"table", "pre", "li", "dd", "dt"}
SKIP_DIV_CLASSES = {"toc", "navheader", "navfooter", "list-of-tables", "list-of-figures"}
CODE_TAGS = {"code", "tt", "kbd", "samp"}
VOID_TAGS = {"br", "hr", "img", "col", "meta", "link", "input", "area", "base", "wbr"}


class ParagraphParser(html.parser.HTMLParser):
    """Collect the text of <p> elements with the context they sit in."""

    def __init__(self, origin: str) -> None:
        super().__init__(convert_charrefs=True)
        self.origin = origin
        self.stack: list[tuple[str, str]] = []  # (tag, skip reason or "")
        self.paragraphs: list[tuple[Paragraph, str]] = []  # (paragraph, skip reason)
        self._current: list[str] | None = None
        self._code_chars = 0
        self._reason = ""

    def _context_reason(self) -> str:
        for _tag, reason in reversed(self.stack):
            if reason:
                return reason
        return ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag == "br" and self._current is not None:
                self._current.append(" ")
            return
        classes = set((dict(attrs).get("class") or "").split())
        reason = ""
        if tag in SKIP_CONTAINERS:
            reason = {"li": "list-item", "dd": "list-item", "dt": "list-item"}.get(tag, tag)
        elif tag == "div" and classes & SKIP_DIV_CLASSES:
            reason = "navigation"
        elif tag == "sup":
            reason = "footnote-marker"
        if tag == "p":
            self._current = []
            self._code_chars = 0
            self._reason = "caption" if "title" in classes else self._context_reason()
        self.stack.append((tag, reason))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <a id="x"/> and friends open nothing.
        if tag == "br" and self._current is not None:
            self._current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        # Pop up to the matching tag; tolerate stray end tags.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag == "p" and self._current is not None:
            text = collapse("".join(self._current))
            self.paragraphs.append((Paragraph(text, self.origin, self._code_chars), self._reason))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is None:
            return
        if any(tag == "sup" for tag, _ in self.stack):
            return
        self._current.append(data)
        if any(tag in CODE_TAGS for tag, _ in self.stack):
            self._code_chars += len(collapse(data))


def _chapter_order(path: Path) -> tuple[int, str]:
    # Reading order: index, preface, chapters, appendices.
    name = path.name
    rank = (
        0
        if name.startswith("index")
        else 1
        if name.startswith("pr")
        else (2 if name.startswith("ch") else 3)
    )
    return (rank, name)


def debian_reference(root: Path, drop_slips: bool) -> SourceReport:
    """Extract prose paragraphs from the unpacked debian-reference-de package."""
    pages = sorted(root.glob("usr/share/**/*.de.html"), key=_chapter_order)
    if not pages:
        raise CorpusError(f"no *.de.html pages found under {root}/usr/share")
    report = SourceReport("debian-reference")
    for page in pages:
        parser = ParagraphParser(page.name)
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        for para, reason in parser.paragraphs:
            if reason:
                report.drop(reason, para)
            else:
                _filter(report, para, drop_slips)
    return report


def _filter(report: SourceReport, para: Paragraph, drop_slips: bool) -> None:
    """Apply the shared paragraph filters and keep or drop ``para``."""
    text = para.text
    if len(text) < MIN_CHARS or len(words(text)) < MIN_WORDS:
        report.drop("short", para)
    elif technical_share(text, para.code_chars) > MAX_TECHNICAL_SHARE:
        report.drop("code", para)
    elif not is_german(text):
        report.drop("not-german", para)
    else:
        report.old_spelling += bool(OLD_SPELLING_RE.search(text))
        slips = find_known_slips(text)
        if slips:
            report.slip_paragraphs += 1
            report.slip_kinds.update(slips)
            if drop_slips:
                report.drop("known-slip", para)
                return
        report.kept.append(text)


# ---------------------------------------------------------------------- fortunes

ATTRIBUTION_RE = re.compile(r"^\s*(?:--|―-?)\s")
IRC_RE = re.compile(r"^\s*(?:<[^>\s]+>|\*\s+\w+\s)")
SPEAKER_RE = re.compile(r"^\s*[A-ZÄÖÜ][\w.' -]{0,30}:(?:\s|$)")
DASH_TURN_RE = re.compile(r"^\s*[-–—]\s+\S")
QUOTE_RE = re.compile(r'"[^"]+"|„[^“”]+[“”]|»[^«]+«')
FINAL_PUNCT = tuple('.!?:;,"“”»«)…')


def is_title(line: str, next_line: str) -> bool:
    """Tell a title line ("Windows95/98-Airlines") from a deliberately short line.

    A title is short, has no final punctuation and no comma, ends in a capitalised
    word or a number, and the next line starts with a capital. A short line
    ending in "wichtigsten" or followed by "eines ..." continues its sentence.
    """
    s = line.strip()
    if len(s) >= SHORT_LINE or s.endswith(FINAL_PUNCT) or "," in s:
        return False
    last = s.split()[-1]
    first = next_line.strip()[:1]
    return (last[:1].isupper() or last[:1].isdigit()) and first.isupper()


def classify_fortune_block(lines: list[str]) -> str:
    """Return a drop reason for one block of a fortune, or "" to keep it."""
    text = "\n".join(lines)
    if any(IRC_RE.match(line) for line in lines):
        return "dialogue"
    if sum(bool(SPEAKER_RE.match(line)) for line in lines) >= 2:
        return "dialogue"
    if sum(bool(DASH_TURN_RE.match(line)) for line in lines) >= 2:
        return "dialogue"
    quotes = QUOTE_RE.findall(text)
    letters = sum(ch.isalpha() for ch in text)
    quoted = sum(ch.isalpha() for q in quotes for ch in q)
    if len(quotes) >= 2 and quoted > 0.5 * letters:
        return "dialogue"
    if lines[0].lstrip().startswith("Rezept:"):
        return "structured"
    if any("\t" in line.strip() or "   " in line.strip() for line in lines):
        return "structured"
    if (
        len(lines) >= 2
        and all(line[:1].isspace() for line in lines[1:])
        and not lines[0][:1].isspace()
    ):
        return "structured"
    if len(lines) >= 3:
        short = sum(len(line.strip()) < SHORT_LINE for line in lines[:-1])
        if short > (len(lines) - 1) / 2:
            return "verse-or-list"
    chars = [ch for ch in text if not ch.isspace()]
    if chars and sum(ch.isalpha() for ch in chars) / len(chars) < 0.7:
        return "non-prose"
    return ""


def split_fortune(fortune: str) -> list[tuple[list[str], int]]:
    """Split one fortune into blocks of lines, without its attribution.

    Each block comes with the index of its first body line: 1 after a title
    line, else 0. The title is kept for classifying (a recipe's "Rezept:" line)
    and left out of the paragraph text.
    """
    lines = fortune.split("\n")
    # An attribution may wrap onto a second, deeper-indented line: cut from "--" on.
    for i, line in enumerate(lines):
        if ATTRIBUTION_RE.match(line):
            lines = lines[:i]
            break
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [
        (block, 1 if len(block) >= 2 and is_title(block[0], block[1]) else 0)
        for block in blocks
        if block
    ]


def fortunes(root: Path, drop_slips: bool) -> SourceReport:
    """Extract prose paragraphs from the unpacked fortunes-de package."""
    folder = root / "usr/share/games/fortunes/de"
    files = sorted(
        p for p in folder.glob("*") if p.is_file() and not p.is_symlink() and p.suffix != ".dat"
    )
    if not files:
        raise CorpusError(f"no fortune files found in {folder}")
    report = SourceReport("fortunes")
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        for fortune in re.split(r"^%\n", raw.replace("\r\n", "\n"), flags=re.MULTILINE):
            for block, body in split_fortune(fortune):
                para = Paragraph(collapse(" ".join(block[body:])), path.name)
                reason = classify_fortune_block(block)
                if reason:
                    report.drop(reason, para)
                else:
                    _filter(report, para, drop_slips)
    return report


# -------------------------------------------------------------------------- main


def write_corpus(out: Path, reports: list[SourceReport]) -> None:
    """Write one file per source, the combined file and dropped.tsv."""
    out.mkdir(parents=True, exist_ok=True)
    combined: list[str] = []
    for report in reports:
        (out / f"{report.name}.txt").write_text("\n\n".join(report.kept) + "\n", encoding="utf-8")
        combined.extend(report.kept)
    (out / "clean-german.txt").write_text("\n\n".join(combined) + "\n", encoding="utf-8")
    with (out / "dropped.tsv").open("w", encoding="utf-8") as fh:
        fh.write("source\treason\ttext\n")
        for report in reports:
            for row in report.dropped_rows:
                fh.write("\t".join(row) + "\n")


def print_report(reports: list[SourceReport], out: Path, drop_slips: bool) -> None:
    """Print kept/dropped counts, characters and known slips per source."""
    total_paras = total_chars = 0
    for r in reports:
        chars = sum(len(p) for p in r.kept)
        total_paras += len(r.kept)
        total_chars += chars
        dropped = ", ".join(f"{k} {v}" for k, v in r.dropped.most_common()) or "none"
        sampled = f" (evenly sampled from {r.sampled_from})" if r.sampled_from else ""
        print(f"{r.name}: kept {len(r.kept)} paragraphs{sampled}, {chars} characters")
        print(f"  dropped {sum(r.dropped.values())}: {dropped}")
        slips = ", ".join(f"{k} {v}" for k, v in r.slip_kinds.most_common()) or "none"
        action = "dropped" if drop_slips else "kept; --drop-known-slips drops them"
        print(f"  known slips: {r.slip_paragraphs} paragraphs ({action}); hits: {slips}")
        print(f"  pre-1996 spelling (daß, muß, ...): {r.old_spelling} paragraphs (kept)")
    print(f"clean-german: {total_paras} paragraphs, {total_chars} characters")
    print(f"written to {out}")


def build(
    out: Path, cache: Path, drop_slips: bool, max_paragraphs: int | None
) -> list[SourceReport]:
    """Fetch, unpack, extract and write the corpus; return the per-source reports."""
    debs = fetch_debs(cache)
    ref_root = extract_deb(debs["debian-reference-de"], cache / "root" / "debian-reference-de")
    fort_root = extract_deb(debs["fortunes-de"], cache / "root" / "fortunes-de")
    reports = [debian_reference(ref_root, drop_slips), fortunes(fort_root, drop_slips)]
    if max_paragraphs is not None:
        for r in reports:
            if len(r.kept) > max_paragraphs:
                # Evenly spaced, so that every part of the source stays represented.
                r.sampled_from = len(r.kept)
                step = len(r.kept) / max_paragraphs
                r.kept = [r.kept[int(i * step)] for i in range(max_paragraphs)]
    write_corpus(out, reports)
    return reports


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, help="output folder (default: <cache>/corpus)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="download/unpack folder")
    ap.add_argument(
        "--drop-known-slips",
        action="store_true",
        help='drop paragraphs with real slips such as "z.B." (always counted)',
    )
    ap.add_argument(
        "--max-paragraphs",
        type=int,
        metavar="N",
        help="keep at most N evenly spaced paragraphs per source (quick runs)",
    )
    args = ap.parse_args(argv)
    out = args.out or args.cache / "corpus"
    try:
        reports = build(out, args.cache, args.drop_known_slips, args.max_paragraphs)
    except CorpusError as exc:
        print(f"corpus.py: error: {exc}", file=sys.stderr)
        return 1
    print_report(reports, out, args.drop_known_slips)
    return 0


if __name__ == "__main__":
    sys.exit(main())

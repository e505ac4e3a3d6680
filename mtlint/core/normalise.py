"""The checked text's map to the source: `Change` records a stretch that reading changed
(NFC composition; for HTML also a removed tag or a decoded entity), `nfc_changes` the
stretches that NFC changes in a text."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from mtlint.core.patterns import compile_pattern

GRAPHEME = compile_pattern(r"\X")
# Where NFC can change something: characters beyond ASCII, with the one before them
# (the letter that a combining mark belongs to).
NON_ASCII_RUN = compile_pattern(r"[\x00-\x7f]?[^\x00-\x7f]+")


class Change(NamedTuple):
    """A stretch NFC changed: text[start:end] stands for source[source_start:source_end]."""

    start: int
    end: int
    source_start: int
    source_end: int


# Invisible characters inside a word of Latin letters (soft hyphen, zero-width space, word
# joiner, zero-width (non-)joiner, BOM): the rules read the word without them, as a reader
# sees it. Only between Latin letters: in Hangul, Indic or Arabic script the joiners
# change how a word is written.
ZERO_WIDTH_IN_WORD = compile_pattern(
    r"(?<=\p{Latin})[\u00ad\u200b-\u200d\u2060\ufeff]+(?=\p{Latin})")
ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # what ZERO_WIDTH_IN_WORD removes


def _has_zero_width_in_word(text: str) -> bool:
    # `in` finds a character in C; the pattern's look-behind tries every position.
    return any(char in text for char in ZERO_WIDTH) and bool(ZERO_WIDTH_IN_WORD.search(text))


def nfc_changes(source: str) -> tuple[str, list[Change]]:
    """`source` in NFC, without invisible characters inside words (ZERO_WIDTH_IN_WORD),
    and the stretches that this changed (for NFC text without them: the same string, no
    changes). Normalised grapheme by grapheme, so that a change is one character with its
    marks; a line where that is not the NFC of the whole line (a composition across
    graphemes, which no German text has) stays as it is."""
    if source.isascii() or (unicodedata.is_normalized("NFC", source)
                            and not _has_zero_width_in_word(source)):
        return source, []
    pieces: list[str] = []
    changes: list[Change] = []
    source_at = at = 0
    for line in source.splitlines(keepends=True):
        normal = line
        invisible = {i for m in ZERO_WIDTH_IN_WORD.finditer(line)
                     for i in range(m.start(), m.end())}
        if invisible or not unicodedata.is_normalized("NFC", line):
            parts: list[str] = []
            line_changes: list[Change] = []
            done = 0  # how much of the line is in `parts`
            shift = 0  # what the line's graphemes so far gained (+) or lost (-)
            for run in NON_ASCII_RUN.finditer(line):
                for found in GRAPHEME.finditer(line, run.start(), run.end()):
                    grapheme = found.group()
                    if invisible:
                        grapheme = "".join(ch for i, ch in enumerate(grapheme, found.start())
                                           if i not in invisible)
                    part = unicodedata.normalize("NFC", grapheme)
                    if part == found.group():
                        continue
                    start = at + found.start() + shift
                    line_changes.append(Change(start, start + len(part),
                                               source_at + found.start(),
                                               source_at + found.end()))
                    shift += len(part) - len(found.group())
                    parts += (line[done:found.start()], part)
                    done = found.end()
            parts.append(line[done:])
            visible = ZERO_WIDTH_IN_WORD.sub("", line) if invisible else line
            if "".join(parts) == unicodedata.normalize("NFC", visible):
                normal = "".join(parts)
                changes.extend(line_changes)
        pieces.append(normal)
        source_at += len(line)
        at += len(normal)
    return "".join(pieces), changes

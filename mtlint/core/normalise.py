"""The checked text's map to the source: `Change` records a stretch that reading changed
(NFC composition; for HTML also a removed tag or a decoded entity), `nfc_changes` the
stretches that NFC changes in a text."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import regex

GRAPHEME = regex.compile(r"\X")
# Where NFC can change something: characters beyond ASCII, with the one before them
# (the letter that a combining mark belongs to).
NON_ASCII_RUN = regex.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


class Change(NamedTuple):
    """A stretch NFC changed: text[start:end] stands for source[source_start:source_end]."""

    start: int
    end: int
    source_start: int
    source_end: int


def nfc_changes(source: str) -> tuple[str, list[Change]]:
    """`source` in NFC and the stretches that normalising changed (for NFC text: the
    same string, no changes). Normalised grapheme by grapheme, so that a change is one
    character with its marks; a line where that is not the NFC of the whole line (a
    composition across graphemes, which no German text has) stays as it is."""
    if source.isascii() or unicodedata.is_normalized("NFC", source):
        return source, []
    pieces: list[str] = []
    changes: list[Change] = []
    source_at = at = 0
    for line in source.splitlines(keepends=True):
        normal = line
        if not unicodedata.is_normalized("NFC", line):
            parts: list[str] = []
            line_changes: list[Change] = []
            done = 0  # how much of the line is in `parts`
            shift = 0  # what the line's graphemes so far gained (+) or lost (-)
            for run in NON_ASCII_RUN.finditer(line):
                for found in GRAPHEME.finditer(line, run.start(), run.end()):
                    grapheme = found.group()
                    part = unicodedata.normalize("NFC", grapheme)
                    if part == grapheme:
                        continue
                    start = at + found.start() + shift
                    line_changes.append(Change(start, start + len(part),
                                               source_at + found.start(),
                                               source_at + found.end()))
                    shift += len(part) - len(grapheme)
                    parts += (line[done:found.start()], part)
                    done = found.end()
            parts.append(line[done:])
            if "".join(parts) == unicodedata.normalize("NFC", line):
                normal = "".join(parts)
                changes.extend(line_changes)
        pieces.append(normal)
        source_at += len(line)
        at += len(normal)
    return "".join(pieces), changes

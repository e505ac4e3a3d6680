"""Text from files, file names and servers made safe to show: what a terminal would act
on is written as escapes, and file-name bytes that are not UTF-8 as \\xNN."""

from __future__ import annotations

import regex

# What must not reach a terminal as it is: control characters (ESC starts colour, clear-
# screen and title sequences; CR and BS overwrite what was printed), the bidirectional
# overrides that reorder what a line shows, and the lone surrogates by which Python holds
# the bytes of a file name that is not UTF-8.
UNPRINTABLE = regex.compile(r"[\p{Cc}\u202a-\u202e\u2066-\u2069\p{Cs}]")


def printable(text: str) -> str:
    """`text` with UNPRINTABLE characters written as escapes (\\x1b, \\u202e; a byte of
    a file name that is not UTF-8 as \\xfc), so that file content, file names and
    LanguageTool's messages cannot drive the terminal."""
    if text.isprintable():
        return text  # no control, format or surrogate character: the common case, in C
    return UNPRINTABLE.sub(_escape, text) if UNPRINTABLE.search(text) else text


SURROGATE = regex.compile(r"\p{Cs}")


def unicode_path(path: str) -> str:
    """A file name as valid Unicode: the bytes of a name that is not UTF-8 (held by Python
    as lone surrogates, which no UTF-8 output can carry) written as \\xNN escapes."""
    return SURROGATE.sub(_escape, path) if SURROGATE.search(path) else path


def _escape(match: regex.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

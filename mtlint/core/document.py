"""Text -> lines, blocks (heading, paragraph, list item, caption), sentences and words.

Rules read `Document.text`: the file's text as decoded (BOM removed, line endings kept),
in Unicode NFC, so that a decomposed "ü" (u + U+0308, as text pasted from macOS spells
it) is the same letter as a composed one. Their offsets are code points of that text.
`Document.source` is the text as decoded; findings, fixes and every position shown to
the user are in its code points (`source_span`, `source_fix`), so that they map back to
the file byte for byte. For the usual text, already NFC, the two are the same string.
"""

from __future__ import annotations

import bisect
import enum
import os
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, pairwise
from pathlib import PurePath
from typing import BinaryIO, NamedTuple

from mtlint.core.html import HTML_SUFFIXES, HtmlOptions, HtmlText, declared_charset, html_text
from mtlint.core.normalise import Change, nfc_changes
from mtlint.core.patterns import compile_pattern

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})

LINE_BREAK = compile_pattern(r"\r\n|\r|\n")
WORD = compile_pattern(r"[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*")
HYPHEN = compile_pattern(r"[-‐]")  # what joins the parts of a word ("KI-Modelle")
URL = compile_pattern(
    r"""(?xi)
    (?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”„]+[^\s<>"“”„.,;:!?)\]]   # web address
    | \b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b                                # e-mail address
    | (?<![\w/])(?:[\w-]+\.)+(?:de|com|org|net|at|ch|eu|io|info)\b(?:/[^\s]*)?  # bare domain
    """
)

# What every match of URL contains; URL itself, tried at every word, is slow (1 MB/s).
URL_TRIGGER = compile_pattern(r"(?i)://|www\.|@|\.(?:de|com|org|net|at|ch|eu|io|info)\b")
NON_SPACE_RUN = compile_pattern(r"\S+")
NON_SPACE_BEFORE = compile_pattern(r"(?r)\S+")  # matched backwards from a position


def find_urls(text: str) -> list[tuple[int, int]]:
    """(start, end) of the URLs and e-mail addresses in `text`, as URL.finditer finds
    them, but only looking at the runs of non-space characters with a trigger in them
    (no match of URL contains white space)."""
    spans: list[tuple[int, int]] = []
    scanned_to = 0
    for trigger in URL_TRIGGER.finditer(text):
        if trigger.start() < scanned_to:
            continue
        before = NON_SPACE_BEFORE.match(text, 0, trigger.start())
        start = before.start() if before else trigger.start()
        run = NON_SPACE_RUN.match(text, start)
        end = run.end() if run else trigger.end()
        spans.extend(m.span() for m in URL.finditer(text, start, end))
        scanned_to = end
    return spans


# Words that end with a full stop without ending the sentence (German usage).
ABBREVIATIONS = frozenset(
    """
    abb abs abt allg anm ausg bd bearb bspw bzgl bzw ca chr co dgl dipl dr ebd eigtl einschl
    engl entspr erg ev evtl exkl fa ff fr frl gebr gegr gem ges gest ggf ggü hg hrsg inc
    inkl insb jh jhd jr kap kath kfm kgl lt ltd max min mio mrd mrs mr ms nachf nr nrn od
    pkt pl prof rd resp sog st std str sr tel tsd vgl vs zb zzt zt ziff zit jan feb febr
    mär apr jun jul aug sep sept okt nov dez
    """.split()  # noqa: SIM905 - a word list reads better as text
)

SENTENCE_END = compile_pattern(
    r"""(?x)
    (?P<end>[.!?…]+)              # sentence punctuation
    (?P<close>["“”»«'’)\]]*)      # closing quotes or brackets that belong to it
    (?P<space>\s+)
    (?=[\p{Lu}\p{N}„"“»«(\[¿¡-])  # what a new sentence starts with
    """
)


class BlockKind(enum.StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    CAPTION = "caption"  # a lead-in line ending in a colon, before a list
    TABLE_CELL = "table_cell"  # a Markdown table's cell: a fragment, not a sentence


class DocumentError(Exception):
    """The input cannot be read as text; the message names what is wrong."""


# Larger input is not read (a 100 MB text takes about 600 MB to check): a device such as
# /dev/zero, a log or a dump, not an article.
MAX_INPUT_BYTES = 100 * 1024 * 1024


def too_large(limit: int) -> str:
    return f"larger than {limit // (1024 * 1024)} MB; not checked"


def read_regular_file(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Opened non-blocking and
    checked with fstat on the open file, so a FIFO, socket or device in its place (or
    swapped in after a check) is refused without waiting; raises DocumentError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) and not os.path.isdir(path):
            # A socket cannot even be opened: say what it is.
            raise DocumentError("not a regular file (a device, socket or pipe); not checked")
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise DocumentError("no such file or directory") from None
    except IsADirectoryError:
        raise DocumentError("is a directory") from None
    except OSError as error:
        raise DocumentError(f"cannot read: {error.strerror or error}") from None
    with os.fdopen(handle, "rb") as stream:
        try:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise DocumentError("is a directory")
            if not stat.S_ISREG(info.st_mode):
                raise DocumentError("not a regular file (a device, socket or pipe); not checked")
            if info.st_size > limit:
                raise DocumentError(too_large(limit))
            data = stream.read(limit + 1)
        except OSError as error:
            raise DocumentError(f"cannot read: {error.strerror or error}") from None
    if len(data) > limit:  # it grew while read
        raise DocumentError(too_large(limit))
    return data


def read_stream(stream: BinaryIO, limit: int = MAX_INPUT_BYTES) -> bytes:
    """At most `limit` bytes of a stream (standard input); raises DocumentError beyond."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise DocumentError(too_large(limit))
    return data


class Span(NamedTuple):
    """A piece of the document: offsets and its text. A tuple, because documents have
    hundreds of thousands of them: it is built twice as fast as a frozen dataclass and
    takes less than half the memory."""

    start: int
    end: int
    text: str


@dataclass
class Block:
    """A heading, paragraph, list item or caption: `text` is what the rules read,
    `document.text[start:end]` with the quote markers ("> ") of a Markdown blockquote's
    continuation lines blanked to spaces (same length, so its offsets hold)."""

    kind: BlockKind
    start: int
    end: int
    text: str
    level: int = 0  # heading level in Markdown; 0 where unknown
    # Whether the block surely starts here: Markdown's blocks and plain text's after a
    # blank line or at the start do; a plain-text line that only follows a line break
    # might continue a wrapped paragraph, so no fix may rest on it starting a block.
    certain_start: bool = True
    _sentences: list[Span] | None = field(default=None, repr=False)
    _words: list[Span] | None = field(default=None, repr=False)
    # What several rules derive from the block alike (a family's word tokens), by a key
    # of the module that fills it: built once, dropped with the block.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def sentences(self) -> list[Span]:
        if self._sentences is None:
            self._sentences = split_sentences(self.text, self.start)
        return self._sentences

    def words(self) -> list[Span]:
        """The block's words, computed once (many rules ask): do not modify the list."""
        if self._words is None:
            self._words = words_in(self.text, self.start)
        return self._words


def words_in(text: str, base: int = 0) -> list[Span]:
    """The word tokens of `text`, with offsets shifted by `base`."""
    return [Span(m.start() + base, m.end() + base, m.group()) for m in WORD.finditer(text)]


def _is_abbreviation_before(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation or an ordinal number."""
    start = dot
    while start > 0 and (text[start - 1].isalnum()):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if word.isdigit():
        # "am 3. Oktober", "der 2. Weltkrieg": short numbers with a stop are ordinals;
        # years ("im Jahr 2019. Danach") end sentences.
        return len(word) <= 2
    if len(word) == 1:
        return True  # initials and the parts of "z. B.", "u. a."
    if start > 0 and text[start - 1] == ".":
        return True  # "z.B.", "u.a."
    return word.lower() in ABBREVIATIONS


def split_sentences(text: str, base: int = 0) -> list[Span]:
    """Split a block's text into sentences; offsets are shifted by `base`."""
    spans: list[Span] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        punct = match.group("end")
        if punct == "." and _is_abbreviation_before(text, match.start("end")):
            continue
        end = match.end("close")
        if text[start:end].strip():
            spans.append(Span(start + base, end + base, text[start:end]))
        start = match.end()
    if text[start:].strip():
        tail = text[start:].rstrip()
        spans.append(Span(start + base, start + len(tail) + base, tail))
    return spans


class TextLines:
    """A text and where its lines start: offsets <-> 1-based lines and columns."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str):
        self.text = text
        self.starts = line_starts(text)

    @property
    def lines(self) -> list[str]:
        """Lines without their line breaks."""
        return LINE_BREAK.split(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of a code-point offset."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Line and column of both ends of a span. An end on the start's line gives the
        same int object for both lines: findings keep them, and past 256 each int is an
        object of its own."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return line, column, line if end_line == line else end_line, end_column

    def offset(self, line: int, column: int) -> int:
        """The code-point offset of a 1-based line and column."""
        return self.starts[line - 1] + column - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offset (without line break) of a 1-based line."""
        start = self.starts[line - 1]
        if line < len(self.starts):
            end = self.starts[line]
            while end > start and self.text[end - 1] in "\r\n":
                end -= 1
        else:
            end = len(self.text)
        return start, end


def _map_offset(offset: int, changes: list[Change], keys: list[int], *, to_source: bool,
                at_end: bool) -> int:
    """An offset of the checked text in the source (`to_source`) or back; one inside a
    change goes to its start, or to its end if `at_end`. `keys`: the changes' starts
    on the side `offset` is on."""
    # The end of a span at the start of a change (a removed tag) stays before it; its
    # start goes past every change that removes nothing of the checked text there.
    index = (bisect.bisect_left if at_end else bisect.bisect_right)(keys, offset) - 1
    if index < 0:
        return offset
    if to_source:
        start, end, other_start, other_end = changes[index]
    else:
        other_start, other_end, start, end = changes[index]
    if offset >= end:
        return other_end + offset - end
    if offset == start:
        return other_start
    return other_end if at_end else other_start


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """The lengths of the longest common prefix and (not overlapping it) suffix."""
    limit = min(len(old), len(new))
    front = 0
    while front < limit and old[front] == new[front]:
        front += 1
    back = 0
    while back < limit - front and old[-1 - back] == new[-1 - back]:
        back += 1
    return front, back


def _is_utf8(encoding: str) -> bool:
    return encoding.replace("-", "").replace("_", "").lower() in ("utf8", "utf8sig")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _known_text_encoding(name: str) -> bool:
    import codecs

    try:
        return codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False


class Document:
    """A checked text with its structure. Build it with `from_bytes` or directly from
    the text as decoded."""

    def __init__(self, text: str, path: str = "<stdin>", *, markdown: bool | None = None,
                 html: bool | None = None, html_options: HtmlOptions | None = None,
                 encoding: str = "utf-8"):
        suffix = PurePath(path).suffix.lower()
        self.source = TextLines(text)
        self.path = path
        self.encoding = encoding  # what the file was decoded with (a fix writes it so)
        self.markdown = suffix in MARKDOWN_SUFFIXES if markdown is None else markdown
        self.html = (suffix in HTML_SUFFIXES and not markdown) if html is None else html
        self.html_options = html_options
        self._html: HtmlText | None = None
        self._markup_starts: list[int] = []
        if self.html:
            # An HTML page is read as the text a reader sees: the structure is needed
            # for the checked text itself.
            self._html = html_text(text, html_options)
            self.text, self._changes = self._html.text, self._html.changes
            self._markup_starts = [start for start, _ in self._html.markup]
        else:
            self.text, self._changes = nfc_changes(text)
        self._lines = self.source if self.text is text else TextLines(self.text)
        self._line_starts = self._lines.starts
        # What building the structure could not do (text nested too deep to be read).
        self.structure_notes: list[str] = []

    # The structure is built on first use: a document that is only shown (an excerpt
    # for a cached result, a result sent back from a worker process) never needs it.
    @cached_property
    def _structure(self) -> tuple[list[Block], list[tuple[int, int]], list]:
        if self._html is not None:
            blocks = [Block(BlockKind(kind), *rest) for kind, *rest in self._html.blocks]
            ignored, suppressions = list(self._html.ignored), self._html.suppressions
        elif self.markdown:
            from mtlint.core.markdown import markdown_structure

            found, ignored, suppressions = markdown_structure(self)
            blocks = [Block(BlockKind(kind), *rest) for kind, *rest in found]
        else:
            from mtlint.core.directives import find_directives
            from mtlint.core.directives import suppressions as suppressed

            directives = find_directives(self.text, markdown=False)
            blocks = plain_text_blocks(self)
            ignored = [(d.start, d.end) for d in directives]
            suppressions = suppressed(self.text, directives)
        ignored.extend(find_urls(self.text))
        return blocks, merge_ranges(ignored), suppressions

    @cached_property
    def blocks(self) -> list[Block]:
        return self._structure[0]

    @cached_property
    def ignored(self) -> list[tuple[int, int]]:
        """Sorted, disjoint (start, end) ranges that are never checked."""
        return self._structure[1]

    @cached_property
    def suppressions(self) -> list:
        return self._structure[2]

    @cached_property
    def _ignored_starts(self) -> list[int]:
        return [start for start, _ in self.ignored]

    def release_structure(self) -> None:
        """Forget everything built on first use (blocks, sentences, words, analyses); it is
        rebuilt when asked for again. A checked document kept for its excerpts then holds
        little more than its text (10 MB of articles: 130 MB instead of 500 MB)."""
        for cls in type(self).__mro__:
            for name, value in vars(cls).items():
                if isinstance(value, cached_property):
                    self.__dict__.pop(name, None)

    def __getstate__(self) -> dict:
        # Pickled (to and from worker processes) as its text only; the rest is rebuilt.
        return {"text": self.source.text, "path": self.path, "markdown": self.markdown,
                "html": self.html, "html_options": self.html_options,
                "encoding": self.encoding}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["text"], state["path"], markdown=state["markdown"],
                      html=state.get("html"), html_options=state.get("html_options"),
                      encoding=state.get("encoding", "utf-8"))

    @classmethod
    def from_bytes(
        cls, data: bytes, path: str = "<stdin>", *, encoding: str = "utf-8",
        markdown: bool | None = None, html_options: HtmlOptions | None = None,
    ) -> Document:
        """Decode file content; raises DocumentError for binary or undecodable input.
        An HTML page that is not valid UTF-8 is read in the encoding its <meta charset>
        declares."""
        import codecs

        is_html = PurePath(path).suffix.lower() in HTML_SUFFIXES and not markdown
        if is_html and _is_utf8(encoding) and not data.startswith(b"\xef\xbb\xbf"):
            declared = declared_charset(data)
            if declared and _known_text_encoding(declared) and not _decodes(data, "utf-8"):
                encoding = declared

        # UTF-16 and UTF-32 text is full of NUL bytes; there a NUL character means binary.
        wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
        nul = -1 if wide else data.find(b"\x00")
        if nul >= 0:
            raise DocumentError(f"binary file (NUL byte at byte offset {nul}); not checked")
        skipped = 0
        if data.startswith(b"\xef\xbb\xbf") and codecs.lookup(encoding).name == "utf-8":
            data, skipped = data[3:], 3  # utf-8, utf_8, UTF8 alike (utf-8-sig removes it)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise DocumentError(
                f"not valid {encoding.upper()} (byte 0x{data[error.start]:02x} at byte offset "
                f"{error.start + skipped}); use --encoding to read another encoding"
            ) from None
        except (UnicodeError, LookupError, TypeError, ValueError) as error:
            # Not a text encoding (rot13, base64, zlib) or one for other things (idna).
            raise DocumentError(f"cannot read as {encoding}: {error}") from None
        if not isinstance(text, str):
            raise DocumentError(f"{encoding} is not a text encoding; not checked")
        if wide and "\x00" in text:
            raise DocumentError(f"binary file (NUL character at offset {text.index(chr(0))}); "
                                "not checked")
        return cls(text, path, markdown=markdown, html=is_html, html_options=html_options,
                   encoding=encoding)

    # Lines and positions of the checked text (rules, rule packs). `source` has the same
    # lines (NFC keeps line breaks); columns may differ.
    @property
    def lines(self) -> list[str]:
        """Lines without their line breaks."""
        return self._lines.lines

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of a code-point offset."""
        return self._lines.position(offset)

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Line and column of both ends of a span. An end on the start's line gives the
        same int object for both lines: findings keep them, and past 256 each int is an
        object of its own."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return line, column, line if end_line == line else end_line, end_column

    def offset(self, line: int, column: int) -> int:
        """The code-point offset of a 1-based line and column."""
        return self._lines.offset(line, column)

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offset (without line break) of a 1-based line."""
        return self._lines.line_span(line)

    # From the checked text to the source and back.
    @cached_property
    def _change_keys(self) -> tuple[list[int], list[int]]:
        return [c.start for c in self._changes], [c.source_start for c in self._changes]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source stretch of text[start:end] (widened to whole characters where a
        boundary falls inside a normalised one)."""
        if not self._changes:
            return start, end
        keys = self._change_keys[0]
        source_start = _map_offset(start, self._changes, keys, to_source=True, at_end=False)
        source_end = _map_offset(end, self._changes, keys, to_source=True, at_end=True)
        # An empty span where something was removed (a zero-width character, a tag): its
        # start lies after what was removed, and so does its end.
        return source_start, max(source_start, source_end)

    def checked_span(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the checked text that source[start:end] became."""
        if not self._changes:
            return start, end
        keys = self._change_keys[1]
        return (_map_offset(start, self._changes, keys, to_source=False, at_end=False),
                _map_offset(end, self._changes, keys, to_source=False, at_end=True))

    def source_fix(self, start: int, end: int,
                   replacement: str) -> tuple[int, int, str] | None:
        """Replacing text[start:end] by `replacement`, as an edit of the source: its
        start, end and replacement. What the replacement keeps of the text at either end
        keeps its source spelling, so that a fix leaves the decomposed characters it does
        not change as they are. None where the edit would change markup (HTML)."""
        if not self._changes:
            return start, end, replacement
        source_start, source_end = self.source_span(start, end)
        whole_start, whole_end = self.checked_span(source_start, source_end)
        old = self.text[whole_start:whole_end]
        new = self.text[whole_start:start] + replacement + self.text[end:whole_end]
        front, back = _common_ends(old, new)
        # Cut only between whole characters.
        while front and self._inside(whole_start + front):
            front -= 1
        while back and self._inside(whole_end - back):
            back -= 1
        keys = self._change_keys[0]
        # Markup removed at either edge stays on the kept side; an empty middle at such a
        # place is one point (the removed text is kept once, not twice).
        kept_front = _map_offset(whole_start + front, self._changes, keys, to_source=True,
                                 at_end=False)
        kept_back = max(kept_front, _map_offset(whole_end - back, self._changes, keys,
                                                to_source=True, at_end=True))
        if self._touches_markup(kept_front, kept_back):
            return None
        return source_start, source_end, (self.source.text[source_start:kept_front]
                                          + new[front:len(new) - back]
                                          + self.source.text[kept_back:source_end])

    def _inside(self, offset: int) -> bool:
        """Whether an offset of the checked text falls inside a changed stretch (a
        normalised character, a decoded entity)."""
        index = bisect.bisect_right(self._change_keys[0], offset) - 1
        return index >= 0 and self._changes[index].start < offset < self._changes[index].end

    def _touches_markup(self, start: int, end: int) -> bool:
        """Whether the source stretch [start, end) overlaps a tag or comment (HTML)."""
        if self._html is None:
            return False
        index = bisect.bisect_left(self._markup_starts, end) - 1
        return index >= 0 and self._html.markup[index][1] > start

    def is_ignored(self, start: int, end: int) -> bool:
        """Whether the span touches text that is never checked (code, URLs, markup)."""
        end = max(end, start + 1)
        # The ranges are disjoint and sorted: only the last one starting before `end` can overlap.
        index = bisect.bisect_left(self._ignored_starts, end) - 1
        return index >= 0 and self.ignored[index][1] > start

    @cached_property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.HEADING]

    @cached_property
    def body_spellings(self) -> BodySpellings:
        """How the body spells words in mid-sentence (asked by several rules)."""
        return BodySpellings.read(self)

    def blocks_of(self, *kinds: BlockKind) -> Iterator[Block]:
        return (b for b in self.blocks if not kinds or b.kind in kinds)


def _is_mid_sentence(text: str, start: int, end: int) -> bool:
    """Whether the word at `end` of `text` stands in mid-sentence, judged by what is
    before it from `start` on: after a letter, digit or comma, not after a colon,
    quote or bracket."""
    last = end - 1
    while last >= start and text[last].isspace():
        last -= 1
    if last < start:
        return False
    return text[last].isalnum() or text[last] == ","


@dataclass
class BodySpellings:
    """How the body of a document (paragraphs, list items) spells words in the middle
    of its sentences: what it capitalises there are names and nouns."""

    capitalised: dict[str, str]  # lowercase -> the capitalised spelling used most
    lowercase: set[str]  # words the body also writes lowercase mid-sentence
    counts: Counter[str]  # capitalised spelling -> how often it stands mid-sentence

    @classmethod
    def of(cls, doc: Document) -> BodySpellings:
        return doc.body_spellings

    @classmethod
    def read(cls, doc: Document) -> BodySpellings:
        counts: Counter[str] = Counter()
        lowercase: set[str] = set()
        for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            # A block's words are its sentences' words: sentences end before a space.
            text, words = block.text, block.words()
            index = 0
            for sentence in block.sentences:
                while index < len(words) and words[index].start < sentence.start:
                    index += 1
                first = True
                while index < len(words) and words[index].start < sentence.end:
                    word = words[index]
                    index += 1
                    if first:
                        first = False
                    elif word.text[:1].islower():
                        lowercase.add(word.text)
                    elif word.text[:1].isupper() and _is_mid_sentence(
                        text, sentence.start - block.start, word.start - block.start
                    ):
                        # Only true mid-sentence capitals: not after a colon or a quote;
                        # the parts of "KI-Markt" count too ("KI", "Markt").
                        for part in {word.text, *HYPHEN.split(word.text)}:
                            if part[:1].isupper():
                                counts[part] += 1
        forms: dict[str, Counter[str]] = {}
        for spelling, count in counts.items():
            forms.setdefault(spelling.lower(), Counter())[spelling] = count
        capitalised = {lower: c.most_common(1)[0][0] for lower, c in forms.items()}
        return cls(capitalised, lowercase, counts)

    def name_or_noun(self, word: str) -> str | None:
        """The body's capitalised spelling of a word it never writes lowercase."""
        if word in self.lowercase:
            return None
        return self.capitalised.get(word)


def line_starts(text: str) -> list[int]:
    """The offset where each line starts (\r\n, \r and \n end a line)."""
    if "\r" in text:
        return [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    starts = [0]  # \n only: six times faster than the pattern
    starts.extend(accumulate(len(line) + 1 for line in text.split("\n")))
    starts.pop()
    return starts


def merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# --- plain text ---------------------------------------------------------------------

LIST_MARKER = compile_pattern(r"^\s*(?:[-*•–·]|\d{1,3}[.)]|[a-z][.)])\s+")
HEADING_MAX_CHARS = 120
HEADING_MAX_WORDS = 16
# A line longer than this means one paragraph per line (the usual web export); a text
# whose lines all fit is hard-wrapped if its line breaks fall where the next word would
# not have fit. Below MIN_WRAP_WIDTH, lines are too short to tell wrapping from lists.
WRAP_WIDTH = 100
MIN_WRAP_WIDTH = 30
# Formatters that balance their lines (fmt, editors' "fill paragraph") break up to this
# share of the width before it; `fold` and most mail programs break only where the next
# word does not fit.
WRAP_SLACK = 0.2
SENTENCE_FINAL = ".!?:…\"“»"
PLAIN_DIRECTIVE_LINE = compile_pattern(r"[ \t]*#[ \t]*mtlint:")


def _line_records(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without line breaks."""
    records = []
    start = 0
    for match in LINE_BREAK.finditer(text):
        records.append((start, match.start()))
        start = match.end()
    records.append((start, len(text)))
    return records


def looks_like_heading(line: str) -> bool:
    """A short line without final sentence punctuation; a "?" may end one."""
    stripped = line.strip()
    if not stripped or len(stripped) > HEADING_MAX_CHARS:
        return False
    if len(stripped.split()) > HEADING_MAX_WORDS:
        return False
    if stripped[-1] in ".!,;:…-–—\"“”»«'’)" and not stripped.endswith("?"):
        return False
    if LIST_MARKER.match(line):
        return False
    return any(ch.isalpha() for ch in stripped)


def _utf8_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))  # lone surrogates: 3 bytes too


class WrapWidth(NamedTuple):
    """The width a text is wrapped at, in characters and in UTF-8 bytes (`fold` and
    `fmt` count bytes, so a line full of umlauts holds fewer characters), and the slack
    of the formatter: the share of the width it may leave free before a word that would
    have fit (0 for `fold`, up to WRAP_SLACK for `fmt`)."""

    chars: int
    bytes: int
    slack: float = 0.0

    @classmethod
    def of(cls, lines: list[str]) -> WrapWidth:
        # Lines without a space inside (URLs, rules of dashes) cannot be wrapped.
        wrappable = [line.strip() for line in lines if " " in line.strip()]
        width = cls(max((len(line) for line in wrappable), default=0),
                    max((_utf8_length(line) for line in wrappable), default=0))
        # The slack is learnt where the line surely goes on: before a lowercase word,
        # after a line that ends no sentence.
        free = [
            width.free_share(a, b) for a, b in pairwise(lines)
            if a.strip() and b.lstrip()[:1].islower()
            and a.rstrip()[-1:] not in SENTENCE_FINAL and len(a.strip()) < width.chars
        ]
        if not free or not width.chars:
            return width
        # One character more than the largest gap seen, so that gap itself counts.
        slack = min(max(free) + 1 / width.chars, WRAP_SLACK)
        return width._replace(slack=max(slack, 0.0))

    def free_share(self, previous: str, line: str) -> float:
        """How much of the width was left free at the end of `previous` that the first
        word of `line` would have taken (negative: it did not fit)."""
        token = line.split(None, 1)[0]
        head = previous.rstrip()
        if not self.chars:
            return 0.0
        return min((self.chars - len(head) - 1 - len(token)) / self.chars,
                   (self.bytes - _utf8_length(head) - 1 - _utf8_length(token)) / self.bytes)

    def break_forced(self, previous: str, line: str, slack: float) -> bool:
        """Whether the first word of `line` would not have fit at the end of `previous`
        (less `slack`, a share of the width): then the line break only wraps."""
        return self.free_share(previous, line) < slack


def _continues(previous: str, line: str, width: WrapWidth) -> bool:
    """Whether `line` continues the paragraph of `previous` in hard-wrapped text: the
    break falls where the line was full. After a sentence end only a break where the
    next word truly did not fit counts; elsewhere a balancing formatter's slack too."""
    if LIST_MARKER.match(line):
        return False
    ends_sentence = previous.rstrip()[-1:] in SENTENCE_FINAL
    return width.break_forced(previous, line, 0.0 if ends_sentence else width.slack)


def _is_hard_wrapped(lines: list[str], width: WrapWidth) -> bool:
    """Whether the text's lines were wrapped to a width: all fit it, and at least half
    of the breaks between two lines of text fall where the line was full: where the next
    word did not fit, or, before a lowercase word, nearly so. Breaks after the longest
    line prove nothing (its next word never fits) and are not counted, nor those before
    a list item."""
    if not MIN_WRAP_WIDTH <= width.chars <= WRAP_WIDTH:
        return False
    pairs = [
        (a, b) for a, b in pairwise(lines)
        if a.strip() and b.strip() and len(a.strip()) < width.chars and not LIST_MARKER.match(b)
    ]
    full = sum(
        1 for a, b in pairs
        if width.break_forced(a, b, 0.0) or (b.lstrip()[:1].islower() and _continues(a, b, width))
    )
    return full > 0 and 2 * full >= len(pairs)


def _spaced_wrap_width(line_texts: list[str]) -> WrapWidth | None:
    """The wrap width of a text hard-wrapped with a blank line after every line (a
    scraped page that put each line of a wrapped paragraph into its own paragraph), or
    None: most lines of text stand alone between blank lines, and those lines, read
    without the blank lines, are hard-wrapped."""
    text_lines = [line for line in line_texts if line.strip()]
    alone = sum(
        1 for before, line, after in zip(["", *line_texts[:-1]], line_texts,
                                         [*line_texts[1:], ""], strict=True)
        if line.strip() and not before.strip() and not after.strip()
    )
    if len(text_lines) < 4 or 4 * alone < 3 * len(text_lines):
        return None
    width = WrapWidth.of(text_lines)
    return width if _is_hard_wrapped(text_lines, width) else None


def _continues_across_blank(previous: str, line: str, width: WrapWidth) -> bool:
    """Whether `line`, after a blank line, goes on with the sentence of `previous` in a
    text wrapped with blank lines: `previous` can be wrapped (it has a space), ends no
    sentence (a blank line after a sentence is a paragraph break), and the break falls
    where the line was full."""
    previous = previous.strip()
    return (" " in previous and previous[-1:] not in SENTENCE_FINAL
            and _continues(previous, line, width))


def plain_text_blocks(doc: Document) -> list[Block]:
    text = doc.text
    lines = _line_records(text)
    line_texts = [text[s:e] for s, e in lines]
    width = WrapWidth.of(line_texts)
    wrapped = _is_hard_wrapped(line_texts, width)
    spaced_width = None if wrapped else _spaced_wrap_width(line_texts)
    groups: list[list[tuple[int, int]]] = []  # runs of lines that form one block
    certain: list[bool] = []  # whether each group starts after a blank line (or first)
    current: list[tuple[int, int]] = []
    after_blank = True
    for start, end in lines:
        line = text[start:end]
        if PLAIN_DIRECTIVE_LINE.match(line):
            # "# mtlint: disable-next-line …" on its own line: no text, but no blank
            # line either (the next line's start is no surer for it).
            if current:
                groups.append(current)
                current = []
            continue
        if not line.strip():
            if current:
                groups.append(current)
                current = []
            after_blank = True
            continue
        previous = text[current[-1][0]:current[-1][1]] if current else ""
        if wrapped and current and _continues(previous, line, width):
            current.append((start, end))
        elif (
            spaced_width and not current and after_blank and groups
            and not LIST_MARKER.match(text[groups[-1][0][0]:groups[-1][0][1]])
            and _continues_across_blank(text[groups[-1][-1][0]:groups[-1][-1][1]], line,
                                        spaced_width)
        ):
            current = groups.pop()  # the blank line only wrapped the paragraph
            current.append((start, end))
        else:
            if current:
                groups.append(current)
            current = [(start, end)]
            certain.append(after_blank)
        after_blank = False
    if current:
        groups.append(current)

    blocks: list[Block] = []
    for index, group in enumerate(groups):
        start = group[0][0]
        while text[start].isspace():
            start += 1
        end = group[-1][1]
        while end > start and text[end - 1].isspace():
            end -= 1
        marker = LIST_MARKER.match(text[group[0][0]:group[0][1]])
        if marker:
            start = max(start, group[0][0] + marker.end())
        block_text = text[start:end]
        followed = index + 1 < len(groups)
        if marker:
            kind = BlockKind.LIST_ITEM
        elif (len(group) == 1 or wrapped) and followed and looks_like_heading(block_text):
            # In wrapped text a long heading may take two lines.
            kind = BlockKind.HEADING
        elif (
            len(group) == 1 and block_text.endswith(":") and len(block_text) <= HEADING_MAX_CHARS
            and followed
        ):
            kind = BlockKind.CAPTION
        else:
            kind = BlockKind.PARAGRAPH
        blocks.append(Block(kind, start, end, block_text, certain_start=certain[index]))
    return blocks

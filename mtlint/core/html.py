"""HTML documents: the prose of a page as the checked text, its blocks, and the map back
to the source.

The page is read with the standard library's HTML tokenizer (`html.parser`), which
reports where each tag, text run, entity and comment starts; consecutive tokens cover
the source without a gap, so every character of the checked text has a known source
position. The html5 tree builders on PyPI keep no character offsets of text nodes
(html5lib none, lxml a line number, selectolax none), and the checks need nothing of a
tree beyond the element a text run stands in, which a stack of open elements with
HTML's implied end tags (`<p>` closed by the next block, `<li>` by the next item) gives.

The checked text is what a reader reads: tags removed, entities decoded (`&amp;` reads
as "&", so a double-escaped `&amp;amp;` reads as "&amp;", which the residue rules
report), NFC applied, a blank line between blocks, `<br>` as a line break. Every
removed or decoded stretch is a `Change` (as for NFC in `document`), so findings map
back to the source; `markup` lists the source ranges of tags and comments, which a fix
must leave as they are. Never read: script, style, code blocks (`pre`), templates, SVG,
MathML, form controls, the head, and attributes other than an image's alt and title
texts (read as captions). Page furniture (nav, header, footer, aside, forms, and
elements whose class or id names a cookie banner, share bar, breadcrumb, newsletter
box, related links, comments or sidebar) is skipped unless `HtmlOptions.include` names
it; `HtmlOptions.root` narrows the check to the first element a simple CSS selector
(`article`, `main`, `.content`, `#story`, `div.post`) matches.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple

import regex

from mtlint.core.markdown import Suppression, pair_suppressions
from mtlint.core.normalise import Change, nfc_changes
from mtlint.core.patterns import compile_pattern

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

# Elements whose content is never prose.
NEVER_READ = frozenset({"script", "style", "noscript", "template", "svg", "math", "pre",
                        "textarea", "select", "option", "iframe", "object", "canvas",
                        "head", "button"})
FURNITURE = frozenset({"nav", "header", "footer", "aside", "form"})
FURNITURE_NAME = compile_pattern(
    r"(?i)(?<![a-z])(?:cookies?|consent|share|sharing|social|breadcrumbs?|newsletter|"
    r"related|comments?|sidebar|advert|ads|banner|popup|modal|paywall)(?![a-z])")
# Include this in HtmlOptions.include to read elements FURNITURE_NAME would skip.
FURNITURE_BY_NAME = "furniture"
# Inline code: kept in the text (a sentence reads it as a word) but never checked.
CODE = frozenset({"code", "kbd", "samp", "var", "tt"})
HEADINGS = {f"h{level}": level for level in range(1, 7)}
LIST_ITEMS = frozenset({"li", "dt", "dd", "td", "th"})
CAPTIONS = frozenset({"figcaption", "caption", "legend", "summary"})
CONTAINERS = frozenset({"p", "blockquote", "address", "div", "section", "article", "main",
                        "body", "center", "dl", "ul", "ol", "table", "tr", "figure",
                        "details", "fieldset", "hgroup", "html", "tbody", "thead",
                        "tfoot", "dir", "menu"})
BLOCK_ELEMENTS = (frozenset(HEADINGS) | LIST_ITEMS | CAPTIONS | CONTAINERS | FURNITURE
                  | frozenset({"hr", "pre", "title"}))
# An element of one of these groups ends an open sibling of its group (<li>…<li>).
SELF_CLOSING_SIBLINGS = (frozenset({"li"}), frozenset({"dt", "dd"}), frozenset({"td", "th"}),
                         frozenset({"tr"}), frozenset({"option"}))
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
ATTRIBUTE_VALUE = r"""\s*=\s*(?:"(?P<v>[^"]*)"|'(?P<v>[^']*)'|(?P<v>[^\s"'=<>`]+))"""
ENTITY = compile_pattern(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);?")
DIRECTIVE = compile_pattern(
    r"\s*mtlint-(?P<action>disable|enable)(?P<rules>(?:[\s,]+[\w:*.-]+)*)\s*")
SIMPLE_SELECTOR = compile_pattern(r"(?P<tag>[\w-]*)(?P<rest>(?:[.#][\w-]+)*)")


class HtmlBlock(NamedTuple):
    kind: str  # a BlockKind value
    start: int
    end: int
    text: str
    level: int


@dataclass(frozen=True)
class HtmlOptions:
    """What of a page is read (configuration `[html]`)."""

    include: frozenset[str] = frozenset()  # furniture to read after all
    root: str | None = None  # a simple CSS selector: read only the first element it matches
    attributes: frozenset[str] = frozenset({"alt", "title"})  # image texts read as captions


@dataclass
class HtmlText:
    text: str
    changes: list[Change]
    blocks: list[HtmlBlock]
    ignored: list[tuple[int, int]]  # ranges of the checked text never checked (code)
    markup: list[tuple[int, int]]  # source ranges of tags and comments
    suppressions: list[Suppression]


@dataclass
class Token:
    kind: str  # start, startend, end, data, entity, comment, other
    start: int
    tag: str = ""
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    data: str = ""
    end: int = 0


class _Tokenizer(HTMLParser):
    def __init__(self, line_starts: list[int]):
        super().__init__(convert_charrefs=False)
        self.line_starts = line_starts
        self.tokens: list[Token] = []

    def _add(self, kind: str, tag: str = "", attrs: list | None = None, data: str = "") -> None:
        line, column = self.getpos()
        self.tokens.append(Token(kind, self.line_starts[line - 1] + column, tag, attrs or [],
                                 data))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("startend", tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data", data=data)

    def handle_entityref(self, name: str) -> None:
        self._add("entity")

    def handle_charref(self, name: str) -> None:
        self._add("entity")

    def handle_comment(self, data: str) -> None:
        self._add("comment", data=data)

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def handle_pi(self, data: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")


def tokenize(source: str) -> list[Token]:
    """The page's tokens, each with its source span (`start`, `end`)."""
    # html.parser counts lines at "\n" only.
    starts = [0, *(m.end() for m in regex.finditer("\n", source))]
    tokenizer = _Tokenizer(starts)
    # An unclosed comment runs to the end of the page, as in a browser.
    unclosed = source.rfind("<!--")
    if unclosed < 0 or source.find("-->", unclosed + 4) >= 0:
        unclosed = len(source)
    tokenizer.feed(source[:unclosed])
    tokenizer.close()
    tokens = tokenizer.tokens
    if unclosed < len(source):
        tokens.append(Token("comment", unclosed, data=source[unclosed + 4:]))
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        token.end = following.start if following is not None else len(source)
    return tokens


def selector_matches(selector: str, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element matches a simple CSS selector: `tag`, `.class`, `#id` and
    combinations such as `div.post#main`."""
    found = SIMPLE_SELECTOR.fullmatch(selector.strip())
    if not found or (found.group("tag") and found.group("tag").lower() != tag):
        return False
    values = dict(attrs)
    classes = (values.get("class") or "").split()
    for part in regex.findall(r"[.#][\w-]+", found.group("rest")):
        if part[0] == "." and part[1:] not in classes:
            return False
        if part[0] == "#" and values.get("id") != part[1:]:
            return False
    return True


def valid_selector(selector: str) -> bool:
    return bool(selector.strip()) and SIMPLE_SELECTOR.fullmatch(selector.strip()) is not None


class _TextBuilder:
    """Builds the checked text piece by piece, with its changes and blocks."""

    def __init__(self, source: str):
        self.source = source
        self.pieces: list[str] = []
        self.changes: list[Change] = []
        self.length = 0
        self.tail = ""  # the last two characters of the text so far
        self.blocks: list[HtmlBlock] = []
        self.block_start: int | None = None
        self.block_piece = 0  # index of the piece the current block starts in
        self.block_kind: tuple[str, int] = ("paragraph", 0)
        self.need_break = False

    def keep(self, start: int, end: int) -> None:
        """Source text that reads as it is (after NFC)."""
        raw = self.source[start:end]
        if not raw:
            return
        if self.need_break and raw.strip():
            self.replace(start, start, "\n\n")
        last = self.changes[-1] if self.changes else None
        if (raw[0] == " " and self.tail.endswith(" ") and last
                and last.source_end == start and last.start == last.end):
            # "ein Bild <img …> danach": the removed element leaves one space, not two.
            self.replace(start, start + 1, "")
            start, raw = start + 1, raw[1:]
            if not raw:
                return
        if raw.isascii() or unicodedata.is_normalized("NFC", raw):
            self._add(raw)
            return
        normal, changes = nfc_changes(raw)
        for change in changes:
            self.changes.append(Change(self.length + change.start, self.length + change.end,
                                       start + change.source_start, start + change.source_end))
        self._add(normal)

    def replace(self, start: int, end: int, text: str) -> None:
        """Source text (a tag, an entity) that reads as `text`; a pending block break
        comes first."""
        if self.need_break and (start < end or text):
            breaks = len(self.tail) - len(self.tail.rstrip("\n")) if self.length else 2
            text = "\n" * (2 - breaks) + text.lstrip("\n")
            self.need_break = False
        if start == end and not text:
            return
        self.changes.append(Change(self.length, self.length + len(text), start, end))
        self._add(text)

    def _add(self, text: str) -> None:
        if not text:
            return
        if self.block_start is None and text.strip():
            self.block_start = self.length + len(text) - len(text.lstrip())
            self.block_piece = len(self.pieces)
        self.pieces.append(text)
        self.length += len(text)
        self.tail = (self.tail + text)[-2:]

    def end_block(self) -> None:
        """Close the current block: what follows starts a new one, after a blank line."""
        if self.block_start is not None:
            piece_start = self.length - sum(len(p) for p in self.pieces[self.block_piece:])
            text = "".join(self.pieces[self.block_piece:])[self.block_start - piece_start:]
            text = text.rstrip()
            kind, level = self.block_kind
            self.blocks.append(HtmlBlock(kind, self.block_start,
                                         self.block_start + len(text), text, level))
            self.block_start = None
        if self.length:
            self.need_break = True

    def text(self) -> str:
        return "".join(self.pieces)


def block_kind_of(tag: str) -> tuple[str, int] | None:
    if tag in HEADINGS:
        return "heading", HEADINGS[tag]
    if tag in LIST_ITEMS:
        return "list_item", 0
    if tag in CAPTIONS:
        return "caption", 0
    if tag in CONTAINERS:
        return "paragraph", 0
    return None


class _Reader:
    """Walks the tokens with a stack of open elements."""

    def __init__(self, source: str, options: HtmlOptions):
        self.source = source
        self.options = options
        self.tokens = tokenize(source)
        self.builder = _TextBuilder(source)
        self.markup: list[tuple[int, int]] = []
        self.directives: list[tuple[str, int, int, str]] = []
        self.ignored: list[tuple[int, int]] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, whether it is not read)
        self.hidden = 0  # open elements that are not read
        self.kinds: list[tuple[str, int]] = []  # block kinds of the open block elements
        self.in_root = options.root is None
        self.root_depth = 0
        self.code_since: int | None = None

    @property
    def visible(self) -> bool:
        return self.in_root and not self.hidden

    def hides(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in NEVER_READ:
            return True
        if tag in FURNITURE:
            return tag not in self.options.include
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        return (FURNITURE_BY_NAME not in self.options.include
                and bool(names and FURNITURE_NAME.search(names)))

    def read(self) -> HtmlText:
        for index, token in enumerate(self.tokens):
            handler = getattr(self, f"on_{token.kind}")
            handler(token, index)
        self.builder.end_block()
        text = self.builder.text()
        if self.code_since is not None:
            self.ignored.append((self.code_since, len(text)))
        return HtmlText(text, self.builder.changes, self.builder.blocks, self.ignored,
                        self.markup, pair_suppressions(self.directives, len(text)))

    def on_start(self, token: Token, index: int) -> None:
        tag, builder = token.tag, self.builder
        self.markup.append((token.start, token.end))
        self.close_implied(tag)
        if (not self.in_root and self.options.root is not None
                and selector_matches(self.options.root, tag, token.attrs)):
            self.in_root, self.root_depth = True, len(self.stack) + 1
        if tag in BLOCK_ELEMENTS and self.visible:
            builder.end_block()
        if tag == "img" and self.visible and not self.inside_running_text(index):
            self.captions(token)
        else:
            builder.replace(token.start, token.end, "\n" if tag == "br" and self.visible else "")
        if tag in VOID or token.kind == "startend":
            return
        hidden = self.hides(tag, token.attrs)
        self.stack.append((tag, hidden))
        self.hidden += hidden
        kind = block_kind_of(tag)
        if kind is not None:
            self.kinds.append(kind)
            builder.block_kind = kind
        if tag in CODE and self.visible and self.code_since is None:
            self.code_since = builder.length

    on_startend = on_start

    def on_end(self, token: Token, index: int) -> None:
        tag = token.tag
        self.markup.append((token.start, token.end))
        self.builder.replace(token.start, token.end, "")
        if any(t == tag for t, _ in self.stack):
            self.close(tag)

    def on_data(self, token: Token, index: int) -> None:
        if self.visible:
            self.builder.keep(token.start, token.end)
        else:
            self.builder.replace(token.start, token.end, "")

    def on_entity(self, token: Token, index: int) -> None:
        raw = self.source[token.start:token.end]
        self.builder.replace(token.start, token.end, html.unescape(raw) if self.visible else "")

    def on_comment(self, token: Token, index: int) -> None:
        self.markup.append((token.start, token.end))
        self.builder.replace(token.start, token.end, "")
        found = DIRECTIVE.fullmatch(token.data)
        if found:
            at = self.builder.length
            self.directives.append((found.group("action"), at, at, found.group("rules")))

    def on_other(self, token: Token, index: int) -> None:
        self.markup.append((token.start, token.end))
        self.builder.replace(token.start, token.end, "")

    def close_implied(self, tag: str) -> None:
        """HTML's implied end tags: a block element closes an open paragraph, an item
        the item before it."""
        open_tags = [t for t, _ in self.stack]
        last = open_tags[-1] if open_tags else ""
        siblings = next((group for group in SELF_CLOSING_SIBLINGS if tag in group), ())
        if last in siblings:
            self.close(last)
        elif tag in BLOCK_ELEMENTS - {"body", "html", "title"} and "p" in open_tags:
            self.close("p")

    def close(self, tag: str) -> None:
        """Close the innermost open `tag` and everything opened inside it."""
        index = max(i for i, (t, _) in enumerate(self.stack) if t == tag)
        while len(self.stack) > index:
            open_tag, hidden = self.stack.pop()
            if open_tag in CODE and self.code_since is not None and not any(
                    t in CODE for t, _ in self.stack):
                self.ignored.append((self.code_since, self.builder.length))
                self.code_since = None
            if open_tag in BLOCK_ELEMENTS and self.visible:
                self.builder.end_block()
            self.hidden -= hidden
            if block_kind_of(open_tag) is not None and self.kinds:
                self.kinds.pop()
                self.builder.block_kind = self.kinds[-1] if self.kinds else ("paragraph", 0)
            if self.root_depth and len(self.stack) < self.root_depth:
                self.builder.end_block()
                self.in_root, self.root_depth = False, 0

    def inside_running_text(self, index: int) -> bool:
        """Whether an image stands between words of one block (its caption would split
        the block in two: such an image's texts are not read)."""
        if self.builder.block_start is None:
            return False
        for token in self.tokens[index + 1:]:
            if token.kind in ("start", "startend", "end") and token.tag in BLOCK_ELEMENTS:
                return False
            if token.kind == "entity" or (token.kind == "data" and token.data.strip()):
                return True
        return False

    def captions(self, token: Token) -> None:
        """An image: its alt and title texts as caption blocks, the rest of the tag out."""
        builder, source = self.builder, self.source
        values = []
        for name in sorted(self.options.attributes):
            found = regex.search(r"(?i)\s" + regex.escape(name) + ATTRIBUTE_VALUE,
                                 source[token.start:token.end])
            if found and found.group("v").strip():
                values.append((token.start + found.start("v"), token.start + found.end("v")))
        position, saved = token.start, builder.block_kind
        for value_start, value_end in sorted(values):
            builder.replace(position, value_start, "")
            builder.block_kind = ("caption", 0)
            at = value_start
            for entity in ENTITY.finditer(source, value_start, value_end):
                builder.keep(at, entity.start())
                builder.replace(entity.start(), entity.end(), html.unescape(entity.group()))
                at = entity.end()
            builder.keep(at, value_end)
            builder.end_block()
            position = value_end
        builder.block_kind = saved
        builder.replace(position, token.end, "")


def html_text(source: str, options: HtmlOptions | None = None) -> HtmlText:
    """Read an HTML page (see the module docstring)."""
    return _Reader(source, options or HtmlOptions()).read()


META_CHARSET = compile_pattern(
    rb"""(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*(?P<name>[\w.:-]+)""")


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a <meta> tag within its first 1024 bytes (as
    browsers look for it); latin-1 and ascii read as windows-1252, as browsers do."""
    found = META_CHARSET.search(data[:1024])
    if not found:
        return None
    name = found.group("name").decode("ascii", "replace").lower()
    if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"):
        return "cp1252"
    return name

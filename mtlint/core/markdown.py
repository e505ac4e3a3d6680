"""Markdown structure through markdown-it-py's source maps.

Only prose is checked: code blocks, inline code, HTML, link targets and front matter
become ignored ranges. HTML comments `<!-- mtlint-disable RULE -->` and
`<!-- mtlint-enable RULE -->` switch rules off and on for the text between them (see
``mtlint.core.directives`` for these and the line directives).

The text model (``mtlint.core.document``) asks this module for a Markdown document's
structure; so that the two never import each other at run time, blocks come back as
plain `MarkdownBlock` tuples and the document turns them into its `Block`s.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

import regex

from mtlint.core.directives import Suppression, find_directives, suppressions
from mtlint.core.patterns import compile_pattern

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from mtlint.core.document import Document

FRONT_MATTER = compile_pattern(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S
)
# Inline markup that is not prose: never checked, and not sent to LanguageTool.
NOT_PROSE = r"""
    (?P<code>(?P<fence>`+)(?:.|\n)*?(?P=fence))  # inline code
    | <!--(?:.|\n)*?-->                          # comment
    | </?[A-Za-z][^<>\n]*>                       # HTML tag or autolink
    | \]\([^()\s]*(?:\s+"[^"]*")?\)              # link or image target
    | \]\[[^\]\n]*\]                             # reference link label
    | ^\s{0,3}\[(?!\^)[^\]\n]+\]:.*$              # link reference definition
    | ^\s{0,3}\[\^[^\]\n]+\]:                      # a footnote's label (its text is prose)
"""
INLINE_IGNORED = compile_pattern("(?x)" + NOT_PROSE, regex.M)
# All inline markup in a block's text, for what reads it as prose (LanguageTool): what
# is not prose, and the marks around prose that a reader does not read.
INLINE_MARKUP = compile_pattern("(?x)" + NOT_PROSE + r"""
    | !?\[(?=[^\]\n]*\][(\[])                       # the bracket that opens a link text
    | (?<![\w*_~])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])  # emphasis opens
    | (?<=[^\s*_~])(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])  # emphasis closes
    """, regex.M)
CODE_TOKENS = frozenset({"fence", "code_block", "html_block", "hr"})


# Levels of nested quotes and lists that are read (markdown-it's default, 20, left text
# in 20 quotes or 10 list levels unread); text nested deeper is not, and a note says so.
MAX_NESTING = 100


class MarkdownBlock(NamedTuple):
    """A block as `Block` holds it; `kind` is a `BlockKind` value."""

    kind: str
    start: int
    end: int
    text: str
    level: int


def _parser() -> MarkdownIt:
    # Imported here: markdown-it costs 0.03-0.05 s to import, and most checks read plain text.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").enable(
        "strikethrough")


def markdown_structure(
    doc: Document,
) -> tuple[list[MarkdownBlock], list[tuple[int, int]], list[Suppression]]:
    """Blocks, ignored ranges and suppressions of a Markdown document."""
    text = doc.text
    ignored: list[tuple[int, int]] = []
    source = text
    front = FRONT_MATTER.match(text)
    front_blocks: list[MarkdownBlock] = []
    if front:
        # Front matter is data, but its title and description are prose readers see.
        front_blocks = _front_matter_prose(text, front.end())
        covered = 0
        for block in front_blocks:
            ignored.append((covered, block.start))
            covered = block.end
        ignored.append((covered, front.end()))
        # Blank the front matter but keep its line breaks, so that line maps stay right.
        source = regex.sub(r"[^\r\n]", " ", front.group()) + text[front.end():]

    line_span = doc.line_span
    line_count = len(doc._line_starts)
    tokens = _parser().parse(source.replace("\r\n", "\n").replace("\r", "\n"))
    deepest = max((token.level for token in tokens), default=0)
    if deepest >= MAX_NESTING - 1:
        doc.structure_notes.append(
            f"Markdown nested deeper than {MAX_NESTING} levels (quotes, lists); the text "
            "below that depth is not checked")
    blocks: list[MarkdownBlock] = list(front_blocks)
    context: list[str] = []
    table_depth = 0
    # A table's markup is never checked, its cells are (as fragments, not sentences):
    # the table's range less its cells is ignored.
    table: tuple[int, int] | None = None
    cells: list[MarkdownBlock] = []
    row_at = 0  # where the next cell of the row is looked for
    for index, token in enumerate(tokens):
        if token.type.endswith("_open"):
            context.append(token.type)
        elif token.type.endswith("_close") and context:
            context.pop()
        if token.type == "table_open":
            table_depth += 1
            if token.map and table is None:
                table = (line_span(token.map[0] + 1)[0],
                         line_span(min(token.map[1], line_count))[1])
        elif token.type == "table_close":
            table_depth -= 1
            if table_depth == 0 and table is not None:
                covered = table[0]
                for cell in cells:
                    ignored.append((covered, cell.start))
                    covered = cell.end
                ignored.append((covered, table[1]))
                blocks.extend(cells)
                table, cells = None, []
        if token.type == "tr_open" and token.map:
            row_at = line_span(token.map[0] + 1)[0]
        if token.type == "inline" and token.map and table_depth and table is not None:
            cell = _table_cell(doc, token.content, token.map[0], row_at)
            if cell is not None:
                cells.append(cell)
                row_at = cell.end
            continue
        if token.map and token.type in CODE_TOKENS:
            first, last = token.map
            start = line_span(first + 1)[0]
            end = line_span(min(last, line_count))[1]
            ignored.append((start, end))
            continue
        if token.type != "inline" or not token.map or table_depth:
            continue
        opener = tokens[index - 1]
        if opener.type == "heading_open":
            kind, level = "heading", int(opener.tag[1:])
        elif "list_item_open" in context:
            kind, level = "list_item", 0
        else:
            kind, level = "paragraph", 0
        block = _block_from_inline(doc, token.content, token.map[0], kind, level)
        if block is not None:
            blocks.append(block)

    for match in INLINE_IGNORED.finditer(_without_unclosed_comments(text)):
        ignored.append((match.start(), match.end()))
    return blocks, ignored, suppressions(text, find_directives(text, markdown=True))


def _without_unclosed_comments(text: str) -> str:
    """`text` with every "<!--" after the last "-->" defused (same length, same other
    matches): INLINE_IGNORED would look for the end of each of them to the end of the
    text, which is quadratic in their number."""
    last_close = text.rfind("-->")
    first_open = text.find("<!--", last_close + 1 if last_close >= 0 else 0)
    if first_open < 0:
        return text
    tail = text[first_open:].replace("<!--", "<!-\x00")
    return text[:first_open] + tail


# `title: …` / `description: …` (YAML) or `title = "…"` (TOML) in front matter.
FRONT_MATTER_PROSE = compile_pattern(
    r"""(?m)^(?P<key>title|description)[ \t]*[:=][ \t]*(?P<quote>["']?)(?P<value>[^\r\n]*?)"""
    r"""(?P=quote)[ \t]*$"""
)


def _front_matter_prose(text: str, end: int) -> list[MarkdownBlock]:
    """The title (a heading) and description (a paragraph) of the front matter."""
    blocks = []
    for match in FRONT_MATTER_PROSE.finditer(text, 0, end):
        value = match.group("value")
        if not value.strip() or value.lstrip()[:1] in "[{|>":
            continue  # a list, a table or a block scalar: not one line of prose
        heading = match.group("key") == "title"
        start = match.start("value")
        blocks.append(MarkdownBlock("heading" if heading else "paragraph", start,
                                    start + len(value), value, 1 if heading else 0))
    return blocks


def _table_cell(doc: Document, content: str, line: int, after: int) -> MarkdownBlock | None:
    """A table cell's text on its row (0-based `line`), found from offset `after` on."""
    start, end = doc.line_span(line + 1)
    found = doc.text.find(content, max(start, after), end) if content.strip() else -1
    if found < 0:
        return None  # an empty cell, or one with escaped markup the source spells otherwise
    return MarkdownBlock("table_cell", found, found + len(content), content, 0)


def _block_from_inline(doc: Document, content: str, first_line: int, kind: str,
                       level: int) -> MarkdownBlock | None:
    content_lines = content.split("\n")
    line_start, line_end = doc.line_span(first_line + 1)
    first_source = doc.text[line_start:line_end]
    head = content_lines[0]
    found = first_source.find(head) if head else -1
    if found < 0:
        return None
    start = line_start + found
    last_line = first_line + len(content_lines)
    _, end = doc.line_span(min(last_line, len(doc._line_starts)))
    if len(content_lines) == 1:
        end = start + len(head)
    block_text = doc.text[start:end].rstrip()
    if kind == "heading":
        block_text = regex.sub(r"\s+#+\s*$", "", block_text)
    if len(content_lines) > 1 and ">" in block_text:
        block_text = _blank_quote_markers(doc, block_text, start, first_line, content_lines)
    return MarkdownBlock(kind, start, start + len(block_text), block_text, level)


def _blank_quote_markers(doc: Document, text: str, start: int, first_line: int,
                         content_lines: list[str]) -> str:
    """A block's `text` (from offset `start`) with the blockquote markers before its
    continuation lines blanked to spaces: in "> Ein Satz über\n> zwei Zeilen." the
    second "> " is markup inside a sentence. The parser's content lines (`content_lines`)
    are the source lines without the markers and indentation of their containers."""
    pieces: list[str] = []
    position = 0
    for number, content_line in enumerate(content_lines[1:], first_line + 2):
        line_start, line_end = doc.line_span(number)
        line = doc.text[line_start:line_end].rstrip()
        content_line = content_line.rstrip()
        if not content_line or not line.endswith(content_line):
            continue
        prefix_end = line_start + len(line) - len(content_line)
        if ">" in doc.text[line_start:prefix_end] and line_start >= start + position:
            pieces.append(text[position:line_start - start])
            pieces.append(regex.sub(r"\S", " ", text[line_start - start:prefix_end - start]))
            position = prefix_end - start
    pieces.append(text[position:])
    return "".join(pieces)


def pair_suppressions(directives: Iterable[tuple[str, int, int, str]],
                      text_length: int) -> list[Suppression]:
    """Suppressions from `mtlint-disable`/`mtlint-enable` directives, given in order as
    (action, start, end, rules): a disable holds from its end to the matching enable's
    start, or to the end of the text."""
    open_since: dict[str, int] = {}
    result: list[Suppression] = []
    for action, start, end, names in directives:
        rules = [r for r in regex.split(r"[\s,]+", names) if r] or ["*"]
        for rule in rules:
            if action == "disable":
                open_since.setdefault(rule, end)
            elif rule in open_since:
                result.append(_suppression(rule, open_since.pop(rule), start))
    for rule, start in open_since.items():
        result.append(_suppression(rule, start, text_length))
    return result


def _suppression(rule: str, start: int, end: int) -> Suppression:
    return Suppression(start, end, frozenset() if rule == "*" else frozenset({rule}))

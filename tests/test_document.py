"""The document model: decoding, positions, blocks and sentences."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from mtlint import check_text
from mtlint.core.document import BlockKind, Document, DocumentError, TextLines
from mtlint.core.normalise import ZERO_WIDTH_IN_WORD
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter
from mtlint.lint.registry import rules_for
from mtlint.running.fix import fix_until_stable

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in doc.blocks]


def sentences(text: str) -> list[str]:
    return [s.text for s in Document(text, "a.txt").blocks[0].sentences]


@pytest.mark.parametrize(("text", "expected"), [
    ("Das gilt z. B. für Dr. Müller. Er kam am 3. Oktober.",
     ["Das gilt z. B. für Dr. Müller.", "Er kam am 3. Oktober."]),
    ("Es kostet ca. 5 Euro bzw. mehr. Nr. 5 folgt.",
     ["Es kostet ca. 5 Euro bzw. mehr.", "Nr. 5 folgt."]),
    ("Das war 2019. Danach kam u.a. Streit. Wirklich?", ["Das war 2019.", "Danach kam u.a. Streit.",
                                                          "Wirklich?"]),
    ("„Ja“, sagte er. „Nein.“ Dann ging er.", ["„Ja“, sagte er.", "„Nein.“", "Dann ging er."]),
    ("Sam A. Altman kam.", ["Sam A. Altman kam."]),
])
def test_sentence_splitting_knows_german_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_positions_with_crlf_and_cr_line_endings() -> None:
    doc = Document("eins\r\nzwei\rdrei\nvier", "a.txt")
    assert doc.lines == ["eins", "zwei", "drei", "vier"]
    offset = doc.text.index("drei")
    assert doc.position(offset) == (3, 1)
    assert doc.offset(3, 1) == offset
    assert doc.position(doc.text.index("wei")) == (2, 2)


def test_bom_is_removed_and_columns_count_code_points() -> None:
    doc = Document.from_bytes("\ufeffA😀b „x„".encode(), "a.txt")
    assert doc.text == "A😀b „x„"
    assert doc.position(doc.text.index("b")) == (1, 3)


def test_binary_and_undecodable_input_is_refused_with_a_reason() -> None:
    with pytest.raises(DocumentError, match="NUL byte at byte offset 3"):
        Document.from_bytes(b"abc\x00def", "a.txt")
    with pytest.raises(DocumentError, match=r"byte 0xe4 at byte offset 1"):
        Document.from_bytes(b"M\xe4rz", "a.txt")
    assert Document.from_bytes(b"M\xe4rz", "a.txt", encoding="latin-1").text == "März"


def test_plain_text_headings_without_blank_lines() -> None:
    doc = Document(
        "Die Ursprünge des Konflikts\nDer Streit begann 2019. Er dauert an.\n"
        "Potenzielle Vorteile:\n- Mehr Geld für alle.\n- Weniger Streit.\n"
        "Könnte der Konflikt gelöst werden?\nDas bleibt offen.\n", "a.txt")
    assert kinds(doc) == [
        ("heading", "Die Ursprünge des Konflikts"),
        ("paragraph", "Der Streit begann 2019. Er dauert an."),
        ("caption", "Potenzielle Vorteile:"),
        ("list_item", "Mehr Geld für alle."),
        ("list_item", "Weniger Streit."),
        ("heading", "Könnte der Konflikt gelöst werden?"),
        ("paragraph", "Das bleibt offen."),
    ]


def test_a_last_line_without_punctuation_is_not_a_heading() -> None:
    doc = Document("Titel\nDer Text endet ohne Punkt", "a.txt")
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = ("Überschrift\n\nDies ist ein Absatz, der über mehrere Zeilen umbrochen\n"
            "wurde und trotzdem ein einziger Absatz ist. Er hat zwei Sätze.\n\n"
            "Zweiter Absatz.\n")
    doc = Document(text, "a.txt")
    assert [b.kind.value for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
    assert len(doc.blocks[1].sentences) == 2
    assert doc.blocks[1].text.startswith("Dies ist") and doc.blocks[1].text.endswith("zwei Sätze.")


def test_markdown_blocks_code_and_front_matter() -> None:
    text = ("---\nlayout: „x„\n---\n# Die Überschrift\n\nEin Absatz mit `code „a„` und "
            "[Link](https://example.com/„b„).\n\n- Punkt eins\n- Punkt zwei\n\n```\n„c„\n```\n")
    doc = Document(text, "a.md")
    assert kinds(doc) == [
        ("heading", "Die Überschrift"),
        ("paragraph", "Ein Absatz mit `code „a„` und [Link](https://example.com/„b„)."),
        ("list_item", "Punkt eins"),
        ("list_item", "Punkt zwei"),
    ]
    assert doc.blocks[0].level == 1
    for marker in ("„x„", "„a„", "„b„", "„c„"):
        start = text.index(marker)
        assert doc.is_ignored(start, start + len(marker)), marker
    prose = text.index("Ein Absatz")
    assert not doc.is_ignored(prose, prose + 3)


def test_markdown_suppression_comments() -> None:
    text = ("Eins „a„.\n\n<!-- mtlint-disable quote-low-closing -->\n\nZwei „b„.\n\n"
            "<!-- mtlint-enable quote-low-closing -->\n\nDrei „c„.\n")
    doc = Document(text, "a.md")
    covered = [any(s.covers("quote-low-closing", text.index(m)) for s in doc.suppressions)
               for m in ("„a„", "„b„", "„c„")]
    assert covered == [False, True, False]
    assert not doc.suppressions[0].covers("other-rule", text.index("„b„"))


def test_urls_and_email_addresses_are_ignored_in_plain_text() -> None:
    text = "Siehe www.example.com/a,b und info@example.org .\n"
    doc = Document(text, "a.txt")
    assert doc.is_ignored(text.index("www"), text.index("www") + 5)
    assert doc.is_ignored(text.index("info@"), text.index("info@") + 3)
    assert not doc.is_ignored(text.index("Siehe"), text.index("Siehe") + 5)


# --- decomposed umlauts: the rules read NFC, findings and fixes stay in the source --------

def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_decomposed_umlauts_give_the_findings_of_composed_ones(seed: Path) -> None:
    composed = seed.read_text(encoding="utf-8")
    decomposed = nfd(composed)
    assert decomposed != composed
    source = TextLines(decomposed)
    expected = []
    for f in check_text(composed, seed.name):
        # The same finding, at the same characters of the decomposed text.
        start, end = len(nfd(composed[:f.offset])), len(nfd(composed[:f.offset + f.length]))
        expected.append((f.rule, start, end - start, *source.position(start),
                         *source.position(end), f.message, f.suggestions))
    found = [(f.rule, f.offset, f.length, f.line, f.column, f.end_line, f.end_column,
              f.message, f.suggestions) for f in check_text(decomposed, seed.name)]
    assert found == expected


def fixed(text: str, path: str) -> str:
    linter = Linter(Config(), rules_for(()))
    findings = linter.check(Document(text, path)).findings
    return fix_until_stable(
        text, findings, lambda new: linter.check(Document(new, path)).findings).text


@pytest.mark.parametrize("seed", ["002", "004"])
def test_fixing_decomposed_text_keeps_what_it_does_not_change_decomposed(seed: str) -> None:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    composed = path.read_text(encoding="utf-8")
    after = fixed(composed, path.name)
    assert after != composed
    # "könnte" -> "Könnte" in 002: only the "k" changes, the "ö" stays o + U+0308.
    assert fixed(nfd(composed), path.name) == nfd(after)


def test_offsets_map_between_the_checked_text_and_the_source() -> None:
    source = "Gru\u0308n ist ju\u0308\u0323y und a\u0958b.\nU\u0308ber"
    doc = Document(source, "a.txt")
    assert doc.text == unicodedata.normalize("NFC", source)
    assert doc.source.text == source and doc.lines == doc.text.split("\n")
    assert doc.text.count("\u0308") == 1  # u + U+0323 composed, U+0308 stays a mark
    green = doc.text.index("Grün")
    assert doc.source_span(green, green + 4) == (0, 5)
    assert doc.checked_span(0, 5) == (green, green + 4)
    over = doc.text.index("Über")
    start, end = doc.source_span(over, over + 4)
    assert source[start:end] == "U\u0308ber" and doc.source.position(start) == (2, 1)
    # A boundary inside a character that normalising changed widens to the whole of it.
    mark = doc.text.index("\u0308", green + 4)
    assert doc.source_span(mark, mark + 1) == (source.index("u\u0308\u0323"), source.index("y"))
    # A fix keeps the source spelling of what it does not change ...
    assert doc.source_fix(green, green + 4, "Grüne") == (0, 5, "Gru\u0308ne")
    assert doc.source_fix(over, over + 4, "Überall") == (start, end, "U\u0308berall")
    # ... and replaces a character it changes, or one NFC changed, as a whole.
    assert doc.source_fix(over, over + 4, "über") == (start, end, "\u00fcber")
    qa = doc.text.index("क़")
    assert doc.source_fix(qa, qa + 2, "") == (source.index("\u0958"), source.index("b."), "")
    plain = Document("Grün", "a.txt")
    assert plain.text is plain.source.text and plain.source_fix(0, 4, "x") == (0, 4, "x")


NORMALISING = st.text(alphabet=st.sampled_from([
    "a", "u", "U", "ü", " ", "\n", "\r", "\u0308", "\u0301", "\u0323", "\u212b", "\u0958",
    "\u1100", "\u1161", "\u11a8", "\u0b47", "\u0b3e", "😀", "\u200d"]), max_size=30)


@given(NORMALISING, st.data())
def test_any_edit_of_the_checked_text_is_the_same_edit_of_the_source(
        source: str, data: st.DataObject) -> None:
    doc = Document(source, "a.txt")
    # Invisible characters inside words are left out too (see ZERO_WIDTH_IN_WORD).
    assert doc.text == unicodedata.normalize("NFC", ZERO_WIDTH_IN_WORD.sub("", source))
    start = data.draw(st.integers(0, len(doc.text)))
    end = data.draw(st.integers(start, len(doc.text)))
    replacement = data.draw(NORMALISING)
    source_start, source_end, source_replacement = doc.source_fix(start, end, replacement)
    assert (source_start, source_end) == doc.source_span(start, end)
    edited = source[:source_start] + source_replacement + source[source_end:]
    assert visible(edited) == visible(doc.text[:start] + replacement + doc.text[end:])


def visible(text: str) -> str:
    """What a reader sees: NFC, without zero-width characters anywhere."""
    return unicodedata.normalize("NFC", regex.sub(r"[\u00ad\u200b-\u200d\u2060\ufeff]", "",
                                                  text))


def test_language_server_positions_count_in_the_decomposed_source() -> None:
    from mtlint.interfaces.lsp import offset_at, position_at

    text = nfd("Die Größe über alles:\nSie nannte es „Zitat„ heute.\n")
    doc = Document(text, "a.txt")
    (finding,) = check_text(text, "a.txt", select=["quote-low-closing"])
    assert text[finding.offset] == "„" and text.index("„Zitat„") + 6 == finding.offset
    position = position_at(doc, finding.offset, "utf-16")
    assert (position.line, position.character) == (1, text.split("\n")[1].index("Zitat„") + 5)
    assert offset_at(doc, position, "utf-16") == finding.offset


# --- Markdown blockquotes --------------------------------------------------------------

QUOTED = ("# Zitate\n\n"
          "> Die Regierung hat die neuen Regeln im Frühjahr beschlossen.\n"
          "> Die Kommission mit dem Vorschlag der Regierung im kommenden\n"
          ">    Jahr. Sie will bis dahin alle Beteiligten anhören.\n")


def test_a_wrapped_blockquote_is_read_without_its_quote_markers() -> None:
    doc = Document(QUOTED, "a.md")
    quote = doc.blocks[1]
    assert quote.text == doc.text[quote.start:quote.end].replace("\n>", "\n ")
    assert [s.text for s in quote.sentences] == [
        "Die Regierung hat die neuen Regeln im Frühjahr beschlossen.",
        "Die Kommission mit dem Vorschlag der Regierung im kommenden\n     Jahr.",
        "Sie will bis dahin alle Beteiligten anhören.",
    ]
    # The rules find what they find in the text unquoted (here: a lost verb), where it is.
    unquoted = QUOTED.replace("> ", "").replace(">    ", "")
    found = [(f.rule, f.line, f.column) for f in check_text(QUOTED, "a.md")]
    assert found == [(f.rule, f.line, f.column + 2) for f in check_text(unquoted, "a.md")]
    assert [rule for rule, _, _ in found] == ["verb-missing"]


def test_nested_quotes_and_lists_in_quotes_lose_their_markers() -> None:
    doc = Document("> > Eins\n> > zwei.\n>\n> - Drei\n>   vier.\n\n- Fünf\n  > sechs\n"
                   "  > sieben.\n", "a.md")
    assert [b.text for b in doc.blocks] == [
        "Eins\n    zwei.", "Drei\n    vier.", "Fünf", "sechs\n    sieben."]
    # Not a quote marker: a ">" the paragraph itself starts a line with (indented code
    # cannot interrupt a paragraph).
    (block,) = Document("Ein Absatz\n    > kein Zitat.\n", "a.md").blocks
    assert block.text == "Ein Absatz\n    > kein Zitat."


def test_an_empty_span_at_a_removed_invisible_character_maps_to_one_point() -> None:
    # Found by the fuzz run: a zero-width character between two words is left out of the
    # checked text; an insertion there must not get a negative length or copy it twice.
    text = "OpenAI's\ufeffDer"
    for finding in check_text(text, "a.txt"):
        assert finding.length >= 0
        if finding.fix is not None:
            fix = finding.fix
            fixed = text[:fix.offset] + fix.replacement + text[fix.offset + fix.length:]
            assert fixed.count("\ufeff") == 1

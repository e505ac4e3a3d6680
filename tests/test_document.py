"""The document model: decoding, positions, blocks and sentences."""

from __future__ import annotations

import pytest

from mtlint.document import BlockKind, Document, DocumentError


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
    text = ("---\ntitle: „x„\n---\n# Die Überschrift\n\nEin Absatz mit `code „a„` und "
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

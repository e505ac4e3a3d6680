"""HTML input: what of a page is read, where findings point, and fixes that keep the markup."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from mtlint import check_text
from mtlint.core.document import Document
from mtlint.core.html import HtmlOptions, html_text
from mtlint.interfaces.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def blocks(page: str, **options) -> list[tuple[str, str]]:
    doc = Document(page, "page.html", html_options=HtmlOptions(**options) if options else None)
    return [(b.kind.value, b.text) for b in doc.blocks]


def check(tmp_path: Path, page: str | bytes, *args: str, name: str = "page.html") -> dict:
    path = tmp_path / name
    if isinstance(page, str):
        path.write_text(page, encoding="utf-8")
    else:
        path.write_bytes(page)
    out = io.StringIO()
    main(["check", str(path), "--format", "json", "--languagetool", "off", "--no-cache", *args],
         stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())["files"][0]


def at(page: str, finding: dict) -> str:
    return page[finding["offset"]:finding["offset"] + finding["length"]]


# --- what is read ---------------------------------------------------------------------------

def test_elements_become_headings_paragraphs_items_and_captions() -> None:
    page = ("<h2>Die Lage</h2><p>Ein Absatz.</p><ul><li>Erster Punkt<li>Zweiter Punkt</ul>"
            "<figure><img src=a.png alt='Ein Hund im Park'><figcaption>Im Park</figcaption>"
            "</figure><table><tr><td>Zelle<td>Noch eine</table>")
    assert blocks(page) == [
        ("heading", "Die Lage"), ("paragraph", "Ein Absatz."), ("list_item", "Erster Punkt"),
        ("list_item", "Zweiter Punkt"), ("caption", "Ein Hund im Park"), ("caption", "Im Park"),
        ("list_item", "Zelle"), ("list_item", "Noch eine")]


def test_inline_markup_stays_inside_its_sentence() -> None:
    page = "<p>Das ist <em>ein</em> Test mit <a href='/x'>einem Link</a> und W<b>or</b>t.</p>"
    assert blocks(page) == [("paragraph", "Das ist ein Test mit einem Link und Wort.")]


def test_script_style_code_blocks_templates_svg_and_attributes_are_not_read() -> None:
    page = ("<head><title>Seite</title><style>p{}</style></head><body>"
            "<script>var a = 'Fehlre';</script><pre>Code Fehlre</pre>"
            "<template><p>Vorlage</p></template><svg><text>Grafik</text></svg>"
            "<p title='Titel' data-x='Attribut'>Nur dieser Satz.</p></body>")
    assert blocks(page) == [("paragraph", "Nur dieser Satz.")]


def test_inline_code_is_kept_as_a_word_but_never_checked() -> None:
    doc = Document("<p>Die Funktion <code>„foo„</code> gibt nichts zurück.</p>", "a.html")
    assert doc.blocks[0].text == "Die Funktion „foo„ gibt nichts zurück."
    start = doc.text.index("„foo„")
    assert doc.is_ignored(start, start + 5)


def test_furniture_is_skipped_unless_included() -> None:
    page = ("<header>Kopf</header><nav>Menü</nav><main><p>Artikel.</p>"
            "<div class='share-buttons'>Teilen Sie diesen Artikel</div>"
            "<div id='cookie-banner'>Wir nutzen Cookies.</div></main>"
            "<aside>Werbung</aside><footer>Fuß</footer>")
    assert blocks(page) == [("paragraph", "Artikel.")]
    assert ("paragraph", "Menü") in blocks(page, include=frozenset({"nav"}))
    assert ("paragraph", "Wir nutzen Cookies.") in blocks(
        page, include=frozenset({"furniture"}))


def test_a_root_selector_narrows_a_saved_page_to_its_article() -> None:
    page = ("<body><div class='teaser'><p>Anderer Text.</p></div>"
            "<div class='post entry'><h1>Titel</h1><p>Der Artikel.</p></div>"
            "<p>Danach.</p></body>")
    assert blocks(page, root="div.post") == [("heading", "Titel"), ("paragraph", "Der Artikel.")]
    assert blocks(page, root="#nothing") == []


def test_entities_are_decoded_and_double_escaped_ones_reported(tmp_path) -> None:
    assert blocks("<p>A &amp; B &auml;&#246;&#xFC; &nbsp;x</p>") == [
        ("paragraph", "A & B äöü \xa0x")]
    page = "<p>Preise &amp;amp; Leistungen im Überblick.</p>\n"
    found = check(tmp_path, page)["findings"]
    residue = [f for f in found if f["rule"] == "residue-html-entity"]
    assert len(residue) == 1 and at(page, residue[0]) == "&amp;amp;"


def test_malformed_html_is_read_without_error() -> None:
    page = ("<p>Ein <b>fetter <i>Satz</p> ohne Ende & 3 < 4 und </span> lose."
            "<div><p>Zweiter<p>Dritter <!-- nie geschlossen")
    assert blocks(page) == [("paragraph", "Ein fetter Satz"),
                            ("paragraph", "ohne Ende & 3 < 4 und lose."),
                            ("paragraph", "Zweiter"), ("paragraph", "Dritter")]


def test_a_five_megabyte_page_is_read_whole() -> None:
    paragraph = "<p>Die Partnerschaft gilt als <em>stabil</em> &amp; verlässlich.</p>\n"
    page = "<html><body>" + paragraph * (5_000_000 // len(paragraph)) + "</body></html>"
    result = html_text(page)
    assert len(result.blocks) == 5_000_000 // len(paragraph)
    assert result.blocks[-1].text == "Die Partnerschaft gilt als stabil & verlässlich."


def test_a_page_in_its_declared_legacy_encoding(tmp_path) -> None:
    page = ("<html><head><meta charset='windows-1252'></head><body>"
            "<p>Er nannte es „Bromance„ und ging über die Straße.</p></body></html>")
    data = page.encode("cp1252")
    finding = check(tmp_path, data)["findings"][0]
    assert finding["rule"] == "quote-low-closing"
    main(["check", str(tmp_path / "page.html"), "--fix", "--languagetool", "off", "--no-cache"],
         stdout=io.StringIO(), stderr=io.StringIO())
    assert (tmp_path / "page.html").read_bytes() == data.replace(
        "„Bromance„".encode("cp1252"), "„Bromance“".encode("cp1252"))


# --- positions and fixes ----------------------------------------------------------------------

def test_findings_point_into_the_html_source(tmp_path) -> None:
    page = ("<html><body>\n<h1>die ursprünge des konflikts</h1>\n"
            "<p>Er nannte die <em>Partnerschaft</em> eine „Bromance„ und ging.</p>\n"
            "</body></html>\n")
    found = check(tmp_path, page)["findings"]
    quote = next(f for f in found if f["rule"] == "quote-low-closing")
    assert (quote["line"], quote["column"]) == (3, 55) and at(page, quote) == "„"
    heading = next(f for f in found if f["rule"] == "heading-lowercase-start")
    assert (heading["line"], heading["column"]) == (2, 5) and at(page, heading) == "die"


def test_fix_changes_text_and_keeps_markup_byte_for_byte(tmp_path) -> None:
    page = ("<!DOCTYPE html>\n<html><body>\n<h1 class='t'>die ursprünge</h1>\n"
            "<p>Die Einführung von Suche<b>GPT</b> hat die Spannung verstärkt, aber SearchGPT "
            "bleibt. Er nannte es <i>„Bromance„</i> &ndash; so.</p>\n</body></html>\n")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    main(["check", str(path), "--fix", "--languagetool", "off", "--no-cache"],
         stdout=io.StringIO(), stderr=io.StringIO())
    fixed = path.read_text(encoding="utf-8")
    assert fixed == page.replace("die ursprünge", "Die ursprünge").replace(
        "Suche<b>GPT</b>", "Search<b>GPT</b>").replace("„Bromance„", "„Bromance“")
    assert regex.findall(r"<[^>]*>", fixed) == regex.findall(r"<[^>]*>", page)


def test_an_edit_that_would_change_markup_is_refused() -> None:
    doc = Document("<p>ab<b>cd</b> ef</p>", "a.html")
    start = doc.text.index("bc")
    assert doc.source_fix(start, start + 2, "xy") is None
    inside = doc.text.index("cd")
    assert doc.source_fix(inside, inside + 2, "CD") == (8, 10, "CD")


WORDS = st.sampled_from(["Haus", "über", "Straße", "e\u0301", "Zoë", "&amp;", "&auml;",
                         "&#8222;", "3 < 4", "ä"])
INLINE = st.sampled_from(["<em>", "</em>", "<b>", "</b>", "<a href='x'>", "</a>", "<br>",
                          "<!-- c -->", "<span class=x>", "</span>"])
BLOCK = st.sampled_from(["<p>", "</p>", "<h2>", "</h2>", "<li>", "<div>", "</div>"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(WORDS, INLINE, BLOCK, st.just(" ")), min_size=1, max_size=40),
       st.data())
def test_every_span_of_the_checked_text_maps_to_source_that_reads_the_same(parts, data) -> None:
    page = "".join(parts)
    doc = Document(page, "p.html")
    if not doc.text:
        return
    start = data.draw(st.integers(0, len(doc.text)))
    end = data.draw(st.integers(start, len(doc.text)))
    source_start, source_end = doc.source_span(start, end)
    source = page[source_start:source_end]
    read = html.unescape(regex.sub(r"<!--.*?-->|<[^<>]*>", "", source))

    def squeeze(text: str) -> str:
        import unicodedata

        return regex.sub(r"\s+", "", unicodedata.normalize("NFC", text))

    assert squeeze(read) == squeeze(doc.text[start:end])


# --- the seeds as HTML -----------------------------------------------------------------------

def as_html(text: str) -> str:
    """A seed rendered as a page: its blocks as elements, its text escaped."""
    tags = {"heading": "h2", "list_item": "li", "caption": "p", "paragraph": "p"}
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><article>"]
    for block in Document(text, "seed.txt").blocks:
        tag = tags[block.kind.value]
        body = html.escape(block.text, quote=False).replace("\n", " ")
        out.append(f"<{tag}>{body}</{tag}>")
    out.append("</article></body></html>")
    return "\n".join(out)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_a_seed_as_html_gives_the_findings_of_the_seed_as_text(seed) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    page = as_html(text)

    def found(source: str, path: str) -> list[tuple[str, str]]:
        return sorted((f.rule, source[f.offset:f.offset + f.length].replace("\n", " "))
                      for f in check_text(source, path))

    assert found(page, "seed.html") == [
        (rule, html.escape(excerpt, quote=False)) for rule, excerpt in found(text, "seed.txt")]

"""Residue that needs code: mojibake and HTML entities.

Text copied from a web page or a badly configured export carries debris a regular
expression cannot judge alone: UTF-8 read as Windows-1252 ("fÃ¼r" for "für",
"â€ž" for „) and HTML entities ("&nbsp;", "&#8220;") that were never decoded.
The other residue rules (widget labels, author boxes, share prompts, HTML tags)
are patterns in rules/residue.toml.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterator

from mtlint.core.document import Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern

# Characters that UTF-8 read as Windows-1252 or Latin-1 almost always leaves behind:
# lead bytes 0xC2/0xC3/0xC5 become Â Ã Å, the lead byte 0xE2 of „ “ – … becomes â.
TELLTALE = compile_pattern(r"[ÃÂÅâ]")
# A run of text that mojibake can hide in; a no-break space can be part of it ("Ã\xa0").
TOKEN = compile_pattern(r"(?:[^\s]|\xa0)+")
ENTITY = compile_pattern(
    r"""(?x)
    &(?: \#[0-9]{1,7} ; | \#[xX][0-9a-fA-F]{1,6} ; | [A-Za-z][A-Za-z0-9]{1,31} ;
       | (?:nbsp|amp|quot|lt|gt)(?![\w;]) )     # the common ones also lose their semicolon
    """
)
# An entity that lost its ampersand on the way through a translation engine:
# "Q-amp;A", "Procter amp; Gamble", "20 nbsp;Euro". The hyphen stands where "&" was.
ENTITY_LEFTOVER = compile_pattern(
    r"""(?x)
    (?: (?<= [\p{L}\p{N}] ) (?P<dash> - ) | (?<= \s ) | ^ )
    (?P<name> amp | nbsp | quot | apos | lt | gt | ndash | mdash | hellip | [lr]squo | [lrb]dquo
            | \#[0-9]{2,5} | \#x[0-9a-fA-F]{2,4} ) ;
    """
)


def _token_start(text: str, index: int) -> int:
    """The start of the whitespace-delimited token around `index`."""
    while index > 0 and (not text[index - 1].isspace() or text[index - 1] == "\xa0"):
        index -= 1
    return index


def _widen_to_word(old: str, start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) of `old` to the whole word(s) around it."""
    while start > 0 and (old[start - 1].isalnum() or old[start - 1] in "ÃÂâÅ€"):
        start -= 1
    while end < len(old) and (old[end].isalnum()):
        end += 1
    return start, end


def _changed_region(old: str, new: str) -> tuple[int, int, str]:
    """The part of `old` that differs from `new`, widened to words, and its replacement."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < min(len(old), len(new)) - prefix
           and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]):
        suffix += 1
    start, end = _widen_to_word(old, prefix, len(old) - suffix)
    return start, end, new[start:len(new) - (len(old) - end)]


def mojibake(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Zerstörte Umlaute und Sonderzeichen (Mojibake): UTF-8-Text, der als Windows-1252 oder
    Latin-1 gelesen wurde, etwa „fÃ¼r“ statt „für“, „GrÃ¶ÃŸe“ statt „Größe“, „â€ž“ statt „.

    ## Warum ist das ein Problem?
    Der Text wurde beim Kopieren oder Exportieren mit der falschen Zeichenkodierung gelesen.
    Leser sehen Zeichensalat, Suchmaschinen finden die Wörter nicht.

    ## Bekannte Grenzen
    Erkannt wird, was die Bibliothek ftfy als sicher falsch kodiert einstuft; einzelne
    Zeichen wie „Ã“ in einem portugiesischen Namen in Großbuchstaben („SÃO PAULO“) bleiben
    unbeanstandet.

    ## Fix-Sicherheit
    Sicher: ftfy kehrt die falsche Dekodierung um; das Ergebnis ist das ursprüngliche Wort.
    """
    text = doc.text
    token_end = 0
    for telltale in TELLTALE.finditer(text):
        # ftfy costs 60 ms to import; only texts with a telltale character pay for it.
        import ftfy
        import ftfy.badness

        if telltale.start() < token_end:
            continue  # inside a token already looked at
        token = TOKEN.match(text, _token_start(text, telltale.start()))
        if token is None:
            continue
        token_end = token.end()
        word = token.group()
        if not ftfy.badness.is_bad(word):
            continue
        fixed = ftfy.fix_encoding(word)
        if fixed == word:
            continue
        start, end, replacement = _changed_region(word, fixed)
        bad = word[start:end]
        yield Hit(
            offset=token.start() + start, length=end - start,
            message=(f"„{bad}“ ist zerstörte Zeichenkodierung (Mojibake); "
                     f"gemeint ist „{replacement}“."),
            suggestions=(replacement,), replacement=replacement, safety=Safety.SAFE,
        )


def _describe(char: str) -> str:
    """How to name a replacement that is invisible on screen."""
    if char.isspace() or unicodedata.category(char) in ("Cf", "Zs"):
        return unicodedata.name(char, "Steuerzeichen").lower()
    return char


def _entity_leftovers(text: str) -> Iterator[Hit]:
    """Entities without their "&" ("Q-amp;A"): the name and semicolon are left."""
    for match in ENTITY_LEFTOVER.finditer(text):
        char = html.unescape("&" + match.group("name") + ";")
        if len(char) != 1:
            continue
        shown = _describe(char)
        yield Hit(
            offset=match.start(), length=match.end() - match.start(),
            message=(f"„{match.group()}“ ist der Rest einer HTML-Entität, deren „&“ verloren "
                     f"ging; gemeint ist „{shown}“."),
            suggestions=(char,), replacement=char, safety=Safety.SAFE,
        )


def residue_html_entity(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Nicht umgewandelte HTML-Entitäten im Text: „&nbsp;“, „&amp;“, „&quot;“, „&#8220;“,
    „&#x201E;“, auch ihre Reste ohne „&“, die ein Übersetzungssystem hinterlässt:
    „Q-amp;A“, „Procter amp; Gamble“.

    ## Warum ist das ein Problem?
    Beim Kopieren aus dem Quelltext einer Webseite oder einem Redaktionssystem bleiben die
    Entitäten stehen; der Leser sieht „Procter &amp; Gamble“ statt „Procter & Gamble“.

    ## Bekannte Grenzen
    In Markdown-Dateien sind Entitäten erlaubtes Markup und werden nicht gemeldet.

    ## Fix-Sicherheit
    Sicher: Die Entität wird durch das Zeichen ersetzt, für das sie steht.
    """
    if doc.markdown:
        return
    if ";" in doc.text:
        yield from _entity_leftovers(doc.text)
    if "&" not in doc.text:
        return
    for match in ENTITY.finditer(doc.text):
        entity = match.group()
        char = html.unescape(entity)
        if char == entity or not char:
            continue
        shown = "".join(_describe(c) for c in char)
        yield Hit(
            offset=match.start(), length=len(entity),
            message=f"HTML-Entität „{entity}“ im Text; gemeint ist „{shown}“.",
            suggestions=(char,), replacement=char, safety=Safety.SAFE,
        )


RULES = (
    Rule(
        id="mojibake", category=Category.RESIDUE, severity=Severity.ERROR,
        summary="Zerstörte Umlaute und Sonderzeichen (Mojibake) wie „fÃ¼r“ statt „für“.",
        doc=mojibake.__doc__ or "", check=mojibake,
        bad=(
            Example("Die Verhandlungen <marker>fÃ¼r</marker> den neuen Vertrag laufen.", "für"),
            Example("Die <marker>GrÃ¶ÃŸe</marker> des Deals überrascht.", "Größe"),
            Example("Altman nannte es eine <marker>â€žBromanceâ€œ</marker>.", "„Bromance“"),
            Example("Der Preis liegt bei 20 Euro <marker>Ã¼ber</marker> dem Vorjahr.", "über"),
        ),
        good=(
            Example("Die Verhandlungen für den neuen Vertrag laufen."),
            Example("Das Treffen fand im Château Lafite statt."),
            Example("Die Filiale in SÃO PAULO bleibt offen."),
            Example("Der Preis: 20 € statt 25 €."),
        ),
        origin="mtlint/checks/residue.py", fixable=True,
    ),
    Rule(
        id="residue-html-entity", category=Category.RESIDUE, severity=Severity.ERROR,
        summary="Nicht umgewandelte HTML-Entitäten wie „&nbsp;“ oder „&#8220;“ im Text.",
        doc=residue_html_entity.__doc__ or "", check=residue_html_entity,
        bad=(
            Example("Procter <marker>&amp;</marker> Gamble erhöht die Preise.", "&"),
            Example("Er nannte es <marker>&#8222;</marker>Bromance“.", "„"),
            Example("Der Preis liegt bei 20<marker>&nbsp;</marker>Euro.", "\u00a0"),
            Example("Microsoft<marker>&nbsp</marker> und OpenAI", "\u00a0"),
            Example("Die Q<marker>-amp;</marker>A-Runde beginnt um 15 Uhr.", "&"),
            Example("Procter <marker>amp;</marker> Gamble erhöht die Preise.", "&"),
        ),
        good=(
            Example("Procter & Gamble erhöht die Preise."),
            Example("AT&T und T-Mobile verhandeln."),
            Example("Der Operator && verknüpft zwei Bedingungen."),
            Example("Die Q&A-Runde beginnt; Beispiel: camp; lamp;"),
        ),
        origin="mtlint/checks/residue.py", fixable=True,
    ),
)

"""Dashes: a hyphen between spaces where the text otherwise sets a real dash.

German sets a parenthetic or contrasting dash as an en dash between spaces
(" – "). Typewriter-era text writes " - " throughout, and that is a style, not a
slip: clean human prose does it hundreds of times. What machine translation and
copy-and-paste leave behind is the mixture: a text with proper dashes and a
stray " - ". So the check looks at the whole document first.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.core.document import BlockKind, Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern

# A hyphen (or two) between spaces, inside a line, between words: not a list marker
# at the line start, not a minus or a range between two numbers ("5 - 3", "1 - 1023").
HYPHEN_DASH = compile_pattern(
    r"""(?x)
    (?<= [\p{L}\p{N}"“”»«'’)\]!?.,;:] [ ] )
    (?P<dash> -{1,2} )
    (?= [ ] [\p{L}\p{N}„"“”»«'‚(\[] )
    (?<! \p{N} [ ] -{1,2} (?= [ ] \p{N} ) )
    """
)
REAL_DASH = compile_pattern(r"(?<=\S)[ \u00a0][–—][ \u00a0](?=\S)")


def dash_hyphen_as_dash(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Bindestrich zwischen Leerzeichen („Microsoft - und OpenAI“) als Gedankenstrich in
    einem Text, der sonst echte Gedankenstriche („ – “) setzt.

    ## Warum ist das ein Problem?
    Der Gedankenstrich ist im Deutschen der Halbgeviertstrich „–“ mit Leerzeichen davor
    und danach. Steht in einem sonst sauber gesetzten Text ein einzelner Bindestrich an
    seiner Stelle, stammt er meist aus einem kopierten oder maschinell übersetzten Stück.

    ## Bekannte Grenzen
    Ein Text, der durchgehend „ - “ schreibt (Schreibmaschinen-Stil), bleibt
    unbeanstandet: Gemeldet wird nur, wenn der Text mindestens so viele echte
    Gedankenstriche wie Bindestrich-Striche enthält. Listen am Zeilenanfang und Bereiche
    oder Rechnungen zwischen Zahlen („5 - 3“) zählen nicht, ebenso wenig der Trenner in
    einer Überschrift („Stadtwerke - Service & Kontakt“), den Seitentitel so setzen.

    ## Fix-Sicherheit
    Sicher: Der Bindestrich wird durch den Gedankenstrich ersetzt, die Leerzeichen bleiben.
    """
    text = doc.text
    if " -" not in text:
        return
    titles = [(b.start, b.end) for b in doc.blocks_of(BlockKind.HEADING) if " - " in b.text]
    hyphens = [m for m in HYPHEN_DASH.finditer(text)
               if not doc.is_ignored(m.start(), m.end())
               and not any(start <= m.start() < end for start, end in titles)]
    if not hyphens:
        return
    real = sum(1 for m in REAL_DASH.finditer(text) if not doc.is_ignored(m.start(), m.end()))
    if real < len(hyphens):
        return
    for match in hyphens:
        yield Hit(
            offset=match.start(), length=match.end() - match.start(),
            message=(f"„{match.group()}“ zwischen Leerzeichen steht hier für einen Gedankenstrich; "
                     f"der Text setzt sonst „–“ ({real}×)."),
            suggestions=("–",), replacement="–", safety=Safety.SAFE,
        )


RULES = (
    Rule(
        id="dash-hyphen-as-dash", category=Category.TYPOGRAPHY, severity=Severity.INFO,
        summary="Bindestrich „ - “ als Gedankenstrich in einem Text, der sonst „ – “ setzt.",
        doc=dash_hyphen_as_dash.__doc__ or "", check=dash_hyphen_as_dash,
        bad=(
            Example("Microsoft – der größte Geldgeber – zögert. OpenAI <marker>-</marker> "
                    "das jüngere Unternehmen – drängt.", "–"),
            Example("Die Lage ist ernst – sehr ernst.\n\nDer Streit geht weiter "
                    "<marker>--</marker> vorerst.", "–"),
        ),
        good=(
            Example("Microsoft – der größte Geldgeber – zögert."),
            Example("Microsoft - der größte Geldgeber - zögert, sagt er - wie immer."),
            Example("Die Ports 1 - 1023 sind reserviert – für Root."),
            Example("Die Vorteile – kurz gesagt:\n- Tempo\n- Preis"),
        ),
        origin="mtlint/checks/dashes.py", fixable=True,
    ),
)

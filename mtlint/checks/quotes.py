"""Quotation marks across a whole document.

The pair rules (a German opening mark closed by the opening mark, an English mark in a
German pair, unpaired marks) are patterns in rules/quotes.toml. What a pattern cannot
see is the document as a whole: which quotation style it uses, and which quotations
stray from it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from mtlint.document import Document
from mtlint.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.patterns import compile_pattern

# Quotation styles in order of preference when two are used equally often.
MARKS = {
    "german": ("„", "“"),
    "guillemets": ("»", "«"),
    "swiss": ("«", "»"),
    "straight": ('"', '"'),
    "english": ("“", "”"),
}
PAIR = compile_pattern(
    r"""(?x)
    (?<![\p{L}\p{N}])
    (?: „ (?P<german>[^„“”"\n]{1,300}?) “
      | » (?P<guillemets>[^»«\n]{1,300}?) «
      | « (?P<swiss>[^»«\n]{1,300}?) »
      | " (?P<straight>\S[^„“”"\n]{0,299}?) (?<=\S)"     # not an inch mark: 24" Monitor
      | “ (?P<english>[^„“”"\n]{1,300}?) ”
    )
    (?![\p{L}\p{N}])
    """
)
GERMAN_STYLES = frozenset({"german", "guillemets", "swiss"})
# Quoted text that is code, a path, an option or a command, not a quotation:
# technical writing marks those with straight quotes on purpose.
CODE_LIKE = compile_pattern(r"[/\\$=~_<>{}|;@#*%`]|^[-.:]|:$|\d\.\d|\p{Ll}\p{Lu}")
WORD = compile_pattern(r"\p{L}[\p{L}-]*")


@dataclass(frozen=True)
class Quotation:
    style: str
    start: int
    end: int
    content: str


def is_prose(content: str) -> bool:
    """Whether quoted text reads as a quotation or a title rather than as code."""
    if CODE_LIKE.search(content):
        return False
    words = WORD.findall(content)
    # Lowercase one- or two-word strings are mostly commands and values ("ls", "info make").
    return len(words) >= 3 or any(w[0].isupper() and len(w) > 1 and not w.isupper() for w in words)


def quotations(doc: Document) -> list[Quotation]:
    """The prose quotations of the document's blocks, outside ignored text."""
    found = []
    for block in doc.blocks:
        for match in PAIR.finditer(block.text):
            style = match.lastgroup
            if style is None or not is_prose(match.group(style)):
                continue
            start, end = block.start + match.start(), block.start + match.end()
            if not doc.is_ignored(start, end):
                found.append(Quotation(style, start, end, match.group(style)))
    return found


def shown(style: str) -> str:
    opening, closing = MARKS[style]
    return f"{opening}…{closing}"


def quote_mixed_styles(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Anführungszeichen eines anderen Stils als im übrigen Dokument: Ein Text setzt seine
    Zitate in „…“, einzelne aber in "…" oder “…” – oder umgekehrt. Gemeldet werden die
    Zitate im seltener verwendeten Stil.

    ## Warum ist das ein Problem?
    Ein Text sollte einen Anführungszeichen-Stil durchhalten. Maschinelle Übersetzung
    übernimmt die Zeichen des Originals mal, mal ersetzt sie sie; das Ergebnis wirkt
    unredigiert.

    ## Bekannte Grenzen
    Gezählt werden nur Zitate und Titel, nicht Code, Pfade oder Befehle in geraden
    Anführungszeichen ("ls -l", "/etc/fstab"). Gemeldet wird nur, wenn ein Stil mindestens
    doppelt so oft vorkommt wie jeder andere; halten sich zwei Stile die Waage, ist das
    meist Absicht (etwa "…" für Bedienelemente, „…“ für Titel) und bleibt unbeanstandet.
    In einem Text mit überwiegend geraden Schreibmaschinen-Zeichen "…" werden deutsche
    Zeichen („…“, »…«) nicht gemeldet, nur englische “…”.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag setzt das Zitat in den vorherrschenden Stil; ob das Zitat
    absichtlich anders markiert ist (ein Zitat im Zitat, ein Code-Beispiel), entscheidet
    der Leser.
    """
    found = quotations(doc)
    counts = Counter(q.style for q in found)
    if len(counts) < 2:
        return
    reference = max(MARKS, key=lambda style: (counts[style], -list(MARKS).index(style)))
    if any(2 * n > counts[reference] for style, n in counts.items() if style != reference):
        return
    opening, closing = MARKS[reference]
    for quotation in found:
        if quotation.style == reference:
            continue
        if reference == "straight" and quotation.style in GERMAN_STYLES:
            continue  # typewriter quotes do not make proper German quotes wrong
        replacement = f"{opening}{quotation.content}{closing}"
        yield Hit(
            offset=quotation.start, length=quotation.end - quotation.start,
            message=(f"Anführungszeichen {shown(quotation.style)} weichen vom Stil des Dokuments "
                     f"ab, das {counts[reference]}× {shown(reference)} verwendet; einheitlich "
                     f"{shown(reference)} setzen."),
            suggestions=(replacement,), replacement=replacement, safety=Safety.UNSAFE,
        )


RULES = (
    Rule(
        id="quote-mixed-styles", category=Category.PUNCTUATION, severity=Severity.WARNING,
        summary="Zitate in einem anderen Anführungszeichen-Stil als im übrigen Dokument.",
        doc=quote_mixed_styles.__doc__ or "", check=quote_mixed_styles,
        bad=(
            Example('Altman sprach von einer „Bromance“. Nadella nannte es „eine Partnerschaft“. '
                    'Beide planen <marker>"Stargate Zwei"</marker>.', "„Stargate Zwei“"),
            Example("Die Zeitung schrieb „Ende einer Ära“.\n\nDer Sender titelte „Aus und vorbei“."
                    "\n\nOpenAI sprach von <marker>“neuen Wegen”</marker>.", "„neuen Wegen“"),
            Example('Er nannte es "Bromance". Sie sagte "Partnerschaft". '
                    'Beide meinten <marker>“Freundschaft”</marker>.', '"Freundschaft"'),
        ),
        good=(
            Example("Altman sprach von einer „Bromance“. Nadella nannte es „eine Partnerschaft“."),
            Example('Öffnen Sie "Einstellungen" und lesen Sie „Die Terminal-Konfiguration“.'),
            Example('Die Datei "/etc/fstab" steht in „Das Dateisystem“ und „Mounten“.'),
            Example('Ein 24"-Monitor und ein 27"-Monitor, sagt „Heise“ und „Golem“.'),
            Example('Er nannte es "Bromance". Sie sagte "Partnerschaft". '
                    'Beide meinten »Freundschaft«.'),
        ),
        origin="mtlint/checks/quotes.py",
    ),
)

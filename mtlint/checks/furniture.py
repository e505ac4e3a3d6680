"""Web furniture in English: short headings and labels the translation left alone.

A translation pipeline that works sentence by sentence often skips what is no
sentence: a heading of two or three words ("Terms and Conditions", "Location
Access"), a box title ("Key Takeaways"), a button. sentence-untranslated needs five
words and three English function words and so never sees them. Here a short line
counts as English when every word is one HanTa's English model knows and none is a
German function word or a word only German has; such a line cannot be German even
when German borrowed its words, because German joins two nouns into one word
("Standortzugriff", "Location-Access"), never leaves them open.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.checks.untranslated import ENGLISH, GERMAN, QUOTED, _is_english_word, english_evidence
from mtlint.document import BlockKind, Document
from mtlint.finding import Category, Example, Hit, Rule, RuleContext, Severity
from mtlint.patterns import compile_pattern

MIN_WORDS = 2
MAX_WORDS = 6
LABEL_WORD = compile_pattern(r"\p{L}+(?:['’]\p{L}+)?|\d+|\S")
# Punctuation a label may carry: "Pros & Cons", "Location Access:", "Why it matters?".
LABEL_PUNCTUATION = frozenset("&:?!-–|/()")


def _is_abbreviation(word: str) -> bool:
    return word.isupper() and len(word) <= 5


def english_label(text: str) -> bool:
    """Whether `text`, a short line, is an English heading or label: two to six
    words, every word English ("Terms and Conditions") or an abbreviation or number,
    at least two English words, no German function word and no word English does not
    know ("Fazit", "Kamera", a name like "Apple")."""
    tokens = LABEL_WORD.findall(text)
    words = [t for t in tokens if t[0].isalnum()]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if any(t not in LABEL_PUNCTUATION for t in tokens if not t[0].isalnum()):
        return False  # a full stop, a comma, a quotation: a sentence or something else
    english = 0
    for word in words:
        lower = word.lower().replace("’", "'")
        if lower in GERMAN:
            return False
        if word.isdigit() or _is_abbreviation(word):
            continue
        if lower in ENGLISH or _is_english_word(word):
            english += 1
        else:
            return False
    return english >= MIN_WORDS


def _german_document(doc: Document) -> bool:
    """More German than English function words in the whole text."""
    _, english, german = english_evidence(doc.text)
    return german > english


def label_untranslated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Kurze Überschriften, Zwischentitel und Beschriftungen (zwei bis sechs Wörter), die
    in einem deutschen Text auf Englisch stehen geblieben sind: „Terms and Conditions“,
    „Location Access“, „Key Takeaways“, „Business Forecasting Definition“.

    ## Warum ist das ein Problem?
    Übersetzungssysteme übersetzen Satz für Satz; eine Überschrift ohne Verb oder eine
    Beschriftung aus der Seitennavigation rutscht leicht unübersetzt durch. Im deutschen
    Artikel steht dann ein englischer Titel.

    ## Bekannte Grenzen
    Geprüft werden Zeilen für sich (Überschriften, einzeilige Absätze ohne Schlusspunkt),
    nur in einem Text mit mehr deutschen als englischen Funktionswörtern. Jedes Wort muss
    englisch sein; ein deutsches Wort („Fazit“, „und“) oder ein Name, den das englische
    Wörterbuch nicht kennt („Apple Watch“, „Microsoft Teams“), lässt die Zeile
    unbeanstandet. Titel in Anführungszeichen bleiben unbeachtet. Fügungen, die auch im
    Deutschen so stehen, aber mit Bindestrich geschrieben werden („Cloud Computing“),
    werden als englisch gemeldet. Übersetzen kann nur ein Mensch: kein automatischer Fix.
    """
    if not _german_document(doc):
        return
    for block in doc.blocks:
        if block.kind is BlockKind.LIST_ITEM or "\n" in block.text.strip():
            continue
        text = block.text.strip()
        if not text or text[-1] in ".,;" or QUOTED.search(text):
            continue
        if block.kind is not BlockKind.HEADING and len(text.split()) > MAX_WORDS:
            continue
        label = text.strip("#*_ \t").rstrip(":")
        if english_label(label):
            yield Hit(
                offset=block.start + block.text.index(label), length=len(label),
                message=f"Englische Überschrift oder Beschriftung „{label}“ im deutschen Text; "
                        f"übersetzen.",
            )


RULES = (
    Rule(
        id="label-untranslated", category=Category.UNTRANSLATED, severity=Severity.ERROR,
        summary="Kurze englische Überschrift oder Beschriftung im deutschen Text: "
                "„Terms and Conditions“, „Location Access“.",
        doc=label_untranslated.__doc__ or "", check=label_untranslated,
        bad=(
            Example("Die Nutzung ist kostenlos, aber an Bedingungen geknüpft.\n\n"
                    "<marker>Terms and Conditions</marker>\n\n"
                    "Mit der Anmeldung stimmen Sie den Regeln zu."),
            Example("Die App fragt beim ersten Start nach Ihrem Standort.\n\n"
                    "<marker>Location Access</marker>\n\n"
                    "Ohne den Zugriff kann die Karte nicht angezeigt werden."),
            Example("## <marker>Key Takeaways</marker>\n\n"
                    "Die Zinsen bleiben hoch, und die Inflation sinkt nur langsam."),
            Example("Was ist eine Absatzprognose?\n\n"
                    "<marker>Business Forecasting Definition</marker>\n\n"
                    "Eine Prognose schätzt den Umsatz der nächsten Quartale."),
        ),
        good=(
            Example("## Fazit\n\nDie Kamera ist gut, der Akku hält lange."),
            Example("## Apple Watch\n\nDie Uhr misst den Puls und zählt die Schritte."),
            Example("## Design und Display\n\nDas Gehäuse ist aus Aluminium."),
            Example("## Microsoft Teams\n\nDas Programm ist für Videokonferenzen gedacht."),
            Example("Terms and Conditions apply to all users. The service is free."),
            Example("Er las „The Lord of the Rings“ in einer Woche.\n\n"
                    "Das Buch hat ihm gefallen."),
        ),
        origin="mtlint/checks/furniture.py",
    ),
)

"""Untranslated English left in a German text.

A machine translation pipeline that fails on a sentence, a heading or a list item
passes it through unchanged. Such a sentence is recognised by its function words:
English prose is full of "the", "and", "of", "to", "is", German prose of "der",
"und", "ist", "nicht". Names and terms ("Microsoft Office", "Cloud Computing") carry
no function words, so a German sentence with English terms stays German; quotations
and titles in quotation marks are left out of the count, because quoting the
English original is legitimate.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.document import BlockKind, Document, Span, split_sentences
from mtlint.finding import Category, Example, Hit, Rule, RuleContext, Severity
from mtlint.patterns import compile_pattern

# English words that do not occur as German words (so not "in", "an", "so", "also",
# "was", "will", "man", "war", "die", "hat", "bin", "all").
ENGLISH = frozenset(str.split("""
    the a and of to is are were be been being with for this that these those you your
    yours we our us it its they their them he she his her him have has had not or but
    from by on at which what who whom whose how why where when while if than then into
    about just only very do does did done can could would should shall may might must
    there here out up some any more most other such each every after before because
    over under again also's it's don't doesn't didn't isn't aren't can't won't i'm
    we're they're you're let's my me i'd i've we've you've through between both
"""))
GERMAN = frozenset(str.split("""
    der die das und ist sind nicht mit von zu den dem des ein eine einen einem einer eines
    auf für sich auch es im wir sie ich er dass daß wird werden wurde wurden hat haben
    hatte bei aus nach wie oder aber noch nur wenn dann kann können um am zum zur über
    unter als war waren sein seine seinen ihre ihren ihr diese dieser dieses diesen doch
    schon sehr mehr vom beim ins durch gegen ohne soll sollen muss müssen gibt kein keine
    uns euch mich dich mir dir einer jedoch sowie weil ob wo
"""))
WORD = compile_pattern(r"\p{L}+(?:['’]\p{L}+)?")
# Quoted passages: quoting the English original is not a translation error.
QUOTED = compile_pattern(
    r"""„[^„“”"\n]*[“”"]|“[^“”„\n]*”|"[^"\n]*"|»[^»«\n]*«|«[^«»\n]*»|‚[^‚‘’\n]*[‘’]"""
)
MIN_WORDS = 5
MIN_ENGLISH = 3


def _units(doc: Document) -> Iterator[Span]:
    """Headings and list items as wholes, other blocks sentence by sentence."""
    for block in doc.blocks:
        if block.kind in (BlockKind.HEADING, BlockKind.LIST_ITEM):
            yield Span(block.start, block.end, block.text)
        else:
            yield from split_sentences(block.text, block.start)


def english_evidence(text: str) -> tuple[int, int, int]:
    """(words, English function words, German function words) outside quotations."""
    unquoted = QUOTED.sub(" ", text)
    words = [w.lower().replace("’", "'") for w in WORD.findall(unquoted)]
    english = sum(1 for w in words if w in ENGLISH)
    german = sum(1 for w in words if w in GERMAN)
    return len(words), english, german


def looks_english(text: str) -> bool:
    words, english, german = english_evidence(text)
    return (words >= MIN_WORDS and english >= MIN_ENGLISH and english > 2 * german
            and english * 5 >= words)


def sentence_untranslated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Sätze, Überschriften und Listenpunkte, die auf Englisch stehen geblieben sind:
    „The partnership has been a key driver of growth.“ mitten in einem deutschen Artikel.

    ## Warum ist das ein Problem?
    Scheitert die Übersetzung an einem Satz, reicht die Pipeline ihn oft unverändert
    durch. Für Leser ist der Artikel dann an dieser Stelle unverständlich, und das Versehen
    fällt sofort auf.

    ## Bekannte Grenzen
    Erkannt wird ein Satz an englischen Funktionswörtern („the“, „and“, „of“, „is“, …)
    gegenüber deutschen („der“, „und“, „ist“, …); er braucht mindestens fünf Wörter und drei
    englische Funktionswörter. Zitate und Titel in Anführungszeichen zählen nicht mit,
    ebenso Produktnamen ohne Funktionswörter („Microsoft Office“). Ein einzelner englischer
    Begriff in einem deutschen Satz bleibt unbeanstandet. Übersetzen kann nur ein Mensch
    oder die Pipeline: kein automatischer Fix.
    """
    for unit in _units(doc):
        if looks_english(unit.text):
            preview = unit.text if len(unit.text) <= 60 else unit.text[:57] + "…"
            yield Hit(
                offset=unit.start, length=unit.end - unit.start,
                message=f"Unübersetztes Englisch: „{preview}“; den Satz übersetzen.",
            )


RULES = (
    Rule(
        id="sentence-untranslated", category=Category.UNTRANSLATED, severity=Severity.ERROR,
        summary="Sätze, Überschriften oder Listenpunkte, die auf Englisch stehen geblieben sind.",
        doc=sentence_untranslated.__doc__ or "", check=sentence_untranslated,
        bad=(
            Example("Microsoft investierte Milliarden. <marker>The partnership has been a key "
                    "driver of growth for both companies.</marker> Die Zukunft ist offen."),
            Example("Die Spannungen wachsen\n<marker>What this means for the future of "
                    "AI</marker>\nMicrosoft und OpenAI verhandeln neu."),
            Example("Die Vorteile:\n- Tempo und Preis\n- <marker>It is easy to use and fits "
                    "into your workflow</marker>\n- Integration in Azure"),
        ),
        good=(
            Example("Microsoft investierte Milliarden in die Cloud-Computing-Sparte."),
            Example("Altman sagte: „This is the most important partnership of our time.“"),
            Example("Er las „The Lord of the Rings“ und sah „Game of Thrones“."),
            Example("Der Film The Lord of the Rings lief im Kino, und er sah ihn zweimal."),
            Example("Die Business Intelligence von Microsoft Office ist das Kernstück."),
        ),
        origin="mtlint/checks/untranslated.py",
    ),
)

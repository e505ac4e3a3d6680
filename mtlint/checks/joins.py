"""Broken joins that need the noun lexicon: a code and a German noun written open.

German joins a product code, a model number or an abbreviation with a noun by
hyphens ("CPM-M4-Stahl", "USB-C-Kabel", "Covid-19-Pandemie"). Machine translation
keeps the English spacing ("CPM M4 steel" -> "CPM M4 Stahl"). The spacing slips a
regular expression can judge alone (a space at a hyphen, a word glued to an
apostrophe) are in rules/joins.toml; abbreviations of letters only before a noun
("KI Modelle") are compound-english-open's (compounds.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.checks.agreement import DETERMINERS, gap, is_attributive_adjective, noun_reading
from mtlint.document import Document, Span
from mtlint.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.german import analyze_word, is_german_word
from mtlint.patterns import compile_pattern
from mtlint.wordclasses import PREPOSITION_ARTICLES, PREPOSITIONS, word_set

# A code: letters and digits together ("M4", "MP3", "Covid-19", "PDP-10", "B12"), or
# capitals joined by a hyphen ("USB-C"). A plain number ("Windows 11") is no code.
CODE = compile_pattern(
    r"""(?x)
    (?= [\p{L}\d-]*\d ) (?= [\p{L}\d-]*\p{L} ) \p{L}[\p{L}\d]*(?:-[\p{L}\d]+)*
    | \p{Lu}{2,}(?:-[\p{Lu}\d]+)+
    """
)
ABBREVIATION = compile_pattern(r"\p{Lu}{2,5}")
# Nouns that follow a code as a word of their own: "die A7 Richtung Norden", "der ICE 4
# Uhr", units and counts ("Covid-19 Fälle" is a slip, but "B12 Prozent" no compound).
NOT_A_HEAD = word_set(
    """
    Richtung Uhr Prozent Euro Dollar Mal Jahre Jahren Tage Tagen Stunden Minuten Sekunden
    Meter Kilometer Punkte Punkten Grad Stück
    """
)


def _is_code(word: str) -> bool:
    """A code, not a hyphenated adjective built on one ("UTF-8-tauglichen")."""
    return CODE.fullmatch(word) is not None and not word.isdigit() and not any(
        part.isalpha() and part.islower() for part in word.split("-")[1:]
    )


def _opens_noun_phrase(word: str) -> bool:
    """An article, a preposition or an inflected adjective: a noun phrase starts after it."""
    lower = word.lower()
    return (lower in DETERMINERS or lower in PREPOSITIONS or lower in PREPOSITION_ARTICLES
            or (word.islower() and is_attributive_adjective(word)))


def _code_open_hit(text: str, words: list[Span], index: int) -> Hit | None:
    """A hit for the code words[index] and the noun after it, or None."""
    code, noun = words[index], words[index + 1]
    if gap(text, code, noun) != " " or noun.text in NOT_A_HEAD:
        return None
    if not noun.text[:1].isupper() or noun.text.isupper() or "-" in noun.text:
        return None
    following = words[index + 2] if index + 2 < len(words) else None
    if following is not None and gap(text, noun, following) in (" ", "-") and (
        following.text[:1].isupper()
    ):
        return None  # a longer name ("Galaxy S24 Ultra Edition") or two noun phrases
    first = index
    if index and gap(text, words[index - 1], code) == " " and (
        ABBREVIATION.fullmatch(words[index - 1].text)
    ):
        first = index - 1  # "CPM M4 Stahl": the maker's abbreviation belongs to the code
    if first == 0 or not _opens_noun_phrase(words[first - 1].text):
        return None
    reading = noun_reading(noun.text)
    if reading is None or not is_german_word(noun.text) or analyze_word(noun.text).tag != "NN":
        return None
    determiner = DETERMINERS.get(words[first - 1].text.lower())
    if determiner is not None and not any(r[0] in reading.agreeing for r in determiner.readings):
        return None  # "dem B12 Vitamine geben" would be two noun phrases
    parts = [w.text for w in words[first:index + 2]]
    joined = "-".join(parts)
    shown = " ".join(parts)
    return Hit(
        words[first].start, noun.end - words[first].start,
        f"„{shown}“: Zusammensetzungen mit Abkürzungen, Ziffern oder Codes werden "
        f"durchgekoppelt: „{joined}“.",
        (joined,), joined, Safety.UNSAFE,
    )


def compound_code_open(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Eine Zusammensetzung aus einem Code (Buchstaben mit Ziffern, Abkürzung mit
    Bindestrich) und einem deutschen Nomen, die offen geschrieben ist: „aus CPM M4 Stahl“
    statt „aus CPM-M4-Stahl“, „ein USB-C Kabel“ statt „ein USB-C-Kabel“, „die Covid-19
    Pandemie“ statt „die Covid-19-Pandemie“, „auf A4 Papier“ statt „auf A4-Papier“.

    ## Warum ist das ein Problem?
    Im Englischen stehen Code und Nomen getrennt („USB-C cable“). Im Deutschen werden
    alle Teile einer Zusammensetzung mit Ziffern oder Abkürzungen durch Bindestriche
    verbunden (Duden, Durchkopplung).

    ## Bekannte Grenzen
    Gemeldet wird nur nach einem Artikel, einer Präposition oder einem gebeugten Adjektiv
    und nur, wenn das Nomen im Lexikon steht und zum Artikel passt. Folgt ein weiteres
    großgeschriebenes Wort, kann es ein längerer Name sein („Galaxy S24 Ultra Edition“);
    Angaben wie „die A7 Richtung Norden“ oder Maßeinheiten bleiben unbeanstandet.
    Abkürzungen ohne Ziffern („KI Modelle“) meldet compound-english-open.

    ## Fix-Sicherheit
    Unsicher: Bei einem Namen, der offen geschrieben wird, ist die Schreibweise des
    Herstellers maßgeblich.
    """
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        for index in range(1, len(words) - 1):
            if not _is_code(words[index].text):
                continue
            hit = _code_open_hit(text, words, index)
            if hit is not None:
                yield hit


RULES = (
    Rule(
        id="compound-code-open", category=Category.SPELLING, severity=Severity.WARNING,
        summary="Code und Nomen offen statt durchgekoppelt: „USB-C Kabel“, „CPM M4 Stahl“.",
        doc=compound_code_open.__doc__ or "", check=compound_code_open,
        bad=(
            Example("Die Klinge ist aus <marker>CPM M4 Stahl</marker> geschmiedet.",
                    "CPM-M4-Stahl"),
            Example("Im Karton liegt ein <marker>USB-C Kabel</marker>.", "USB-C-Kabel"),
            Example("Während der <marker>Covid-19 Pandemie</marker> blieb das Werk zu.",
                    "Covid-19-Pandemie"),
            Example("Drucken Sie das Formular auf <marker>A4 Papier</marker> aus.", "A4-Papier"),
        ),
        good=(
            Example("Die Klinge ist aus CPM-M4-Stahl geschmiedet."),
            Example("Wir fuhren auf der A7 Richtung Norden."),
            Example("Das Samsung Galaxy S24 Ultra Edition kostet mehr."),
            Example("Windows 11 Nutzer bekommen das Update zuerst."),
            Example("Er nahm 3 mg B12 täglich."),
            Example("Der Stau auf der A1 dauerte zwei Stunden."),
            Example("Nutzen Sie eine UTF-8-taugliche Konsole."),
        ),
        origin="mtlint/checks/joins.py", fixable=True,
    ),
)

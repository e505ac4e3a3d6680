"""Misspelled words from a table: "Standart", "Addresse", "Rythmus", "seperat".

Families of misspellings with a shared shape (KnowHow, eMail, wieder/wider, -ies
plurals) are patterns in rules/spelling.toml; a pattern's fix is a template, which
cannot map one arbitrary word to another. The words here have nothing in common but
being misspelled often, so they are a table: wrong stem, right stem, and the endings
the stem may take. A word is only flagged as a whole, so "Standarte" (a banner) is
not mistaken for "Standart".
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.core.document import Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern

# Endings of adjectives and of nouns in their usual inflections ("" = the bare stem).
ADJECTIVE = (
    "", "e", "en", "er", "es", "em", "ere", "eren", "erer", "eres", "erem",
    "ste", "sten", "ster", "stes", "stem",
)
NOUN_N = ("", "n")
NOUN_EN = ("", "en")
NOUN_S = ("", "s")
BARE = ("",)
# wrong stem -> (right stem, endings). Lowercase stems also match capitalised at a
# sentence start; capitalised stems (nouns) match only as written.
MISSPELLINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Standart": ("Standard", NOUN_S),
    "Addresse": ("Adresse", NOUN_N),
    "addressier": ("adressier", ("en", "e", "t", "te", "ten", "st", "ung", "ungen")),
    "Rythmus": ("Rhythmus", BARE),
    "Rhytmus": ("Rhythmus", BARE),
    "rythmisch": ("rhythmisch", ADJECTIVE),
    "Algorythmus": ("Algorithmus", BARE),
    "Algorhythmus": ("Algorithmus", BARE),
    "Algorythmen": ("Algorithmen", BARE),
    "Algorhythmen": ("Algorithmen", BARE),
    "seperat": ("separat", ADJECTIVE),
    "Vorraussetzung": ("Voraussetzung", NOUN_EN),
    "vorraus": ("voraus", BARE),
    "vorraussichtlich": ("voraussichtlich", ADJECTIVE),
    "entgültig": ("endgültig", ADJECTIVE),
    "Reperatur": ("Reparatur", NOUN_EN),
    "Konkurenz": ("Konkurrenz", BARE),
    "Kommision": ("Kommission", NOUN_EN),
    "Komission": ("Kommission", NOUN_EN),
    "Kommitee": ("Komitee", NOUN_S),
    "Komunikation": ("Kommunikation", BARE),
    "Gallerie": ("Galerie", NOUN_N),
    "nähmlich": ("nämlich", BARE),
    "Maschiene": ("Maschine", NOUN_N),
    "Akkustik": ("Akustik", BARE),
    "agressiv": ("aggressiv", ADJECTIVE),
    "Agression": ("Aggression", NOUN_EN),
    "tollerant": ("tolerant", ADJECTIVE),
    "Resourcen": ("Ressourcen", BARE),
    "Platformen": ("Plattformen", BARE),
    "Millenium": ("Millennium", NOUN_S),
    "Interresse": ("Interesse", NOUN_N),
    "interressant": ("interessant", ADJECTIVE),
    "detailiert": ("detailliert", ADJECTIVE),
    "paralell": ("parallel", ADJECTIVE),
    "Hierachie": ("Hierarchie", NOUN_N),
    "insbesonders": ("insbesondere", BARE),
    "unentgeldlich": ("unentgeltlich", ADJECTIVE),
    "Rückrad": ("Rückgrat", NOUN_S),
    "Sattelit": ("Satellit", NOUN_EN),
    "Bibliotek": ("Bibliothek", NOUN_EN),
    "Sympatie": ("Sympathie", NOUN_N),
    "Rethorik": ("Rhetorik", BARE),
    "Kanditat": ("Kandidat", ("", "en", "in", "innen")),
    "Apperat": ("Apparat", ("", "e", "en", "es")),
    "Triumpf": ("Triumph", ("", "e", "es")),
    "Terasse": ("Terrasse", NOUN_N),
    "tendentiell": ("tendenziell", ADJECTIVE),
    "Ingeneur": ("Ingenieur", ("", "e", "en", "in", "innen")),
    "Lizens": ("Lizenz", NOUN_EN),
    "dilletantisch": ("dilettantisch", ADJECTIVE),
}


def _forms() -> dict[str, tuple[str, str]]:
    """Every listed misspelled word form -> (its stem as written, the right stem).

    Built once: a table lookup per word is cheaper than one alternation of all stems,
    which takes the regex module 10-15 ms to compile."""
    forms: dict[str, tuple[str, str]] = {}
    # Longest stem first, should two stems ever give the same form.
    for wrong, (right, endings) in sorted(MISSPELLINGS.items(), key=lambda item: -len(item[0])):
        heads = [wrong]
        if wrong[0].islower():
            heads.append(wrong[0].upper() + wrong[1:])
        for head in heads:
            fixed = right[0].upper() + right[1:] if head[0].isupper() else right
            for ending in endings:
                forms.setdefault(head + ending, (head, fixed))
    return forms


FORMS = _forms()
# A whole word: letters and digits, not the second part of a hyphenated compound.
WORD = compile_pattern(r"(?<![\p{L}\p{N}-])[\p{L}\p{N}]+")


def spelling_misspelled_word(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Häufig falsch geschriebene Wörter aus einer Liste: „Standart“ (Standard), „Addresse“
    (Adresse), „Rythmus“ (Rhythmus), „seperat“ (separat), „Vorraussetzung“,
    „Algorythmus“, „detailiert“, „Hierachie“, „Reperatur“ und weitere, mit ihren Endungen.

    ## Warum ist das ein Problem?
    Diese Fehler sind so verbreitet, dass sie beim schnellen Redigieren durchrutschen; in
    maschinell übersetzten Texten stammen sie oft aus englischen Vorlagen („address“,
    „separate“, „algorithm“).

    ## Bekannte Grenzen
    Geprüft werden nur ganze Wörter der Liste mit ihren üblichen Endungen; Komposita
    („Standarteinstellung“) nicht, damit echte Wörter wie „Standarte“ unbeanstandet
    bleiben.

    ## Fix-Sicherheit
    Sicher: Jedes Wort der Liste hat genau eine richtige Schreibung.
    """
    for match in WORD.finditer(doc.text):
        word = match.group()
        form = FORMS.get(word)
        if form is None:
            continue
        wrong, right = form
        fixed = right + word[len(wrong):]
        yield Hit(
            offset=match.start(), length=len(word),
            message=f"„{word}“ ist falsch geschrieben; richtig: „{fixed}“.",
            suggestions=(fixed,), replacement=fixed, safety=Safety.SAFE,
        )


RULES = (
    Rule(
        id="spelling-misspelled-word", category=Category.SPELLING, severity=Severity.WARNING,
        summary="Häufig falsch geschriebene Wörter: „Standart“, „Addresse“, „Rythmus“.",
        doc=spelling_misspelled_word.__doc__ or "", check=spelling_misspelled_word,
        bad=(
            Example("Das ist der neue <marker>Standart</marker> für KI-Modelle.", "Standard"),
            Example("Die <marker>Addressen</marker> der Nutzer wurden gespeichert.", "Adressen"),
            Example("Der <marker>Rythmus</marker> der Updates steigt.", "Rhythmus"),
            Example("<marker>Seperate</marker> Verträge regeln das.", "Separate"),
            Example("Der <marker>Algorythmus</marker> entscheidet.", "Algorithmus"),
            Example("Eine <marker>detailierte</marker> Analyse fehlt.", "detaillierte"),
        ),
        good=(
            Example("Das ist der neue Standard für KI-Modelle."),
            Example("Die Standarte wehte über der Burg, daneben zwei Standarten."),
            Example("Die Adressen der Nutzer wurden separat gespeichert."),
        ),
        origin="mtlint/checks/spelling.py", fixable=True,
    ),
)

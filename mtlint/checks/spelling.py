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

import regex

from mtlint.document import Document
from mtlint.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity

# Endings of adjectives and of nouns in their usual inflections.
ADJECTIVE = "(?:e|en|er|es|em|ere|eren|erer|eres|erem|ste|sten|ster|stes|stem)?"
NOUN_N = "(?:n)?"
NOUN_EN = "(?:en)?"
NOUN_S = "(?:s)?"
# wrong stem -> (right stem, endings). Lowercase stems also match capitalised at a
# sentence start; capitalised stems (nouns) match only as written.
MISSPELLINGS: dict[str, tuple[str, str]] = {
    "Standart": ("Standard", NOUN_S),
    "Addresse": ("Adresse", NOUN_N),
    "addressier": ("adressier", "(?:en|e|t|te|ten|st|ung|ungen)"),
    "Rythmus": ("Rhythmus", ""),
    "Rhytmus": ("Rhythmus", ""),
    "rythmisch": ("rhythmisch", ADJECTIVE),
    "Algorythmus": ("Algorithmus", ""),
    "Algorhythmus": ("Algorithmus", ""),
    "Algorythmen": ("Algorithmen", ""),
    "Algorhythmen": ("Algorithmen", ""),
    "seperat": ("separat", ADJECTIVE),
    "Vorraussetzung": ("Voraussetzung", NOUN_EN),
    "vorraus": ("voraus", ""),
    "vorraussichtlich": ("voraussichtlich", ADJECTIVE),
    "entgültig": ("endgültig", ADJECTIVE),
    "Reperatur": ("Reparatur", NOUN_EN),
    "Konkurenz": ("Konkurrenz", ""),
    "Kommision": ("Kommission", NOUN_EN),
    "Komission": ("Kommission", NOUN_EN),
    "Kommitee": ("Komitee", NOUN_S),
    "Komunikation": ("Kommunikation", ""),
    "Gallerie": ("Galerie", NOUN_N),
    "nähmlich": ("nämlich", ""),
    "Maschiene": ("Maschine", NOUN_N),
    "Akkustik": ("Akustik", ""),
    "agressiv": ("aggressiv", ADJECTIVE),
    "Agression": ("Aggression", NOUN_EN),
    "tollerant": ("tolerant", ADJECTIVE),
    "Resourcen": ("Ressourcen", ""),
    "Platformen": ("Plattformen", ""),
    "Millenium": ("Millennium", NOUN_S),
    "Interresse": ("Interesse", NOUN_N),
    "interressant": ("interessant", ADJECTIVE),
    "detailiert": ("detailliert", ADJECTIVE),
    "paralell": ("parallel", ADJECTIVE),
    "Hierachie": ("Hierarchie", NOUN_N),
    "insbesonders": ("insbesondere", ""),
    "unentgeldlich": ("unentgeltlich", ADJECTIVE),
    "Rückrad": ("Rückgrat", NOUN_S),
    "Sattelit": ("Satellit", NOUN_EN),
    "Bibliotek": ("Bibliothek", NOUN_EN),
    "Sympatie": ("Sympathie", NOUN_N),
    "Rethorik": ("Rhetorik", ""),
    "Kanditat": ("Kandidat", "(?:en|in|innen)?"),
    "Apperat": ("Apparat", "(?:e|en|es)?"),
    "Triumpf": ("Triumph", "(?:e|es)?"),
    "Terasse": ("Terrasse", NOUN_N),
    "tendentiell": ("tendenziell", ADJECTIVE),
    "Ingeneur": ("Ingenieur", "(?:e|en|in|innen)?"),
    "Lizens": ("Lizenz", NOUN_EN),
    "dilletantisch": ("dilettantisch", ADJECTIVE),
}


def _alternatives() -> str:
    parts = []
    for wrong, (_, endings) in sorted(MISSPELLINGS.items(), key=lambda item: -len(item[0])):
        first = wrong[0]
        head = f"[{first}{first.upper()}]" if first.islower() else first
        parts.append(f"(?P<{_group(wrong)}>{head}{regex.escape(wrong[1:])}){endings}")
    return "|".join(parts)


def _group(wrong: str) -> str:
    return "w" + "".join(c if c.isascii() and c.isalnum() else f"_{ord(c)}" for c in wrong)


WRONG = regex.compile(rf"(?<![\p{{L}}\p{{N}}-])(?:{_alternatives()})(?![\p{{L}}\p{{N}}])")
RIGHT_BY_GROUP = {_group(wrong): right for wrong, (right, _) in MISSPELLINGS.items()}


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
    for match in WRONG.finditer(doc.text):
        group = match.lastgroup
        if group is None:
            continue
        wrong = match.group(group)
        right = RIGHT_BY_GROUP[group]
        if wrong[0].isupper() and right[0].islower():
            right = right[0].upper() + right[1:]
        word = match.group()
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

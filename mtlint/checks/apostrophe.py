"""Apostrophes before a genitive or plural s: "OpenAI's Modell", "die CD's".

English marks the possessive with 's; German writes the genitive s of names without
an apostrophe ("OpenAIs", "Microsofts") and never uses one for the plural ("CDs").
Machine translation copies the English form. The check needs code because "'s" is
also the German contraction of "es" ("Geht's", "Wenn's", "Halt's"): at the start of
a sentence the word before it is looked up in the German lexicon, and verbs,
pronouns and conjunctions are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.core.document import Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import speller
from mtlint.language.wordclasses import tags_of

CANDIDATE = compile_pattern(
    r"""(?x)
    (?<![\p{L}\p{N}'’´`])
    (?P<base>\p{Lu}[\p{L}\p{N}&.-]*?[\p{L}\p{N}])
    (?P<apostrophe>['’´`])s
    (?![\p{L}\p{N}'’])
    (?=(?P<after>[ \t]+\p{L}+)?)   # the next word, for English fixed phrases
    """
)
# Where a word is the first of its sentence (or of a quotation) and may be a verb
# or conjunction carrying a contracted "es": "Geht's", "Wenn's Brett", "„Halt's Maul“".
SENTENCE_START = compile_pattern(r"(?:^|[.!?:;…][\"“”»«)]?\s+|[„\"“»«(–—-]\s*)$")
# Brand and shop names that carry the apostrophe in German too.
APOSTROPHE_NAMES = frozenset({
    "McDonald", "Domino", "Kellogg", "Macy", "Moody", "Sotheby", "Christie", "Levi", "Wendy",
    "Lowe", "Denny", "Hellmann", "Jerry", "Carl", "Applebee", "Sainsbury", "Harrod", "Barron",
    "Daniel", "Hershey", "Kiehl", "Claire", "Arby", "Chili", "Joe", "Reader", "Ben", "Mike",
    "Papa", "Dunkin", "Friendly",
})
TITLE_WORDS = compile_pattern(r"[ \t]+(\p{Lu}\p{L}+)[ \t]+(\p{Lu}\p{L}+)")
# English fixed phrases in which the possessive stays: "St. Patrick's Day".
ENGLISH_HEADS = frozenset({"Day", "Eve", "Digest", "Choice", "Club", "Inn"})
PRONOUNS = frozenset({
    "du", "er", "sie", "es", "ihr", "wir", "ich", "man", "wer", "was", "wie", "wo", "wenn",
    "da", "so", "ob", "dann", "nun", "jetzt",
})
CONTRACTION_TAGS = frozenset({"KOUS", "KON", "ADV", "PPER", "PWS", "PWAV", "PDS", "PIS", "PAV"})


def can_contract(word: str) -> bool:
    """Whether `word` can carry a contracted "es" ("Geht's", "Wenn's"): a verb,
    pronoun, conjunction or adverb and not a name."""
    if word.lower() in PRONOUNS:
        return True
    tags = tags_of(word)
    if "NE" in tags:
        return False
    return any(tag.startswith("V") or tag in CONTRACTION_TAGS for tag in tags)


def _before_english_title(text: str, end: int) -> bool:
    """Whether the two words after a possessive are capitalised English ("… Most Wanted",
    "… Secret Recipes"): the possessive is part of an English title."""
    words = TITLE_WORDS.match(text, end)
    return bool(words) and any(speller.leans_english(w) for w in words.group(1, 2))


def apostrophe_genitive(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Apostroph vor dem Genitiv- oder Plural-s eines Namens oder einer Abkürzung:
    „OpenAI's Modell“, „Intel's Chips“, „Murphy's Gesetze“, „die CD's“.

    ## Warum ist das ein Problem?
    Im Deutschen steht das Genitiv-s ohne Apostroph („OpenAIs Modell“, „Microsofts
    Cloud“), ebenso das Plural-s („CDs“). Der Apostroph ist die englische Form, die
    maschinelle Übersetzung stehen lässt; Leser halten ihn für einen Fehler.

    ## Bekannte Grenzen
    Marken, die den Apostroph im Namen tragen („McDonald's“), englische Fügungen
    („St. Patrick's Day“) und englische Titel („Grandma's Secret Recipes“) bleiben
    unbeanstandet, ebenso das zusammengezogene „es“
    („Geht's“, „Wenn's“). Am Satzanfang prüft die Regel das Wort im Lexikon; einen Namen,
    den das Lexikon für ein Verb hält („Google's“ am Satzanfang), übersieht sie.

    ## Fix-Sicherheit
    Unsicher: Der Duden erlaubt den Apostroph ausnahmsweise, um die Grundform eines
    Namens zu verdeutlichen („Andrea's Blumenladen“); ob das gemeint ist, entscheidet der
    Leser.
    """
    text = doc.text
    if "s" not in text:
        return
    for match in CANDIDATE.finditer(text):
        if _before_english_title(text, match.end()):
            continue  # an English title or name: "Grandma's Secret Recipes"
        base = match.group("base")
        if base.split("-")[-1] in APOSTROPHE_NAMES:
            continue
        after = (match.group("after") or "").strip()
        if after in ENGLISH_HEADS:
            continue
        before = text[max(0, match.start() - 4):match.start()]
        if base.lower() in PRONOUNS or (SENTENCE_START.search(before) and can_contract(base)):
            continue
        ending = base[-1].lower()
        fixed = f"{base}'" if ending in "sxzß" else f"{base}s"
        start, end = match.start("base"), match.end("apostrophe") + 1
        yield Hit(
            offset=start, length=end - start,
            message=(f"„{text[start:end]}“: Im Deutschen stehen Genitiv- und Plural-s ohne "
                     f"Apostroph: „{fixed}“."),
            suggestions=(fixed,), replacement=fixed, safety=Safety.UNSAFE,
        )


RULES = (
    Rule(
        id="apostrophe-genitive", category=Category.LOCALE, severity=Severity.WARNING,
        summary="Englischer Apostroph vor dem Genitiv- oder Plural-s: „OpenAI's Modell“.",
        doc=apostrophe_genitive.__doc__ or "", check=apostrophe_genitive,
        bad=(
            Example("Die Investition stärkt <marker>OpenAI's</marker> Position.", "OpenAIs"),
            Example("<marker>Intel's</marker> neue Chips kommen im Mai.", "Intels"),
            Example("Das ist ein Fall für <marker>Murphy's</marker> Gesetz.", "Murphys"),
            Example("Er brannte alle <marker>CD's</marker> neu.", "CDs"),
            Example("Das ist <marker>Andreas's</marker> Idee.", "Andreas'"),
            Example("Microsoft-Chef Nadella lobte <marker>Google’s</marker> Suche.", "Googles"),
        ),
        good=(
            Example("Die Investition stärkt OpenAIs Position und Microsofts Cloud."),
            Example("Geht's noch? Wenn's Brett vor dem Kopf sitzt, hilft nichts."),
            Example("„Halt's Maul!“, rief er."),
            Example("Allen Kindern schmeckt's bei McDonald's."),
            Example("Am St. Patrick's Day ist die Stadt grün."),
            Example("Die Serie „Grandma's Secret Recipes“ lief drei Staffeln lang."),
            Example("Wie geht's dir? Mach's gut!"),
        ),
        origin="mtlint/checks/apostrophe.py",
    ),
)

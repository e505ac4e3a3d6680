"""Numbers in English format: "3,190 Milliarden", "14,000,000", "1,234.56".

English separates thousands with a comma and decimals with a point; German does the
opposite. "3,190 Milliarden" in a German text reads as 3.19 billion, not 3,190 billion.
A comma followed by three digits is only flagged where the context rules out a German
decimal: several groups, an English decimal point after the groups, a currency sign
before the number, a magnitude word, currency or counted noun after it ("1,500
Mitarbeiter": nobody employs one and a half people; "3,000 Schritte", "4,500 begeisterte
Fans"), a word of approximation before it ("rund 3,000": nobody rounds to three
decimals), or a range whose other end is flagged ("zwischen 1,000 und 2,000 Euro"). The
decimal point before "Millionen", "Prozent" or "Euro" is a pattern in rules/locale.toml.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from mtlint.core.document import Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german
from mtlint.language.wordclasses import word_set

# What follows a number in the news: magnitudes, currencies and counted nouns. Not
# measures like "Kilometer" or "Tonnen": "42,195 Kilometer" is a German decimal.
CONTEXT_WORDS = word_set(
    """
    Millionen Million Milliarden Milliarde Billionen Mio. Mrd. Tausend
    Euro Dollar US-Dollar Pfund Franken Yen Yuan Rupien Rubel EUR USD GBP CHF
    Mitarbeiter Mitarbeiterinnen Mitarbeitende Mitarbeitenden Beschäftigte Beschäftigten
    Angestellte Angestellten Menschen Personen Leute Nutzer Nutzerinnen Kunden Einwohner
    Einwohnerinnen Besucher Besucherinnen Teilnehmer Teilnehmerinnen Zuschauer
    Zuschauerinnen Follower Abonnenten Downloads Mitglieder Mitgliedern Stellen Jobs
    Arbeitsplätze Unternehmen Firmen Start-ups Filialen Standorte Fahrzeuge Autos Geräte
    Exemplare Stück Einheiten Patienten Fälle Fällen Tote Opfer Soldaten Studierende
    Studierenden Schüler Schülerinnen Haushalte Wohnungen Häuser Seiten Wörter Zeichen
    Stimmen Jahre Jahren Tage Tagen Stunden
    """
)
NUMBER = compile_pattern(
    r"""(?x)
    (?= [\d$€£U] )                 # a cheap test before the look-behind
    (?<![\d.,]|\d[.,])
    (?P<currency>(?:US)?\$[ ]?|[€£][ ]?)?
    (?P<number>
        [1-9]\d{0,2} (?: ,\d{3} ){2,} (?: \.\d+ )?     # 14,000,000 (and 14,000,000.5)
      | [1-9]\d{0,2} ,\d{3} \.\d+                     # 1,234.56
      | [1-9]\d{0,2} ,\d{3}                           # 3,190 — needs context
    )
    (?![\d,]|\.\d)
    """
)
LETTER = compile_pattern(r"\p{L}")
# What may follow a number as the thing it counts: an optional inflected adjective
# ("4,500 begeisterte Fans"), then a capitalised word.
FOLLOWING_NOUN = compile_pattern(
    r"[ \u00a0](?:\p{Ll}+(?:e|en|er|es)[ \u00a0])?(?P<noun>\p{Lu}[\p{L}-]*\p{L})(?![\p{L}\d])"
)
# Words of approximation before a number: "rund 3,000" cannot be a German decimal
# with three places, nobody rounds to thousandths.
APPROXIMATION = compile_pattern(
    r"""(?x)(?<![\p{L}])
    (?: rund | etwa | ungefähr | circa | ca\. | knapp | fast | nahezu | beinahe | annähernd
      | mehr[ ]als | weniger[ ]als | bis[ ]zu ) [ \u00a0]$""",
    flags=0,
)
# What joins the two ends of a range: "1,000 und 2,000", "1,000 bis 2,000", "1,000–2,000".
RANGE_JOINT = compile_pattern(r"[ \u00a0]*(?:und|bis|oder|auf|zu|[–—-])[ \u00a0]*")
# Lemma endings of measures: three decimals are normal German there ("1,250 Tonnen",
# "1,234 Sekunden Rückstand"), so such a noun does not tell the number is a count.
MEASURE_ENDINGS = (
    "meter", "liter", "gramm", "tonne", "sekunde", "minute", "meile", "kalorie", "punkt",
    "prozent", "grad", "hektar", "zoll", "elle", "unze", "watt", "volt", "byte", "hertz",
    "atmosphäre", "dosis", "kilo", "karat", "knoten", "fuß", "yard", "barrel", "einheit",
    "stel",  # fractions: "1,234 Hundertstel"
)


def _context_follows(text: str, end: int) -> bool:
    """Whether one of CONTEXT_WORDS follows the number ending at `end`, after a space
    and as a whole word. (A set lookup per number: an alternation of the words in
    NUMBER would cost the regex module 8-15 ms to compile.)"""
    if text[end:end + 1] not in (" ", "\u00a0"):
        return False
    start = end + 1
    return any(
        text.startswith(word, start) and not LETTER.match(text, start + len(word))
        for word in CONTEXT_WORDS
    )


def _counts_nouns(text: str, end: int) -> bool:
    """Whether the number ending at `end` counts something: a plural noun follows that
    is no measure ("3,000 Schritte", "4,500 begeisterte Fans"; not "1,250 Tonnen")."""
    match = FOLLOWING_NOUN.match(text, end)
    if match is None:
        return False
    noun = match.group("noun")
    if noun in CONTEXT_WORDS:
        return True
    info = german.lookup_noun(noun)
    if info is None:
        return False
    plural = [r for r in info.readings if r.plural]
    return bool(plural) and not any(
        reading.lemma.lower().endswith(MEASURE_ENDINGS) for reading in info.readings)


def _approximated(text: str, start: int) -> bool:
    """Whether a word of approximation ("rund", "etwa", "mehr als") comes right before."""
    return APPROXIMATION.search(text[max(0, start - 14):start]) is not None


def _english_by_context(text: str, match: regex.Match[str]) -> bool:
    """Whether a single group "1,500" is English by what stands around it."""
    return bool(
        match.group("currency") or _context_follows(text, match.end())
        or _approximated(text, match.start()) or _counts_nouns(text, match.end()))


def german_number(number: str) -> str:
    """Swap the separators: "1,234.56" -> "1.234,56", "14,000,000" -> "14.000.000"."""
    return number.translate(str.maketrans({",": ".", ".": ","}))


def number_english_separator(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Zahlen mit englischem Tausendertrennzeichen: „3,190 Milliarden“, „1,500 Mitarbeiter“,
    „$2,000“, „14,000,000“, „1,234.56“.

    ## Warum ist das ein Problem?
    Im Deutschen ist das Komma das Dezimalzeichen. „3,190 Milliarden“ liest ein deutscher
    Leser als 3,19 Milliarden – gemeint waren 3.190 Milliarden. Maschinelle Übersetzung
    übernimmt die englische Schreibweise oft unverändert; der Fehler verfälscht die Zahl um
    den Faktor tausend.

    ## Bekannte Grenzen
    Eine einzelne Gruppe („1,500“) wird nur gemeldet, wo der Zusammenhang die deutsche
    Lesart ausschließt: ein Währungszeichen davor, eine Größenordnung, Währung oder
    zählbare Sache danach („Milliarden“, „Euro“, „Mitarbeiter“, „3,000 Schritte“, „4,500
    begeisterte Fans“), ein Wort der Schätzung davor („rund 3,000“, „mehr als 5,000“) oder
    das andere Ende einer solchen Spanne („zwischen 1,000 und 2,000 Euro“). Maße mit drei
    Dezimalstellen („42,195 Kilometer“, „1,234 Sekunden“, „0,125 mm“, „2,500 kg“) bleiben
    unbeanstandet.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag tauscht Komma und Punkt („3.190 Milliarden“); ob die Zahl
    besser ausgeschrieben wird („3,19 Billionen“), entscheidet der Leser.
    """
    text = doc.text
    if "," not in text:
        return
    matches = list(NUMBER.finditer(text))
    english = [
        match.group("number").count(",") > 1 or "." in match.group("number")
        or _english_by_context(text, match)
        for match in matches
    ]
    # The two ends of a range share their format: "zwischen 1,000 und 2,000 Euro".
    for index in range(len(matches) - 1):
        if english[index] != english[index + 1] and RANGE_JOINT.fullmatch(
                text, matches[index].end(), matches[index + 1].start()):
            english[index] = english[index + 1] = True
    for match, flagged in zip(matches, english, strict=True):
        if not flagged:
            continue
        number = match.group("number")
        fixed = german_number(number)
        yield Hit(
            offset=match.start("number"), length=len(number),
            message=(f"„{number}“ ist englisch geschrieben: Im Deutschen trennt der Punkt die "
                     f"Tausender, das Komma die Dezimalstellen. Deutsch: „{fixed}“."),
            suggestions=(fixed,), replacement=fixed, safety=Safety.UNSAFE,
        )


RULES = (
    Rule(
        id="number-english-separator", category=Category.LOCALE, severity=Severity.ERROR,
        summary="Zahlen mit englischem Tausendertrennzeichen: „3,190 Milliarden“, „14,000,000“.",
        doc=number_english_separator.__doc__ or "", check=number_english_separator,
        bad=(
            Example("Der Markt soll auf <marker>3,190</marker> Milliarden Dollar wachsen.",
                    "3.190"),
            Example("Das Unternehmen beschäftigt <marker>1,500</marker> Mitarbeiter.", "1.500"),
            Example("Insgesamt wurden <marker>14,000,000</marker> Geräte verkauft.", "14.000.000"),
            Example("Der Preis stieg auf $<marker>2,000</marker> pro Aktie.", "2.000"),
            Example("Der Umsatz lag bei <marker>1,234.56</marker> Euro.", "1.234,56"),
            Example("Wer täglich <marker>3,000</marker> Schritte geht, lebt länger.", "3.000"),
            Example("Die Arena bietet Platz für <marker>12,500</marker> begeisterte Fans.",
                    "12.500"),
            Example("Der Verein zählt inzwischen mehr als <marker>1,200</marker>.", "1.200"),
            Example("Das Virus hat bisher rund <marker>2,400</marker> infiziert.", "2.400"),
        ),
        good=(
            Example("Der Markt soll auf 3.190 Milliarden Dollar wachsen."),
            Example("Die Schicht ist 0,125 mm dick."),
            Example("Der Wert stieg von 2,500 auf 2,750."),
            Example("Das Paket wiegt 2,500 kg."),
            Example("Das Unternehmen beschäftigt 1.500 Mitarbeiter."),
            Example("Die Koordinaten lauten 52,520 und 13,405."),
            Example("Die Marathonstrecke ist 42,195 Kilometer lang."),
            Example("Im Ziel hatte sie 1,234 Sekunden Rückstand."),
            Example("Der Kupon der Anleihe liegt bei 1,375 Prozent."),
            Example("Die Flasche fasst 0,750 Liter, der Kanister 2,125 Liter."),
        ),
        origin="mtlint/checks/numbers.py",
    ),
)

"""Numbers in English format: "3,190 Milliarden", "14,000,000", "1,234.56".

English separates thousands with a comma and decimals with a point; German does the
opposite. "3,190 Milliarden" in a German text reads as 3.19 billion, not 3,190 billion.
A comma followed by three digits is only flagged where the context rules out a German
decimal: several groups, an English decimal point after the groups, a currency sign
before the number, or a magnitude word, currency or counted noun after it ("1,500
Mitarbeiter": nobody employs one and a half people). The decimal point before
"Millionen", "Prozent" or "Euro" is a pattern in rules/locale.toml.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.document import Document
from mtlint.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.patterns import compile_pattern
from mtlint.wordclasses import word_set

# What follows a number in the news: magnitudes, currencies and counted nouns.
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
    Stimmen Jahre Jahren Tage Tagen Stunden Kilometer Meilen Tonnen
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
    zählbare Sache danach („Milliarden“, „Euro“, „Mitarbeiter“). „0,125 mm“ und „2,500 kg“
    bleiben unbeanstandet.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag tauscht Komma und Punkt („3.190 Milliarden“); ob die Zahl
    besser ausgeschrieben wird („3,19 Billionen“), entscheidet der Leser.
    """
    text = doc.text
    if "," not in text:
        return
    for match in NUMBER.finditer(text):
        number = match.group("number")
        single_group = number.count(",") == 1 and "." not in number
        if single_group and not (
            match.group("currency") or _context_follows(text, match.end())
        ):
            continue
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
        ),
        good=(
            Example("Der Markt soll auf 3.190 Milliarden Dollar wachsen."),
            Example("Die Schicht ist 0,125 mm dick."),
            Example("Der Wert stieg von 2,500 auf 2,750."),
            Example("Das Paket wiegt 2,500 kg."),
            Example("Das Unternehmen beschäftigt 1.500 Mitarbeiter."),
            Example("Die Koordinaten lauten 52,520 und 13,405."),
        ),
        origin="mtlint/checks/numbers.py",
    ),
)

"""Web furniture in English: short headings and labels the translation left alone.

A translation pipeline that works sentence by sentence often skips what is no
sentence: a heading of two or three words ("Terms and Conditions", "Location
Access"), a box title ("Privacy Policy"), a button. sentence-untranslated needs five
words and three English function words and so never sees them. Here a short line
counts as English when every word is one HanTa's English model knows and none is a
German function word or a word only German has; such a line cannot be German even
when German borrowed its words, because German joins two nouns into one word
("Standortzugriff", "Location-Access"), never leaves them open.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from mtlint.checks.untranslated import (
    ENGLISH,
    GERMAN,
    QUOTED,
    english_evidence,
    is_english_paragraph,
)
from mtlint.core.document import BlockKind, Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import speller
from mtlint.language.english import is_english_lexeme, is_english_word
from mtlint.language.german import is_german_word

MIN_WORDS = 2
ANY_FUNCTION_WORD = compile_pattern(
    r"(?i)\b(?:" + "|".join(sorted(w for w in ENGLISH if "'" not in w)) + r")\b")
MAX_WORDS = 6  # a bilingual title's English part
MAX_LABEL_WORDS = 10  # a title in English: "Summit for Trade and Regional Growth"
# Lowercase words between the capitalised ones of an English title; none is German.
TITLE_JOINERS = frozenset(("for", "and", "of", "the", "with", "from", "to"))
MAX_LABEL_CHARS = 80
# A word of a label, with what may stand around it ("Access:", "Cons?").
LABEL_WORD = compile_pattern(r"\p{L}+(?:['’]\p{L}+)?|\d+")
# Marks a label may have between its words: "Pros & Cons", "Home | About".
LABEL_SEPARATORS = frozenset(("&", "–", "|", "/", "-"))
TRAILING_MARKS = ":?!"


def _is_abbreviation(word: str) -> bool:
    return word.isupper() and len(word) <= 5


def _english_heading_word(word: str) -> bool:
    """A one-word heading that is English and no German word: "Overview", "Summary",
    "Conclusion"; not "Features", "Download" (German nouns), "Apple" (a name), "KI"."""
    if not word[:1].isupper() or _is_abbreviation(word) or not word.isascii():
        return False
    if speller.is_english(word):
        return True
    return (speller.leans_english(word) and is_english_word(word)
            and not is_german_word(word))


def english_label(text: str) -> bool:
    """Whether `text`, a short line, is an English heading or label: two to ten
    words, every word English ("Terms and Conditions") or an abbreviation or number,
    at least two English words, no German function word and no word English does not
    know ("Fazit", "Kamera", a name like "Apple")."""
    tokens = text.split()
    if any(t not in LABEL_SEPARATORS and not LABEL_WORD.fullmatch(t.rstrip(TRAILING_MARKS))
           for t in tokens):
        return False  # a path, a command, a code, a comma or full stop: no label
    words = [t.rstrip(TRAILING_MARKS) for t in tokens if t not in LABEL_SEPARATORS]
    if len(words) == 1:
        return _english_heading_word(words[0])
    if not MIN_WORDS <= len(words) <= MAX_LABEL_WORDS or not words[0][:1].isupper():
        return False  # a lowercase line is a command or a fragment, not a heading
    if any(not word.isascii() or word.lower() in GERMAN for word in words):
        return False  # cheap tests first: the English model loads only for candidates
    # A Title Case line joined by English function words ("Conference for Trade and
    # Development") is English even where German shares a word ("International").
    joined = any(w in TITLE_JOINERS for w in words) and all(
        w[:1].isupper() or w in TITLE_JOINERS for w in words)
    english = 0
    for word in words:
        lower = word.lower().replace("’", "'")
        if word.isdigit() or _is_abbreviation(word):
            continue
        if lower in ENGLISH or is_english_word(word) or (joined and is_english_lexeme(word)):
            english += 1
        else:
            return False
    return english >= MIN_WORDS


# Between the German and the English title of a bilingual heading: "Osterei - Easter egg".
TITLE_SEPARATOR = compile_pattern(r"\s+[-–—|]\s*|\s*[-–—|]\s+")
TRAILING_BRACKETS = compile_pattern(r"\s*\([^()]*\)$")


def _is_english_title_word(word: str) -> bool:
    """A word of an English title: an English function word, a word HanTa's English
    model knows, or one more common in English than in German ("Easter")."""
    return (word.lower() in ENGLISH or is_english_word(word)
            or speller.leans_english(word)) and word.lower() not in GERMAN


def _is_german_title_word(word: str) -> bool:
    """A word only German has: a function word, an umlaut, a known German word that
    is no English one ("Osterei", "Konjugation")."""
    return word.lower() in GERMAN or not word.isascii() or (
        speller.is_known(word) and not _is_english_title_word(word))


def english_title_segments(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the English parts of a bilingual title: "Grammatische Konjugation
    - Grammatical conjugation", "Osterei (Medien) - Easter egg (media)". The English part
    has two to six words, each of them English, in sentence case (a Title Case part is
    a name more often: "Smart Home"); another part has a German word."""
    cuts = [(m.start(), m.end()) for m in TITLE_SEPARATOR.finditer(line)]
    if not cuts:
        return
    bounds = [0, *(edge for cut in cuts for edge in cut), len(line)]
    segments = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    words_of = []
    for start, end in segments:
        core = TRAILING_BRACKETS.sub("", line[start:end])
        words_of.append([w.rstrip(TRAILING_MARKS) for w in core.split()])
    for index, (start, end) in enumerate(segments):
        words = words_of[index]
        if not MIN_WORDS <= len(words) <= MAX_WORDS or not words[0][:1].isupper():
            continue
        if all(w[:1].isupper() for w in words):
            continue  # Title Case: a name or a title ("Good Morning America", "Smart Home")
        if not all(LABEL_WORD.fullmatch(w) and w.isascii() and _is_english_title_word(w)
                   for w in words):
            continue
        if any(_is_german_title_word(w) for other, words in enumerate(words_of)
               if other != index for w in words):
            yield start, end


# An author line in English on its own: "By Jane Doe", "Written by Max Muster, 3. Mai 2024".
# Names are capitalised words, with the particles names have ("van", "de").
BYLINE = compile_pattern(
    r"(?P<by>(?:(?:Written|Posted|Reviewed|Edited|Updated|Photo|Photos|Image|Story|Text|Words)"
    r"\s+by|By))\s+\p{Lu}[\p{L}.'’-]*"
    r"(?:\s+(?:\p{Lu}[\p{L}.'’-]*|von|van|der|den|de|da|di|du|le|la|and|&)){0,4}"
    r"\s*(?:[,|·–—/-][^\n]{0,60})?")
# A label that ends in a full stop: two to four words and no other full stop.
ENDED_LABEL = compile_pattern(r"[^.!?;,\s]+(?:\s[^.!?;,\s]+){1,3}\.")


def _german_document(doc: Document) -> bool:
    """More German than English function words in the whole text."""
    _, english, german = english_evidence(doc.text)
    return german > english


def _adopted_name(text: str, label: str) -> bool:
    """Whether a one-word label is a name or term the text uses as one elsewhere: in a
    compound with a German word or beside a slash ("React-Entwickler", "React/Vue"), as
    German writes names and adopted terms."""
    if " " in label or not label.isalpha():
        return False
    word = re.escape(label)  # a pattern per label: not for the pattern cache
    return re.search(rf"(?<!\w)(?:{word}-[A-ZÄÖÜ]|/{word}(?!\w)|{word}/)", text) is not None


def label_untranslated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Kurze Überschriften, Zwischentitel und Beschriftungen (zwei bis sechs Wörter), die
    in einem deutschen Text auf Englisch stehen geblieben sind: „Terms and Conditions“,
    „Location Access“, „Frequently Asked Questions“, „Business Forecasting Definition“.

    ## Warum ist das ein Problem?
    Übersetzungssysteme übersetzen Satz für Satz; eine Überschrift ohne Verb oder eine
    Beschriftung aus der Seitennavigation („Privacy Policy“) rutscht leicht unübersetzt
    durch. Im deutschen Artikel steht dann ein englischer Titel.

    ## Bekannte Grenzen
    Geprüft werden Zeilen für sich (Überschriften, einzeilige Absätze ohne Schlusspunkt),
    nur in einem Text mit mehr deutschen als englischen Funktionswörtern. Jedes Wort muss
    englisch sein; ein deutsches Wort („Fazit“, „und“) oder ein Name, den das englische
    Wörterbuch nicht kennt („Apple Watch“, „Microsoft Teams“), lässt die Zeile
    unbeanstandet. Titel in Anführungszeichen bleiben unbeachtet. Fügungen, die auch im
    Deutschen so stehen, aber mit Bindestrich geschrieben werden („Cloud Computing“),
    werden als englisch gemeldet.

    Ebenso kurze englische Sätze (zwei bis vier Wörter, darunter ein englisches
    Funktionswort) zwischen deutschen Sätzen eines Absatzes: „Contact us!“.

    Eine Überschrift aus einem Wort wird gemeldet, wenn das Wort englisch ist und kein
    deutsches („Overview“, „Summary“; nicht „Features“, „Download“, „Fazit“) und der Text
    es nicht anderswo als Namen gebraucht, in einer Zusammensetzung oder neben einem
    Schrägstrich („Summary-Entwickler“, „Summary/Vue“). Eine
    Beschriftung aus zwei bis vier Wörtern darf mit einem Punkt enden („Market
    Research.“), ein englischer Titel bis zu zehn Wörter haben; ein einzelnes
    Anführungszeichen, dessen Gegenstück die Seite verloren hat, zählt nicht mit.

    Englische Autorenzeilen allein in einer Zeile: „By Jane Doe“, „Written by Max
    Muster, 3. Mai 2024“ (deutsch „Von …“); gemeldet wird das „By“.

    Zweisprachige Titel („Osterei (Medien) - Easter egg (media)“, wie sie Spiegelseiten
    von Wikipedia-Artikeln tragen): Der englische Teil hinter einem Strich oder „|“ wird
    gemeldet, wenn ein anderer Teil ein deutsches Wort hat und der englische
    nicht in Title Case steht („Smart Home - Tipps“ bleibt unbeanstandet, Namen und
    Titel schreibt man groß). Übersetzen kann nur ein Mensch: kein automatischer Fix.
    """
    german: bool | None = None  # whether the text is German, read at the first candidate
    for block in doc.blocks:
        if block.kind is BlockKind.LIST_ITEM or len(block.text) > MAX_LABEL_CHARS:
            continue  # the cheap tests first: most blocks are long
        text = block.text.strip()
        if "\n" in text or not text or QUOTED.search(text):
            continue
        byline = BYLINE.fullmatch(text)
        if byline is not None:
            parts = [(0, byline.end("by"))]
            label, label_start = text, block.start + block.text.index(text)
        else:
            if text[-1] in ",;" or (text[-1] == "." and not ENDED_LABEL.fullmatch(text)):
                continue  # a sentence; a label of a few words may end in a full stop
            # A quotation mark the page lost its partner of: "Conference for Development\"".
            label = text.strip("#*_ \t\"“”„").rstrip(":.")
            if not label:
                continue
            label_start = block.start + block.text.index(label)
            whole = english_label(label) and not _adopted_name(doc.text, label)
            parts = [(0, len(label))] if whole else list(english_title_segments(label))
        if not parts:
            continue
        if german is None:
            german = _german_document(doc)
        if not german:
            return
        for start, end in parts:
            shown = label[start:end]
            if byline is not None:
                yield Hit(offset=label_start, length=end,
                          message=f"Englische Autorenzeile „{text}“; deutsch: „Von …“.")
                continue
            yield Hit(
                offset=label_start + start, length=end - start,
                message=f"Englische Überschrift oder Beschriftung „{shown}“ im deutschen Text; "
                        f"übersetzen.",
            )
    for start, end in _short_english_sentences(doc):
        if german is None:
            german = _german_document(doc)
        if not german:
            return
        shown = doc.text[start:end]
        yield Hit(offset=start, length=end - start,
                  message=f"Englischer Satz „{shown}“ im deutschen Absatz; übersetzen.")


MAX_SHORT_SENTENCE_WORDS = 4
SENTENCE_END_MARKS = ".!?"


def _short_english_sentences(doc: Document) -> Iterator[tuple[int, int]]:
    """(start, end) of short English sentences among German ones in a paragraph: "Contact
    us!", "Thank you for reading." Every word English, one of them an English function
    word; a paragraph of one sentence is a label's (see above)."""
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING or not ANY_FUNCTION_WORD.search(block.text):
            continue  # the common case: no English function word at all
        sentences = block.sentences
        if len(sentences) < 2 or is_english_paragraph(block.text, sentences):
            continue  # one sentence: a label's; an English paragraph: sentence-untranslated's
        for sentence in sentences:
            text = sentence.text.strip()
            words = text.split()
            if not 2 <= len(words) <= MAX_SHORT_SENTENCE_WORDS or QUOTED.search(text):
                continue
            if not any(w.strip(SENTENCE_END_MARKS + ",").lower() in ENGLISH for w in words):
                continue
            core = text.rstrip(SENTENCE_END_MARKS)
            if english_label(core):
                start = sentence.start + sentence.text.index(text)
                yield start, start + len(text)


# A word glued to the next one at a line's start: "Tagesangebote bei ShopleoUm ...".
BANNER_SEAM = compile_pattern(r"[^\n]{4,80}?\p{Ll}(?=\p{Lu}\p{Ll})")
ANY_SEAM = compile_pattern(r"\p{Ll}\p{Lu}\p{Ll}")
LEADING_LETTERS = compile_pattern(r"\p{L}+")
MIN_BANNER_REPEATS = 2


def residue_repeated_banner(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Denselben Werbe- oder Bildtext am Anfang mehrerer Absätze, jeweils ohne Leerzeichen an
    den Absatz geklebt: „Tagesangebote bei ShopleoUm Ihre Bestellung zu verfolgen …“,
    „Tagesangebote bei ShopleoShopleo liefert …“.

    ## Warum ist das ein Problem?
    Ein Banner oder der Alternativtext eines Werbebildes steht auf der Seite über jedem
    Abschnitt. Beim Kopieren verliert er den Zeilenumbruch und verschmilzt mit dem
    folgenden Satz, in jedem Abschnitt aufs Neue.

    ## Bekannte Grenzen
    Gemeldet wird nur ein Text aus mindestens zwei Wörtern, der am Anfang von mindestens
    zwei Zeilen steht (oder als eigene Zeile wiederkehrt) und dort, wo er gemeldet wird,
    ohne Leerzeichen am folgenden Wort klebt. Ein Banner allein in einer Zeile bleibt
    unbeanstandet.
    Kein automatischer Fix: Ob das Banner entfällt, entscheidet die Redaktion.
    """
    text = doc.text
    if text.count("\n") < MIN_BANNER_REPEATS:
        return
    seams: dict[str, list[int]] = {}
    continuations: dict[str, set[str]] = {}  # the glued word after each banner
    alone: Counter[str] = Counter()  # lines that are nothing but a banner
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if len(stripped) <= MAX_LABEL_CHARS:
            alone[stripped] += 1
        if not ANY_SEAM.search(stripped, 0, 84):
            continue  # most lines: no word glued to a capital near the start
        match = BANNER_SEAM.match(stripped)
        if match is not None and " " in match.group():
            seams.setdefault(match.group(), []).append(start)
            glued_word = LEADING_LETTERS.match(stripped, match.end())
            continuations.setdefault(match.group(), set()).add(
                glued_word.group() if glued_word else "")
    for banner, starts in seams.items():
        count = len(starts) + alone[banner]
        variety = len(continuations[banner]) + (1 if alone[banner] else 0)
        if count < MIN_BANNER_REPEATS or variety < 2:
            continue  # the same word each time: a name in camel case ("Die PowerPoint-…")
        for start in starts:
            yield Hit(
                offset=start, length=len(banner),
                message=f"„{banner}“ steht am Anfang von {count} Absätzen und klebt hier am "
                        f"folgenden Text: ein Banner oder Bildtext der Webseite; entfernen.",
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
            Example("## <marker>Frequently Asked Questions</marker>\n\n"
                    "Die Zinsen bleiben hoch, und die Inflation sinkt nur langsam."),
            Example("Was ist eine Absatzprognose?\n\n"
                    "<marker>Business Forecasting Definition</marker>\n\n"
                    "Eine Prognose schätzt den Umsatz der nächsten Quartale."),
            Example("Der Test dauerte drei Wochen.\n\n<marker>Conclusion</marker>\n\n"
                    "Das Gerät ist leise und spart Strom."),
            Example("Haben Sie noch Fragen? <marker>Contact us!</marker> Wir helfen gern."),
            Example("Nominalstil - <marker>Nominal style</marker>\n\n"
                    "Der Nominalstil häuft Substantive und spart an Verben."),
            Example("<marker>By</marker> Jane Doe\n\n"
                    "Die Mieten steigen, und die Städte wachsen nicht mit."),
        ),
        good=(
            Example("## Fazit\n\nDie Kamera ist gut, der Akku hält lange."),
            Example("## Apple Watch\n\nDie Uhr misst den Puls und zählt die Schritte."),
            Example("## Design und Display\n\nDas Gehäuse ist aus Aluminium."),
            Example("## Microsoft Teams\n\nDas Programm ist für Videokonferenzen gedacht."),
            Example("Terms and Conditions apply to all users. The service is free."),
            Example("Er las „The Lord of the Rings“ in einer Woche.\n\n"
                    "Das Buch hat ihm gefallen."),
            Example("## Secure-Shell-Client\n\nDas Programm verschlüsselt die Verbindung."),
            Example("## GNU Image Manipulation Program (GIMP)\n\nGIMP ist ein Bildeditor."),
            Example("## Interner Texteditor\n\nDer Editor ist klein und schnell."),
            Example("Smart Home - Tipps für den Alltag\n\nDas Licht geht von selbst an."),
            Example("## Features\n\nDie Kamera filmt in 4K."),
        ),
        origin="mtlint/checks/furniture.py",
    ),
    Rule(
        id="residue-repeated-banner", category=Category.RESIDUE, severity=Severity.ERROR,
        summary="Derselbe Banner- oder Bildtext klebt am Anfang mehrerer Absätze: "
                "„Tagesangebote bei ShopleoUm …“.",
        doc=residue_repeated_banner.__doc__ or "", check=residue_repeated_banner,
        bad=(
            Example("Große Rabatte im Shop\n\nWir liefern in drei Tagen.\n\n"
                    "<marker>Große Rabatte im Shop</marker>Mit dem Gutschein sparen Sie mehr."),
        ),
        good=(
            Example("Große Rabatte im Shop\nWir liefern in drei Tagen.\n\n"
                    "Große Rabatte im Shop\nMit dem Gutschein sparen Sie mehr."),
            Example("Die PowerPoint-Folien liegen bereit.\n\nDie PowerPoint-Vorlage auch."),
        ),
        origin="mtlint/checks/furniture.py",
    ),
)

"""Broken joins that need the lexicon: compounds written open, words glued together.

German joins a product code, a model number or an abbreviation with a noun by
hyphens ("CPM-M4-Stahl", "USB-C-Kabel", "Covid-19-Pandemie"), and a name of two
words with the rest of a hyphenated compound ("Harry-Potter-Fans"). Machine
translation keeps the English spacing ("CPM M4 Stahl", "Harry Potter-Fans"). Text
copied from a page loses the break between a heading and its paragraph
("... entdeckenWandern ...", "2021-05-04Inzwischen"). The spacing slips a regular expression
can judge alone (a space at a hyphen, a word glued to an apostrophe) are in
rules/joins.toml; abbreviations of letters only before a noun ("KI Modelle") are
compound-english-open's (compounds.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.checks.agreement import DETERMINERS, gap, is_attributive_adjective, noun_reading
from mtlint.core.document import Document, Span
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import speller
from mtlint.language.german import (
    analyze_word,
    is_german_word,
    is_known_name,
    lookup_noun,
    word_tags,
)
from mtlint.language.wordclasses import PREPOSITION_ARTICLES, PREPOSITIONS, word_set

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
# Units after a number: "32-Bit" is a measure that a longer compound goes on from
# ("IDE 32-Bit I/O-Unterstützung"), not the head of "IDE-32-Bit".
UNITS = NOT_A_HEAD | word_set("Bit Byte Zoll Liter Gramm Kilogramm Kilo Watt Volt Megapixel")


def _is_code(word: str) -> bool:
    """A code, not a hyphenated adjective built on one ("UTF-8-tauglichen")."""
    if word.isalpha() or word.isdigit():
        return False  # most words: no regular expression needed
    return CODE.fullmatch(word) is not None and not any(
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
    if first == 0:
        if not (index + 2 == len(words) or text[noun.end:noun.end + 1] == ":"):
            return None  # a title of its own ("CPM M4 Stahl: Härte"), else a sentence's start
    elif not _opens_noun_phrase(words[first - 1].text):
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
    Gemeldet wird nur nach einem Artikel, einer Präposition oder einem gebeugten
    Adjektiv oder als Titel am Anfang eines Absatzes (allein oder vor einem Doppelpunkt:
    „CPM M4 Stahl: Härte“), und nur, wenn das Nomen im Lexikon steht und zum Artikel
    passt. Folgt ein weiteres
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
        for index in range(len(words) - 1):
            if not _is_code(words[index].text):
                continue
            hit = _code_open_hit(text, words, index)
            if hit is not None:
                yield hit


# Words a German sentence or heading starts with, and that no English or brand
# name ends with ("LinkedIn", "CheckIn" end in "In"; "In" is left out).
SENTENCE_STARTERS = word_set(
    """
    Die Der Das Den Dem Des Ein Eine Einen Einem Einer Was Wie Warum Wann Wer Welche Welcher
    Welches Um Und Wenn Mit Für Es Sie Wir Ich Er Im Auf Bei Nach Seit Während Diese Dieser
    Dieses Hier Jetzt Damit Denn Doch Aber Dann Nun Auch Zum Zur Vom Von Unser Unsere Ihr Ihre
    Obwohl Dass Als Durch Über Unter Zwischen Trotz Wegen Heute Gestern Morgen Viele Alle
    """
)
# A lowercase letter (or a digit) directly before a capital: "entdeckenWandern", "2019Die".
GLUE = compile_pattern(r"(?<=[\p{Ll}\d])(?=\p{Lu}\p{Ll})")
# The token around such a point, found from the point outwards.
TOKEN_BEFORE = compile_pattern(r"(?r)[\p{L}\d.-]*\Z")
TOKEN_AFTER = compile_pattern(r"[\p{L}-]*")


def _glued_hit(token: str, start: int) -> Hit | None:
    """A hit where `token` is two words glued at a lowercase-to-capital boundary:
    the right part starts a sentence ("pumpeWas"), a lowercase German verb or
    adjective precedes a noun of the lexicon ("entdeckenWandern"), or a date or number
    precedes a German word ("2021-05-04Inzwischen"). Brand names in camel case
    ("PowerPoint", "ProSieben", "LinkedIn") start with a capital or have a short part
    and stay quiet."""
    for boundary in GLUE.finditer(token):
        cut = boundary.start()
        left, right = token[:cut], token[cut:]
        right_word = right.split("-")[0]
        if not right_word.isalpha():
            continue
        left_word = left.split("-")[-1]
        if left_word[-1:].isdigit():
            if len(left_word) < 2 or not (
                right_word in SENTENCE_STARTERS
                or (len(right_word) >= 5 and is_german_word(right_word))
            ):
                continue
        elif right_word in SENTENCE_STARTERS:
            if len(left_word) < 3 or not left_word.isalpha():
                continue
        elif not (len(left_word) >= 4 and left_word.islower() and len(right_word) >= 4
                  and (word_tags(left_word) or {"NN"}) - {"NN", "NE"}
                  and lookup_noun(right_word, compounds=False) is not None):
            # Brands start with a capital ("PostScript", "DemonstrantInnen"); identifiers
            # with a lowercase start are no German verb or adjective ("userAgent").
            continue
        # The two letters at the seam: a span a reader sees, and that touches both words.
        seam = f"{left[-1]} {right[0]}"
        return Hit(
            start + cut - 1, 2,
            f"„{token}“: Hier fehlt ein Leerzeichen oder ein Zeilenumbruch zwischen "
            f"„{left}“ und „{right}“.",
            (seam,), seam, Safety.UNSAFE,
        )
    return None


def join_words_glued(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Zwei Wörter ohne Leerzeichen, meist eine Überschrift, die am folgenden Absatz klebt:
    „… die Insel zu Fuß entdeckenWandern lohnt sich …“, „Ratgeber WärmepumpeWas
    kostet der Einbau?“, „Stand: 2021-05-04Inzwischen gilt …“.

    ## Warum ist das ein Problem?
    Beim Kopieren einer Webseite geht zwischen Überschrift, Bildunterschrift oder Datum
    und dem folgenden Text der Zeilenumbruch verloren. Die Wörter verschmelzen zu einem
    unlesbaren Gebilde.

    ## Bekannte Grenzen
    Gemeldet wird ein Kleinbuchstabe oder eine Zahl direkt vor einem Großbuchstaben, wenn
    rechts ein typischer Satzanfang steht („Die“, „Was“, „Um“ …) oder ein klein
    geschriebenes deutsches Wort vor einem Nomen klebt („entdeckenWandern“). Markennamen in
    Binnenmajuskel („PowerPoint“, „PostScript“, „ProSieben“, „LinkedIn“) und das Binnen-I
    („LehrerInnen“) bleiben unbeanstandet.

    ## Fix-Sicherheit
    Unsicher: Oft gehört statt des Leerzeichens ein Zeilenumbruch oder ein Punkt hin.
    """
    text = doc.text
    checked_to = 0
    for seam in GLUE.finditer(text):
        if seam.start() < checked_to:
            continue  # a second seam in a token looked at already
        before = TOKEN_BEFORE.search(text, 0, seam.start())
        start = before.start() if before else seam.start()
        end = TOKEN_AFTER.match(text, seam.start()).end()
        checked_to = end
        if start == seam.start() or doc.is_ignored(start, end):
            continue
        hit = _glued_hit(text[start:end].strip(".-"), start + (
            len(text[start:end]) - len(text[start:end].lstrip(".-"))))
        if hit is not None:
            yield hit


NAME_PART = compile_pattern(r"\p{Lu}[\p{Ll}\p{Lu}]+")


def _is_name_part(word: str) -> bool:
    """A capitalised word of a name or an English term: not a German word ("Deutsche",
    "Neue"), not a word that starts a sentence, no abbreviation ("FTP") and no genitive
    ("Debians", "Aptitudes")."""
    return (NAME_PART.fullmatch(word) is not None and not word.isupper()
            and not word.endswith("s") and word not in SENTENCE_STARTERS
            and not is_german_word(word))


def compound_name_open(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Name oder englischer Begriff aus zwei Wörtern vor einem Bindestrich-Kompositum,
    nur halb gekoppelt: „Zentora Research-Analystin“ statt
    „Zentora-Research-Analystin“, „Harry Potter-Fans“ statt „Harry-Potter-Fans“,
    „Google Cloud-Kunden“ statt „Google-Cloud-Kunden“; ebenso ein Produktname mit
    Modellnummer: „PlayStation 5-Version“ statt „PlayStation-5-Version“, „iPhone
    15-Hülle“ statt „iPhone-15-Hülle“, „CPM M4-Stahl“ statt „CPM-M4-Stahl“.

    ## Warum ist das ein Problem?
    Besteht das erste Glied einer Zusammensetzung aus mehreren Wörtern, werden alle
    Teile durch Bindestriche verbunden (Duden, Durchkopplung). Sonst liest man
    „Zentora“ und „Research-Analystin“ als zwei Dinge.

    ## Bekannte Grenzen
    Gemeldet wird nur, wenn nach dem Bindestrich ein deutsches Nomen folgt und davor
    zwei Wörter stehen, die das deutsche Wörterbuch nicht kennt (Namen und englische
    Wörter: „Zentora“, „Harry“, „Tomb Raider“), oder ein Produktname (Binnenmajuskel,
    Abkürzung oder fremdes Wort: „PlayStation“, „iPhone“, „CPM“, „Galaxy“) vor einer
    Modellnummer („5“, „M4“, „S“). Mit deutschen Wörtern („Deutsche Bank-Chef“,
    „Formel 1-Rennen“), Abkürzungen nach einem Namen („Debian FTP-Archiv“) und Genitiven
    („Debians Continuous-Integration-Dienst“) ist die Lage unklar; sie bleiben
    unbeanstandet, ebenso Doppelnamen („Anna Schmidt-Koch“) und längere Namen aus drei
    Wörtern, bei denen unklar ist, welche zum Kompositum gehören.

    ## Fix-Sicherheit
    Unsicher: Manchmal ist nur das zweite Wort Teil der Zusammensetzung.
    """
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        for index in range(1, len(words)):
            compound = words[index].text
            if "-" not in compound:
                continue
            first, _, rest = compound.partition("-")
            head = rest.rsplit("-", 1)[-1]
            previous = words[index - 1]
            if gap(text, previous, words[index]) != " " or not head[:1].isupper():
                continue
            if not _is_half_coupled(previous.text, first):
                continue
            if first.isdigit() and head in UNITS:
                continue  # "IDE 32-Bit I/O-Unterstützung": a measure, not the head
            if lookup_noun(head) is None or analyze_word(head).tag != "NN" or (
                    _is_name_part(first) and is_known_name(head)):
                continue  # "Anna Schmidt-Koch": a double surname, no compound
            if index >= 2 and gap(text, words[index - 2], previous) == " " and (
                _is_name_part(words[index - 2].text) or _is_model_name(words[index - 2].text)
            ):
                continue  # a longer name: which words belong to the compound is unclear
            joined = f"{previous.text}-{compound}"
            yield Hit(
                previous.start, words[index].end - previous.start,
                f"„{previous.text} {compound}“: Bei einem mehrteiligen ersten Glied werden "
                f"alle Teile gekoppelt: „{joined}“.",
                (joined,), joined, Safety.UNSAFE,
            )


# A model number or code after a product name: "5", "15", "M4", "S24", "X".
MODEL = compile_pattern(r"\d{1,4}|\p{Lu}|\p{Lu}{1,2}\d{1,4}\p{Lu}?")
# A product name written with inner capitals or a lowercase first letter: "PlayStation",
# "iPhone", "MacBook".
INNER_CAPITAL = compile_pattern(r"\p{L}+\p{Ll}\p{Lu}\p{L}*|\p{Ll}\p{Lu}\p{L}+")


def _is_model_name(word: str) -> bool:
    """A product or maker's name before a model number: a name part ("Galaxy"), a
    name with inner capitals ("PlayStation", "iPhone") or an abbreviation ("CPM")."""
    return (_is_name_part(word) or INNER_CAPITAL.fullmatch(word) is not None
            or (ABBREVIATION.fullmatch(word) is not None and word not in SENTENCE_STARTERS))


def _is_half_coupled(previous: str, first: str) -> bool:
    """Whether ``previous`` and the hyphenated word's first part ``first`` are one
    name: two name parts ("Harry Potter", "Tomb Raider": English words, since the
    compound's head is German; not a German word in old spelling, "Eßlöffel"), or a
    product's name and its model number ("PlayStation 5", "iPhone 15", "CPM M4"). An
    abbreviation after a name ("Debian FTP-Archiv") and a number after a German word
    ("Formel 1", "Kapitel 3") are left alone."""
    if _is_name_part(first):
        found = speller.frequency(previous)
        return _is_name_part(previous) and (
            found.german is None or found.english is not None or is_known_name(previous))
    if MODEL.fullmatch(first):
        return _is_model_name(previous) and not is_german_word(previous)
    return False


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
            Example("<marker>MP3 Spieler</marker>: Preise und Tests", "MP3-Spieler"),
        ),
        good=(
            Example("Die Klinge ist aus CPM-M4-Stahl geschmiedet."),
            Example("Wir fuhren auf der A7 Richtung Norden."),
            Example("Das Samsung Galaxy S24 Ultra Edition kostet mehr."),
            Example("Windows 11 Nutzer bekommen das Update zuerst."),
            Example("Er nahm 3 mg B12 täglich."),
            Example("A7 Richtung Norden: Stau bei Kassel."),
            Example("MP3 Dateien spielt jedes Telefon ab."),
            Example("Der Stau auf der A1 dauerte zwei Stunden."),
            Example("Nutzen Sie eine UTF-8-taugliche Konsole."),
        ),
        origin="mtlint/checks/joins.py", fixable=True,
    ),
    Rule(
        id="join-words-glued", category=Category.PUNCTUATION, severity=Severity.WARNING,
        summary="Zwei Wörter ohne Leerzeichen verschmolzen: „entdeckenWandern“, "
                "„2021-05-04Inzwischen“.",
        doc=join_words_glued.__doc__ or "", check=join_words_glued,
        bad=(
            Example("Die Insel lässt sich zu Fuß entdecke<marker>nW</marker>"
                    "andern lohnt sich hier besonders.", "n W"),
            Example("Ratgeber Wärmepump<marker>eW</marker>as kostet der Einbau?", "e W"),
            Example("Stand: 2021-05-0<marker>4I</marker>nzwischen gilt eine neue "
                    "Regel.", "4 I"),
        ),
        good=(
            Example("Die Präsentation ist in PowerPoint, das Video auf YouTube."),
            Example("ProSieben zeigt den Film, LinkedIn meldet neue Nutzer."),
            Example("Die Firma McDonald eröffnet eine Filiale; iPhone-Nutzer warten."),
            Example("Der BahnCard-Rabatt gilt auch im ICE."),
            Example("PostScript, PulseAudio und PipeWire laufen unter Linux."),
            Example("Alle DemonstrantInnen kamen friedlich."),
            Example("Das Feld userAgent nennt den Browser."),
        ),
        origin="mtlint/checks/joins.py", fixable=True,
    ),
    Rule(
        id="compound-name-open", category=Category.SPELLING, severity=Severity.WARNING,
        summary="Mehrteiliger Name vor einem Bindestrich-Kompositum nicht durchgekoppelt: "
                "„Harry Potter-Fans“, „PlayStation 5-Version“.",
        doc=compound_name_open.__doc__ or "", check=compound_name_open,
        bad=(
            Example("Die <marker>Zentora Research-Analystin</marker> erwartet sinkende Zinsen.",
                    "Zentora-Research-Analystin"),
            Example("Viele <marker>Harry Potter-Fans</marker> reisen nach London.",
                    "Harry-Potter-Fans"),
            Example("Installieren Sie das <marker>Midnight Commander-Paket</marker>.",
                    "Midnight-Commander-Paket"),
            Example("Die <marker>PlayStation 5-Version</marker> erscheint im Herbst.",
                    "PlayStation-5-Version"),
            Example("Die Klinge ist aus <marker>CPM M4-Stahl</marker> geschmiedet.",
                    "CPM-M4-Stahl"),
        ),
        good=(
            Example("Die Zentora-Research-Analystin erwartet sinkende Zinsen."),
            Example("Der Deutsche Bank-Chef tritt zurück."),
            Example("Viele Fans von Harry Potter reisen nach London."),
            Example("Die Liste steht im Debian FTP-Archiv."),
            Example("Aptitudes Regex-Formel ist mächtig."),
            Example("Frau Anna Schmidt-Koch leitet das Projekt."),
            Example("Für 20 5-Euro-Scheine bekam er einen 100-Euro-Schein."),
            Example("Nehmen Sie einen Eßlöffel Cayenne-Pfeffer."),
        ),
        origin="mtlint/checks/joins.py", fixable=True,
    ),
)

"""Compounds: German compounds written as two words.

German writes compounds as one word or with a hyphen. Machine translation and
English habits split them: "Technologie kategorie" (a compound broken in two, the
second part left lowercase), "Software Entwickler", "KI Modelle", "Cloud Computing".

The checks use the noun lexicon and HanTa (mtlint/german.py) to tell a noun from
a word of another class: "Technologie kategorie" is a split compound, "Microsoft
will" is a name and a verb.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from mtlint.checks.agreement import (
    DETERMINERS,
    Determiner,
    gap,
    is_attributive_adjective,
    noun_reading,
)
from mtlint.core.document import BlockKind, Document, Span
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.language import speller
from mtlint.language.german import (
    analyze_word,
    is_german_word,
    is_known_name,
    lookup_noun,
    noun_form,
    word_tags,
)
from mtlint.language.wordclasses import FUNCTION_WORDS, PREPOSITION_ARTICLES, PREPOSITIONS, word_set

# English words that surround a German-looking word in an English phrase
# ("Open Source software"): there a lowercase noun is English, not a split compound.
ENGLISH_WORDS = word_set(
    "the of and or for to with from by on at is are be this that a an as it its free"
)


def _neighbour(words: list[Span], index: int) -> str:
    return words[index].text if 0 <= index < len(words) else ""


def _is_lowercase_noun(word: str) -> str | None:
    """For a lowercase word that only a noun can be ("kategorie"), the noun's
    capitalised spelling; None for words that are also something else ("will",
    "recht", "teil") and for words the lexicon does not know."""
    if len(word) < 4 or not word.isalpha() or not word.islower():
        return None
    form = noun_form(word)
    if form is None:
        return None
    tags = word_tags(word)
    if tags is not None:
        return form if tags <= {"NN", "NE"} else None
    return form if analyze_word(word).tag == "NN" else None


def compound_split(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein zusammengesetztes Nomen, das in zwei oder drei Wörter zerfallen ist:
    „Technologie kategorie“ statt „Technologiekategorie“, „die Energie Versorgung“
    statt „die Energieversorgung“, „ein Sicherheits Update“ statt „ein
    Sicherheitsupdate“, „die Daten Schutz Regeln“ statt „die Datenschutzregeln“.

    ## Warum ist das ein Problem?
    Deutsche Komposita werden zusammengeschrieben. Die Trennung mit kleinem zweitem
    Teil entsteht, wenn ein Übersetzungs- oder Satzsystem ein Wort an der Fuge
    umbricht oder ein englisches Muster („technology category“) nachbildet.

    Gemeldet wird ein großgeschriebenes Nomen, gefolgt von einem kleingeschriebenen
    Wort, das nur als Nomen bekannt ist („kategorie“); Wörter, die klein geschrieben
    etwas anderes sein können („Microsoft will“, „Recht haben“ / „recht“), bleiben
    unbeachtet.

    Zwei großgeschriebene Nomen werden gemeldet, wenn das zusammengeschriebene Wort
    (auch mit Fugen-s oder -n) im Wörterbuch steht oder der erste Teil auf ein
    Fugen-s nach -heit, -keit, -ung, -ion, -tät oder -schaft endet („Sicherheits“),
    das allein kein Wort ist; ebenso ein unflektiertes Adjektiv nach einem Artikel
    („die National Mannschaft“). Appositionen („die Stadt Essen“, „der Begriff
    Freiheit“, „Herr Müller“), Genitive („die Liebe Gottes“) und zwei Satzglieder
    („in der Welt Erfolg haben“, „dem Kind Zeit geben“) bleiben unbeachtet.

    Am Anfang eines Satzes, einer Überschrift oder eines Listenpunkts genügen zwei
    Nomen ohne Artikel („Leder Tasche und Gürtel …“, „- Glas Vase“), wenn das erste in
    der Grundform steht, beide nur Nomen sind und das zusammengeschriebene Wort ein
    bekanntes Wort oder Kompositum ist: Zwei artikellose Nomen beginnen keinen
    deutschen Satz.

    ## Bekannte Grenzen
    Gemeldet wird sonst nur in einer Nominalgruppe, deren Artikel zum zweiten Teil
    passt („unsere Technologie kategorie“); ohne Artikel mitten im Satz („… und Kunden
    service ist …“) schweigt die Regel. Am Satzanfang bleiben Namen („Tante Emma“),
    Titel („Herr Lehrer“), Genitive („Mann Gottes“), Zeitangaben („Montag Abend“) und
    Pluralformen als erstes Wort („Kinder Bücher vorzulesen …“) unbeanstandet.
    Englische Wendungen („Open Source software“) und klein geschriebene Überschriften
    werden übersprungen. Alte Formen, die wie ein Nomen aussehen („der
    Stufe eigner Bildung“), können gemeldet werden. Ob die Fuge ein -s- braucht, prüft
    die Regel nicht.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag schreibt beide Teile zusammen; manchmal ist ein
    Bindestrich besser lesbar.
    """
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        if block.kind is BlockKind.HEADING and words and words[0].text[:1].islower():
            continue  # a lowercase heading: the heading rules report it
        openings = {sentence.start for sentence in block.sentences}
        for index in range(len(words) - 1):
            first, second = words[index], words[index + 1]
            if gap(text, first, second) != " ":
                continue
            if first.start in openings:
                hit = _opening_split_hit(text, words, index)
            elif index == 0:
                continue
            elif second.text[:1].islower():
                hit = _split_compound_hit(text, words, index)
            else:
                hit = _capitalised_split_hit(text, words, index)
            if hit is not None:
                yield hit


# Prepositions fused with an article, as the article they contain.
FUSED_ARTICLES = {
    "am": "dem", "beim": "dem", "im": "dem", "vom": "dem", "zum": "dem", "zur": "der",
    "ans": "das", "aufs": "das", "ins": "das", "durchs": "das", "fürs": "das", "ums": "das",
}
CLAUSE_END = re.compile(r"\s*[,.;:!?)]")
PARTICIPLE = re.compile(r"ge\w{3,}(?:en|t)$")


def _split_compound_hit(text: str, words: list[Span], index: int) -> Hit | None:
    """A hit for words[index] + words[index + 1] ("Technologie kategorie"), or None.

    The pair must sit in a noun phrase whose article fits the second part as its head
    ("unsere Technologie kategorie", "der Kunden service"): a capitalised noun followed
    by a lowercase verb ("die Fürsten geigen") has an article that fits the first.
    """
    first, second = words[index], words[index + 1]
    if not first.text[:1].isupper() or first.text.isupper() or not first.text.isalpha():
        return None
    if first.text.lower() in FUNCTION_WORDS or _neighbour(words, index + 2).lower() in (
        ENGLISH_WORDS
    ):
        return None
    after = text[second.end:second.end + 2]
    if after[:1] in "-(" or (
        CLAUSE_END.match(text, second.end) and second.text.endswith(VERB_ENDINGS)
    ):
        return None  # "Befehl touch(1)"; "was die Fürsten geigen, ...": a verb at the end
    if _is_lowercase_noun(second.text) is None or PARTICIPLE.match(second.text):
        return None  # "in den Hintern gebissen"
    if _old_dative(second.text):
        return None  # only an old dative noun ("dem Hause"): a verb form in text
    head = lookup_noun(second.text, compounds=False)
    determiner = _determiner_before(text, words, index)
    if head is None or determiner is None or not _fits(determiner, head):
        return None
    if analyze_word(first.text).tag != "NN":
        return None
    joined = first.text + second.text
    return Hit(
        first.start, second.end - first.start,
        f"„{first.text} {second.text}“ ist vermutlich ein getrennt geschriebenes "
        f"Kompositum: „{joined}“.",
        (joined,), joined, Safety.UNSAFE,
    )


# Nouns that take a name or a noun as an apposition ("der Begriff Freiheit", "die Firma
# Siemens", "Kapitel Drei", "das Wort Gottesdienst"): the pair is no compound even where
# the joined form is a word.
APPOSITION_HEADS = word_set(
    """
    Begriff Begriffs Wort Wortes Name Namen Stichwort Schlagwort Motto Titel Thema Slogan
    Firma Unternehmen Konzern Marke Verein Klub Club Partei Sender Zeitung Magazin Verlag
    Stadt Gemeinde Dorf Land Insel Region Kanton Bezirk Fluss Berg Straße Platz
    Herr Herrn Frau Familie Onkel Tante Bruder Schwester Vater Mutter Kollege Kollegin
    Typ Modell Serie Film Buch Album Song Lied Roman Spiel Projekt Programm Operation
    Kapitel Abschnitt Teil Folge Staffel Band Nummer Jahr Monat Tag Fall Gruppe Team Klasse
    Fach Schiff Hotel Restaurant Bahnhof Flughafen Stadion Hurrikan Sturm Tief Hoch
    Kaiser König Königin Prinz Papst Präsident Präsidentin Kanzler Kanzlerin Minister Ministerin
    Doktor Professor Professorin Pfarrer Bischof Kardinal Graf Gräfin Baron Fürst Sankt
    """
)
# Nouns that stand without an article as an object ("Angst haben", "Erfolg haben",
# "Zeit geben"): after another noun phrase they start a second one ("die Zukunft Angst").
BARE_NOUNS = word_set(
    """
    Angst Erfolg Zeit Geld Spaß Lust Mut Recht Hilfe Glück Sorgen Sorge Hunger Durst Ruhe
    Platz Schaden Schuld Bescheid Freude Kraft Macht Respekt Vorrang Auskunft Rede Antwort
    Gehör Vertrauen Bedeutung Beachtung
    """
)
# Nouns of time that head an adverbial after a preposition ("im Sommer Urlaub machen",
# "am Morgen Kaffee trinken"): the noun after them starts another phrase.
TIME_NOUNS = word_set(
    """
    Morgen Vormittag Mittag Nachmittag Abend Nacht Tag Woche Wochenende Monat Jahr
    Frühling Frühjahr Sommer Herbst Winter Urlaub Feierabend Anfang Ende Schluss
    Januar Februar März April Mai Juni Juli August September Oktober November Dezember
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag
    """
)
# Feminine suffixes that never take a genitive -s: "Sicherheits", "Regierungs",
# "Informations" alone are no words, only the first part of a compound.
LINKED_FIRST_PART = re.compile(r"\w{2,}(?:heit|keit|ung|ion|tät|schaft|ität)s")
# Linking elements between the parts of a compound ("Kundenservice", "Arbeitsmarkt").
LINKS = ("", "s", "n", "en", "es")


def _closed_form(first: str, second: str) -> str | None:
    """The pair written as one word if the lexicon lists that word ("Energie" +
    "Versorgung" -> "Energieversorgung"); compounds of the lexicon only, no guessing."""
    tail = second[0].lower() + second[1:]
    for link in LINKS:
        joined = first + link + tail
        if lookup_noun(joined, compounds=False) is not None:
            return joined
    if first.endswith("e") and lookup_noun(first[:-1] + tail, compounds=False) is not None:
        return first[:-1] + tail  # "Schule" + "Bus" -> "Schulbus"
    return None


def _only_genitive(word: str) -> bool:
    """A noun form that is only a genitive ("Gottes", "Leibes"): a genitive chain."""
    info = lookup_noun(word, compounds=False)
    return info is not None and all(
        r.slots and all(slot.startswith("gen") for slot in r.slots) for r in info.readings
    )


def _cases(slots: set[str]) -> set[str]:
    return {slot.split(" ", 1)[0] for slot in slots}


def _old_dative(word: str) -> bool:
    """An old dative form and nothing else ("Hause", "Geschlechte")."""
    info = lookup_noun(word, compounds=False)
    return info is not None and all(r.slots == {"dat sg"} for r in info.readings)


def _capitalised_split_hit(text: str, words: list[Span], index: int) -> Hit | None:
    """A hit for two capitalised nouns that form one compound ("die Energie Versorgung",
    "ein Sicherheits Update", "die Daten Schutz Regeln"), or None.

    The joined form must be a lexicon noun, or the first part must end in a linking -s
    after a feminine suffix ("Sicherheits"), which no word alone does; the pair must sit
    after an article that fits the last part as its head.
    """
    first, second = words[index], words[index + 1]
    a, b = first.text, second.text
    if not (a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha()):
        return None
    if len(a) < 3 or len(b) < 3 or a.isupper() or b.isupper() or not a[1:].islower():
        return None
    if a in APPOSITION_HEADS or b in BARE_NOUNS or a.lower() in FUNCTION_WORDS or (
        b.lower() in FUNCTION_WORDS
    ):
        return None
    determiner = _determiner_before(text, words, index)
    if determiner is None:
        return None
    if a in TIME_NOUNS and any(
        _neighbour(words, index - back).lower() in PREPOSITIONS | FUSED_ARTICLES.keys()
        for back in (1, 2)
    ):
        return None  # "im Sommer Urlaub machen": a time adverbial, then an object
    joined = _closed_form(a, b)
    if joined is None:
        if not LINKED_FIRST_PART.fullmatch(a) or lookup_noun(a, compounds=False) is not None:
            return None
        joined = a + b[0].lower() + b[1:]
    alone = lookup_noun(a, compounds=False)
    before = _cases(_fitting_slots(determiner, alone)) if alone is not None else set()
    if (before and _only_genitive(a)) or _only_genitive(b) or _old_dative(b):
        return None  # "des Leibes Fülle", "die Liebe Gottes", "vom Menschen Geschlechte"
    end = second
    third = words[index + 2] if index + 2 < len(words) else None
    head = lookup_noun(joined)
    if head is None:
        return None
    if _fits(determiner, head) and third is not None and gap(text, second, third) == " " and (
        third.text[:1].isupper()
    ):
        return None  # part of a longer name ("die Crash Test Dummies")
    if not _fits(determiner, head):
        # "die Daten Schutz Regeln": the article fits a third noun, the head of all three.
        if third is None or gap(text, second, third) != " " or not third.text.istitle():
            return None
        longer = joined + third.text.lower()
        head = lookup_noun(longer)
        if head is None or not third.text.isalpha() or not _fits(determiner, head):
            return None
        joined, end = longer, third
    if before and not before & _cases(_fitting_slots(determiner, head)):
        return None  # "in der Welt Erfolg haben": a dative, then an object
    if analyze_word(a).tag not in ("NN", "XY", "FM") and alone is None and (
        "ADJD" not in (word_tags(a) or ())
    ):
        return None  # an uninflected adjective after an article is a first part too
    shown = text[first.start:end.end]
    return Hit(
        first.start, end.end - first.start,
        f"„{shown}“ ist vermutlich ein getrennt geschriebenes Kompositum: „{joined}“.",
        (joined,), joined, Safety.UNSAFE,
    )


MIN_OPENING_NOUN = 4


def _is_plain_noun(word: str) -> bool:
    """A common noun and nothing else: in the lexicon, read as a noun, no name, no
    adverb or adjective ("Morgen", "Liebe", "Gestern" are more)."""
    if len(word) < MIN_OPENING_NOUN or not word.isalpha() or not word[1:].islower():
        return False
    if lookup_noun(word, compounds=False) is None or is_known_name(word):
        return False
    tags = word_tags(word)
    if tags is not None:
        return tags <= {"NN"}
    return analyze_word(word).tag == "NN"


def _opening_split_hit(text: str, words: list[Span], index: int) -> Hit | None:
    """A hit for two nouns that open a sentence, a heading or a list item without an
    article and form a compound ("Leder Tasche", "Pullover Kleid"), or None.

    Two bare common nouns side by side do not start a German sentence: the first would
    need an article or be a name ("Tante Emma"), an apposition's head ("Herr Lehrer"),
    a genitive's head ("Mann Gottes") or a time ("Montag Abend" is left alone too).
    The first noun must be the uninflected singular a compound starts with, and the
    pair must end the phrase: a capitalised word after it may make it a longer name."""
    first, second = words[index], words[index + 1]
    a, b = first.text, second.text
    if not (_is_plain_noun(a) and _is_plain_noun(b)):
        return None
    if a in APPOSITION_HEADS or a in TIME_NOUNS or b in BARE_NOUNS or b in TIME_NOUNS:
        return None
    third = words[index + 2] if index + 2 < len(words) else None
    if third is not None and gap(text, second, third) == " " and third.text[:1].isupper():
        return None
    if _only_genitive(b) or _old_dative(b):
        return None
    info = lookup_noun(a, compounds=False)
    if info is None or not any(a == reading.lemma and "nom sg" in reading.slots
                               for reading in info.readings):
        return None  # "Kinder Bücher": a plural, not a compound's first part
    joined = _closed_form(a, b) or a + b[0].lower() + b[1:]
    if not speller.is_known(joined):
        return None
    return Hit(
        first.start, second.end - first.start,
        f"„{a} {b}“ ist vermutlich ein getrennt geschriebenes Kompositum: „{joined}“.",
        (joined,), joined, Safety.UNSAFE,
    )


# Endings of verb forms that end a clause ("... anzeigen,", "... gebissen.").
VERB_ENDINGS = ("n", "t")


def _determiner_before(text: str, words: list[Span], index: int) -> Determiner | None:
    """The article or determiner before words[index], across adjectives."""
    position = index - 1
    while position >= 0 and gap(text, words[position], words[position + 1]) == " ":
        word = words[position].text
        lower = FUSED_ARTICLES.get(word.lower(), word.lower())
        if lower in DETERMINERS:
            return DETERMINERS[lower]
        if not is_attributive_adjective(word) or word[:1].isupper():
            return None
        position -= 1
    return None


def _fits(determiner: Determiner, head: object) -> bool:
    """Whether a reading of the determiner fits a reading of the noun, case included."""
    return bool(_fitting_slots(determiner, head))


def _fitting_slots(determiner: Determiner, head: object) -> set[str]:
    """The "case number" slots in which the determiner fits the noun."""
    slots = set()
    for gender, case, _ in determiner.readings:
        number = "pl" if gender == "pl" else "sg"
        for reading in head.readings:  # type: ignore[attr-defined]
            if reading.slots and f"{case} {number}" not in reading.slots:
                continue
            if number == "pl" or gender in reading.genders:
                slots.add(f"{case} {number}")
    return slots


# English noun + noun phrases that German writes with a hyphen or as one word
# (Duden: "Cloud-Computing", "Machine-Learning", "Onlinebanking"). Adjective + noun
# phrases keep their space ("Big Data", "Social Media", "Open Source", "Smart Home")
# and are not listed.
ENGLISH_COMPOUNDS: dict[str, tuple[str, ...]] = {
    "Business Intelligence": ("Business-Intelligence",),
    "Change Management": ("Change-Management",),
    "Cloud Computing": ("Cloud-Computing",),
    "Content Management": ("Content-Management",),
    "Customer Experience": ("Customer-Experience",),
    "Cyber Security": ("Cybersecurity", "Cyber-Security"),
    "Data Mining": ("Data-Mining",),
    "Data Science": ("Data-Science",),
    "Edge Computing": ("Edge-Computing",),
    "Game Changer": ("Gamechanger", "Game-Changer"),
    "Home Office": ("Homeoffice", "Home-Office"),
    "Live Stream": ("Livestream",),
    "Machine Learning": ("Machine-Learning",),
    "Quantum Computing": ("Quantum-Computing",),
    "Software Engineering": ("Software-Engineering",),
    "Supply Chain": ("Supply-Chain",),
    "User Experience": ("User-Experience",),
    "Venture Capital": ("Venture-Capital",),
}

# English nouns that German joins to a German noun ("Softwareentwickler" or
# "Software-Entwickler"), and abbreviations that take a hyphen ("KI-Modelle").
# "Online" and "Social Media" have their own rules in rules/spelling.toml.
ENGLISH_FIRST_PARTS = word_set(
    """
    Software Hardware Marketing Business Cloud Computer Internet Web Design Service
    Support Management Content Smartphone Streaming Gaming Startup Server Browser
    Update Download App Chip Tech Blog Podcast Video Event Feedback Laptop Tablet Sales
    Recruiting Consulting Security Cyber Community Website Account Login Newsletter
    Livestream Team
    """
)
ABBREVIATIONS = word_set(
    "KI IT PC USB PDF API CPU GPU SMS DSL WLAN GPS CEO CFO CTO HR EU UN"
)
E_MAIL = word_set("E-Mail")
# What the first word of a reported pair can be: everything else is passed over at once.
OPEN_FIRST_WORDS = (
    frozenset(phrase.split(" ", 1)[0] for phrase in ENGLISH_COMPOUNDS)
    | ENGLISH_FIRST_PARTS | ABBREVIATIONS | E_MAIL
)
# English nouns that end the names of publications, firms and events ("Business
# Insider", "Tech Report", "Cloud Summit"): after an English word they are a name.
NAME_HEADS = word_set(
    """
    Insider Report Journal Times Post News Week Review Weekly Daily Today Magazine Wire
    Standard Herald Tribune Mail Street Group Systems Services Solutions Partners Capital
    Ventures Labs Media Channel Network Club Award Awards Summit Conference Center Index
    Expo Forum Show Day Days Cup
    """
)


def _english_open_hit(doc: Document, words: list[Span], index: int) -> Hit | None:
    """A hit for words[index] + words[index + 1] as an open compound, or None."""
    text = doc.text
    first, second = words[index], words[index + 1]
    if gap(text, first, second) != " " or not second.text[:1].isupper():
        return None
    phrase = f"{first.text} {second.text}"
    abbreviation = first.text in ABBREVIATIONS
    if phrase not in ENGLISH_COMPOUNDS and not (
        abbreviation or first.text in ENGLISH_FIRST_PARTS or first.text in E_MAIL
        or _is_english_first_part(first.text)
    ):
        return None
    previous = words[index - 1] if index else None
    following = words[index + 2] if index + 2 < len(words) else None
    if following is not None and gap(text, second, following) == " " and (
        following.text[:1].isupper()
    ):
        return None  # a longer name ("Cloud Computing Services") or two noun phrases
    if previous is not None and gap(text, previous, first) == " " and (
        previous.text[:1].isupper() and not _starts_sentence(text, previous)
        and previous.text.lower() not in FUNCTION_WORDS
        and analyze_word(previous.text).tag in ("NE", "FM", "XY")
    ):
        return None  # "Google Cloud Dienste", "UK Home Office": part of a name
    if phrase in ENGLISH_COMPOUNDS:
        forms = ENGLISH_COMPOUNDS[phrase]
        return Hit(
            first.start, second.end - first.start,
            f"„{phrase}“ wird im Deutschen mit Bindestrich oder zusammen geschrieben: "
            f"„{forms[0]}“.",
            forms, forms[0], Safety.UNSAFE,
        )
    if second.text.isupper() or second.text in ENGLISH_FIRST_PARTS or second.text in NAME_HEADS:
        return None
    if first.text not in OPEN_FIRST_WORDS and _has_english_reading(second.text):
        return None  # "im Play Store": an English phrase, the shop's name
    if text[second.end:second.end + 1] == "-":
        return None  # "im Internet Zensur- und Überwachungsabsichten"
    if previous is None or not _starts_noun_phrase(previous.text):
        return None  # "wie KI Geschäftsanwendungen verbessern": subject and object
    reading = noun_reading(second.text)
    if reading is None or not is_german_word(second.text):
        return None
    if analyze_word(second.text).tag != "NN":
        return None
    determiner = DETERMINERS.get(previous.text.lower()) if previous is not None else None
    if determiner is not None and not any(
        r[0] in reading.agreeing for r in determiner.readings
    ):
        return None  # "dem Team Zeit geben": two noun phrases
    if first.text not in OPEN_FIRST_WORDS and previous.text.lower() in PREPOSITIONS and all(
            number == "pl" for number, _ in reading.forms):
        return None  # "von Upstream Instabilitäten erkennen": a bare plural starts an object
    if first.text not in OPEN_FIRST_WORDS and not _is_english_lexicon_word(first.text):
        return None  # a name that is common in English too
    if abbreviation or first.text in E_MAIL:
        suggestions: tuple[str, ...] = (f"{first.text}-{second.text}",)
    else:
        suggestions = (f"{first.text}-{second.text}",
                       first.text + second.text[0].lower() + second.text[1:])
    return Hit(
        first.start, second.end - first.start,
        f"„{first.text} {second.text}“: Deutsche Komposita werden zusammen oder mit "
        f"Bindestrich geschrieben („{suggestions[0]}“).",
        suggestions, suggestions[0], Safety.UNSAFE,
    )


def _starts_noun_phrase(word: str) -> bool:
    """Whether `word` is one a noun phrase follows: an article or determiner, a
    preposition, or an inflected adjective ("für Software Entwickler", "erfahrene
    Software Entwickler")."""
    lower = word.lower()
    return (lower in DETERMINERS or lower in PREPOSITIONS or lower in PREPOSITION_ARTICLES
            or (word.islower() and is_attributive_adjective(word)))


SENTENCE_LOOKBACK = 100  # characters before a word that can hold the end of a sentence


def _starts_sentence(text: str, word: Span) -> bool:
    # A window, not the whole text before: a 1 MB line would be copied for every word.
    before = text[max(0, word.start - SENTENCE_LOOKBACK):word.start].rstrip()
    return not before or before[-1] in ".!?:\n\"„“"


def compound_english_open(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Kompositum nach englischem Muster mit Leerzeichen: „Software Entwickler“ statt
    „Softwareentwickler“ oder „Software-Entwickler“, „KI Modelle“ statt „KI-Modelle“,
    „E-Mail Adresse“ statt „E-Mail-Adresse“, „Cloud Computing“ statt „Cloud-Computing“.

    ## Warum ist das ein Problem?
    Im Englischen stehen die Teile eines Kompositums getrennt, im Deutschen nicht
    („Deppenleerzeichen“). Aus dem Englischen übernommene Fügungen aus zwei Nomen
    schreibt der Duden mit Bindestrich oder zusammen („Cloud-Computing“,
    „Machine-Learning“); nur Fügungen aus Adjektiv und Nomen behalten das Leerzeichen
    („Big Data“, „Open Source“, „Social Media“).

    Gemeldet werden ein englisches Nomen oder eine Abkürzung vor einem deutschen Nomen
    aus dem Lexikon (ein Wort aus einer Liste oder eines, das im Englischen mindestens
    dreimal so häufig ist, vor einem Nomen ohne englische Lesart: „die Hiking
    Schuhe“), eine Liste verbreiteter englischer Fügungen aus zwei Nomen und zwei
    Wörter, die im Englischen häufiger sind als im Deutschen, vor einem deutschen Nomen
    ohne englische Lesart („die Social Media Kanäle“ statt „die Social-Media-Kanäle“):
    Besteht das erste Glied aus mehreren Wörtern, werden alle gekoppelt (Duden,
    Durchkopplung).

    ## Bekannte Grenzen
    Namen bleiben unbeachtet: Folgt ein weiteres großgeschriebenes Wort („Amazon Web
    Services“, „Google Cloud Platform“) oder steht ein Name davor, wird nichts
    gemeldet. Zwei Objekte nebeneinander („der Software Zugriff geben“) kann die Regel
    nur erkennen, wenn ein Artikel nicht zum zweiten Nomen passt („dem Team Zeit“).

    ## Fix-Sicherheit
    Unsicher: Bindestrich oder Zusammenschreibung sind beide richtig; vorgeschlagen
    wird zuerst der Bindestrich.
    """
    for block in doc.blocks:
        words = block.words()
        reported = -1  # the last word of the last hit
        for index in range(len(words) - 1):
            if index <= reported:
                continue
            hit = None
            if words[index].text[:1].isupper():
                hit = _english_phrase_open_hit(doc.text, words, index)
            if hit is None and (words[index].text in OPEN_FIRST_WORDS
                                or _is_english_first_part(words[index].text)):
                hit = _english_open_hit(doc, words, index)
            if hit is not None:
                reported = index
                while reported + 1 < len(words) and (
                        words[reported + 1].start < hit.offset + hit.length):
                    reported += 1  # the hit's last word: the next hit starts after it
                yield hit


# A German noun at most this much (10 times) more common in German than in English has
# an English reading too ("Store", "Park"); "Schuhe" in English texts is noise.
ENGLISH_READING_MARGIN = 100


def _has_english_reading(word: str) -> bool:
    found = speller.frequency(word)
    return found.english is not None and (
        found.german is None or found.english < found.german + ENGLISH_READING_MARGIN)


@functools.lru_cache(maxsize=1 << 14)
def _is_english_first_part(word: str) -> bool:
    """An English word German does not use alone, capitalised as a compound's first part
    ("Gaming", "Hiking"): three times as common in English, and no German noun ("Team",
    "Software" are listed apart). Whether HanTa's English model knows it is asked last
    (_is_english_lexicon_word): loading the model costs a second."""
    if not (word[:1].isupper() and word[1:].islower() and word.isascii() and word.isalpha()):
        return False
    return speller.leans_english(word)  # in the English lexicon: see _english_open_hit


@functools.lru_cache(maxsize=4096)
def _is_english_lexicon_word(word: str) -> bool:
    """A word HanTa's English model knows, not a name: asked last, since loading the
    model costs about a second."""
    from mtlint.language.english import is_english_word

    return is_english_word(word)


ENGLISH_PHRASE_WORDS = 2  # "Tour Guide", "Social Media": two English words before the noun


@functools.lru_cache(maxsize=1 << 14)
def _is_english_modifier(word: str) -> bool:
    """A capitalised word more common in English than in German ("Social", "Leader",
    "Tour"), and no name; that it is in the English lexicon ("Chuck Norris" is not) is
    asked last, in _english_phrase_open_hit."""
    if not word[:1].isupper() or not word.isalpha() or word.isupper() or not word.isascii():
        return False
    found = speller.frequency(word)
    return (found.english is not None and found.german is not None
            and found.english < found.german and not is_known_name(word))


def _english_phrase_open_hit(text: str, words: list[Span], index: int) -> Hit | None:
    """A hit for two English words and a German noun written apart ("die Social Media
    Kanäle", "Customer Success Teams" is English throughout), or None: the English
    phrase is the compound's first part, and German couples all three."""
    last = index + ENGLISH_PHRASE_WORDS
    if last >= len(words) or not all(
            _is_english_modifier(words[i].text) for i in range(index, last)):
        return None
    if any(gap(text, words[i], words[i + 1]) != " " for i in range(index, last)):
        return None
    noun = words[last].text
    if not noun[:1].isupper() or not noun[1:].islower() or not noun.isalpha():
        return None  # "Evolve Distribution GmbH": the legal form ends a firm's name
    if noun in BARE_NOUNS or noun in TIME_NOUNS or noun in NAME_HEADS:
        return None
    if _has_english_reading(noun) or lookup_noun(noun) is None or (
            analyze_word(noun).tag != "NN") or is_known_name(noun):
        return None  # a German noun with no English reading ("Kanäle", "Dienstleistungen")
    following = words[last + 1] if last + 1 < len(words) else None
    if following is not None and gap(text, words[last], following) in (" ", "-") and (
            following.text[:1].isupper()):
        return None  # a longer name or a title
    if text[words[last].end:words[last].end + 1] == "-":
        return None
    previous = words[index - 1] if index else None
    if previous is not None and gap(text, previous, words[index]).strip() == "" and (
            previous.text[:1].isupper() and not _starts_sentence(text, previous)
            and previous.text.lower() not in FUNCTION_WORDS):
        return None  # "Google Social Media Kanäle": part of a name
    parts = [w.text for w in words[index:last + 1]]
    if not all(_is_english_lexicon_word(part) for part in parts[:-1]):
        return None  # "Chuck Norris": names
    joined = "-".join(parts)
    return Hit(
        words[index].start, words[last].end - words[index].start,
        f"„{' '.join(parts)}“: Eine englische Wortgruppe als erster Teil eines Kompositums "
        f"wird durchgekoppelt: „{joined}“.",
        (joined,), joined, Safety.UNSAFE,
    )


# An acronym that can start a compound: "EU-Kommission", "CDU-Politiker".
ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,5}")
# Adjectives from names, written apart: "die Eulersche Zahl", "die Sokratische Schule".
NAME_ADJECTIVE = re.compile(r"sch(?:e|en|er|es|em)?$")
NOUN_SUFFIX = re.compile(r"(?:keit|heit|ung|schaft|tum)$")
MAX_NAME_WORDS = 2  # "die Phi Phi Inseln"
ENGLISH_HEAD_MARGIN = 60  # centibels: "Store" is English, "Test" German too


def _is_name_word(word: str) -> bool:
    """A name that can be a compound's first part: a first or last name, a place, a
    brand HanTa reads as a name ("Joel", "Merkel", "Google"), or an acronym ("EU")."""
    if ACRONYM.fullmatch(word):
        return True
    if not word[:1].isupper() or not word[1:].islower() or not word.isalpha():
        return False
    if NAME_ADJECTIVE.search(word) or lookup_noun(word, compounds=False) is not None or (
            word.endswith("er") and is_known_name(word[:-2])) or (
            NOUN_SUFFIX.search(word) or speller.is_archaic(word)):
        return False  # "Mendelschen Gesetze", "Wiener Philharmoniker", "Art", "Bauer",
        # "Nothwendigkeit", "Thier": common nouns, also in older spellings
    return is_known_name(word) or analyze_word(word).tag == "NE" or not is_german_word(word)


def _is_english(word: str) -> bool:
    found = speller.frequency(word)
    return found.english is not None and (found.german is None or found.english < found.german)


def _is_compound_head(word: str) -> bool:
    """A German common noun that ends a compound after a name ("Test", "Regierung",
    "Inseln"): not a name itself ("Peter Müller"), not an English word ("Apple Store"
    is the shop's name), not a noun that stands bare as an object ("dem Peter Geld
    geben")."""
    if not word[:1].isupper() or not word[1:].islower() or not word.isalpha() or (
            word in BARE_NOUNS):
        return False  # "GmbH", "AG": part of the name
    found = speller.frequency(word)
    if is_known_name(word) or (found.english is not None and (
            found.german is None or found.english + ENGLISH_HEAD_MARGIN < found.german)):
        return False  # "Store": four times as common in English
    return lookup_noun(word) is not None and analyze_word(word).tag == "NN"


def compound_name_split(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Name oder eine Abkürzung und ein deutsches Nomen, die zusammen ein Kompositum
    bilden, aber getrennt stehen: „der Kant Test“ statt „der Kant-Test“, „die Merkel
    Regierung“ statt „die Merkel-Regierung“, „die EU Kommission“ statt „die
    EU-Kommission“, „die Fidschi Inseln“ statt „die Fidschi-Inseln“.

    ## Warum ist das ein Problem?
    Im Deutschen wird ein Name als erster Teil eines Kompositums mit Bindestrich
    angeschlossen (Duden: „Goethe-Haus“, „Nobel-Preis“ oder „Nobelpreis“); aus mehreren
    Wörtern wird durchgekoppelt („Phi-Phi-Inseln“). Die englische Schreibung mit
    Leerzeichen ist ein typischer Übersetzungsfehler.

    Gemeldet wird ein Artikel, ein oder zwei Namen (Vor-, Nach- oder Ortsnamen, Marken,
    Abkürzungen) und ein deutsches Nomen, zu dem der Artikel passt.

    ## Bekannte Grenzen
    Folgt ein weiteres großgeschriebenes Wort, kann alles ein Name sein (keine Meldung);
    englische zweite Teile („der Apple Store“) und Namen („der Peter Müller“) bleiben
    unbeanstandet. Ohne Artikel („Merkel Regierung plant …“) schweigt die Regel.

    ## Fix-Sicherheit
    Unsicher: Bei manchen Fügungen ist auch die Zusammenschreibung üblich
    („Nobelpreis“).
    """
    text = doc.text
    for block in doc.blocks:
        words = block.words()
        index = 0
        while index < len(words) - 1:
            first = index
            determiner = _determiner_before(text, words, first)
            if determiner is None:
                index += 1  # no article: nothing to report, and the name test is costly
                continue
            last = first
            while (last < len(words) and last - first < MAX_NAME_WORDS
                   and _is_name_word(words[last].text)
                   and (last == first or gap(text, words[last - 1], words[last]) == " ")):
                last += 1
            if last == first or last >= len(words):
                index += 1
                continue
            head = words[last]
            index = last
            if gap(text, words[last - 1], head) != " " or not _is_compound_head(head.text):
                continue
            following = words[last + 1] if last + 1 < len(words) else None
            if following is not None and gap(text, head, following) in (" ", "-") and (
                    following.text[:1].isupper()):
                continue  # a longer name: "die Joel Test Suite"
            if text[head.end:head.end + 1] == "-":
                continue
            info = lookup_noun(head.text)
            if info is None or not _fits(determiner, info):
                continue
            names = [w.text for w in words[first:last]]
            if len(names) > 1 and all(_is_english(name) for name in names):
                continue  # an English title: "Portable Document Format"
            joined = "-".join((*names, head.text))
            yield Hit(
                words[first].start, head.end - words[first].start,
                f"„{text[words[first].start:head.end]}“: Ein Name als erster Teil eines "
                f"Kompositums wird mit Bindestrich angeschlossen: „{joined}“.",
                (joined,), joined, Safety.UNSAFE,
            )


NOUN_TAGS = frozenset(("NN", "NE", "FM"))
COMMON_ENGLISH = 300  # centibels: "like", "over", "down"; not "update", "team", "shop"


def _only_noun(word: str) -> bool:
    """Whether a lowercase word after a hyphen can only be a noun: the lexicon has it
    capitalised, and HanTa knows no other reading ("update", "team", "shop"; not
    "pauschale", an adjective too, nor "preis" of "preisgeben")."""
    if noun_form(word) is None:
        return False
    english = speller.frequency(word).english
    if english is not None and english <= COMMON_ENGLISH:
        return False  # "Macintosh-like": an English word of a phrase, not a noun
    tags = word_tags(word)
    if tags is not None:
        return tags <= NOUN_TAGS
    return analyze_word(word).tag in NOUN_TAGS


def compound_hyphen_lowercase(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Bindestrich-Kompositum, dessen Teil nach dem Bindestrich ein klein geschriebenes
    Nomen ist: „das Sicherheits-update“ statt „das Sicherheits-Update“, „das
    Kundenservice-team“ statt „das Kundenservice-Team“.

    ## Warum ist das ein Problem?
    Nach dem Bindestrich beginnt in einem zusammengesetzten Nomen jedes Nomen groß
    (Duden: „Kundenservice-Team“, „Online-Shop“). Die Kleinschreibung entsteht, wenn eine
    Übersetzung ein englisches Wort („update“) übernimmt oder ein Kompositum nachträglich
    getrennt wird.

    ## Bekannte Grenzen
    Gemeldet wird nur ein Teil, den das Lexikon als Nomen kennt und der klein geschrieben
    nichts anderes sein kann (nicht „Rot-grün“, nicht „Know-how“, nicht „Check-in“,
    nicht „Versandkosten-pauschale“, da „pauschale“ auch ein Adjektiv ist).
    Der erste Teil muss groß geschrieben sein; ein einzelner Buchstabe („E-mail“) ist
    Sache anderer Regeln.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag schreibt den Teil groß; selten ist ein fremdes Wort gemeint,
    das klein bleibt.
    """
    for block in doc.blocks:
        for word in block.words():
            if "-" not in word.text or not word.text[:1].isupper():
                continue
            parts = word.text.split("-")
            if len(parts[0]) < 2 or not all(part.isalpha() for part in parts):
                continue
            last = parts[-1]
            if len(last) < 4 or not last.islower() or not _only_noun(last):
                continue
            fixed = "-".join((*parts[:-1], last[0].upper() + last[1:]))
            yield Hit(
                word.start, len(word.text),
                f"„{word.text}“: Nach dem Bindestrich wird das Nomen groß geschrieben: "
                f"„{fixed}“.",
                (fixed,), fixed, Safety.UNSAFE,
            )


RULES = (
    Rule(
        id="compound-hyphen-lowercase",
        category=Category.CASING,
        severity=Severity.WARNING,
        summary="Klein geschriebenes Nomen nach dem Bindestrich („das Sicherheits-update“).",
        doc=compound_hyphen_lowercase.__doc__ or "",
        check=compound_hyphen_lowercase,
        bad=(
            Example("Das <marker>Sicherheits-update</marker> kommt morgen.", "Sicherheits-Update"),
            Example("Unser <marker>Kundenservice-team</marker> antwortet.",
                    "Kundenservice-Team"),
        ),
        good=(
            Example("Das Sicherheits-Update kommt morgen, das Know-how bleibt."),
            Example("Der Check-in beginnt um acht; die Koalition ist rot-grün."),
        ),
        origin="mtlint/checks/compounds.py",
    ),
    Rule(
        id="compound-name-split",
        category=Category.SPELLING,
        severity=Severity.WARNING,
        summary="Name und Nomen getrennt statt mit Bindestrich („die Merkel Regierung“).",
        doc=compound_name_split.__doc__ or "",
        check=compound_name_split,
        bad=(
            Example("Die <marker>Merkel Regierung</marker> plante eine Reform.",
                    "Merkel-Regierung"),
            Example("Der <marker>Kant Test</marker> fragt nach der Verallgemeinerbarkeit.",
                    "Kant-Test"),
            Example("Die <marker>EU Kommission</marker> legte einen Entwurf vor.",
                    "EU-Kommission"),
        ),
        good=(
            Example("Die Merkel-Regierung plante eine Reform."),
            Example("Der Kunde Peter Müller rief an."),
            Example("Wir trafen uns im Apple Store in Berlin."),
            Example("Sie gab dem Peter Geld für das Kino."),
            Example("Die Stadt Essen plant ein neues Stadion."),
        ),
        origin="mtlint/checks/compounds.py",
    ),
    Rule(
        id="compound-split",
        category=Category.SPELLING,
        severity=Severity.WARNING,
        summary="Ein Kompositum ist in zwei Wörter zerfallen („Technologie kategorie“).",
        doc=compound_split.__doc__ or "",
        check=compound_split,
        bad=(
            Example("Besuchen Sie unsere <marker>Technologie kategorie</marker>.",
                    "Technologiekategorie"),
            Example("Der <marker>Kunden service</marker> ist rund um die Uhr erreichbar.",
                    "Kundenservice"),
            Example("Die <marker>Software aktualisierung</marker> dauert zehn Minuten.",
                    "Softwareaktualisierung"),
            Example("Die <marker>Batterie fabrik</marker> soll 2026 öffnen.", "Batteriefabrik"),
            Example("Die <marker>Energie Versorgung</marker> im Winter ist gesichert.",
                    "Energieversorgung"),
            Example("Apple verteilt ein <marker>Sicherheits Update</marker> für iOS.",
                    "Sicherheitsupdate"),
            Example("Nach dem Spiel gab der Trainer eine <marker>Presse Konferenz</marker>.",
                    "Pressekonferenz"),
            Example("Die <marker>Daten Schutz Regeln</marker> gelten ab Mai.",
                    "Datenschutzregeln"),
            Example("<marker>Leder Tasche</marker> und Gürtel sind im Angebot.", "Ledertasche"),
            Example("- <marker>Glas Vase</marker>\n- Kerzen aus Wachs", "Glasvase"),
        ),
        good=(
            Example("Besuchen Sie unsere Technologiekategorie."),
            Example("Microsoft will mehr Einfluss."),
            Example("Die Firma hat recht, und das tut ihr leid."),
            Example("Sie nahm am Treffen teil."),
            Example("Debian ist freie Software, Open Source software is free."),
            Example("Die Stadt Essen plant ein Stadion; der Begriff Freiheit ist unscharf."),
            Example("Um in der Welt Erfolg zu haben, braucht man Glück."),
            Example("Sie sprachen über die Liebe Gottes zu den Menschen."),
            Example("Die Polizei gab den Anwohnern Entwarnung."),
            Example("Tante Emma kam. Mann Gottes, was soll das? Team Berlin gewinnt."),
            Example("Kinder Bücher vorzulesen macht Freude. Montag Abend ist Training."),
        ),
        origin="mtlint/checks/compounds.py",
    ),
    Rule(
        id="compound-english-open",
        category=Category.SPELLING,
        severity=Severity.WARNING,
        summary="Ein Kompositum steht nach englischem Muster getrennt („Software Entwickler“).",
        doc=compound_english_open.__doc__ or "",
        check=compound_english_open,
        bad=(
            Example("Die Firma sucht erfahrene <marker>Software Entwickler</marker>.",
                    "Software-Entwickler|Softwareentwickler"),
            Example("Microsoft verbessert seine Angebote im <marker>Cloud Computing</marker>.",
                    "Cloud-Computing"),
            Example("Die neuen <marker>KI Modelle</marker> sind schneller.", "KI-Modelle"),
            Example("Geben Sie Ihre <marker>E-Mail Adresse</marker> ein.", "E-Mail-Adresse"),
            Example("Die <marker>Marketing Abteilung</marker> wächst.",
                    "Marketing-Abteilung|Marketingabteilung"),
            Example("Viele Firmen setzen auf <marker>Machine Learning</marker>.",
                    "Machine-Learning"),
            Example("Die <marker>Social Media Kanäle</marker> der Stadt wachsen.",
                    "Social-Media-Kanäle"),
            Example("Sie kaufte die neuen <marker>Hiking Schuhe</marker>.",
                    "Hiking-Schuhe|Hikingschuhe"),
        ),
        good=(
            Example("Die Firma sucht erfahrene Softwareentwickler."),
            Example("Kunden nutzen Google Cloud oder Amazon Web Services."),
            Example("Sie gab dem Team Zeit für Tests."),
            Example("Big Data und Open Source prägen die Branche."),
            Example("Der Artikel erschien im Business Insider."),
            Example("Microsoft Cloud Computing Services wachsen."),
            Example("CEO Sam Altman sprach über Cloud-Computing."),
            Example("Die Social-Media-Kanäle der Stadt wachsen; Harry Potter Bücher auch."),
            Example("Wäre Chuck Norris Bäcker, gäbe es nur noch Brot."),
            Example("Wir kauften im Play Store und im Travel Shop ein."),
            Example("Die Bright Future GmbH wächst."),
            Example("Sie hörte von Upstream Neuigkeiten über den Fehler."),
        ),
        origin="mtlint/checks/compounds.py",
    ),
)

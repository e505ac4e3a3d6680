"""Two words glued together without a space: "beideParteien", "MerzEr", "KultKonzert".

Scraped and machine-translated pages lose the space where a link, a heading or a
line break met the next word: the link text "Ankündigung" sticks to the name before
it, a heading's last word to the paragraph's first, the end of one sentence to the
start of the next. What is left is one token with a capital letter inside it.

A capital inside a word is also how brands (iPhone, PayPal, BahnCard), names
(McAllister, DiCaprio), gender forms (LehrerInnen), abbreviations (GmbH, BaFin) and
identifiers in technical text are written on purpose. So the rule reports only a
token with exactly one lowercase-to-uppercase boundary whose two parts are each a
word it knows, and stays quiet on everything that looks deliberate: listed brands and
glossary terms, a token the document writes more than once, the Binnen-I, name
prefixes (Mc, Mac, Di, De, La, Le, Van), tokens inside addresses, handles and
hashtags, and a lowercase part that is not a frequent German word (code's
"setName", "getValue").
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator

import regex

from mtlint.checks.terminology import BRAND_WORDS, bundled_brands
from mtlint.core.document import Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german, speller
from mtlint.language.german_data import lexicon_entry
from mtlint.language.wordclasses import (
    ARTICLES,
    CONNECTING_ADVERBS,
    COORDINATING_CONJUNCTIONS,
    PREPOSITION_ARTICLES,
    PREPOSITIONS,
    SUBORDINATING_CONJUNCTIONS,
    word_set,
)

# A whole token: letters with at most an apostrophe, not touching characters that make it
# part of an address, a handle, a hashtag, a path, a file name or an identifier.
TOKEN = compile_pattern(
    r"(?<![\p{L}\p{N}_@#/\\.:=<>\-'’])(?P<left>\p{Lu}?\p{Ll}+)(?P<right>\p{Lu}\p{Ll}+)"
    r"(?![\p{L}\p{N}_@/\\=<>\-'’]|\.\p{L}|\(|:\p{L})"
)
# A name with an English possessive glued to a noun: "Miller'sBäckerei" for
# "Miller's-Bäckerei" (the hyphen that joins a name with an apostrophe to a noun).
POSSESSIVE = compile_pattern(
    r"(?<![\p{L}\p{N}_@#/\\.:=<>\-'’])"
    r"(?P<left>\p{Lu}\p{L}*\p{Ll}['’]s)(?P<right>\p{Lu}\p{Ll}+)"
    r"(?![\p{L}\p{N}_@/\\=<>\-'’]|\.\p{L}|\(|:\p{L})"
)
# Right parts that open a sentence or a clause: after them a lost full stop is as
# likely as a lost space ("MerzEr" -> "Merz. Er"). Two-letter right parts are
# accepted only from this list. "In" is left out: "LehrerIn" is a gender form. Only
# subject pronouns: an object pronoun rarely opens a sentence ("listDir" is code).
SENTENCE_OPENERS = (
    ARTICLES | word_set("ich du er sie wir ihr man") | COORDINATING_CONJUNCTIONS
    | SUBORDINATING_CONJUNCTIONS | CONNECTING_ADVERBS | PREPOSITION_ARTICLES
    | frozenset({"was", "wer", "wie", "wo", "warum", "dies", "diese", "dieser", "dieses",
                 "hier", "heute", "nun", "jetzt", "so", "da"})
) - {"in", "innen", "es"}
# Capitalised beginnings of surnames and brand names: McAllister, MacBook, DiCaprio.
NAME_PREFIXES = frozenset({"mc", "mac", "di", "de", "da", "la", "le", "van", "von", "du", "al"})
# Short words that brands put in front of a capitalised word: ProSieben, BioLaden, EuroWings.
BRAND_HEADS = frozenset({
    "auto", "bio", "euro", "geo", "info", "mega", "mini", "multi", "net", "öko", "pro",
    "smart", "super", "tele", "top", "uni", "web",
})
# Tags of a left part that can end a heading, a link text or a sentence.
NON_NOUN_WORD_TAGS = frozenset({
    "ADJA", "ADJD", "ADV", "PIAT", "PIS", "PDAT", "PDS", "PPOSAT", "PPOSS", "PPER",
    "VVFIN", "VVINF", "VVPP", "VVIZU", "VAFIN", "VAINF", "VMFIN", "VMINF", "CARD",
})
MIN_RIGHT = 3
# A noun the lexicon knows but HanTa's full-form table does not must be this long.
LONG_WORD = 6
# A noun glued to a name must be this long: "AliRock" is a brand more likely than a slip.
LONG_NAME_NOUN = 6


@functools.lru_cache(maxsize=1)
def _deliberate_spellings() -> frozenset[str]:
    """Names with inner capitals from the bundled brand list, written so on purpose."""
    _, names = bundled_brands()
    return frozenset(names) | BRAND_WORDS


def _is_noun(word: str) -> bool:
    return german.is_known_noun(word)


def _is_plain_word(word: str) -> bool:
    """A frequent German word form (HanTa's full-form table) that is not read as foreign
    material or only as a name, or a long noun of the lexicon. HanTa's analysis alone is
    too generous here: it builds "Zope" or "Pulse" from known morphemes."""
    tags = german.word_tags(word)
    if tags is not None:
        return "FM" not in tags and tags != {"NE"}
    return len(word) >= LONG_WORD and _is_noun(word) and german.analyze_word(word).known


def _is_name(word: str) -> bool:
    """A capitalised word that is a name rather than a German word: "Merz", "Faeser"."""
    if len(word) < 3 or not word[0].isupper() or german.is_german_word(word):
        return False
    if german.is_known_name(word):
        return True
    tags = german.word_tags(word)
    if tags is not None:
        return tags == {"NE"}
    return german.analyze_word(word).tag == "NE"


def _left_is_word(left: str) -> bool:
    """The left part as the end of a heading, a link or a sentence."""
    if left.lower() in ARTICLES:
        return False  # "dasLokalblatt", "dieZeit": titles written so on purpose
    if left[0].islower():
        # A lowercase part must be a frequent German form other than a noun: code's
        # "setName" starts with a noun that HanTa also knows.
        tags = german.word_tags(left)
        if tags is not None:
            return bool(tags & NON_NOUN_WORD_TAGS) and "FM" not in tags and "NE" not in tags
        analysis = german.analyze_word(left)
        return analysis.known and analysis.tag in NON_NOUN_WORD_TAGS
    # A capitalised part is a noun or a word that can start a sentence ("Letztere"),
    # not a preposition: "Pro" in "ProSieben".
    tags = german.word_tags(left)
    if tags is not None and not tags & {"NN", "ADJA", "PIS", "PDS", "PPER"}:
        return False
    return _is_plain_word(left)


def _is_capitalised_noun(word: str) -> bool:
    """A capital mid-text that does not open a sentence belongs to a noun."""
    tags = german.word_tags(word)
    return _is_noun(word) or (tags is not None and "NN" in tags)


# An item of a comma-separated list: the text between two commas (or a colon).
LIST_ITEM_BEFORE = compile_pattern(r"(?r),\s*([^,:;.]{1,40}),\s*\Z")
LIST_ITEM_AFTER = compile_pattern(r"\A,\s*([^,:;.]{1,40})(?=,)")
# A product's name with a version: "RxJava2", "Dagger 2", "Swift 5.9".
NAMED_ITEM = compile_pattern(r"\p{L}+\s?\d+(?:\.\d+)*")


def _in_list_of_names(text: str, match: regex.Match[str]) -> bool:
    """Whether the token is an item of a comma-separated list whose item before or after
    it is a product with a version ("RxJava2, Dagger 2, ExoPlayer, ..."): a list of
    products, where inner capitals are the names' own."""
    before = LIST_ITEM_BEFORE.search(text, max(0, match.start() - 50), match.start())
    after = LIST_ITEM_AFTER.search(text, match.end(), match.end() + 50)
    return any(item is not None and NAMED_ITEM.fullmatch(item.group(1).strip())
               for item in (before, after))


def glued_reading(left: str, right: str) -> tuple[str, ...] | None:
    """How to separate a token glued from `left` and `right`, best first; None when the
    token is not two words the rule knows."""
    if left.lower() in NAME_PREFIXES | BRAND_HEADS or right.startswith("Innen"):
        return None  # "McAllister", "ProSieben"; the Binnen-I ("LehrerInnen")
    spaced = f"{left} {right}"
    if left.endswith(("'s", "’s")):
        if len(right) > MIN_RIGHT and _is_plain_word(right) and _is_capitalised_noun(right):
            return (f"{left}-{right}", spaced)
        return None
    if right.lower() in SENTENCE_OPENERS:
        if _is_name(left) or _left_is_word(left):
            return (f"{left}. {right}", spaced) if left[0].isupper() else (spaced,)
        return None
    if len(right) < MIN_RIGHT or not _is_plain_word(right) or not _is_capitalised_noun(right):
        return None
    if left[0].islower() and _left_is_word(left):
        return (spaced,)
    if _is_noun(left) and _left_is_word(left):
        # Two nouns: a compound with a capital inside ("KultKonzert") or two words.
        return (left + right[0].lower() + right[1:], spaced)
    # A name glued to a noun: a link text after a name. Short nouns ("Rock", "Bank") make
    # brand names too, so the noun must be long and not itself read as a name.
    tags = german.word_tags(right)
    if _is_name(left) and len(right) >= LONG_NAME_NOUN and (tags is None or "NE" not in tags):
        return (spaced,)
    return None


def glued_words(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Zwei Wörter ohne Leerzeichen, erkennbar an einem Großbuchstaben mitten im Wort:
    „Das betraf beideParteien“, „ein Treffen mit MerzEr sagte“, „ein KultKonzert“, „die
    Rede von SchulzAnkündigung“, „bei Miller'sBäckerei“ (Miller's-Bäckerei). Gemeldet
    wird nur, wenn beide Teile bekannte Wörter sind (oder links ein Name und rechts ein
    langes Substantiv oder ein Wort, das einen Satz beginnt).

    ## Warum ist das ein Problem?
    Beim Kopieren aus Webseiten und beim maschinellen Übersetzen gehen Leerzeichen
    zwischen Linktext, Überschrift und Fließtext verloren, manchmal auch ein Satzende.
    Das zusammengeklebte Wort ist für Leser ein Stolperstein, für Suche und
    Silbentrennung ein unbekanntes Wort.

    ## Bekannte Grenzen
    Absichtliche Binnenmajuskeln bleiben unbeanstandet: Marken aus der mitgelieferten
    Liste und dem Glossar („PowerPoint“, „WordPress“), ein Wort, das der Text mehrmals
    so schreibt, das Binnen-I („LehrerInnen“), Namen wie „McAllister“ oder „DiCaprio“,
    Abkürzungen („GmbH“, „BaFin“), Bezeichner wie „setName“ und Einträge einer
    Aufzählung von Produkten mit Versionsnummern („Gradle 8, ExoKit, Python 3“). Zwei
    zusammengeklebte Namen („AnnaSchmidt“) und Teile aus zwei Buchstaben außer
    Satzanfängen wie „Er“ werden nicht gemeldet: Dort sind Markennamen zu häufig.

    ## Fix-Sicherheit
    Unsicher: Ob ein Leerzeichen, ein Satzende oder ein Kompositum gemeint ist
    („KultKonzert“ → „Kultkonzert“), entscheidet der Zusammenhang; eine Marke, die die Liste
    nicht kennt, gehört ins Glossar.
    """
    text = doc.text
    matches = sorted([*TOKEN.finditer(text), *POSSESSIVE.finditer(text)],
                     key=lambda match: match.start())
    if not matches:
        return
    counts = Counter(match.group() for match in matches)
    # A glossary term is the user's own spelling; its words count one by one ("KochBar Pro").
    deliberate = _deliberate_spellings() | {
        word for term in context.glossary for word in term.split()
    }
    for match in matches:
        token = match.group()
        if counts[token] > 1 or token in deliberate or _in_list_of_names(text, match):
            continue
        left, right = match.group("left"), match.group("right")
        readings = glued_reading(left, right)
        if readings is None:
            continue
        yield Hit(
            offset=match.start(), length=len(token),
            message=(f"„{token}“: Hier fehlt wohl ein Leerzeichen oder Satzende "
                     f"(„{readings[0]}“)." if " " in readings[0] else
                     f"„{token}“: Großbuchstabe mitten im Wort; gemeint ist wohl „{readings[0]}“."),
            suggestions=readings, replacement=readings[0], safety=Safety.UNSAFE,
        )


# Conjunctions a lost space glues to the word before or after them: "Tischund",
# "undzwar". No German word ends in "und", "oder", "aber" after a word of four letters
# or more that the speller knows (those that do, "Vormund", "Verbund", "Liebhaber", are
# listed words and never reach this test), except names in "-mund".
GLUE_CONJUNCTIONS = ("und", "oder", "aber")
MIN_GLUED_WORD = 5  # "Reim|und" would be the name "Reimund"
# Names of the old "-mund" (Sigmund, Reimund, Osmund) end in "und" after a word.
NAME_ENDING = "mund"
# Old words made of two function words that HanTa lacks: "ist's fürder nicht".
OLD_PAIRS = frozenset({"fürder", "fürbass"})
# A name or term the speller knows (a compound of known parts: "Mediawiki") before a
# glued conjunction must be this long: short ones end names ("Reimund", "Osmund").
MIN_GLUED_NAME = 6
# Two function words glued: a preposition, a conjunction, "ist" or "das" before an
# article or a particle ("mitdem", "aufdie", "istein", "undzwar"). Adverbs and
# conjunctions made so ("indem", "nachdem", "zudem", "sodass") are German words.
GLUE_FIRST = PREPOSITIONS | frozenset(GLUE_CONJUNCTIONS) | word_set("ist sind war das dass")
GLUE_SECOND = ARTICLES | word_set("zwar auch noch nicht")
# A glued pair of this frequency or above in the web word list is a word: the list has
# glued slips too, but rarer.
GLUED_LISTED_LIMIT = 600
MIN_GLUED_PAIR = 6  # "anden", "indie", "inder" are names and words


# The shapes a glued function word gives a token, to pass over other words at once.
# Longest first; words of one length in alphabetical order, so that the pattern is the
# same in every process (a set's order is not) and its compiled form is read from the
# user cache instead of compiled anew and saved on every start.
GLUE_SHAPE = compile_pattern(
    "(?i)(?:{conj})\\p{{L}}+|\\p{{L}}+(?:{conj})|(?:{first})(?:{second})".format(
        conj="|".join(GLUE_CONJUNCTIONS),
        first="|".join(sorted(GLUE_FIRST, key=lambda word: (-len(word), word))),
        second="|".join(sorted(GLUE_SECOND, key=lambda word: (-len(word), word)))))
# What such a token starts with: a quick test before the regular expression.
GLUE_STARTS = tuple(GLUE_FIRST)


def _is_separate_word(word: str) -> bool:
    """A word that can stand beside a glued conjunction: one the speller knows and
    HanTa reads as German or the noun lexicon lists ("Tisch", "Schauspieler")."""
    return speller.is_known(word) and (german.is_german_word(word)
                                       or lexicon_entry(word[0].upper() + word[1:]) is not None)


@functools.lru_cache(maxsize=4096)
def glued_function_word(word: str) -> str | None:
    """The two words a token is made of when a function word is glued to it:
    "Tischund" -> "Tisch und", "undzwar" -> "und zwar", "mitdem" -> "mit dem"; None
    for a German word ("Vormund", "nachdem", "Inder") and for a name."""
    if len(word) < MIN_GLUED_PAIR or not word.isalpha() or not word[1:].islower():
        return None
    if not GLUE_SHAPE.fullmatch(word):
        return None  # most words: no function word at either end, no look-up needed
    german_frequency = speller.frequency(word).german
    if (german_frequency is not None and german_frequency < GLUED_LISTED_LIMIT) or (
            german.is_german_word(word) or lexicon_entry(word) is not None):
        return None
    lower = word.lower()
    if lower in OLD_PAIRS or lower.endswith(NAME_ENDING):
        return None
    for first in GLUE_FIRST:
        second = lower[len(first):]
        if lower.startswith(first) and second in GLUE_SECOND:
            return f"{word[:len(first)]} {second}"
    for conjunction in GLUE_CONJUNCTIONS:
        if lower.endswith(conjunction):
            left = word[: -len(conjunction)]
            if len(left) >= MIN_GLUED_WORD and (_is_separate_word(left) or (
                    len(left) >= MIN_GLUED_NAME and speller.is_known(left))):
                return f"{left} {conjunction}"
        if lower.startswith(conjunction):
            right = word[len(conjunction):]
            if len(right) >= MIN_GLUED_WORD and _is_separate_word(right):
                return f"{word[:len(conjunction)]} {right}"
    return None



def glued_function_words(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Bindewort oder Artikel, der ohne Leerzeichen am Wort davor oder danach klebt:
    „der Tischund die Stühle“ (Tisch und), „undzwar sofort“ (und zwar), „mitdem Rad“
    (mit dem), „Gäste oderFreunde“ meldet `words-glued`.

    ## Warum ist das ein Problem?
    Beim Übersetzen und beim Kopieren aus Webseiten gehen Leerzeichen verloren. Die
    Rechtschreibprüfung erkennt das Ergebnis nicht immer, weil das Deutsche Wörter frei
    zusammensetzt („Schauspieler“ und „rund“ ergäben ein mögliches Kompositum).

    ## Bekannte Grenzen
    Gemeldet werden „und“, „oder“, „aber“ am Anfang oder Ende eines Worts, das die
    Prüfung ohne sie als Wort von mindestens fünf Buchstaben kennt (nicht „-mund“:
    „Reimund“ ist ein Name), und zwei zusammengeklebte Funktionswörter (Präposition,
    Bindewort, „ist“, „das“ vor einem Artikel, „zwar“, „auch“). Wörter, die so gebildet
    sind („Vormund“, „Verbund“, „Liebhaber“, „nachdem“, „indem“, „sodass“), kennt das
    Wörterbuch. Andere Wörter („inder Stadt“) meldet die Regel nur, wenn beide Teile
    Funktionswörter sind.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag setzt das Leerzeichen; selten ist ein seltenes Wort gemeint,
    das die Prüfung nicht kennt.
    """
    for match in WORD.finditer(doc.text):
        word = match.group()
        lower = word.lower()
        if len(word) < MIN_GLUED_PAIR or not (
                lower.endswith(GLUE_CONJUNCTIONS) or lower.startswith(GLUE_STARTS)):
            continue  # most words: no function word at either end
        separated = glued_function_word(word)
        if separated is None or doc.is_ignored(match.start(), match.end()):
            continue
        yield Hit(
            offset=match.start(), length=len(word),
            message=f"„{word}“: Hier fehlt wohl ein Leerzeichen („{separated}“).",
            suggestions=(separated,), replacement=separated, safety=Safety.UNSAFE,
        )


# A word of letters only, not part of an address, a handle, a path or an identifier.
WORD = compile_pattern(
    r"(?<![\p{L}\p{N}_@#/\\.:=<>\-'’])\p{L}+(?![\p{L}\p{N}_@/\\=<>\-'’]|\.\p{L})")


RULES = (
    Rule(
        id="words-glued-function-word",
        category=Category.SPELLING, severity=Severity.WARNING,
        summary="Bindewort oder Artikel ohne Leerzeichen am Wort: „Tischund“, „undzwar“.",
        doc=glued_function_words.__doc__ or "", check=glued_function_words,
        bad=(
            Example("Wir kaufen den <marker>Schrankund</marker> zwei Regale.", "Schrank und"),
            Example("Er kam, <marker>undzwar</marker> pünktlich.", "und zwar"),
            Example("Sie fährt <marker>mitdem</marker> Fahrrad zur Arbeit.", "mit dem"),
            Example("Das Haus ist <marker>kleinaber</marker> hell.", "klein aber"),
            Example("Sie nutzt <marker>Wordpressund</marker> Drupal.", "Wordpress und"),
        ),
        good=(
            Example("Der Vormund und der Liebhaber trafen sich im Verbund."),
            Example("Nachdem er kam, zudem pünktlich, fuhr sie mit dem Rad, sodass alle froh "
                    "waren."),
            Example("Der Inder aß mit Sigmund in Dortmund und Stralsund, Reimund und Osmund."),
            Example("Die Erde ist kugelrund, der Tisch halbrund."),
        ),
        origin="mtlint/checks/glued.py",
    ),
    Rule(
        id="words-glued",
        category=Category.SPELLING, severity=Severity.WARNING,
        summary="Zwei Wörter ohne Leerzeichen: „beideParteien“, „MerzEr“, „KultKonzert“.",
        doc=glued_words.__doc__ or "", check=glued_words,
        bad=(
            Example("Die Reform betraf <marker>beideParteien</marker> gleichermaßen.",
                    "beide Parteien"),
            Example("Am Montag traf er <marker>MerkelSie</marker> sprachen über Energie.",
                    "Merkel. Sie|Merkel Sie"),
            Example("Der Abend endete mit einem <marker>KultKonzert</marker> im Hafen.",
                    "Kultkonzert|Kult Konzert"),
            Example("Die Wanderung führt zum Gipfel, den wir <marker>erreichenDanach</marker> "
                    "geht es zurück.", "erreichen Danach"),
            Example("Das Ministerium verwies auf die <marker>ScholzErklärung</marker> vom Mai.",
                    "Scholz Erklärung"),
            Example("Wir trafen uns vor <marker>Miller'sBäckerei</marker> am Markt.",
                    "Miller's-Bäckerei|Miller's Bäckerei"),
        ),
        good=(
            Example("Die Präsentation liegt als PowerPoint-Datei vor, der Code auf GitHub."),
            Example("Alle LehrerInnen und SchülerInnen sind eingeladen."),
            Example("Die KfW fördert den Umbau, die Bauherren GmbH plant ihn."),
            Example("Leonardo DiCaprio und David McAllister kamen zur Premiere."),
            Example("Die Funktion setName ändert den Namen, getValue liest ihn."),
            Example("Im Einsatz: Kotlin, Gradle 8, StreamKit, Python 3 und Redis."),
            Example("Die BahnCard gilt auch im InterCity, berichtete dasLokalblatt."),
            Example("Mehr unter @MeinVerein und #LangeNacht oder www.beispielSeite.de."),
        ),
        origin="mtlint/checks/glued.py",
    ),
)

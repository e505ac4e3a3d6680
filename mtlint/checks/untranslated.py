"""Untranslated English left in a German text.

A machine translation pipeline that fails on a sentence, a heading or a list item
passes it through unchanged. Such a sentence is recognised by its function words:
English prose is full of "the", "and", "of", "to", "is", German prose of "der",
"und", "ist", "nicht". Names and terms ("Microsoft Office", "Cloud Computing") carry
no function words, so a German sentence with English terms stays German; quotations
and titles in quotation marks are left out of the count, because quoting the
English original is legitimate.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from re import escape as regex_escape

from mtlint.core.document import BlockKind, Document, Span, split_sentences
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import speller
from mtlint.language.english import (
    english_tagger,
    is_english_field_noun,
    is_english_word,
    is_unknown_english,
)
from mtlint.language.german import (
    analyze_word,
    is_german_word,
    is_known_name,
    lookup_noun,
    word_tags,
)

# English words that do not occur as German words (so not "in", "an", "so", "also",
# "was", "will", "man", "war", "die", "hat", "bin", "all").
ENGLISH = frozenset(str.split("""
    the a and of to is are were be been being with for this that these those you your
    yours we our us it its they their them he she his her him have has had not or but
    from by on at which what who whom whose how why where when while if than then into
    about just only very do does did done can could would should shall may might must
    there here out up some any more most other such each every after before because
    over under again also's it's don't doesn't didn't isn't aren't can't won't i'm
    we're they're you're let's my me i'd i've we've you've through between both
"""))
GERMAN = frozenset(str.split("""
    der die das und ist sind nicht mit von zu den dem des ein eine einen einem einer eines
    auf für sich auch es im wir sie ich er dass daß wird werden wurde wurden hat haben
    hatte bei aus nach wie oder aber noch nur wenn dann kann können um am zum zur über
    unter als war waren sein seine seinen ihre ihren ihr diese dieser dieses diesen doch
    schon sehr mehr vom beim ins durch gegen ohne soll sollen muss müssen gibt kein keine
    uns euch mich dich mir dir einer jedoch sowie weil ob wo
"""))
WORD = compile_pattern(r"\p{L}+(?:['’]\p{L}+)?")
# Quoted passages: quoting the English original is not a translation error.
QUOTED = compile_pattern(
    r"""„[^„“”"\n]*[“”"]|“[^“”„\n]*”|"[^"\n]*"|»[^»«\n]*«|«[^«»\n]*»|‚[^‚‘’\n]*[‘’]"""
)
MIN_WORDS = 5
MIN_ENGLISH = 3
# The English original of a term in brackets after it: "benannte Pipes (named pipes)",
# "(engl. diverted)". Giving it is careful writing, not a left-over.
GLOSS_OPEN = compile_pattern(r"(\p{L}+)\s*\((?:engl(?:\.|isch)?:?\s+|en:\s*)?$")
GLOSS_CLOSE = compile_pattern(r"[^()\n.!?]{0,40}?[);,]")  # the rest of the bracket


def _preview(text: str, limit: int = 60) -> str:
    """The text on one line (a wrapped sentence's line breaks as spaces), cut after the
    last whole word that fits."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[:cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + " …"


def _units(doc: Document) -> Iterator[Span]:
    """Headings, list items and English paragraphs as wholes, other blocks sentence by
    sentence: an English paragraph is one finding, and its sentences are English even
    where one alone has too few function words ("For details, see the index.")."""
    for block in doc.blocks:
        if block.kind in (BlockKind.HEADING, BlockKind.LIST_ITEM):
            yield Span(block.start, block.end, block.text)
            continue
        sentences = split_sentences(block.text, block.start)
        if is_english_paragraph(block.text, sentences):
            yield Span(block.start, block.end, block.text)
        else:
            yield from sentences


def is_english_paragraph(text: str, sentences: list[Span]) -> bool:
    """Whether a paragraph of several sentences is English as a whole, each sentence
    leaning English: its sentences are then English even where one alone has too few
    function words ("For details, see the index.")."""
    return len(sentences) > 1 and looks_english(text) and all(
        _leans_english(sentence.text) for sentence in sentences)


def _leans_english(text: str) -> bool:
    """An English function word and no more German ones: a sentence of an English
    paragraph ("For details, see the index."); not "Microsoft schweigt dazu."."""
    _, english, german = english_evidence(text)
    return english > 0 and english >= german


# Addresses, code and link targets are words of neither language: "see
# [index](https://example.org/llms.txt)" has two words, not eight.
NOT_PROSE = compile_pattern(r"\]\([^)\s]*\)|https?://\S+|www\.\S+|`[^`\n]*`")


@functools.lru_cache(maxsize=4096)
def english_evidence(text: str) -> tuple[int, int, int]:
    """(words, English function words, German function words) outside quotations,
    addresses and code."""
    unquoted = QUOTED.sub(" ", text)
    if "/" in unquoted or "`" in unquoted:
        unquoted = NOT_PROSE.sub(" ", unquoted)
    words = [w.lower().replace("’", "'") for w in WORD.findall(unquoted)]
    english = sum(1 for w in words if w in ENGLISH)
    german = sum(1 for w in words if w in GERMAN)
    return len(words), english, german


def is_gloss(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the English original of the German word before it,
    in brackets: "benannte Pipes (named pipes; ...)", "Pakete (Depends)"."""
    opening = GLOSS_OPEN.search(text, max(0, start - 60), start)
    if opening is None or not GLOSS_CLOSE.match(text, end):
        return False
    before = opening.group(1)
    return speller.is_known(before) and not speller.is_english(before)


# Words after which a capitalised word names a button, a menu item or a setting:
# "die Option Leave", "Tippen Sie auf Settings", "unter Notifications".
UI_CUES = frozenset(str.split("""
    Option Optionen Schaltfläche Button Menü Menüpunkt Reiter Registerkarte Tab Feld
    Link Taste Eintrag Symbol Knopf Kachel Auf Unter
"""))


# Tags of words a capitalised word may follow without being part of a name with them:
# "In Economics", "Die Physics" (a preposition or article, capitalised at a sentence's start).
FUNCTION_TAGS = frozenset(("APPR", "APPRART", "ART", "KON", "PPOSAT", "PDAT", "PIAT"))


def _names_before(previous: str) -> bool:
    """Whether a capitalised word before another makes both a name ("Microsoft
    Dynamics", "Boston Dynamics"): capitalised and no article or preposition."""
    if not previous[:1].isupper():
        return False
    return not (word_tags(previous.lower()) or frozenset()) & FUNCTION_TAGS


def is_untranslated_word(word: str, previous: str = "") -> bool:
    """Whether `word` is English a German text should have translated: far more common
    in English ("leave", "helpful"), English and unknown to German ("inflect",
    "telicity"), or a word that leans English where a button or menu item is named
    ("auf Settings", "die Option Privacy")."""
    if speller.is_english(word) or is_unknown_english(word):
        return True
    if is_english_field_noun(word) and not _names_before(previous):
        return True
    return (word[:1].isupper() and previous.capitalize() in UI_CUES
            and speller.leans_english(word) and is_english_word(word))


def looks_english(text: str) -> bool:
    words, english, german = english_evidence(text)
    return (words >= MIN_WORDS and english >= MIN_ENGLISH and english > 2 * german
            and english * 5 >= words)


def sentence_untranslated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Sätze, Überschriften und Listenpunkte, die auf Englisch stehen geblieben sind:
    „The partnership has been a key driver of growth.“ mitten in einem deutschen Artikel.

    ## Warum ist das ein Problem?
    Scheitert die Übersetzung an einem Satz, reicht die Pipeline ihn oft unverändert
    durch. Für Leser ist der Artikel dann an dieser Stelle unverständlich, und das Versehen
    fällt sofort auf.

    ## Bekannte Grenzen
    Erkannt wird ein Satz an englischen Funktionswörtern („the“, „and“, „of“, „is“, …)
    gegenüber deutschen („der“, „und“, „ist“, …); er braucht mindestens fünf Wörter und drei
    englische Funktionswörter. Ein Absatz aus mehreren Sätzen, der als Ganzes englisch
    ist und in dem jeder Satz ein englisches Funktionswort hat, ist ein Fund, auch wenn
    ein Satz allein zu kurz wäre; Webadressen, Linkziele und Code zählen nicht als
    Wörter. Zitate und Titel in Anführungszeichen zählen nicht mit,
    ebenso Produktnamen ohne Funktionswörter („Microsoft Office“). Ein einzelner englischer
    Begriff in einem deutschen Satz bleibt unbeanstandet. Übersetzen kann nur ein Mensch
    oder die Pipeline: kein automatischer Fix.
    """
    for unit in _units(doc):
        if looks_english(unit.text):
            preview = _preview(unit.text)
            end = _before_ignored(doc, unit.start, unit.end)
            if end > unit.start:
                yield Hit(
                    offset=unit.start, length=end - unit.start,
                    message=f"Unübersetztes Englisch: „{preview}“; den Satz übersetzen.",
                )


def _before_ignored(doc: Document, start: int, end: int) -> int:
    """Where the text from `start` first touches text that is never checked (a link's
    address, code), so that a finding on an English paragraph with a link is kept: it
    ends before the link ("For details, see the [guide](https://...)")."""
    for ignored_start, ignored_end in doc.ignored:
        if ignored_end > start and ignored_start < end:
            return len(doc.text[start:ignored_start].rstrip(" ([")) + start
    return end


# English function words that are no German word in any spelling a sentence can hold
# (not "her", "he", "out", "a", "do", "so", "man"): one of them between two German words
# is an untranslated remnant ("zwischen Mai and Juni").
STRAY = frozenset(str.split("""
    the and of with from which that these those were been their they your than
    between through because while whose into about would could should
    are or but this by
"""))
# Words of an English run: the function words, without German homographs.
RUN_FUNCTION = ENGLISH - frozenset(("her", "a", "do", "up", "out", "made", "must", "us"))
ANY_RUN_FUNCTION = compile_pattern(
    r"(?i)\b(?:" + "|".join(sorted(w for w in RUN_FUNCTION if "'" not in w)) + r")\b"
)
# English phrases German writing uses as they are (Duden lists most of them).
ANGLICISMS = frozenset((
    "nice to have", "state of the art", "last but not least", "by the way",
    "out of the box", "up to date", "on the fly", "on the road", "the winner is",
    "all you can eat", "for free", "and the winner is", "first come first served",
))
RUN_WORD = compile_pattern(r"\p{L}+(?:['’]\p{L}+)?|\S")
MIN_RUN = 3


def _is_english_content(word: str) -> bool:
    """A lowercase word that is no German word ("results", "expected") or that German
    writes only as a capitalised noun ("team")."""
    return word.isascii() and word.isalpha() and word.islower() and len(word) > 1 and (
        not is_german_word(word) or analyze_word(word).tag == "FM"
    )


def is_german_neighbour(word: str) -> bool:
    """A word beside a stray English word that is plainly German: a lowercase German
    word, a noun of the lexicon ("Mai"), a number. Names and English nouns ("Roll",
    "Drop") are not, so that "Rock and Roll", "Drag and Drop" stay names."""
    if word.isdigit():
        return True
    if not word.isalpha() or word.lower() in ENGLISH:
        return False
    if word[:1].isupper():
        return not word.isupper() and lookup_noun(word, compounds=False) is not None and (
            analyze_word(word).tag != "FM"
        )
    return is_german_word(word)


@functools.lru_cache(maxsize=4096)
def _is_english_word(word: str) -> bool:
    """Whether HanTa's English model knows the word ("Service", "Rock"; not "Mai")."""
    if word.isdigit() or not word.isascii():
        return False
    lemma, tag = english_tagger().analyze(word)
    return tag not in ("NP0", "UNC") and lemma != word


def _tokens(text: str, base: int) -> list[Span]:
    """Words and single punctuation marks, with quotations blanked out."""
    blanked = QUOTED.sub(lambda m: "\0" * len(m.group()), text)
    return [Span(base + m.start(), base + m.end(), m.group())
            for m in RUN_WORD.finditer(blanked) if m.group() != "\0"]


def _kind(word: str) -> str:
    """E: an English function word; C: an English content word; A: a lowercase word
    English and German share ("will", "model", "plans"); G: anything else."""
    lower = word.lower().replace("’", "'")
    if lower in RUN_FUNCTION:
        return "E"
    if lower in GERMAN or not word.isascii() or not word.replace("'", "").isalpha():
        return "G"
    if _is_english_content(word):
        return "C"
    return "A" if word.islower() else "G"


def _english_runs(tokens: list[Span]) -> Iterator[tuple[int, int, list[str]]]:
    """(first, last, kinds) of the runs of English-looking words joined by single
    spaces, trimmed of shared words at the start, and at the end unless punctuation
    follows ("its plans,")."""
    index = 0
    while index < len(tokens):
        kind = _kind(tokens[index].text)
        if kind == "G":
            index += 1
            continue
        kinds = [kind]
        end = index
        while end + 1 < len(tokens) and tokens[end + 1].start - tokens[end].end == 1:
            following = _kind(tokens[end + 1].text)
            if following == "G":
                break
            kinds.append(following)
            end += 1
        first, last = index, end
        while first <= last and kinds[first - index] == "A":
            first += 1
        clause_end = "C" in kinds and (
            end + 1 >= len(tokens) or not tokens[end + 1].text[0].isalnum()
        )
        while last >= first and kinds[last - index] == "A" and not clause_end:
            last -= 1  # "... better than expected sagte er": a German word ends it
        if first <= last:
            yield first, last, kinds[first - index:last - index + 1]
        index = end + 1


def _run_hit(text: str, tokens: list[Span], first: int, last: int,
             kinds: list[str]) -> Hit | None:
    run = tokens[first:last + 1]
    words = [t.text for t in run]
    function = kinds.count("E")
    lowercase = sum(1 for w in words if w.islower())
    if len(run) >= MIN_RUN:
        # A clause: mostly lowercase ("the results were better than expected"); a title
        # keeps its capitals ("The Lord of the Rings").
        if function < 2 or "C" not in kinds or lowercase < len(run) - 1:
            return None
        phrase = " ".join(words).lower()
        if any(phrase in anglicism for anglicism in ANGLICISMS):
            return None
        if not words[0].islower() and first > 0:
            return None  # a title inside the sentence ("You Can't Always Get What You Want")
        previous = tokens[first - 1] if first else None
        if previous is not None and previous.end + 1 == run[0].start and (
            previous.text[:1].isupper() and not is_german_word(previous.text)
        ):
            return None  # an English phrase that starts with a capital ("Press any key")
        shown = text[run[0].start:run[-1].end]
        return Hit(run[0].start, run[-1].end - run[0].start,
                   f"Unübersetzte englische Wortgruppe „{shown}“ im deutschen Satz; "
                   f"übersetzen.")
    if len(run) > 2 or set(kinds) != {"E"} or not any(w in STRAY for w in words):
        return None  # one or two function words: "Mai and Juni", "Leistung of the Motors"
    if first == 0 or last + 1 >= len(tokens):
        return None
    before, after = tokens[first - 1], tokens[last + 1]
    if before.text == "," and first >= 2 and before.start == tokens[first - 2].end:
        before = tokens[first - 2]  # "Der Akku hält, but das Display ...": the word before
    elif before.end + 1 != run[0].start:
        return None  # other punctuation before it
    if run[-1].end + 1 != after.start:
        return None  # punctuation after it
    if not (is_german_neighbour(before.text) and is_german_neighbour(after.text)):
        return None
    if len(run) == 2 and before.text[:1].isupper() and after.text[:1].isupper():
        return None  # "The Lord of the Rings": a title
    if _is_english_word(before.text) and _is_english_word(after.text):
        return None  # English on both sides: a name ("Terms of Service", "Rock and Roll")
    around = f"{before.text} {' '.join(words)} {after.text}".lower()
    if any(around in anglicism for anglicism in ANGLICISMS):
        return None  # "last but not least"
    shown = " ".join(words)
    return Hit(run[0].start, run[-1].end - run[0].start,
               f"Englisches „{shown}“ zwischen deutschen Wörtern; übersetzen.")


def phrase_untranslated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Englische Wörter mitten in einem deutschen Satz: ein oder zwei Funktionswörter
    („zwischen Mai and Juni“, „Preise of the neuen Modelle“) oder ein englischer Satzteil
    („Die Forscher schreiben, the results were better than expected, und …“).

    ## Warum ist das ein Problem?
    Übersetzungssysteme lassen einzelne Wörter oder Nebensätze unübersetzt stehen,
    wenn sie an einer Stelle den Faden verlieren. Der Satz wird dadurch unverständlich
    oder stolpert.

    ## Bekannte Grenzen
    Ein einzelnes Wort wird nur gemeldet, wenn es kein deutsches sein kann („the“,
    „and“, „of“, „with“, …) und beiderseits deutsche Wörter stehen; Namen und Titel
    („Rock and Roll“, „Drag and Drop“, „Game of Thrones“) bleiben unbeachtet, ebenso
    Zitate und Titel in Anführungszeichen. Eine Wortgruppe braucht drei englische
    Wörter, darunter zwei Funktionswörter und klein geschriebene Inhaltswörter; ganz
    englische Sätze meldet `sentence-untranslated`. Übersetzen kann nur ein Mensch:
    kein automatischer Fix.
    """
    text = doc.text
    for unit in _units(doc):
        if looks_english(unit.text):
            continue  # sentence-untranslated reports the whole sentence
        if not ANY_RUN_FUNCTION.search(unit.text):
            continue  # no English function word: the common case
        tokens = _tokens(unit.text, unit.start)
        for first, last, kinds in _english_runs(tokens):
            hit = _run_hit(text, tokens, first, last, kinds)
            if hit is not None and not doc.is_ignored(hit.offset, hit.offset + hit.length):
                yield hit


# A letter of neither German nor English: "í", "č", "ñ", "ø", "ł". A lowercase unknown
# word with one is a word of a third language (names are capitalised).
FOREIGN_LETTER = compile_pattern(r"[^\P{L}a-zA-ZäöüÄÖÜß]")
MIN_FOREIGN_WORDS = 2
FOREIGN_SHARE = 3  # at least one word in three


def _is_foreign_word(word: str) -> bool:
    """A word with a letter German and English lack that the speller does not know
    ("podmínky", "Obchodní"; not "Café", "Señor" where German has them)."""
    return (len(word) >= 3 and bool(FOREIGN_LETTER.search(word))
            and not speller.is_known(word))


def _mostly_unknown(words: list[str], foreign: list[str]) -> bool:
    """Whether half the words or more are of a third language: those with its letters
    and the words of three letters or more that neither the German nor the English word
    list knows ("najnowszymi" beside "będzie"). A German sentence with a foreign name
    has its German words; one with typos has few of them."""
    unknown = sum(1 for w in words if len(w) >= 3 and w not in foreign
                  and not speller.is_known(w) and speller.frequency(w).english is None)
    return unknown >= MIN_FOREIGN_WORDS and (len(foreign) + unknown) * 2 >= len(words)


def foreign_untranslated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Überschriften, Listenpunkte und Sätze in einer dritten Sprache, weder Deutsch noch
    Englisch, die eine Übersetzung der Seite übersehen hat: eine tschechische, polnische
    oder spanische Überschrift mitten im deutschen Text.

    ## Warum ist das ein Problem?
    Mehrsprachige Seiten werden oft aus einer anderen Sprachfassung übersetzt. Was die
    Pipeline nicht als Fließtext erkennt (Überschriften, Beschriftungen), bleibt in der
    Ausgangssprache stehen; deutsche Leser verstehen es nicht.

    ## Bekannte Grenzen
    Erkannt wird eine Sprache an Buchstaben, die weder das Deutsche noch das Englische
    hat („í“, „č“, „ł“, „ñ“, „ø“): Wörter mit solchen Buchstaben, die die
    Rechtschreibprüfung nicht kennt, mindestens jedes dritte Wort, eines davon klein
    geschrieben, und zwei solche Wörter oder sonst keines, das die Prüfung kennt. Namen
    wie „José Sánchez“ oder „Mladá Boleslav“ bleiben unbeanstandet. Hat ein Satz weniger
    solche Wörter (Sprachen schreiben nicht jedes Wort mit Sonderbuchstaben), genügt es,
    dass mindestens die Hälfte seiner Wörter entweder solche sind oder Wörter, die weder
    die deutsche noch die englische Wortliste kennt („realizujemy“, „kuriera“).
    Zitate in Anführungszeichen zählen nicht mit. Sprachen ohne solche Buchstaben
    (Italienisch, Niederländisch) erkennt die Regel nicht. Kein automatischer Fix.
    """
    for unit in _units(doc):
        if not FOREIGN_LETTER.search(unit.text):
            continue  # the common case
        words = WORD.findall(QUOTED.sub(" ", unit.text))
        foreign = [w for w in words if _is_foreign_word(w)]
        if not any(w[:1].islower() for w in foreign):
            continue
        if len(foreign) * FOREIGN_SHARE < len(words) and not _mostly_unknown(words, foreign):
            continue
        if len(foreign) < MIN_FOREIGN_WORDS and any(
                len(w) >= 3 and speller.is_known(w) for w in words):
            continue  # one such word among German ones: a name, a quoted term
        if doc.is_ignored(unit.start, unit.end):
            continue
        yield Hit(unit.start, unit.end - unit.start,
                  f"Text in einer anderen Sprache: „{_preview(unit.text)}“; übersetzen.")


# English abbreviations for which German has its own: left in a German text they are
# untranslated. Not those German uses as they are (EU, UN, NATO, WHO, CEO, US, FAQ).
ENGLISH_ABBREVIATIONS: dict[str, str] = {
    "AI": "KI",
    "GDP": "BIP",
    "IMF": "IWF",
    "ECB": "EZB",
    "UAE": "VAE",
    "IAEA": "IAEO",
    "ECJ": "EuGH",
    "ECHR": "EGMR",
    "OSCE": "OSZE",
    "USSR": "UdSSR",
    "DPRK": "Nordkorea",
    "AFU": "ukrainische Streitkräfte",
    "SME": "KMU",
    "SMEs": "KMU",
    "VAT": "MwSt.",
    "R&D": "F&E",
}
# English short forms of words and units, German has its own: no name contains them, so
# they are reported in brackets and beside capitalised words too ("Anteil (wt%)").
ENGLISH_SHORT_FORMS: dict[str, str] = {
    "e.g.": "z. B.",
    "i.e.": "d. h.",
    "wt%": "Gew.-%",
    "wt.%": "Gew.-%",
    "hrs": "Std.",
    "pcs": "Stk.",
}
ABBREVIATION = compile_pattern(
    r"(?<![\p{L}\p{N}&/.@_-])(?:" + "|".join(
        sorted(map(regex_escape, ENGLISH_ABBREVIATIONS | ENGLISH_SHORT_FORMS),
               key=len, reverse=True))
    + r")(?![\p{L}\p{N}&/@_]|\.\p{L})"
)
CAPITALISED_WORD = compile_pattern(r"\p{Lu}[\p{L}\p{N}]*")


def _in_english_name(text: str, start: int, end: int) -> bool:
    """Whether an abbreviation is part of a name or an English phrase: a capitalised
    word or an English word beside it ("Google AI", "AI Act", "the IMF"), or it
    stands in brackets after its expansion ("Amnesty International (AI)")."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    if before.endswith("(") and after.startswith(")"):
        return True
    previous = WORD.findall(before)
    following = WORD.findall(after)
    if previous and before.endswith(" "):
        word = previous[-1]
        if word.lower() in ENGLISH or (word[:1].isupper() and (
                is_known_name(word) or analyze_word(word).tag == "NE"
                or not speller.is_known(word))):
            return True  # "the IMF", "Google AI", "Microsoft AI"
    if following and after.startswith(" "):
        word = following[0]
        if word.lower() in ENGLISH or (word[:1].isupper() and (
                speller.leans_english(word) or not speller.is_known(word))):
            return True  # "AI Act", "AI and"
    return False


def abbreviation_untranslated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Englische Abkürzungen, für die das Deutsche eine eigene hat: „AI“ (KI), „GDP“ (BIP),
    „IMF“ (IWF), „ECB“ (EZB), „UAE“ (VAE), „R&D“ (F&E), „SMEs“ (KMU), „AFU“ (die
    ukrainischen Streitkräfte), auch in Zusammensetzungen („AI-Modell“). Ebenso englische
    Kurzformen von Wörtern und Einheiten: „e.g.“ (z. B.), „i.e.“ (d. h.), „wt%“ (Gew.-%),
    „hrs“ (Std.), „pcs“ (Stk.).

    ## Warum ist das ein Problem?
    Übersetzungssysteme lassen Abkürzungen meist stehen. Deutsche Leser kennen „das
    BIP“ und „die EZB“; „das GDP“ müssen sie erst zurückübersetzen.

    ## Bekannte Grenzen
    Nur eine feste Liste von Abkürzungen, deren deutsche Form üblich ist; solche, die
    das Deutsche übernimmt (EU, UN, NATO, WHO, CEO, US), bleiben unbeanstandet. Teil
    eines Namens oder einer englischen Wendung („Google AI“, „AI Act“, „the IMF“) und
    in Klammern nach der ausgeschriebenen Form („Amnesty International (AI)“) wird die
    Abkürzung nicht gemeldet, ebenso in Sätzen, die ganz englisch sind.

    ## Fix-Sicherheit
    Unsicher: Die deutsche Abkürzung braucht oft einen anderen Artikel („das GDP“ → „das
    BIP“ passt, „die AFU“ → „die ukrainischen Streitkräfte“ nicht).
    """
    text = doc.text
    if not ABBREVIATION.search(text):
        return
    for unit in _units(doc):
        if looks_english(unit.text):
            continue
        quoted = None  # found once per unit, when a match needs it
        for match in ABBREVIATION.finditer(text, unit.start, unit.end):
            start, end = match.span()
            short_form = ENGLISH_SHORT_FORMS.get(match.group())
            if (short_form is None and _in_english_name(text, start, end)) or doc.is_ignored(
                    start, end):
                continue
            if quoted is None:
                quoted = Quotations(unit.text, unit.start)
            if start in quoted:
                continue
            german = short_form or ENGLISH_ABBREVIATIONS[match.group()]
            yield Hit(start, end - start,
                      f"Englische Abkürzung „{match.group()}“; deutsch: „{german}“.",
                      (german,), german, Safety.UNSAFE)


class Quotations:
    """The quotations (QUOTED) of a text starting at ``base``, asked whether an offset
    lies inside one: they come in text order and none inside another, so the last one
    starting at or before the offset is the only candidate (bisection: a long sentence
    without punctuation has thousands)."""

    def __init__(self, text: str, base: int = 0):
        self.spans = [(base + m.start(), base + m.end()) for m in QUOTED.finditer(text)]
        self.starts = [start for start, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]

    def __bool__(self) -> bool:
        return bool(self.spans)


RULES = (
    Rule(
        id="sentence-untranslated", category=Category.UNTRANSLATED, severity=Severity.ERROR,
        summary="Sätze, Überschriften oder Listenpunkte, die auf Englisch stehen geblieben sind.",
        doc=sentence_untranslated.__doc__ or "", check=sentence_untranslated,
        bad=(
            Example("Microsoft investierte Milliarden. <marker>The partnership has been a key "
                    "driver of growth for both companies.</marker> Die Zukunft ist offen."),
            Example("Die Spannungen wachsen\n<marker>What this means for the future of "
                    "AI</marker>\nMicrosoft und OpenAI verhandeln neu."),
            Example("Die Vorteile:\n- Tempo und Preis\n- <marker>It is easy to use and fits "
                    "into your workflow</marker>\n- Integration in Azure"),
        ),
        good=(
            Example("Microsoft investierte Milliarden in die Cloud-Computing-Sparte."),
            Example("Altman sagte: „This is the most important partnership of our time.“"),
            Example("Er las „The Lord of the Rings“ und sah „Game of Thrones“."),
            Example("Der Film The Lord of the Rings lief im Kino, und er sah ihn zweimal."),
            Example("Die Business Intelligence von Microsoft Office ist das Kernstück."),
        ),
        origin="mtlint/checks/untranslated.py",
    ),
    Rule(
        id="phrase-untranslated", category=Category.UNTRANSLATED, severity=Severity.ERROR,
        summary="Englische Wörter oder Satzteile mitten in einem deutschen Satz.",
        doc=phrase_untranslated.__doc__ or "", check=phrase_untranslated,
        bad=(
            Example("Die Ausstellung ist zwischen Mai <marker>and</marker> Juni geöffnet."),
            Example("Die Tickets kosten Preise <marker>of</marker> bis zu 20 Euro."),
            Example("Die Forscher schreiben, <marker>the results were better than "
                    "expected</marker>, und wollen weiter forschen."),
            Example("Der Trainer sagte nach dem Spiel, <marker>that the team played "
                    "well</marker>, aber die Abwehr müsse besser werden."),
        ),
        good=(
            Example("Die Band spielt Rock and Roll und Blues."),
            Example("Sie sah „The Last of Us“ und danach Game of Thrones."),
            Example("Die Funktion Drag and Drop fehlt in der App."),
            Example("Der Film The Lord of the Rings lief im Kino."),
            Example("Die Ausstellung ist zwischen Mai und Juni geöffnet."),
        ),
        origin="mtlint/checks/untranslated.py",
    ),
    Rule(
        id="foreign-untranslated", category=Category.UNTRANSLATED, severity=Severity.ERROR,
        summary="Überschriften oder Sätze in einer dritten Sprache (weder Deutsch noch "
                "Englisch).",
        doc=foreign_untranslated.__doc__ or "", check=foreign_untranslated,
        bad=(
            Example("<marker>Záruční podmínky</marker>\n\nDie Garantie gilt zwei Jahre ab "
                    "dem Kaufdatum."),
            Example("Die Lieferung dauert drei Tage.\n\n<marker>Dostawa i płatność</marker>"
                    "\n\nDer Versand ist ab 50 Euro kostenlos."),
            Example("Die Lieferung dauert drei Tage. <marker>Zamówienia realizujemy szybko "
                    "przez kuriera do klienta w całym kraju.</marker>"),
        ),
        good=(
            Example("José Sánchez traf Jiří Dvořák in Mladá Boleslav."),
            Example("Im Café gab es Crème brûlée und einen Espresso."),
            Example("Sie sagte „Dziękuję bardzo“ und ging."),
            Example("Im Sommer fuhr Jiří mit dem Zug von Brno nach Bratislava und trank dort "
                    "einen kávu."),
        ),
        origin="mtlint/checks/untranslated.py",
    ),
    Rule(
        id="abbreviation-untranslated", category=Category.UNTRANSLATED,
        severity=Severity.WARNING,
        summary="Englische Abkürzung, für die das Deutsche eine eigene hat: „GDP“ statt "
                "„BIP“, „AI“ statt „KI“.",
        doc=abbreviation_untranslated.__doc__ or "", check=abbreviation_untranslated,
        bad=(
            Example("Das <marker>GDP</marker> wuchs im zweiten Quartal um ein Prozent.", "BIP"),
            Example("Die Firma setzt bei der Planung auf <marker>AI</marker>-Werkzeuge.", "KI"),
            Example("Der <marker>IMF</marker> senkt seine Prognose für Europa.", "IWF"),
            Example("Der Stahl enthält etwa 5 <marker>wt%</marker> Chrom.", "Gew.-%"),
            Example("Manche Gewürze, <marker>e.g.</marker> Zimt, halten lange.", "z. B."),
        ),
        good=(
            Example("Das BIP wuchs, und die EZB hielt die Zinsen stabil."),
            Example("Die Firma nutzt Google AI und beobachtet den AI Act der EU."),
            Example("Die Organisation Amnesty International (AI) kritisiert das Urteil."),
            Example("Die WHO und die NATO tagen in Genf, der CEO reist an."),
            Example("Der Stahl enthält etwa 5 Gew.-% Chrom, z. B. für Werkzeuge."),
        ),
        origin="mtlint/checks/untranslated.py", fixable=True,
    ),
)

"""Missing verbs: sentences without a finite verb, verb brackets that never close, and
clauses that run into the next sentence without their verb.

Machine translation drops verbs, most often the last word of a German clause, which
English puts early: "Um die Komplexität noch zu erhöhen, hat OpenAI kürzlich eine
Satellitenbüro in Bellevue" lost "eröffnet", "... und die Partnerschaft als
„Bromance„" lost "bezeichnet".  The rules find finite verbs through closed lists of
auxiliaries, modals and frequent verbs, then HanTa's table of word forms, and tag a
sentence in context only when those leave it without a verb, so that checking stays
cheap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

import regex

from mtlint.checks.sentences import (
    OPENING_QUOTES,
    lost_boundaries,
    quotation_depths,
)
from mtlint.core.document import WORD, BlockKind, Document, Span
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german
from mtlint.language.wordclasses import (
    ARTICLES,
    DETERMINERS,
    FINITE_AUX_OR_MODAL,
    FREQUENT_FINITE_VERBS,
    FUNCTION_WORDS,
    HABEN,
    MODALS,
    PREPOSITION_ARTICLES,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATING_CONJUNCTIONS,
    tags_of,
    word_set,
)

FINITE_TAGS = german.FINITE_VERB_TAGS | german.IMPERATIVE_TAGS
# Forms that may be finite in some sentence: infinitives double as plural present
# forms, participles of inseparable verbs as third person singular; HanTa tags some
# infinitives as zu-infinitives ("hinzufügen").
VERB_FORM_TAGS = FINITE_TAGS | {"VVINF", "VVPP", "VAINF", "VMINF", "VVIZU"}
PARTICIPLE_ENDINGS = ("t", "te", "ten")
# Past tenses that HanTa knows only as adjectives start like this: "zerteilte",
# "verpestet", "umfasst"; "letzten", "vierten" and "gesamten" do not ("ge-" adjectives
# are many).
VERB_PREFIXES = (
    "be", "ver", "zer", "er", "ent", "emp", "miss", "um", "über", "unter", "durch", "hinter",
    "wider",
)
# Sentence openers of deliberate verbless sentences: "Hier ein Beispiel.", "Näheres
# dazu in ...", "Lieber spät als nie.", "Je größer die Stadt, desto ...".
ELLIPTIC_OPENERS = word_set(
    "hier näheres mehr siehe see vgl lieber besser nichts nie nur wohl dank je fazit "
    "zusammengefasst kurzum beispiel beispielsweise etwa so"
)
# An enumeration of noun phrases stands as a sentence of its own in careful prose
# ("Breite Strände, ruhige Buchten und ein lebhaftes Nachtleben."): at least this many
# commas, or one and a last item joined by "und"/"oder".
ENUMERATION_COMMAS = 2
ENUMERATION_JOINERS = word_set("und oder sowie")
# What closes a verb bracket: a participle, an infinitive, a separable particle.
CLOSING_TAGS = german.NON_FINITE_VERB_TAGS | {"PTKZU", "PTKVZ"}
# A sentence needs this many words before a missing verb is worth reporting; shorter
# verbless sentences are usually deliberate ("Mehr dazu hier.", "Ein guter Anfang.").
MIN_WORDS = 10
# A main clause that lost its verb beside a subordinate clause that kept one is rarely
# deliberate, so shorter sentences count: "Wer früh bucht, deutlich günstigere Preise."
MIN_CLAUSE_WORDS = 6


def could_be_finite(word: str, first: bool = False, *, analyse: bool = True) -> bool:
    """Whether a word (of a sentence, `first` if it opens it) may be a finite verb.

    Generous on purpose: infinitives and participles count too, because the same forms
    are finite ("sie bewältigen", "es erkältet"), and so does any verb form HanTa
    guesses for a word it does not know (only with `analyse`, which costs ~0.6 ms per
    new word; without it unknown words count as no verb)."""
    if not first and not word[:1].islower():
        return False  # capitalised in mid-sentence: a noun or a name
    lower = word.lower()
    if lower in FINITE_AUX_OR_MODAL or lower in FREQUENT_FINITE_VERBS:
        return True
    if not lower.isalpha() or len(lower) < 3:
        return False
    if not analyse and german.word_tags(lower) is None:
        return False
    tags = tags_of(lower)
    if (
        tags & {"ADJA", "ADJD"} and lower.endswith(PARTICIPLE_ENDINGS)
        and lower.startswith(VERB_PREFIXES)
    ):
        return True  # "zerteilte", "verpestet": adjective or past tense / participle
    return bool(tags & VERB_FORM_TAGS)


def has_finite_verb(words: list[str], first: bool = True) -> bool:
    """Whether any of the words may be a finite verb (word by word, no context).
    Known forms are looked at first; unknown words are analysed only if none is."""
    for analyse in (False, True):
        if any(
            could_be_finite(word, first and i == 0, analyse=analyse)
            for i, word in enumerate(words)
        ):
            return True
    return False


def _words(text: str) -> list[regex.Match[str]]:
    return list(WORD.finditer(text))


# --- verb-missing -------------------------------------------------------------------


def verb_missing(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Satz im Fließtext, der kein finites Verb hat: „Microsofts bedeutende
    Investitionen von fast 14 Milliarden Dollar in die Infrastruktur der nächsten
    Jahre.“ Ebenso einen Hauptsatz ohne finites Verb, dessen Relativ- oder Nebensatz
    eines hat, sodass der Satz als Ganzes ein Verb zu haben scheint: „Die Kunden, die
    früher bestellt hatten, einen Rabatt von zehn Prozent.“ (es fehlt „erhalten“),
    „Wer früh bucht, deutlich günstigere Preise.“

    ## Warum ist das ein Problem?
    Ein Aussagesatz braucht ein konjugiertes Verb. Fehlt es, hat die Übersetzung meist
    ein Wort verloren oder zwei Sätze falsch zusammengesetzt; der Leser muss raten, was
    gemeint ist.

    ## Bekannte Grenzen
    Geprüft werden nur Sätze im Fließtext, die mit einem Punkt enden und mindestens
    zehn Wörter haben; Überschriften, Listenpunkte, Bildunterschriften, Sätze mit
    Doppelpunkt („Fazit: …“) und Fragen oder Ausrufe bleiben außen vor, weil dort
    verblose Sätze üblich sind. Ein Wort, das auch ein finites Verb sein kann („deuten“,
    „bezeichnet“), zählt als Verb; erst wenn keines da ist, entscheidet der Tagger im
    Satzzusammenhang. Gewollt verblos und nicht gemeldet sind Aufzählungen (zwei Kommas,
    oder ein Komma und danach „und“/„oder“: „Breite Strände, ruhige Buchten und ein
    lebhaftes Nachtleben.“) und Quellenangaben mit „So“ („So die Sprecherin der Stadt
    am Montag in einer Mitteilung.“).

    Ein Hauptsatz ohne Verb neben einem Nebensatz wird schon ab sechs Wörtern gemeldet,
    aber nur, wenn nach dem Nebensatz noch ein Teil des Hauptsatzes folgt: „Ein Schritt,
    der überfällig war.“ ist ein gewollter Nominalsatz. Nicht gemeldet werden Reste, die
    mit „und“, „nicht“, „desto“ usw. beginnen, Sätze mit Semikolon oder Klammer,
    Sätze, die mit einer Präposition beginnen („Nach dem Spiel, das …, die
    Enttäuschung.“), „Was X angeht, …“ und Reste mit einem Wort, das der Tagger nicht
    kennt (Verse: „…, die Sippe graust.“).
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH):
        for sentence in block.sentences:
            text = sentence.text.rstrip()
            if not text.endswith(".") or text.endswith("..") or ":" in text:
                continue
            if text[0] in OPENING_QUOTES or not text[0].isupper():
                continue
            if " - " in text or " – " in text or " — " in text:
                continue  # a definition or an aside: "Alkohol - der Ursprung ..."
            words = [match.group() for match in _words(text)]
            if len(words) < MIN_CLAUSE_WORDS or words[0].lower() in ELLIPTIC_OPENERS:
                continue
            if has_finite_verb(words) or _pronoun_then_verb(words):
                main = _verbless_main_clause(text) if "," in text else None
                if main is not None:
                    yield Hit(
                        sentence.start, len(text),
                        f"Dem Hauptsatz fehlt ein konjugiertes Verb: Nur der Nebensatz „{main}“ "
                        "hat eines. Vermutlich ist bei der Übersetzung das Verb des Hauptsatzes "
                        "verloren gegangen.",
                    )
                continue
            if len(words) < MIN_WORDS or _is_enumeration(text) or any(
                a.tag in FINITE_TAGS for _, a in german.tag_text(text)
            ):
                continue
            yield Hit(
                sentence.start, len(text),
                "Diesem Satz fehlt ein konjugiertes Verb: Vermutlich ist bei der Übersetzung "
                "ein Wort verloren gegangen.",
            )


def _is_enumeration(text: str) -> bool:
    """Whether a verbless sentence is a list of phrases: two commas, or one comma and
    "und"/"oder" after it ("Ruhige Buchten, viele Läden und ein Hafen.")."""
    commas = text.count(",")
    if commas >= ENUMERATION_COMMAS:
        return True
    if commas == 1:
        last = text.rsplit(",", 1)[1]
        return any(m.group() in ENUMERATION_JOINERS for m in WORD.finditer(last))
    return False


# Words that open a subordinate clause after a comma or at the sentence start: relative
# and interrogative pronouns and adverbs, besides SUBORDINATING_CONJUNCTIONS.
RELATIVE_OPENERS = word_set(
    """
    der die das dem den dessen deren denen welcher welche welches welchem welchen
    wer wen wem was wo wann warum weshalb wieso wohin woher womit wodurch wofür worauf
    worüber worin wovon wozu
    """
)
# Subordinators that also open verbless phrases ("wie erwartet", "als Chef", "seit
# Jahren", "bis morgen") or coordinate ("sowie"): not trusted to open a clause.
PHRASE_SUBORDINATORS = word_set("als wie bis seit während sowie da wo")
CLAUSE_OPENERS = RELATIVE_OPENERS | SUBORDINATING_CONJUNCTIONS - PHRASE_SUBORDINATORS
# What opens a subordinate clause in front of its main clause ("Als der Film lief, ...":
# at the start and with a verb at its end, "als", "während" and "da" are conjunctions).
LEADING_CLAUSE_OPENERS = (
    CLAUSE_OPENERS - word_set("der die das dem den dessen deren denen weil damit dass daß ob")
    | word_set("als während da")
)
# What a tail may start with and still be no main clause of its own: a coordinated or
# contrasted phrase ("..., und die Händler.", "..., nicht der Gott der Philosophen."),
# the second half of a comparison ("Je ..., desto ...").
TAIL_OPENERS = word_set(
    "und oder sowie aber doch sondern nicht nur auch sogar desto umso bzw beziehungsweise "
    "also etwa insbesondere darunter um ohne statt anstatt"
)
TAIL_OPENING_PAIRS = frozenset({"vor allem", "zum beispiel", "unter anderem"})
# Verbs of "Was X angeht, ...", a topic phrase that a verbless comment may follow.
TOPIC_VERBS = word_set("angeht anbelangt betrifft anbetrifft")
# A verbless main clause must have this many words after its subordinate clause.
MIN_TAIL_WORDS = 3


def _verbless_main_clause(text: str) -> str | None:
    """The subordinate clause of a sentence whose main clause lacks a finite verb, or None.

    "Die Kunden, die früher bestellt hatten, einen Rabatt von zehn Prozent.": the
    sentence has a verb, but only in the relative clause.  Comma-separated stretches
    that open with a relative pronoun or a subordinating conjunction and end with a
    finite verb are subordinate clauses; the rest is the main clause.  Reported only
    when the main clause goes on after a subordinate clause (a nominal sentence with a
    relative clause at its end, "Ein Schritt, der überfällig war.", is a style), and
    the tagger in context finds no finite verb in it either."""
    if "(" in text or ";" in text:
        return None
    depths = quotation_depths(text)
    cuts = [i for i, char in enumerate(text) if char == "," and not depths[i]]
    if not cuts:
        return None
    bounds = [0, *[cut + 1 for cut in cuts]]
    ends = [*cuts, len(text)]
    segments = [
        (start, end, _words(text[start:end])) for start, end in zip(bounds, ends, strict=True)
    ]
    if any(not words for _, _, words in segments):
        return None
    # The cheap tests of the last stretch first: telling subordinate clauses costs analyses.
    tail = [match.group() for match in segments[-1][2]]
    if len(tail) < MIN_TAIL_WORDS or tail[0].lower() in TAIL_OPENERS:
        return None
    if " ".join(tail[:2]).lower() in TAIL_OPENING_PAIRS:
        return None
    if _inverted_subject(tail) or any(
        word.islower() and german.word_tags(word) is None for word in (tail[0], tail[-1])
    ):
        # "..., siebt man die Wüste durch.", "..., entschwand die Seuche.", verse:
        # "..., die Sippe graust.": a verb the tagger may not know.
        return None
    if any(could_be_finite(word, analyse=False) for word in tail[:-1]
           if word.lower() not in FUNCTION_WORDS):
        return None  # the last stretch, a main clause or nothing, has a known verb form
    kinds = [_is_subordinate(words, start == 0) for start, _, words in segments]
    # "..., der Trainer sichtlich enttäuscht.": an article and a noun, not a relative
    # clause, if the tagger reads the last word as a participle (checked below).
    participle_tail = kinds[-1] and _participle_tail(segments[-1][2])
    if participle_tail:
        kinds[-1] = False
    if not any(kinds) or kinds[-1]:
        return None
    if any(sub and words[-1].group() in TOPIC_VERBS for (_, _, words), sub in zip(
        segments, kinds, strict=True
    )):
        return None  # "Was die Kosten angeht, keine Überraschungen.": a set phrase
    main = [
        (start, words) for (start, _, words), sub in zip(segments, kinds, strict=True) if not sub
    ]
    main_words = [match.group() for start, words in main for match in words]
    # Articles are no verbs here, whatever HanTa says ("einen": to unite).
    content = [word for word in main_words if word.lower() not in FUNCTION_WORDS]
    if not content:
        return None
    # A participle ending the sentence ("der Trainer sichtlich enttäuscht.") is left to
    # the tagger: as a finite verb it would stand second, not last.
    cheap = content
    if content[-1] == tail[-1] and content[-1].islower() and "VVPP" in tags_of(content[-1]):
        cheap = content[:-1]
    if has_finite_verb(cheap, first=main_words[0] == content[0]):
        return None
    if main_words[0].lower() in ELLIPTIC_OPENERS | PREPOSITIONS | PREPOSITION_ARTICLES:
        return None  # a fronted phrase makes a nominal style: "Nach dem Spiel, das ..., die Wut."
    # Context: no finite verb in the main clause, and a subordinate clause whose last
    # word is a verb but not a zu-infinitive (HanTa reads clause-final plurals such as
    # "treiben" as infinitives, which is fine: the clause form makes them finite).
    sub_spans = [
        (start, end) for (start, end, _), sub in zip(segments, kinds, strict=True) if sub
    ]
    sub_ends = {start + words[-1].start() for start, _, words in segments[:-1]}
    verb_ends_sub = False
    previous = ""
    tail_end = segments[-1][0] + segments[-1][2][-1].start()
    for offset, analysis in german.tag_text(text):
        if analysis.tag in FINITE_TAGS and not any(a <= offset < b for a, b in sub_spans):
            return None
        if participle_tail and offset == tail_end and analysis.tag != "VVPP":
            return None
        if offset in sub_ends and analysis.tag[:1] == "V" and previous != "PTKZU":
            verb_ends_sub = True
        previous = analysis.tag
    if not verb_ends_sub:
        return None
    start, end = sub_spans[0]
    return text[start:end].strip()


def _participle_tail(words: list[regex.Match[str]]) -> bool:
    """Whether a stretch that looks like a relative clause may be an article, a noun
    and a participle: "der Trainer sichtlich enttäuscht"."""
    opener, noun, last = words[0].group(), words[1].group(), words[-1].group()
    return (
        opener in ARTICLES and noun[:1].isupper() and last.endswith("t")
        and "VVPP" in tags_of(last)
    )


def _inverted_subject(words: list[str]) -> bool:
    """Whether a lowercase word is followed by a subject pronoun, as a finite verb in
    second position is ("ruf ich", "siebt man"), whether the tagger knows it or not."""
    return any(
        first.islower() and (second in SUBJECT_PRONOUNS or first.endswith("'s"))
        for first, second in pairwise(words)
    )


def _is_subordinate(words: list[regex.Match[str]], first: bool) -> bool:
    """Whether a comma-separated stretch is a subordinate clause: opened by a relative
    pronoun or a subordinating conjunction (possibly after a preposition: "in dem"),
    closed by a word that may be a finite verb, with a few words between."""
    if len(words) < 3:
        return False
    opener = words[0].group()
    lower = opener.lower()
    if first:
        # At the sentence start "Die", "In" are an article and a preposition; "Weil",
        # "Dass" open answers ("Warum? Weil ...").
        if lower not in LEADING_CLAUSE_OPENERS:
            return False
    elif not opener.islower():
        return False
    elif lower in PREPOSITIONS and lower not in CLAUSE_OPENERS:
        second = words[1].group()
        if not (second.islower() and second in RELATIVE_OPENERS):
            return False
    elif lower not in CLAUSE_OPENERS:
        return False
    last = words[-1].group()
    return last.islower() and could_be_finite(last)


def _pronoun_then_verb(words: list[str]) -> bool:
    """A sentence opened by a subject pronoun has its verb next, known to the tagger or
    not: "Man errät ...", "Wir horsten ..."."""
    return (
        len(words) > 1 and words[0].lower() in ("ich", "du", "er", "es", "wir", "ihr", "man")
        and words[1].islower()
    )


# --- verb-bracket-open --------------------------------------------------------------

# Present tense of haben and sein: with an adverbial of a past event ("kürzlich") they
# can only be the auxiliary of a perfect tense, which needs its participle.
PRESENT_PERFECT_AUX = word_set("habe hast hat haben habt bin bist ist sind seid")
# Subjunctive modals, which need an infinitive; the indicative ones also stand alone
# ("Das kann ich nicht.", "Ich will mehr.", "Wir müssen in die Prüfung.").
BRACKET_MODALS = word_set(
    "könnte könnten sollte sollten müsste müssten dürfte dürften"
)
# What ends a stretch of a clause, and a character a word goes on with.
SEPARATOR = compile_pattern(r"[,;:]")
WORD_CHAR = compile_pattern(r"\w")
PAST_EVENT = compile_pattern(
    r"""(?xi)
    (?<! \b(?:wie|als|von|seit|bis|ab)\s )   # not a comparison or attribute: "wie damals"
    \b(?: kürzlich | jüngst | neulich | unlängst | gestern | vorgestern | damals
        | vor\ kurzem
        | vor\ \w+\ (?:tagen|wochen|monaten|jahren)
        | (?:letzte[nm]?|vergangene[nm]?|vorige[nm]?)\ (?:woche|monat|jahr|jahres|quartal)
        | im\ (?:letzten|vergangenen|vorigen)\ (?:jahr|monat|quartal|sommer|herbst|winter)
    )\b
    """
)

# --- haben as an auxiliary without its participle, told from haben as a full verb ---
# Adverbs of degree and manner that modify a change, not a possession: "Samsung hat die
# Akkulaufzeit spürbar." lost "verlängert"; "Er hat es eilig." is a full verb (not
# listed), as are "stark", "leicht" and "weiter", which HanTa also reads as particles,
# and adverbs of a state ("Er hat die Unterlagen vollständig.", "... den Titel offiziell.").
CHANGE_ADVERBS = word_set(
    """
    spürbar deutlich merklich erheblich drastisch massiv kräftig enorm signifikant
    grundlegend umfassend nochmals erneut stetig kontinuierlich schrittweise
    """
)
# Dative determiners and pronouns: haben takes no dative object, so one before an
# accusative means a lost verb ("Die Regierung hat dem Verband eine Förderung.").
DATIVE_WORDS = word_set(
    "dem einem diesem jedem keinem meinem deinem seinem ihrem unserem eurem ihm"
)
ACCUSATIVE_STARTS = word_set(
    "den das die ein eine einen keine keinen seine seinen ihre ihren unsere unseren "
    "diese diesen jeden mehrere zwei drei vier fünf zehn hundert"
)
# Postpositions and particles that make such a dative part of a phrase or a verb:
# "dem Bericht zufolge", "dem Vernehmen nach", "den anderen voraus".  Followed by a
# dative or a name they are prepositions ("nach dem Spiel", "nach Berlin").
DATIVE_PHRASE_WORDS = word_set(
    "zufolge nach gegenüber entsprechend gemäß zuliebe entgegen voraus zuvor halber wegen"
)
DATIVE_ARTICLES = word_set("dem der den des einem einer eines")
# A time point, closing the clause, after a focus particle that marks it as the news:
# "Der Konzern hat seine Prognose bereits im Juli." ("angehoben" is missing).
# The size of a change, closing the clause: "Die Bank hat den Leitzins um einen
# Prozentpunkt." lost "angehoben" ("um 10 Uhr" is a time, not a change).
CHANGE_AMOUNT = compile_pattern(
    r"""(?x)
    \b(?: um | von\s+\S+(?:\s+\S+)?\s+auf ) \s+
    (?:\S+\s+){0,2}\S+   # "einen", "zwölf", "rund 200", "mehr als zehn", "1,5 Millionen"
    \s+ (?: Prozent | Prozentpunkte? | Basispunkte? | Euro | Dollar | Franken | Cent
           | Punkte? | Grad | Stellen )
    \s*$
    """
)
# Only time nouns count: "Er hat den Sieg schon im Sack." is complete.
FOCUSED_TIME = compile_pattern(
    r"""(?x)
    \b(?:bereits|schon)\s+
    (?: (?:im\s+Jahre?\s+)? (?:19|20)\d\d
      | (?:(?:im|am|Anfang|Mitte|Ende)\s+|am\s+\d{1,2}\.\s*)
        (?: Januar | Februar | März | April | Mai | Juni | Juli | August | September
          | Oktober | November | Dezember | Frühjahr | Sommer | Herbst | Winter
          | Montag | Dienstag | Mittwoch | Donnerstag | Freitag | Samstag | Sonntag
          | Wochenende ) (?:\s+(?:19|20)\d\d)?
      | (?:im|am|Anfang|Mitte|Ende)\s+(?:de[rsm]\s+)?
        (?:vergangenen|letzten|vorigen|ersten|zweiten|dritten|vierten)\s+
        (?:Jahr|Jahres|Monat|Monats|Quartal|Quartals|Halbjahr|Halbjahres|Woche)
    )\s*$
    """
)


# The longest stretch after haben or a modal that _needs_full_verb reads.
MAX_BRACKET_WORDS = 40


def _needs_full_verb(sentence: _Sentence, first: int, stop: int,
                     clause_ends_sentence: bool, haben: bool) -> bool:
    """Whether the words first..stop after a form of haben or a modal show that it is an
    auxiliary whose participle or infinitive is missing: a dative object beside an
    accusative one, or, at the end of the sentence after an object, an adverb of change
    ("spürbar"), the size of a change ("um zehn Prozent") or, after haben only, a
    focused time point ("bereits im Juli"; "Ich will das Geld schon im Juli." is
    complete)."""
    if stop - first > MAX_BRACKET_WORDS:
        return False  # no clause runs this long: a list, verse or debris (and cost stays linear)
    words = [match.group() for match in sentence.words[first:stop]]
    lower = [word.lower() for word in words]
    if len(words) < 2 or any(
        word in DATIVE_PHRASE_WORDS and not (
            following in DATIVE_ARTICLES or following[:1].isupper()
        )
        for word, following in pairwise([*lower, "."])
    ):
        return False
    # After "Der Trainer hat" the subject is taken: "der Mannschaft" is a dative.
    subject_first = (
        first == 3 and sentence.words[0].group() == "Der"
        and sentence.words[1].group()[:1].isupper()
        and not SEPARATOR.search(sentence.text[:sentence.words[first].start()])
    )
    for index, word in enumerate(words[:-1]):
        if index and lower[index - 1] in PREPOSITIONS:
            continue
        if word not in DATIVE_WORDS and not (index == 0 and word == "der" and subject_first):
            continue
        if not words[index + 1][:1].isupper() and word != "ihm":
            continue  # "dem" as a pronoun or before an adjective: left alone
        if any(
            later in ACCUSATIVE_STARTS and lower[position - 1] not in PREPOSITIONS
            for position, later in enumerate(words[index + 2:], start=index + 2)
        ):
            return True
    if not clause_ends_sentence or not _has_object(words[:-1]):
        return False
    if lower[-1] in CHANGE_ADVERBS:
        return True
    clause = sentence.text[sentence.words[first].start():sentence.words[stop - 1].end()]
    return bool(CHANGE_AMOUNT.search(clause) or (haben and FOCUSED_TIME.search(clause)))


def _has_object(words: list[str]) -> bool:
    """Whether a determiner with a capitalised noun after it stands among the words."""
    return any(
        (word in ARTICLES or word in DETERMINERS or word == "ihr") and following[:1].isupper()
        for word, following in pairwise(words)
    )


def could_close_bracket(word: str, last: bool = False) -> bool:
    """Whether a word may be the participle, infinitive or separable particle that
    closes a verb bracket (`last`: it ends its clause, where particles stand)."""
    if not word[:1].islower() or not word.isalpha():
        return False
    tags = tags_of(word)
    if tags & (CLOSING_TAGS - {"PTKVZ", "PTKZU"}):
        return True
    if "PTKVZ" in tags and last:
        return True  # "hat ... vor"
    # Infinitives double as plural present forms: "rennen" may be tagged VVFIN only.
    return bool(tags & {"VVFIN"}) and word.endswith(("en", "ern", "eln"))


class _Sentence:
    """Words, clause separators and time phrases of one sentence, found once and looked
    up by offset, so that verb-bracket-open stays linear on long sentences."""

    def __init__(self, text: str, words: list[regex.Match[str]]) -> None:
        self.text = text
        self.words = words
        self.starts = [match.start() for match in self.words]
        self.separators = [match.start() for match in SEPARATOR.finditer(text)]
        self.commas = [i for i in self.separators if text[i] != ":"]
        # Where the last stretch ends ("$" also matches before a final line break).
        self.end = len(text) - 1 if text.endswith("\n") else len(text)
        self._closes: dict[tuple[int, bool], bool] = {}
        self._next_closer = (0, -1)  # (from, found): the first closer at or after `from`
        self._past: tuple[list[int], list[int]] | None = None

    def segment_end(self, start: int) -> int:
        """The end of the stretch from `start` to the next comma, semicolon or colon."""
        index = bisect_left(self.separators, start)
        return self.separators[index] if index < len(self.separators) else self.end

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """The indices of the words within start..end."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def closes(self, index: int, adjectives: bool) -> bool:
        """Whether word `index` may close a verb bracket in its stretch (see
        `_closes_bracket`)."""
        key = (index, adjectives)
        if key not in self._closes:
            last = bisect_left(self.starts, self.segment_end(self.starts[index]))
            self._closes[key] = _closes_bracket(self.words, index, last, adjectives)
        return self._closes[key]

    def next_closer(self, index: int) -> int:
        """The index of the first word from `index` on that may close a bracket (with
        adjectives), or the number of words; ascending queries scan each word once."""
        known_from, found = self._next_closer
        if known_from <= index <= found:
            return found
        found = index
        while found < len(self.words) and not self.closes(found, True):
            found += 1
        self._next_closer = (index, found)
        return found

    def past_event(self, start: int, end: int) -> bool:
        """Whether PAST_EVENT matches within start..end, as it would in that slice."""
        if self._past is None:
            found = PAST_EVENT.finditer(self.text, overlapped=True)
            matches = [(m.start(), m.end()) for m in found]
            least = []
            lowest = len(self.text) + 1
            for _, match_end in reversed(matches):
                lowest = min(lowest, match_end)
                least.append(lowest)
            self._past = ([m[0] for m in matches], least[::-1])
        starts, least_end = self._past
        index = bisect_left(starts, start)
        return index < len(starts) and least_end[index] <= end


def _closes_bracket(words: list[regex.Match[str]], index: int, last: int,
                    adjectives: bool = True) -> bool:
    """Whether word `index` of a stretch ending before word `last` may close a verb
    bracket; with `adjectives` False, participles that are also adjectives ("entfernt")
    do not count."""
    word = words[index].group()
    if word in ARTICLES or (word in DETERMINERS and word != "sein"):
        return False  # "einen" is an infinitive too, but not here
    if word == "zu" and index + 1 < last and words[index + 1].group().islower():
        return True  # "zu sein", "zu erhöhen"; not "zu Googles Cloud"
    if index + 1 == last and word.islower() and word.endswith(("en", "ern", "eln")):
        return True  # a clause-final verb the tagger does not know: "gaten"
    return could_close_bracket(word, index + 1 == last) and (
        adjectives or not tags_of(word) & {"ADJD", "ADJA"}
    )


def _bracket_closed(sentence: _Sentence, aux_end: int, perfect: bool) -> bool:
    """Whether the clause of the auxiliary ending at `aux_end` gets its participle or
    infinitive, in its own stretch up to the next comma or anywhere after it.

    For a perfect tense, a stretch right after the clause that ends the sentence is an
    apposition ("…, nicht weit vom Hauptsitz entfernt."): an adjective-like participle
    there does not close the bracket."""
    first = bisect_left(sentence.starts, aux_end)
    later = len(sentence.separators) - bisect_left(sentence.separators, aux_end)
    if not (perfect and later == 1):
        return sentence.next_closer(first) < len(sentence.words)
    separator = sentence.separators[-1]
    if sentence.next_closer(first) < bisect_left(sentence.starts, separator):
        return True
    begin, stop = sentence.word_range(separator + 1, sentence.end)
    return any(sentence.closes(index, False) for index in range(begin, stop))


def _past_event_in_clause(sentence: _Sentence, verb: regex.Match[str], end: int) -> bool:
    """Whether a time phrase for a past event stands in the clause of `verb`: from the
    last comma before it to `end`, the verb itself left out."""
    text = sentence.text
    index = bisect_left(sentence.commas, verb.start()) - 1
    start = sentence.commas[index] + 1 if index >= 0 else 0
    before = text[verb.start() - 1] if verb.start() > start else " "
    if WORD_CHAR.match(before) or WORD_CHAR.match(text[verb.end():verb.end() + 1]):
        # Rare glue ("_hat_"): the phrase may run across the join, search the text.
        return bool(PAST_EVENT.search(text[start:verb.start()] + text[verb.end():end]))
    return sentence.past_event(start, verb.start()) or sentence.past_event(verb.end(), end)


def verb_bracket_open(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Hilfs- oder Modalverb, dessen Satzklammer nie schließt: Das Partizip oder der
    Infinitiv am Ende fehlt. „Um die Komplexität noch zu erhöhen, hat OpenAI kürzlich
    eine Satellitenbüro in Bellevue, nicht weit vom Hauptsitz entfernt.“ (es fehlt
    „eröffnet“); „Microsoft könnte die Modelle von OpenAI schon bald in seine eigenen
    Produkte.“ (es fehlt „integrieren“).

    ## Warum ist das ein Problem?
    Im Deutschen steht das Vollverb am Ende des Satzes, im Englischen früh. Beim
    Übersetzen fällt es deshalb leicht weg; übrig bleibt ein Satz, dessen Aussage fehlt.

    ## Wann die Regel meldet
    „haben“ und „sein“ im Präsens nur zusammen mit einer Zeitangabe für ein vergangenes
    Ereignis („kürzlich“, „gestern“, „vor zwei Jahren“): Dann können sie nur das Perfekt
    bilden, das ein Partizip braucht. („OpenAI hat ein Büro in Bellevue.“ ist ein
    vollständiger Satz und wird nicht gemeldet.) Die Konjunktivformen „könnte“, „sollte“,
    „müsste“, „dürfte“, wenn ihrem Satz ein Infinitiv fehlt und mindestens drei
    Wörter folgen; die Indikativformen stehen oft allein („Das kann ich nicht.“) und
    werden nicht geprüft, „würde“ ebenso wenig („würde wieder zum Kind“).

    Jede Form von „haben“ (auch „hatte“), wenn der Rest des Satzes zeigt, dass sie kein
    Besitz-„haben“ ist: ein Dativobjekt neben einem Akkusativobjekt („Die Regierung hat
    dem Verband eine Förderung.“), oder am Satzende nach einem Objekt ein Adverb der
    Veränderung („Samsung hat die Akkulaufzeit spürbar.“), das Maß einer Veränderung
    („Die Bank hat den Leitzins um einen Prozentpunkt.“) oder ein betonter Zeitpunkt
    („Der Konzern hat seine Prognose bereits im Juli.“). „Die Firma hat bereits einen
    Nachfolger.“, „Sie hat die Unterlagen vollständig.“ und „Er hat den Sieg schon im
    Sack.“ bleiben unberührt. Dativ neben Akkusativ und Adverb der Veränderung gelten
    ebenso wie das Maß einer Veränderung für die Modalverben im Indikativ („Die
    Regierung will die Steuern deutlich.“); „Ich will das Geld schon im Juli.“ ist
    vollständig.

    ## Bekannte Grenzen
    Ein Partizip oder Infinitiv irgendwo im Rest des Satzes gilt als Schluss der Klammer,
    auch wenn es zu einem anderen Verb gehört; die Regel schweigt dann lieber. „der“
    zählt nur nach einem Subjekt mit „Der“ als Dativ („Der Trainer hat der Mannschaft
    einen freien Tag.“), sonst kann es ebenso das Subjekt einleiten. Ein Termin in der
    Zukunft mit „bereits“ („Das Team hat sein erstes Spiel bereits im Mai.“) wird
    fälschlich gemeldet.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        for sentence in block.sentences:
            text = sentence.text
            words = _words(text)
            indexed = None  # built for the first auxiliary or modal
            for index, match in enumerate(words):
                lower = match.group().lower()
                if index > 0 and not match.group()[:1].islower():
                    continue
                perfect = lower in PRESENT_PERFECT_AUX
                if not perfect and lower not in HABEN | MODALS:
                    continue
                if indexed is None:
                    indexed = _Sentence(text, words)
                segment_end = indexed.segment_end(match.end())
                while segment_end > match.end() and text[segment_end - 1] in " .!?…":
                    segment_end -= 1
                first, stop = indexed.word_range(match.end(), segment_end)
                after = stop - first
                if not after or text[segment_end:segment_end + 1] == "?":
                    continue
                if lower in HABEN | MODALS and _needs_full_verb(
                    indexed, first, stop, text[segment_end:].strip() in (".", "!"),
                    lower in HABEN,
                ):
                    perfect = lower in HABEN
                elif lower not in PRESENT_PERFECT_AUX | BRACKET_MODALS:
                    continue
                elif perfect:
                    if not _past_event_in_clause(indexed, match, segment_end):
                        continue
                elif after < 3:
                    continue
                if index > 0 and could_close_bracket(words[index - 1].group()) and not (
                    SEPARATOR.search(text[words[index - 1].end():match.start()])
                ):
                    continue  # verb-final: "..., die genutzt werden können"
                if _bracket_closed(indexed, match.end(), perfect):
                    continue
                yield Hit(
                    sentence.start + match.start(), segment_end - match.start(),
                    f"„{match.group()}“ eröffnet eine Satzklammer, die nicht geschlossen wird: "
                    "Es fehlt das Partizip oder der Infinitiv am Satzende, vermutlich ein "
                    "bei der Übersetzung weggefallenes Verb.",
                )
                break


# --- verb-missing-run-on ------------------------------------------------------------

COORDINATORS = compile_pattern(r"\s(?:und|oder|sowie|aber)\s")


def _top_level(text: str) -> list[tuple[int, int]]:
    """Coordinator matches of `text` outside quotations."""
    depths = quotation_depths(text)
    return [(m.start(), m.end()) for m in COORDINATORS.finditer(text) if not depths[m.start()]]


def verb_missing_run_on(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Satzteil ohne Verb, der direkt in den nächsten Satz übergeht: „Während
    OpenAIs CEO Sam Altman eine optimistische Sichtweise beibehält und die Partnerschaft
    als „Bromance„Die jüngsten Entwicklungen deuten auf …“ – hinter „als „Bromance„“
    fehlt „bezeichnet“, und der nächste Satz beginnt ohne Satzende.

    ## Warum ist das ein Problem?
    Der Leser verliert den Faden: Der erste Satz bleibt unvollständig, der zweite
    beginnt mitten im ersten. Die Übersetzung hat hier ein Verb und ein Satzende
    verloren.

    ## Wann die Regel meldet
    Wenn mitten im Satz ein neuer Hauptsatz beginnt (ein großgeschriebenes Funktionswort,
    dem das finite Verb an zweiter Stelle folgt) und der Satzteil davor unvollständig
    ist: das letzte Glied einer Aufzählung mit „und“/„oder“ hat kein Verb, während das
    erste eines hat, oder ein Nebensatz („Während …“, „Weil …“) hat gar keines.

    ## Bekannte Grenzen
    Ein verlorenes Satzende ohne fehlendes Verb meldet „sentence-boundary-missing“; ein
    Hauptsatz ohne Verb vor der Satzgrenze wird hier nicht gemeldet.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        for sentence in block.sentences:
            text = sentence.text
            for boundary, _ in lost_boundaries(text):
                head = text[:boundary].rstrip()
                span = _verbless_part(head)
                if span is not None:
                    part = head[span.start:span.end]
                    yield Hit(
                        sentence.start + span.start, span.end - span.start,
                        f"Dem Satzteil „{part}“ fehlt das Verb, und der nächste Satz schließt "
                        "ohne Satzende an: Vermutlich sind ein Verb und ein Punkt verloren "
                        "gegangen.",
                    )
                break


def _verbless_part(head: str) -> Span | None:
    """The part of `head` (the sentence up to a lost boundary) that lacks its verb."""
    coordinators = _top_level(head)
    if coordinators:
        start, end = coordinators[-1]
        first, last = head[:start], head[end:]
        if has_finite_verb([m.group() for m in _words(first)]) and not has_finite_verb(
            [m.group() for m in _words(last)], first=False
        ):
            return Span(end, len(head), last)
        return None
    words = _words(head)
    if (
        words and words[0].group().lower() in SUBORDINATING_CONJUNCTIONS - PREPOSITIONS
        and not has_finite_verb([m.group() for m in words[1:]], first=False)
    ):
        return Span(words[1].start() if len(words) > 1 else 0, len(head), head)
    return None


RULES = (
    Rule(
        id="verb-missing",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Ein Satz im Fließtext hat kein konjugiertes Verb.",
        doc=verb_missing.__doc__ or "",
        check=verb_missing,
        bad=(
            Example("<marker>Die bedeutenden Investitionen von Microsoft in die Infrastruktur "
                    "der nächsten Jahre.</marker> Danach kam die Wende."),
            Example("Die Lage ist ernst. <marker>Eine weitere Verschiebung der Markteinführung "
                    "auf das nächste Quartal wegen fehlender Chips.</marker>"),
            Example("<marker>Im Gegensatz zu Bing mit seinen klassischen Suchergebnissen ein "
                    "eher dialogorientiertes Erlebnis.</marker>"),
            Example("<marker>Die Kunden, die früher bestellt hatten, einen Rabatt von zehn "
                    "Prozent.</marker>"),
            Example("<marker>Wer früh bucht, deutlich günstigere Preise.</marker>"),
        ),
        good=(
            Example("Die Investitionen von Microsoft in die Infrastruktur wachsen weiter."),
            Example("Mehr dazu hier."),
            Example("Fazit: Eine wegweisende Partnerschaft mit vielen offenen Fragen."),
            Example("Was für eine lange und völlig unerwartete Wendung in dieser Geschichte!"),
            Example("Die Entwicklungen deuten auf eine Verschiebung der Kräfte im Markt hin."),
            Example("Die Kunden, die früher bestellt hatten, erhalten einen Rabatt."),
            Example("Ein Schritt, der längst überfällig war."),
            Example("Je früher man bucht, desto günstiger die Preise."),
            Example("Die Insel bietet viel. Breite Strände, stille Buchten, kleine Läden und "
                    "ein lebhaftes Nachtleben."),
            Example("So die Sprecherin der Stadtverwaltung am Montag in einer Mitteilung."),
        ),
        origin="mtlint/checks/verbs.py",
    ),
    Rule(
        id="verb-bracket-open",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Hilfs- oder Modalverb ohne Partizip oder Infinitiv: Das Vollverb fehlt.",
        doc=verb_bracket_open.__doc__ or "",
        check=verb_bracket_open,
        bad=(
            Example("Um die Komplexität noch zu erhöhen, <marker>hat OpenAI kürzlich ein "
                    "Büro in Bellevue</marker>, nicht weit vom Hauptsitz von Microsoft "
                    "entfernt."),
            Example("Nach Angaben der Zeitung <marker>hat Apple vor zwei Jahren ein neues Werk "
                    "in Texas</marker>."),
            Example("Microsoft <marker>könnte die Modelle von OpenAI schon bald in seine "
                    "eigenen Produkte</marker>."),
            Example("Der Konzern <marker>ist gestern mit einem neuen Modell an die "
                    "Börse</marker>."),
            Example("Samsung <marker>hat die Akkulaufzeit des Modells spürbar</marker>."),
            Example("Die Regierung <marker>hat dem Verband eine Förderung von zwei Millionen "
                    "Euro</marker>."),
            Example("Die Stadt <marker>hatte die Genehmigung schon 2021</marker>."),
            Example("Die Regierung <marker>will die Steuern für Familien deutlich</marker>."),
        ),
        good=(
            Example("OpenAI hat ein Büro in Bellevue, nicht weit vom Hauptsitz entfernt."),
            Example("OpenAI hat kürzlich ein Büro in Bellevue eröffnet."),
            Example("OpenAI hat, wie kürzlich berichtet, ein Büro in Bellevue eröffnet."),
            Example("Microsoft könnte die Modelle schon bald in seine Produkte integrieren."),
            Example("Das kann ich nicht."),
            Example("Er hat gestern Geburtstag gefeiert, sie hatte vorgestern frei."),
            Example("Die Firma hat bereits einen Nachfolger."),
            Example("Der Verein hatte 2021 Probleme."),
            Example("Sie hat es eilig."),
            Example("Die Stadt hat dem Vernehmen nach einen neuen Bürgermeister."),
        ),
        origin="mtlint/checks/verbs.py",
    ),
    Rule(
        id="verb-missing-run-on",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Ein Satzteil ohne Verb läuft ohne Satzende in den nächsten Satz.",
        doc=verb_missing_run_on.__doc__ or "",
        check=verb_missing_run_on,
        bad=(
            Example("Während Altman optimistisch bleibt und <marker>die Partnerschaft als "
                    "„Bromance„</marker>Die jüngsten Entwicklungen deuten auf einen Bruch hin."),
            Example("Microsoft investierte Milliarden und <marker>OpenAI die technische "
                    "Infrastruktur</marker> Seit 2019 bietet Azure die Infrastruktur."),
            Example("Weil <marker>die Nachfrage nach Chips in diesem Jahr</marker> "
                    "Außerdem sinken die Preise."),
        ),
        good=(
            Example("Während Altman optimistisch bleibt und die Partnerschaft als „Bromance“ "
                    "bezeichnet, deuten die Entwicklungen auf einen Bruch hin."),
            Example("Microsofts Investitionen von fast 14 Milliarden Dollar Seit 2019 bietet "
                    "OpenAI Zugriff auf Azure."),
            Example("Er kam nach Hause und aß. Seit 2019 wohnt er hier."),
        ),
        origin="mtlint/checks/verbs.py",
    ),
)

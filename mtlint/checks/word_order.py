"""Word order: English subject-verb order after a fronted phrase.

German main clauses put the finite verb in second place: whatever comes first (an
adverbial, a prepositional phrase, a subordinate clause), the verb follows it
directly and the subject comes after the verb.  English keeps the subject before
the verb and sets the fronted phrase off with a comma, and machine translation
copies that: "In den letzten Jahren, Microsoft und OpenAI haben sich ..." instead
of "In den letzten Jahren haben sich Microsoft und OpenAI ...".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from mtlint.checks import agreement
from mtlint.checks.sentences import CLOSING_QUOTES, OPENING_QUOTES, quotation_depths
from mtlint.checks.verbs import FINITE_TAGS, could_be_finite
from mtlint.core.document import WORD, BlockKind, Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german
from mtlint.language.wordclasses import (
    ARTICLES,
    CONNECTING_ADVERBS,
    COORDINATING_CONJUNCTIONS,
    DETERMINERS,
    FINITE_AUX_OR_MODAL,
    PREPOSITION_ARTICLES,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATING_CONJUNCTIONS,
    word_set,
)

# The longest subject noun phrase between the comma and the verb ("die beiden großen
# Unternehmen aus Redmond").
MAX_SUBJECT_WORDS = 8
# Articles and determiners in the dative or genitive: after the comma they continue
# the fronted phrase as an apposition or enumeration ("Im Jahr 2023, dem Jahr der KI,").
OBLIQUE = word_set(
    "dem den des einem einen eines einer diesem diesen dieses jenem jenen seinem seinen "
    "ihrem ihren unserem unseren deren dessen"
)
# Fronted phrases that German sets off with a comma before a normal clause: "Ehrlich
# gesagt, ...", "Kurz, ...", "Ja, ...".
SET_OFF = word_set(
    "ja nein doch also gut na ach oh tja übrigens kurz bitte danke okay nun naja klar"
)
# A subject pronoun right after the comma, alone before the verb, resumes the fronted
# clause ("Dass er kommt, das weiß ich.").
RESUMPTIVE = word_set("das der die dies dann so da")
COORDINATORS = COORDINATING_CONJUNCTIONS | {"sowie"}
# Subordinate clauses that a main clause follows directly: "Als die Zahlen kamen, fiel
# die Aktie." ("wenn", "dass" and "ob" clauses are followed by all sorts of things.)
CLAUSE_CONJUNCTIONS = word_set("als nachdem bevor sobald obwohl weil wenn falls sofern")
# Verbs whose object may be a clause with verb second: "Wenn du glaubst, ich bin
# dumm, irrst du." A fronted clause ending in one of them is not checked.
THINKING_VERBS = word_set(
    "sagen meinen glauben denken finden hoffen wissen behaupten sehen hören fürchten "
    "annehmen vermuten zeigen erklären schreiben lesen merken fühlen träumen wünschen "
    "fragen antworten erzählen versprechen schwören wetten sprechen befehlen verlangen "
    "fordern feststellen bemerken beweisen merken erfahren behaupten"
)
# A fronted answer or comment, not an adverbial: "Im Moment nicht, ...", "Im Prinzip
# ja, ...".
PARTICLES = word_set("nicht ja nein doch")
# Fixed phrases that comment on the sentence and are set off by a comma.
SET_OFF_PHRASES = frozenset({
    "im gegenteil", "im ernst", "bei gott", "in anderen worten", "mit anderen worten",
    "im klartext", "zum beispiel", "im übrigen", "unter uns", "zum glück", "im grunde",
})
INFINITIVE_OPENERS = word_set("um ohne statt anstatt")
# Adverbs that MT puts before a comma, as English does ("Heute, Microsoft ist ...");
# the "-weise" adverbs ("Interessanterweise") count too.
FRONTED_ADVERBS = word_set(
    "heute gestern derzeit aktuell momentan ursprünglich insgesamt tatsächlich leider "
    "erstens zweitens drittens letztendlich schlussendlich generell grundsätzlich "
    "infolgedessen dementsprechend demzufolge allgemein hierbei"
)
# Quantifiers that open a subject: "viele Unternehmen haben ...".
QUANTIFIERS = word_set("viele wenige einige mehrere manche beide alle")
# Words that open an amount as a subject: "mehr als 300 Millionen Menschen nutzen ...".
APPROXIMATORS = word_set("mehr weniger rund etwa knapp fast")
# Verbs whose complement clause may be a main clause: "Wenn ich sage, man nehme ...".
SAYING = word_set("gesagt gesprochen gemeint sagt sage sagte glaubt glaube dachte denkt")
# Pronouns that are only nominative: after a verb they are its subject.
NOMINATIVE_PRONOUNS = word_set("ich du er wir man")
ADJECTIVE_TAGS = frozenset({"ADJA", "ADJD", "CARD", "PIAT", "PPOSAT"})
# Words that open something other than a subject: relative and interrogative pronouns,
# pronominal adverbs, adverbs, conjunctions.
NON_SUBJECT_OPENERS = (
    SUBORDINATING_CONJUNCTIONS | CONNECTING_ADVERBS | COORDINATING_CONJUNCTIONS
    | PREPOSITIONS | PREPOSITION_ARTICLES | OBLIQUE | word_set(
        "was wer wen wem wo wohin woher worum woran worauf wobei womit wovon wozu "
        "daran darauf dadurch dagegen damit dafür davon dazu darüber darin daraus "
        "sonst also so dann da nun grad gerade sogleich auch"
    )
)


COMMA_SPACE = compile_pattern(r",\s")
# Quotation marks around a title inside the subject: "die Serie „The Crown“ endet".
QUOTES_AND_SPACE = " \t\n" + "".join(OPENING_QUOTES + CLOSING_QUOTES)


def _fronted_kind(words: list[str]) -> str | None:
    """What a sentence-initial stretch before a comma is: "phrase" (an adverbial or
    prepositional phrase without a finite verb), "clause" (a temporal or causal
    subordinate clause that ends with its verb), or None for anything else."""
    first = words[0].lower()
    lowered = {w.lower() for w in words}
    if first in SET_OFF or lowered & PARTICLES or words[-1].lower() in SAYING:
        return None
    if first == "wenn" and ("auch" in lowered or "schon" in lowered):
        return None  # "Wenn wir auch …, der Schmeichler gewinnt": a concessive clause
    if " ".join(words).lower() in SET_OFF_PHRASES:
        return None
    if first in CLAUSE_CONJUNCTIONS:
        if len(words) > 2 and could_be_finite(words[-1]):
            return "clause"
        if first == "als" and not any(could_be_finite(w) for w in words[1:]):
            return "phrase"  # "Als Ergebnis, ...", "Als Reaktion darauf, ..."
        return None
    if first in SUBORDINATING_CONJUNCTIONS - PREPOSITIONS:
        return None  # "wenn", "dass", "ob": their clauses take many shapes after them
    if (
        first in PREPOSITIONS or first in PREPOSITION_ARTICLES or first in CONNECTING_ADVERBS
        or first in FRONTED_ADVERBS or (first.endswith("weise") and len(first) > 8)
    ):
        if first in INFINITIVE_OPENERS and "zu" in (w.lower() for w in words[1:-1]):
            return "phrase"  # "Um die Kosten zu senken,": an infinitive, no finite verb
        if any(
            could_be_finite(word) and not _attributive(word, after)
            for word, after in itertools.pairwise([*words[1:], ""])
            if word.lower() not in PREPOSITIONS
        ):
            return None
        return "phrase"
    return None


def _attributive(word: str, following: str) -> bool:
    """Whether a word is an adjective before the noun that follows it ("den ersten
    Blick"), not a verb."""
    if not following[:1].isupper():
        return False
    tags = german.word_tags(word.lower())
    return tags is not None and "ADJA" in tags


def _subject_then_verb(words: list[regex.Match[str]], gaps: list[str]) -> int | None:
    """The index of the finite verb if `words` start with a subject noun phrase that is
    directly followed by it and the clause goes on after it; None otherwise."""
    if not words or not _opens_subject(words[0].group()):
        return None
    for index in range(1, min(len(words) - 1, MAX_SUBJECT_WORDS + 1)):
        if gaps[index].strip(QUOTES_AND_SPACE):
            return None  # punctuation inside: an insertion or an enumeration
        word = words[index].group()
        lower = word.lower()
        if word.islower() and (
            lower in FINITE_AUX_OR_MODAL or _finite_only(lower)
            or (_ends_noun(words[index - 1].group()) and _maybe_finite(lower))
        ):
            # Verb second goes on after the verb; a verb-final clause ends with it.
            return None if _clause_ends(words, gaps, index) else index
        if _name_like(word):
            continue
        if lower in ARTICLES or lower in COORDINATORS or lower in DETERMINERS:
            continue
        if lower == "als" and words[index - 1].group().lower() in ("mehr", "weniger"):
            continue  # "mehr als 300 Millionen Menschen"
        if lower in PREPOSITIONS and _ends_noun(words[index - 1].group()):
            continue  # an attribute after a noun: "die Aktien von Nvidia stiegen"
        tags = german.word_tags(lower)
        if tags is None and ("-" in lower or "‐" in lower):
            tags = german.word_tags(regex.split(r"[-‐]", lower)[-1])  # "34-jähriger"
        if tags is not None and (tags <= ADJECTIVE_TAGS | {"NN"} or "ADJA" in tags):
            continue  # an adjective in the noun phrase
        if tags is None and german.analyze_word(lower).tag == "ADJA":
            continue  # a rarer one ("ausgewogene")
        return None
    return None


def _name_like(word: str) -> bool:
    """A noun, a name or a number: capitalised, with a capital inside ("iPhone",
    "eBay") or digits ("S24", "2023")."""
    return not word.islower() or any(ch.isdigit() for ch in word)


def _ends_noun(word: str) -> bool:
    """Whether a word in a subject can end a noun phrase (a noun, a name, a number)."""
    return _name_like(word) and word.lower() not in NON_SUBJECT_OPENERS


def _maybe_finite(word: str) -> bool:
    """Whether a word may be a finite verb, though it may also be a participle or an
    adjective ("verpflichtete", "erhöht"): right after a noun it is the verb; the
    tagger confirms it in context."""
    tags = german.word_tags(word)
    if tags is None:
        if word.endswith(("te", "ten")):
            # A weak past tense the table lacks ("untersuchten"): its infinitive is known.
            stem = word[: -2 if word.endswith("te") else -3]
            if any("VVINF" in (german.word_tags(stem + end) or ()) for end in ("en", "n")):
                return True
        return german.analyze_word(word).is_finite_verb  # "jubelten"
    return bool(tags & FINITE_TAGS)


def _after_verb(
    words: list[regex.Match[str]], gaps: list[str], verb: int
) -> tuple[list[str], str, str]:
    """The words of the clause after the verb up to the next punctuation, that
    punctuation ("" at the end of the sentence) and the word after it."""
    for index in range(verb + 1, len(words)):
        if gaps[index].strip():
            tail = [m.group() for m in words[verb + 1:index]]
            return tail, gaps[index].strip(), words[index].group()
    return [m.group() for m in words[verb + 1:]], "", ""


def _clause_ends(words: list[regex.Match[str]], gaps: list[str], verb: int) -> bool:
    """Whether the clause ends with the verb or the verb group it starts, before a
    comma or a dash: "In der Stadt, die Touristen besucht haben, ...", a relative
    clause with its verbs at the end."""
    tail, mark, _ = _after_verb(words, gaps, verb)
    return bool(mark) and all(
        word.islower() and (
            word in FINITE_AUX_OR_MODAL or word == "zu" or _maybe_finite(word)
            or could_be_finite(word, analyse=False)
        )
        for word in tail
    )


def _opens_subject(word: str) -> bool:
    """Whether a word can open a subject noun phrase in the nominative."""
    lower = word.lower()
    if word[:1].isupper():
        return lower not in NON_SUBJECT_OPENERS
    if lower in SUBJECT_PRONOUNS or lower in ("der", "die", "das", "ein", "eine"):
        return True
    if lower in QUANTIFIERS or lower in APPROXIMATORS:
        return True
    if lower in DETERMINERS:
        return lower not in OBLIQUE and lower not in NON_SUBJECT_OPENERS
    tags = german.word_tags(lower)
    return tags is not None and tags <= ADJECTIVE_TAGS | {"NN"}


def _common_noun(word: str) -> bool:
    """Whether a capitalised word is a common noun rather than a name, by the full-form
    table or else the lexicon. Not `agreement.is_common_noun`, which asks more (a noun
    that also declines as one: not "der Neue", not "Predigten" beside "predigten") and
    costs an analysis per word; on the corpus they disagree on a third of the words."""
    tags = german.word_tags(word.lower())
    if tags is None:
        return german.is_known_noun(word)
    return "NN" in tags and "NE" not in tags


def _finite_only(word: str) -> bool:
    """Whether a word is a finite verb and nothing an adjective could be."""
    tags = german.word_tags(word)
    return tags is not None and bool(tags & FINITE_TAGS) and not tags & {"ADJA", "ADJD"}


# ---------------------------------------------------------------------------
# Verb second inside a subordinate clause
# ---------------------------------------------------------------------------

# Conjunctions whose clause ends with its finite verb in writing. "wobei" is left out:
# speech puts the verb second after it. So it does after "weil" and "obwohl" ("weil ich
# hab keine Zeit"), but with a pronoun for a subject: after a noun phrase
# ("weil die Lage ist ernst") the order is the English one (`SPOKEN_VERB_SECOND`).
VERB_FINAL_CONJUNCTIONS = word_set(
    "dass daß ob damit falls sofern sodass nachdem bevor sobald solange während wenn "
    "indem obgleich wodurch weshalb weil obwohl"
)
VERB_FINAL_CONJUNCTION = compile_pattern(
    r"(?i)\b(?:dass|daß|ob|damit|falls|sofern|sodass|nachdem|bevor|sobald|solange|während"
    r"|wenn|indem|obgleich|wodurch|weshalb|weil|obwohl)\b"
)
SPOKEN_VERB_SECOND = word_set("weil obwohl")
QUOTE_MARK = compile_pattern('[„»"“«]')
# Characters of a clause read after its conjunction, and before it.
CLAUSE_WINDOW = 300
LOOK_BACK = 40
# Words after "während" that make it the preposition ("während des Tages").
GENITIVE_OPENERS = word_set("der des eines einer dieser dieses jener jenes")
# Question words that open an extraposed question, however short: "wenn ich wüsste,
# warum", "ob er weiß weshalb".
INTERROGATIVES = word_set("warum weshalb wieso weswegen wo wohin woher wann wer was wie")
# Words after the verb that an extraposed or coordinated part starts with: "dass die
# Preise höher sind als im Vorjahr", "dass er kommt und sie geht".
EXTRAPOSED_OPENERS = (
    COORDINATORS | SUBORDINATING_CONJUNCTIONS | word_set("als wie zu um außer statt")
    | INTERROGATIVES
)


def word_order_subordinate_verb_second(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Englische Wortstellung im Nebensatz: Das finite Verb folgt direkt auf das Subjekt,
    statt am Ende des Nebensatzes zu stehen („…, dass die Matte wäre die beste Wahl“, „…,
    ob die Firma hat genug Geld“, „…, dass es gibt viele Möglichkeiten“).

    ## Warum ist das ein Problem?
    Im deutschen Nebensatz steht das finite Verb am Ende: „dass die Matte die beste Wahl
    wäre“. Maschinelle Übersetzung übernimmt die englische Reihenfolge Subjekt – Verb –
    Objekt.

    ## Bekannte Grenzen
    Geprüft werden Nebensätze mit „dass“, „ob“, „damit“, „falls“, „sofern“, „sodass“,
    „nachdem“, „bevor“, „sobald“, „solange“, „während“ (nach einem Komma, nicht vor
    „der“: „während der Vorstand tagt“ bleibt unbeachtet), „wenn“, „indem“, „obgleich“,
    „wodurch“ und „weshalb“, deren Subjekt ein Pronomen oder eine Nominalgruppe von
    höchstens acht Wörtern ist. Nach „weil“ und „obwohl“ stellt gesprochene Sprache das
    Verb an zweite Stelle („weil ich hab keine Zeit“); dort wird nur gemeldet, wenn das
    Subjekt eine Nominalgruppe ist („weil die Lage ist ernst“), nicht nach einem Pronomen.
    Eine nachgestellte Frage („wenn ich wüsste, warum“) ist richtig. Ebenso geprüft
    werden Relativsätze mit „was“ oder „welch-“, in denen ein finites Vollverb direkt
    nach dem Pronomen steht und eine Nominalgruppe folgt („…, was zeigt die Umsätze“);
    Sätze mit Fragezeichen bleiben dort unbeachtet, „der“, „die“, „das“ auch (sie
    eröffnen als Demonstrativa Hauptsätze: „…, der hat ein Boot“).
    Ausgeklammerte Vergleiche („dass die Preise höher sind als im Vorjahr“) und
    angeschlossene Sätze („dass er kommt und sie geht“) sind richtig; ein ausgeklammertes
    Präpositionalgefüge („dass er Raum hat für alle“) wird nicht gemeldet, auch wenn es
    englische Wortstellung ist („dass er wohnt in Berlin“). Zitate in Anführungszeichen und
    Verse werden nicht geprüft.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag stellt das Verb an das Ende des Nebensatzes; trennbare Verben
    („stellt … vor“) müssen zusammengezogen werden.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        conjunctions = VERB_FINAL_CONJUNCTION.search(block.text)
        relatives = RELATIVE_VERB_SECOND.search(block.text)
        if not conjunctions and not relatives:
            continue
        # Quotation depths cost a pass over the characters: only where a quote mark is.
        depths = quotation_depths(block.text) if QUOTE_MARK.search(block.text) else None
        for sentence in block.sentences:
            text = sentence.text
            for start, end, replacement, pronoun, verb in (
                _relative_verb_second(text) if relatives else ()
            ):
                if depths is not None and depths[sentence.start - block.start + start] > 0:
                    continue
                yield Hit(
                    sentence.start + start, end - start,
                    f"Englische Wortstellung im Nebensatz: Nach „{pronoun}“ gehört das "
                    f"Verb „{verb}“ an das Ende des Nebensatzes.",
                    (replacement,), replacement, Safety.UNSAFE,
                )
            if not conjunctions:
                continue
            for found in VERB_FINAL_CONJUNCTION.finditer(text):
                conjunction = found.group()
                # What stands before it (a short look back: a long line costs no more).
                start = found.start()
                before = text[max(0, start - LOOK_BACK):start].rstrip()
                if start > LOOK_BACK and not before:
                    before = " "  # only spaces in the window: not the sentence start
                if before and conjunction[:1].isupper():
                    continue  # "…, Daß Herrn und Damen klatschten": a line of verse
                if before and not before.endswith(",") and not (
                    before.lower().endswith(" so") or before.lower() == "so"
                ):
                    continue  # "so dass", ", dass"; elsewhere "ob" and "bevor" may be other words
                if depths is not None and depths[sentence.start - block.start + found.start()] > 0:
                    continue
                # The clause after it, in a window: a long line costs no more per clause.
                rest = list(WORD.finditer(text, found.end(), found.end() + CLAUSE_WINDOW))
                if len(rest) < 2 or text[found.end():rest[0].start()].strip():
                    continue
                if conjunction.lower() == "während" and (
                    not before or rest[0].group().lower() in GENITIVE_OPENERS
                ):
                    continue  # "Während der drei Jahre ...": the preposition
                rest_gaps = [text[found.end():rest[0].start()]] + [
                    text[x.end():y.start()] for x, y in itertools.pairwise(rest)
                ]
                if conjunction.lower() in SPOKEN_VERB_SECOND and _pronoun_opens(rest):
                    continue  # "weil ich hab keine Zeit", "weil das ist so": speech
                hit = _verb_second_in_clause(text, rest, rest_gaps)
                if hit is not None:
                    start, end, replacement, verb = hit
                    yield Hit(
                        sentence.start + start, end - start,
                        f"Englische Wortstellung im Nebensatz: Nach „{conjunction}“ "
                        f"gehört das Verb „{verb}“ an das Ende des Nebensatzes.",
                        (replacement,), replacement, Safety.UNSAFE,
                    )


# A relative or interrogative "was"/"welch-" after a comma, a lowercase word and a word
# that opens a noun phrase: "…, was darstellt den Sänger". ("der", "die", "das" are left
# out: as demonstratives they open main clauses, "…, der hat ein Boot".)
RELATIVE_VERB_SECOND = compile_pattern(
    r",\s+(?P<pronoun>was|welche[rsmn]?)\s+(?P<verb>\p{Ll}+)\s+(?P<phrase>(?:der|die|das|den"
    r"|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner"
    r"|(?:sein|ihr|unser|mein|dein|euer|eur)(?:e|en|em|er)?|diese|diesen|diesem|dieser"
    r"|dieses)\s+\w[^,;:.!?()–—]*)"
)


def _relative_verb_second(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """Relative clauses after "was" or "welch-" whose finite full verb comes right after
    the pronoun and a noun phrase follows it, as in English ("…, was darstellt den
    Sänger"): (start, end, replacement, pronoun, verb) of the stretch from the verb on."""
    if "?" in text:
        return  # a question set off by a comma: "Na, was macht die Kunst?"
    for found in RELATIVE_VERB_SECOND.finditer(text):
        verb = found.group("verb")
        tags = german.word_tags(verb)
        if tags is None:
            tags = frozenset({german.analyze_word(verb).tag})  # a rarer one: HanTa guesses
        if "VVFIN" not in tags or verb in FINITE_AUX_OR_MODAL:
            continue
        phrase = found.group("phrase").rstrip()
        yield (found.start("verb"), found.start("phrase") + len(phrase),
               f"{phrase} {verb}", found.group("pronoun"), verb)


def _pronoun_opens(words: list[regex.Match[str]]) -> bool:
    """Whether a clause opens with a pronoun for its subject ("ich", "das" before a
    verb, "dies"), not with a noun phrase."""
    first = words[0].group().lower()
    if first in SUBJECT_PRONOUNS or first in ("dies", "dann", "so", "da"):
        return True
    return first in ("das", "der", "die") and len(words) > 1 and words[1].group().islower() and (
        german.word_tags(words[1].group()) or frozenset()
    ) & FINITE_TAGS != frozenset()


def _verb_second_in_clause(
    text: str, words: list[regex.Match[str]], gaps: list[str]
) -> tuple[int, int, str, str] | None:
    """The span subject..end of clause, its rebuilt text and the verb, where the clause
    after a conjunction has its finite verb right after the subject and goes on after
    it; None otherwise."""
    verb = _subject_then_verb(words, gaps)
    if verb is None:
        return None
    tail, mark, _ = _after_verb(words, gaps, verb)
    if not tail or tail[0].lower() in EXTRAPOSED_OPENERS or max(len(w) for w in tail) < 2:
        return None
    if tail[0].lower() in PREPOSITIONS or tail[0].lower() in PREPOSITION_ARTICLES:
        return None  # "dass der Abgrund Raum hat für alle": a phrase set after the verb
    if mark not in ("", ",", ".", "!", "?", ";", ":"):
        return None  # a dash or a bracket: an insertion
    later = _later_verb(words, gaps, verb)
    if later and not (
        words[verb].group().lower() in FINITE_AUX_OR_MODAL and _non_finite(tail[-1])
    ):
        # A second finite verb: HanTa's reading is in doubt. An auxiliary or modal with
        # its participle or infinitive at the end is clear: "während die Strände werden
        # tagsüber genutzt".
        return None
    if not (_ends_noun(words[verb - 1].group()) and not later) and not _verb_confirmed(
        text, words[verb].start()
    ):
        return None  # HanTa, tagging in context, is asked last: it costs milliseconds
    last = words[verb + len(tail)]
    subject = text[words[0].start():words[verb - 1].end()]
    finite = words[verb].group()
    rest = text[words[verb + 1].start():last.end()]
    return words[0].start(), last.end(), f"{subject} {rest} {finite}", finite


# ---------------------------------------------------------------------------
# Infinitive before its object
# ---------------------------------------------------------------------------

INFINITIVE_CONJUNCTIONS = word_set("um ohne statt anstatt")
# A cheap first look: "um zu …", "ohne anzubieten".
INFINITIVE_OPENING = compile_pattern(
    r"(?i)(?:\b(?:um|ohne|statt|anstatt)|,) (?:zu |\w+zu\w)"
)
# Words that open a noun phrase after the infinitive: the object English puts there.
OBJECT_OPENERS = ARTICLES | word_set(
    "mein meine meinen meinem dein deine deinen deinem sein seine seinen seinem "
    "ihr ihre ihren ihrem unser unsere unseren unserem euer eure euren eurem "
    "diese diesen dieses diesem jede jeden jedes jedem alle"
)


def _zu_infinitive(words: list[regex.Match[str]], index: int) -> int | None:
    """The index of the last word of a zu-infinitive that starts at `index` ("zu
    verbessern", "anzubieten"), or None."""
    word = words[index].group()
    if word == "zu" and index + 1 < len(words):
        verb = words[index + 1].group()
        tags = german.word_tags(verb)
        if verb.islower() and tags is not None and tags & {"VVINF", "VAINF"}:
            return index + 1
        return None
    tags = german.word_tags(word)
    if word.islower() and "zu" in word[1:-3] and tags is not None and "VVIZU" in tags:
        return index
    return None


def word_order_infinitive_object(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Englische Wortstellung in der Infinitivgruppe: Das Objekt folgt dem Infinitiv („um zu
    verbessern die Qualität“, „ohne zu verlieren ihre Daten“, „um anzubieten einen
    besseren Service“).

    ## Warum ist das ein Problem?
    Im Deutschen steht der Infinitiv mit „zu“ am Ende seiner Gruppe: „um die Qualität zu
    verbessern“. Maschinelle Übersetzung übernimmt „to improve the quality“ Wort für Wort.

    ## Bekannte Grenzen
    Geprüft werden Infinitivgruppen, die mit „um“, „ohne“, „statt“, „anstatt“ oder nach
    einem Komma direkt mit dem Infinitiv beginnen („Es ist wichtig, zu verstehen die
    Risiken“), wenn danach ein Artikel oder Begleiter folgt. Steht vor „zu“ schon ein
    Objekt („den Text zu lesen die Pflicht hat“) oder fehlt das Komma, bleibt die Gruppe
    unbeachtet: Ältere Literatur stellt dort um („Würde zu geben dem Verschmähten“).

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag stellt den Infinitiv an das Ende der Gruppe, vor das nächste
    Satzzeichen.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        if not INFINITIVE_OPENING.search(block.text):
            continue
        for sentence in block.sentences:
            text = sentence.text
            if not INFINITIVE_OPENING.search(text):
                continue
            words = list(WORD.finditer(text))
            for index, opener in enumerate(words[:-2]):
                if opener.group().lower() in INFINITIVE_CONJUNCTIONS:
                    first = index + 1
                elif index and text[words[index - 1].end():opener.start()] == ", ":
                    # An infinitive group of its own after a comma: "Es ist wichtig, zu
                    # verstehen die Risiken".
                    first = index
                else:
                    continue
                last = _zu_infinitive(words, first)
                if last is None or last + 1 >= len(words):
                    continue
                if any(
                    text[words[i].end():words[i + 1].start()] != " "
                    for i in range(index, last + 1)
                ):
                    continue  # punctuation inside: "um zu helfen, die Kinder ..."
                if words[last + 1].group().lower() not in OBJECT_OPENERS:
                    continue
                end = last + 1
                while end + 1 < len(words) and (
                    text[words[end].end():words[end + 1].start()] == " "
                ):
                    end += 1
                infinitive = text[words[first].start():words[last].end()]
                objects = text[words[last + 1].start():words[end].end()]
                replacement = f"{objects} {infinitive}"
                start = sentence.start + words[first].start()
                shown = replacement if first == index else f"{opener.group()} {replacement}"
                yield Hit(
                    start, sentence.start + words[end].end() - start,
                    f"Englische Wortstellung: „{infinitive}“ gehört an das Ende der "
                    f"Infinitivgruppe („{shown}“).",
                    (replacement,), replacement, Safety.UNSAFE,
                )


def _non_finite(word: str) -> bool:
    """Whether a word is a participle or infinitive and nothing a noun phrase has."""
    tags = german.word_tags(word)
    return word.islower() and tags is not None and bool(
        tags & {"VVPP", "VVINF", "VAINF", "VAPP", "VMINF"}
    ) and not tags & {"ADJA", "NN"}


def word_order_verb_third(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Englische Wortstellung nach einer vorangestellten Angabe: Nach dem Komma folgt erst
    das Subjekt, dann das Verb („In den letzten Jahren, Microsoft und OpenAI haben sich
    …“, „Im Jahr 2023, das Unternehmen hat …“, „Als die Zahlen kamen, die Aktie fiel.“).

    ## Warum ist das ein Problem?
    Im deutschen Hauptsatz steht das finite Verb an zweiter Stelle: direkt nach dem
    ersten Satzglied, auch wenn das eine lange Angabe oder ein Nebensatz ist. Das
    Subjekt folgt dem Verb: „In den letzten Jahren haben sich Microsoft und OpenAI …“.
    Eine vorangestellte Angabe wird auch nicht durch Komma abgetrennt.

    Auch „es“ und Mengenangaben („mehr als 300 Millionen Menschen“) zählen als Subjekt:
    „Am Ende, es macht Sinn …“; nach einem Bedingungssatz ebenso: „Wenn Sie Fragen
    haben, Sie können …“ („können Sie“). Nach einem Adverb, das allein die erste Stelle
    füllt („deshalb“, „außerdem“, „heute“, „dann“), oder einer festen Wendung wie
    „in der Regel“, „zum Glück“, „im Allgemeinen“ wird auch ohne Komma gemeldet:
    „Deshalb wir haben …“ („Deshalb haben wir …“).

    ## Bekannte Grenzen
    Nach „wenn … auch“ (einräumend), nach Verben des Sagens und Denkens („Wenn du
    glaubst, ich bin …“) und vor indirekter Rede („…, er habe …“) wird nichts gemeldet.
    „Es“ im Konjunktiv oder nach Wörtern des Denkens („Aus Angst, es handle sich …“, „In der
    Hoffnung, es wird …“) bleibt unbeachtet. Nicht gemeldet werden abgesetzte Ausdrücke
    („Ja, …“, „Ehrlich gesagt, …“), Aufzählungen und Appositionen nach dem Komma („In
    Berlin, Hamburg und München gibt es …“, „Im Jahr 2023, dem Jahr der KI, …“),
    Relativsätze, die mit ihrem Verb enden („Im Jahr 2023, das als Rekordjahr gilt, …“),
    eingeschobene Sätze („Seit Jahren, die Zahlen belegen es, steigen …“), wieder
    aufgenommene Nebensätze („Dass er kommt, das weiß ich.“) und direkte Rede. Das Subjekt
    darf bis zu acht Wörter lang sein und Namen, Zahlen und Attribute enthalten („der Verein
    Borussia Mönchengladbach“, „das iPhone 15 Pro“, „die Preise für Strom und Gas“).
    Ohne Komma prüft die Regel nur Adverbien, die nicht zum Subjekt gehören können:
    Gradpartikeln wie „auch“, „bereits“, „insbesondere“ („Auch wir haben …“, „Bereits die
    Römer kannten …“) und Angaben wie „heute Abend“ bleiben unbeachtet, ebenso ein
    vorangestelltes Präpositionalgefüge ohne Komma („Im Jahr 2020 die Firma hat …“).

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag stellt Verb und Subjekt um; weitere Satzglieder (etwa „sich“)
    müssen eventuell noch wandern.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        for sentence in block.sentences:
            text = sentence.text
            found = COMMA_SPACE.search(text)
            comma = found.start() if found else -1
            kind = None
            if comma >= 0 and not any(q in text[:comma] for q in OPENING_QUOTES + CLOSING_QUOTES):
                fronted = [m.group() for m in WORD.finditer(text[:comma])]
                kind = _fronted_kind(fronted) if fronted else None
            idiom = FRONTED_IDIOMS.match(text) if kind is None else None
            if idiom is not None:
                # No comma after a set phrase: "In der Regel wir haben …".
                kind, comma, fronted = "adverb", idiom.end(), idiom.group().split()
            elif kind is None:
                # No comma: an adverb alone before the subject ("Deshalb wir haben …").
                first = WORD.match(text)
                after = text[first.end():first.end() + 2] if first is not None else ""
                if first is None or first.group().lower() not in BARE_FRONTED_ADVERBS or not (
                    after[:1] == " " and after[1:].isalpha()
                ):
                    continue
                second = WORD.match(text, first.end() + 1)
                if second is not None and second.group().lower() in TIMES_OF_DAY:
                    continue  # "Heute Abend beginnt …": one adverbial
                kind, comma, fronted = "adverb", first.end(), [first.group()]
            # A bracket after the subject (a pronunciation, an English term) is no part
            # of the clause: "In der Linguistik, Konjugation (lat. …) ist …".
            words_text = BRACKETED.sub(lambda m: " " * len(m.group()), text)
            rest = list(WORD.finditer(words_text, comma + 1))
            gaps = [words_text[comma + 1:rest[0].start()]] + [
                words_text[a.end():b.start()] for a, b in itertools.pairwise(rest)
            ] if rest else []
            if not rest or gaps[0].strip():
                continue  # a quotation after the comma: direct speech
            opener = rest[0].group()
            if opener != "Sie" and opener[:1].isupper() and (
                opener.lower() in ARTICLES | DETERMINERS | SUBJECT_PRONOUNS
            ):
                continue  # "..., Die Handlung rufet laut": a line of verse
            verb = _subject_then_verb(rest, gaps)
            if verb is None:
                continue
            if kind == "clause" and german.analyze_word(fronted[-1].lower()).lemma in (
                THINKING_VERBS
            ):
                continue  # "Wenn du glaubst, ich bin dumm, …": the clause is its object
            subject = text[rest[0].start():rest[verb - 1].end()]
            subject_words = [m.group().lower() for m in rest[:verb]]
            if len(subject_words) == 1 and subject_words[0] in RESUMPTIVE:
                continue  # "Dass er kommt, das weiß ich."
            if subject_words[-1] in ("er", "sie", "es", "man") and len(subject_words) == 1 and (
                rest[verb].group().endswith("e")
            ):
                continue  # "…, er habe mich widerlegt": reported speech
            if subject_words == ["es"] and not _indicative_after_es(
                rest[verb].group(), fronted[-1]
            ):
                continue  # "Aus Angst, es handle sich ...": a clause that depends on "Angst"
            if any(w in COORDINATORS for w in subject_words) and (
                len(fronted) <= 2 or _common_noun(rest[0].group())
            ):
                # "In Berlin, Hamburg und München gibt es ...", "Ohne den Katechismus,
                # Predigten und Schmähungen wären ...": the comma lists, the verb is second.
                continue
            if _subject_follows(rest, verb) or _inserted_clause(rest, gaps, verb):
                continue
            if not _nominative(subject_words, [m.group() for m in rest[:verb]]):
                continue
            if not _verb_confirmed(text, rest[verb].start()) and not (
                _ends_noun(rest[verb - 1].group()) and not _later_verb(rest, gaps, verb)
            ):
                continue
            finite = rest[verb].group()
            moved = text[rest[0].start():rest[verb].start()].rstrip()  # with a bracket
            if kind in ("phrase", "adverb"):
                start, replacement = comma, f" {finite} {moved}"
            else:
                start, replacement = rest[0].start(), f"{finite} {moved}"
            end = rest[verb].end()
            yield Hit(
                sentence.start + start, end - start,
                f"Englische Wortstellung: Nach der vorangestellten Angabe muss das Verb "
                f"„{finite}“ an zweiter Stelle stehen, vor dem Subjekt „{subject}“.",
                (replacement,), replacement, Safety.UNSAFE,
            )


# Adverbs that fill the first place alone: after one of them the finite verb follows
# directly, even without a comma ("Deshalb haben wir …", not "Deshalb wir haben …").
# Left out: focus particles that may belong to the subject ("Auch wir haben …", "Bereits
# die Römer kannten …", "Insbesondere die Firma …", "Immerhin zwei Leute kamen"), "also",
# "da" and "zwar" (also conjunctions or particles).
BARE_FRONTED_ADVERBS = (CONNECTING_ADVERBS | FRONTED_ADVERBS) - word_set(
    "also auch bereits da ebenfalls ebenso immerhin insbesondere zwar sonst nun "
    "gleichzeitig zugleich"
)
# Set phrases that fill the first place alone like those adverbs ("In der Regel haben
# wir …", not "In der Regel wir haben …"; English "as a rule, we have …").
FRONTED_IDIOMS = compile_pattern(
    r"(?i:zum beispiel|zum glück|im allgemeinen|in der regel|im grunde|im gegenteil|"
    r"im übrigen|im prinzip|in wirklichkeit|auf jeden fall|aus diesem grund|in der tat)"
    r"(?= \p{L})"
)
# Nouns that make one adverbial with the adverb before them: "heute Abend", "gestern
# Nacht".
TIMES_OF_DAY = word_set("morgen früh vormittag mittag nachmittag abend nacht")
# A short bracket inside a clause, blanked out before its words are read.
BRACKETED = compile_pattern(r" \([^()]{1,80}\)(?= )")
# Nouns that a clause without "dass" may follow: "Aus Angst, es könnte regnen, ...".
THOUGHT_NOUNS = word_set(
    "angst hoffnung gefühl eindruck glauben sorge befürchtung annahme überzeugung "
    "gewissheit vermutung meinung ansicht erwartung gedanken bewusstsein wissen"
)
# Verb forms of the indicative that "es" takes as an English-style subject ("Am Ende
# des Tages, es macht Sinn"); subjunctives ("es handle sich", "es werde", "es sei") are
# reported speech.
ES_INDICATIVE_PAST = word_set("war gab ging kam stand lag blieb hieß galt fiel")


def _indicative_after_es(verb: str, last_fronted: str) -> bool:
    """Whether "es" + `verb` after the comma is a main clause in the indicative, not a
    clause that depends on a noun of thinking before the comma."""
    if last_fronted.lower() in THOUGHT_NOUNS:
        return False
    lower = verb.lower()
    return lower in ES_INDICATIVE_PAST or lower.endswith("t") or lower in word_set(
        "kann muss soll will mag"
    )


def _nominative(lowered: list[str], words: list[str]) -> bool:
    """Whether the phrase opened by an article can be a nominative: not "der Proteste"
    (genitive plural) in "Trotz der Kritik, der Proteste und der Klagen hält ...", an
    enumeration that goes on with the fronted phrase."""
    determiner = agreement.DETERMINERS.get(lowered[0])
    noun = next((word for word in words[1:] if word[:1].isupper()), None)
    if determiner is None or noun is None:
        return True
    reading = agreement.noun_reading(noun)
    if reading is None:
        return True
    return any(
        number in reading.agreeing and case == "nom" and reading.has_form(number, case)
        for number, case, _ in determiner.readings
    )


def _subject_follows(words: list[regex.Match[str]], verb: int) -> bool:
    """Whether a subject pronoun follows the verb: then the verb is second already
    ("In kleinen Städten, Hof, weiß man ...")."""
    return verb + 1 < len(words) and words[verb + 1].group() in NOMINATIVE_PRONOUNS


def _inserted_clause(words: list[regex.Match[str]], gaps: list[str], verb: int) -> bool:
    """Whether the clause after the comma is an insertion that the main clause's verb
    follows after the next comma ("Seit Jahren, die Zahlen belegen es, steigen die
    Preise.")."""
    _, mark, word = _after_verb(words, gaps, verb)
    return mark in (",", "–", "—", "-") and could_be_finite(word)


def _verb_confirmed(text: str, offset: int) -> bool:
    """Whether HanTa, tagging the sentence in context, reads the word at `offset` as a
    finite verb."""
    for start, analysis in german.tag_text(text):
        if start == offset:
            return analysis.tag in FINITE_TAGS
    return False


def _later_verb(words: list[regex.Match[str]], gaps: list[str], verb: int) -> bool:
    """Whether another word of the clause may be its finite verb. HanTa reads a verb
    after a name or number as a participle or adjective ("das Pixel 8 Pro überzeugt
    mit ...", "die Forscher der Universität Oxford untersuchten 500 Patienten"); that
    reading needs a finite verb elsewhere in the clause."""
    tail, _, _ = _after_verb(words, gaps, verb)
    return any(
        word.islower() and (word in FINITE_AUX_OR_MODAL or _maybe_finite(word))
        for word in tail
    )


RULES = (
    Rule(
        id="word-order-verb-third",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Englische Wortstellung: Subjekt vor dem Verb nach vorangestellter Angabe.",
        doc=word_order_verb_third.__doc__ or "",
        check=word_order_verb_third,
        bad=(
            Example("In den letzten Jahren<marker>, Microsoft und OpenAI haben</marker> sich "
                    "als führende Unternehmen etabliert.",
                    correction=" haben Microsoft und OpenAI"),
            Example("Im Jahr 2023<marker>, das Unternehmen hat</marker> seinen Umsatz "
                    "verdoppelt.", correction=" hat das Unternehmen"),
            Example("Nach Angaben des Konzerns<marker>, die neue Fabrik wird</marker> im "
                    "Herbst eröffnet.", correction=" wird die neue Fabrik"),
            Example("Als die Zahlen veröffentlicht wurden, <marker>die Aktie fiel</marker> "
                    "deutlich.", correction="fiel die Aktie"),
            Example("Gleichzeitig<marker>, Microsoft investiert</marker> in eigene Modelle.",
                    correction=" investiert Microsoft"),
            Example("Nach monatelangen Verhandlungen<marker>, der Verein Borussia "
                    "Mönchengladbach verpflichtete</marker> den Stürmer.",
                    correction=" verpflichtete der Verein Borussia Mönchengladbach"),
            Example("Bei genauerem Hinsehen<marker>, das Galaxy S24 Ultra bietet</marker> "
                    "mehr Speicher.", correction=" bietet das Galaxy S24 Ultra"),
            Example("Laut einer neuen Studie<marker>, der Konsum von Zucker erhöht</marker> "
                    "das Risiko.", correction=" erhöht der Konsum von Zucker"),
            Example("Nach Angaben der Firma<marker>, mehr als 200 Millionen Menschen "
                    "nutzen</marker> die App.",
                    correction=" nutzen mehr als 200 Millionen Menschen"),
            Example("Unterm Strich<marker>, es lohnt</marker> sich, früh zu buchen.",
                    correction=" lohnt es"),
            Example("Wenn Sie Fragen haben, <marker>Sie können</marker> uns jederzeit anrufen.",
                    correction="können Sie"),
            Example("Deshalb<marker> wir haben</marker> das Angebot erweitert.",
                    correction=" haben wir"),
        ),
        good=(
            Example("In den letzten Jahren haben sich Microsoft und OpenAI etabliert."),
            Example("Als die Zahlen veröffentlicht wurden, fiel die Aktie deutlich."),
            Example("In Berlin, Hamburg und München gibt es neue Büros."),
            Example("Im Jahr 2023, dem Jahr der KI, hat das Unternehmen expandiert."),
            Example("Dass er kommt, das weiß ich."),
            Example("Ehrlich gesagt, ich weiß es nicht."),
            Example("Auch wir haben das Angebot erweitert; bereits die Römer kannten es."),
            Example("Heute Abend beginnt die Saison. Außerdem die Preise: stabil."),
            Example("Ja, das stimmt."),
            Example("Nun, ich glaube nicht, dass die Firma überlebt."),
            Example("Wenn ich sage, man nehme sich Zeit, meine ich das ernst."),
            Example("Im Prinzip ja, allerdings erfolgt die Lieferung später."),
            Example("Zu viel Panzer und zu wenig Gehirn, dadurch sind die Dinosaurier "
                    "ausgestorben."),
            Example("Nach allem, was wir wissen, hat der Konzern verloren."),
            Example("Er kam nach Hause, sie ging."),
            Example("Um die Kosten zu senken, hat Microsoft Stellen gestrichen."),
            Example("Im Jahr 2023, das als Rekordjahr gilt, stiegen die Preise."),
            Example("Im Finale, das die Bayern mit 2:1 gewannen, schoss Kane zwei Tore."),
            Example("Im Jahr 2023, also vor der Wahl, stiegen die Preise."),
            Example("Seit Jahren, die Zahlen belegen es, steigen die Preise."),
            Example("Aus Angst, es handle sich um Betrug, rief er die Polizei."),
            Example("In der Hoffnung, es wird besser, wartete sie ab."),
            Example("Nach Angaben der Firma nutzen mehr als 200 Millionen Menschen die App."),
            Example("Wenn Sie Fragen haben, können Sie uns anrufen."),
            Example("Wenn du glaubst, ich bin dumm, irrst du dich."),
            Example("Wenn wir auch zweifeln, die Hoffnung bleibt."),
            Example("Wenn jemand spricht, er habe recht, hört keiner zu."),
        ),
        origin="mtlint/checks/word_order.py",
    ),
    Rule(
        id="word-order-subordinate-verb-second",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Englische Wortstellung im Nebensatz: das Verb direkt nach dem Subjekt "
                "oder dem Relativpronomen („dass die Matte wäre die beste“).",
        doc=word_order_subordinate_verb_second.__doc__ or "",
        check=word_order_subordinate_verb_second,
        bad=(
            Example("Ich denke, dass <marker>die Matte wäre die beste Wahl für "
                    "Anfänger</marker>.", "die Matte die beste Wahl für Anfänger wäre"),
            Example("Wir wissen, dass <marker>es gibt viele Möglichkeiten</marker>.",
                    "es viele Möglichkeiten gibt"),
            Example("Er prüft, ob <marker>die Firma hat genug Geld für den Umbau</marker>.",
                    "die Firma genug Geld für den Umbau hat"),
            Example("Wir warten ab, weil <marker>die Lage ist ernst</marker>.",
                    "die Lage ernst ist"),
            Example("Rufen Sie an, wenn <marker>der Drucker zeigt einen Fehler</marker>.",
                    "der Drucker einen Fehler zeigt"),
            Example("Wir nutzen ein Diagramm, was <marker>zeigt die Umsätze pro Monat"
                    "</marker>.", "die Umsätze pro Monat zeigt"),
            Example("Es gibt eine Funktion, welche <marker>speichert den Verlauf</marker>.",
                    "den Verlauf speichert"),
        ),
        good=(
            Example("Ich denke, dass die Matte die beste Wahl für Anfänger wäre."),
            Example("Ich glaube, dass die Preise höher sind als im Vorjahr."),
            Example("Er sagt, dass er kommt und sie geht."),
            Example("Sie fragt, ob die Firma genug Geld hat, um zu bauen."),
            Example("Er sagte: „Ich hoffe, dass es gibt keinen Streit.“"),
            Example("Er kam, weil er hatte keine Zeit."),
            Example("Wenn ich wüsste warum, wüsste ich es."),
            Example("Wir warten, bis die Preise sinken."),
            Example("Wir sehen, dass der Abgrund der Geschichte Raum hat für alle."),
            Example("Es gibt eine Funktion, welche den Verlauf speichert."),
            Example("Er tat alles, was die Eltern verlangten."),
            Example("Na, was macht die Kunst?"),
            Example("Ich kaufe ein Buch, welches mir der Händler empfiehlt."),
        ),
        origin="mtlint/checks/word_order.py",
    ),
    Rule(
        id="word-order-infinitive-object",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Englische Wortstellung: das Objekt nach dem Infinitiv („um zu verbessern "
                "die Qualität“).",
        doc=word_order_infinitive_object.__doc__ or "",
        check=word_order_infinitive_object,
        bad=(
            Example("Nutzen Sie das Tool, um <marker>zu verbessern die Qualität Ihrer "
                    "Texte</marker>.", "die Qualität Ihrer Texte zu verbessern"),
            Example("Sie können wechseln, ohne <marker>zu verlieren Ihre Daten</marker>.",
                    "Ihre Daten zu verlieren"),
            Example("Wir arbeiten hart, um <marker>anzubieten einen besseren "
                    "Service</marker>.", "einen besseren Service anzubieten"),
            Example("Es ist wichtig, <marker>zu verstehen die Risiken</marker>.",
                    "die Risiken zu verstehen"),
        ),
        good=(
            Example("Nutzen Sie das Tool, um die Qualität Ihrer Texte zu verbessern."),
            Example("Sie können wechseln, ohne Ihre Daten zu verlieren."),
            Example("Er kam, um zu helfen, die Kinder blieben zu Hause."),
            Example("Um zu gewinnen, braucht man Glück."),
            Example("Es ist wichtig, die Risiken zu verstehen, die Lage zu kennen."),
            Example("Er bat sie, zu kommen, die Kinder warteten."),
        ),
        origin="mtlint/checks/word_order.py",
    ),
)

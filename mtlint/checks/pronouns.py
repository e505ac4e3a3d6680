"""Pronoun gender: "es" or "er" for a noun of another gender in the sentence before.

English "it" has no gender, so machine translation often renders it as "es" whatever
the German noun is: "Die Roadmap ist klar gegliedert. Es deckt alle Prüfungen ab"
("Sie deckt"), "Firefox ist ein Browser. Es lädt …" ("Er lädt").

The check is narrow on purpose. A sentence must open with "Es" or "Er" and a finite
verb; the sentence before must open with its subject, a noun with one gender in the
lexicon (compounds by their last part), or a name followed by "ist ein …" with a
predicate noun; and no word of that sentence may be a candidate of the pronoun's own
gender (a noun, a name the lexicon does not know, "das", "man", "jemand", …).
Impersonal "es" ("es gibt", "es geht um", "es ist wichtig, dass …", "es kamen viele")
is left alone.

Relative pronouns are checked against every noun of the stretch before their comma:
"eine Lösung, das alle Probleme löst" is reported only where no noun there is neuter
and no name the lexicon lacks stands there.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from mtlint.checks.agreement import DETERMINERS, is_attributive_adjective, noun_reading
from mtlint.checks.verbs import could_be_finite
from mtlint.core.document import WORD, BlockKind, Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german
from mtlint.language.wordclasses import (
    AUXILIARIES,
    CONNECTING_ADVERBS,
    FUNCTION_WORDS,
    MODALS,
    PERSONAL_PRONOUNS,
    PREPOSITION_ARTICLES,
    PREPOSITIONS,
    SUBORDINATING_CONJUNCTIONS,
    tags_of,
    word_set,
)

# Capitalised at a sentence start these are no names: "Dann", "Weil", "Wir".
CLOSED_CLASS_WORDS = FUNCTION_WORDS | CONNECTING_ADVERBS
PRONOUN_GENDERS = {"es": "n", "er": "m", "dieser": "m", "dieses": "n", "diese": "f"}
PRONOUNS_BY_GENDER = {"m": "Er", "f": "Sie", "n": "Es", "pl": "Sie"}
# A demonstrative standing alone for a noun ("Dieser bietet …"), and its forms.
DEMONSTRATIVES = frozenset({"Dieser", "Dieses", "Diese"})
DEMONSTRATIVES_BY_GENDER = {"m": "Dieser", "f": "Diese", "n": "Dieses", "pl": "Diese"}
GENDER_NAMES = {"m": "maskulin", "f": "feminin", "n": "neutral", "pl": "Plural"}
# Verbs that take an impersonal or anticipating "es": "es gibt", "es geht um", "es
# kommt darauf an", "es lohnt sich", "es zeigt sich, dass …", "es erscheint ein Menü".
IMPERSONAL_VERBS = word_set(
    """
    gibt gab geht ging handelt regnet schneit klingt scheint heißt hieß kommt kam fehlt
    hängt bleibt blieb macht freut tut stimmt reicht fällt gelingt liegt steht stand folgt
    zeigt lässt lohnt bedarf braucht dauert kostet eilt klappt läuft passiert geschieht
    gilt galt betrifft wundert ärgert interessiert gefällt erscheint entsteht existiert
    besteht empfiehlt hilft wirkt sieht spricht mangelt riecht zieht trifft genügt
    bedeutet sei wäre gäbe gebe ginge gehe käme handle handele hieße beginnt begann
    herrscht herrschte wartet startet endet brennt klingelt donnert blitzt stinkt kracht
    hagelt dämmert knallt duftet tropft passt dreht gehört spielt ergibt regnete schneite
    brannte klingelte donnerte blitzte stank krachte hagelte dämmerte knallte duftete
    tropfte passte klappte reichte lohnte stimmte fehlte
    """
)
# Words of the sentence before that may be what "es" or "er" refers to, besides nouns.
NEUTER_CANDIDATES = word_set("das dies dieses es alles etwas nichts eines jenes welches")
MASCULINE_CANDIDATES = word_set("er man jemand niemand jeder wer einer keiner derjenige")
FEMININE_CANDIDATES = word_set("sie die diese jede eine keine diejenige")
CANDIDATE_PRONOUNS = {"m": MASCULINE_CANDIDATES, "f": FEMININE_CANDIDATES, "n": NEUTER_CANDIDATES}
COPULAS = word_set("ist war bleibt blieb wird wurde")
# The article of a subject noun the lexicon lacks tells its gender before these.
ARTICLE_GENDERS = {"der": "m", "die": "f", "das": "n", "eine": "f"}
SINGULAR_VERBS = COPULAS | word_set("hat hatte kann muss soll bietet enthält zeigt")
# Words between a copula and the article of its predicate: "ist auch ein Browser".
COPULA_ADVERBS = word_set("auch nur eigentlich bloß zudem ebenfalls schlicht")
# After the verb these make "es" a placeholder or part of a reflexive verb: "Es
# erwartet Sie ein Programm", "Es bietet sich an".
PLACEHOLDER_FOLLOWERS = PERSONAL_PRONOUNS | word_set("sich uns euch ihnen")
# Articles that cannot open a subject: after them "es" is the subject itself ("Es
# bringt Ihnen den Kontostand").
OBJECT_ARTICLES = word_set("den dem einen einem")


@dataclass(frozen=True)
class Antecedent:
    """The subject of the sentence before: its words and its gender."""

    text: str
    gender: str
    end: int  # the index of the first word after it


def _words(text: str) -> list[str]:
    return [m.group() for m in WORD.finditer(text)]


def _noun_gender(word: str) -> str | None:
    """The one singular gender the lexicon gives a capitalised noun, or None."""
    reading = noun_reading(word)
    if reading is None:
        return None
    genders = reading.numbers - {"pl"}
    if len(genders) != 1 or reading.infinitive:
        return None
    return next(iter(genders))


def _phrase_noun(words: list[str], start: int) -> int | None:
    """The index of the noun of an article phrase starting at `start` ("die neue
    Roadmap"), or None."""
    if start >= len(words) or words[start].lower() not in DETERMINERS:
        return None
    position = start + 1
    while position < len(words) and words[position].islower() and (
        is_attributive_adjective(words[position])
    ):
        position += 1
    if position < len(words) and words[position][:1].isupper():
        return position
    return None


@functools.lru_cache(maxsize=64)  # asked for each pronoun of a sentence and of the next
def subject_antecedent(sentence: str) -> Antecedent | None:
    """The subject of a sentence that opens with it: an article phrase ("Die Roadmap
    ist …"), or a name with a predicate noun ("Firefox ist ein Browser")."""
    words = _words(sentence)
    if len(words) < 3:
        return None
    noun = _phrase_noun(words, 0)
    if noun is not None:
        if noun + 1 >= len(words) or words[noun + 1][:1].isupper():
            return None  # "Die Firma Tesla": the name decides
        # "Die Schuhe sind …": a plural, though "Schuhe" is also a dative singular.
        gender = "pl" if _plural_subject(words, noun) else _noun_gender(words[noun])
        if gender is None and noun == 1 and words[noun + 1] in SINGULAR_VERBS:
            # A loanword the lexicon lacks or gives two genders ("Die Roadmap ist …",
            # "Die App ist …"): the article of a subject before a verb in the singular
            # shows its gender.
            by_article = ARTICLE_GENDERS.get(words[0].lower())
            info = german.lookup_noun(words[noun])
            if info is None or by_article in info.singular_genders:
                gender = by_article
        if gender is None:
            return None
        return Antecedent(" ".join(words[:noun + 1]), gender, noun + 1)
    if words[0].lower() in DETERMINERS or (
        german.is_known_noun(words[0]) and not words[0].isupper()
    ):
        return None  # a bare noun; all-caps names ("KRITA", "GIMP") are not nouns
    if words[1].lower() not in COPULAS:
        return None
    position = 2
    while position < len(words) and words[position].lower() in COPULA_ADVERBS:
        position += 1
    if position >= len(words) or words[position].lower() not in ("ein", "eine"):
        return None
    noun = _phrase_noun(words, position)
    if noun is None:
        return None
    gender = _noun_gender(words[noun])
    if gender is None:
        return None
    return Antecedent(f"{words[0]} ({words[position]} {words[noun]})", gender, noun + 1)


# Pronouns that may stand for an antecedent of each gender: where one of them is in the
# sentence too, the pronoun checked is someone else ("Die Schuhe … Er trägt sie").
ANTECEDENT_PRONOUNS = {
    "m": word_set("er ihn"), "f": word_set("sie ihr"), "n": word_set("es"),
    "pl": word_set("sie ihnen"),
}


def _antecedent_resumed(sentence: str, offset: int, gender: str) -> bool:
    """Whether a lowercase pronoun of the antecedent's gender stands in the sentence
    besides the one at `offset`."""
    pronouns = ANTECEDENT_PRONOUNS[gender]
    return any(
        match.group() in pronouns and match.start() != offset
        for match in WORD.finditer(sentence)
    )


# Determiners that open a subject in the plural ("Die Apps sind …").
PLURAL_DETERMINERS = word_set("die diese alle viele einige manche mehrere keine")
PLURAL_FINITE = word_set(
    "sind waren haben hatten werden wurden können konnten müssen mussten sollen sollten "
    "wollen wollten dürfen durften"
)


def _plural_subject(words: list[str], noun: int) -> bool:
    """Whether the article phrase ending with the noun at `noun` is a subject in the
    plural: a plural determiner, a noun the lexicon knows in the nominative plural and
    not as a feminine (which "die" could open in the singular), and a finite verb in the
    plural right after it ("Die Apps sind …", "Die Stiefel halten …")."""
    if words[0].lower() not in PLURAL_DETERMINERS or noun + 1 >= len(words):
        return False
    reading = noun_reading(words[noun])
    if reading is None or reading.infinitive:
        return False
    nominative = {number for number, case in reading.forms if case == "nom"}
    if "pl" not in nominative or "f" in nominative:
        return False  # "Die Lehrerin": "die" may be a feminine singular
    # A plural determiner before a noun that is no feminine: "Die Stiefel sind …".
    verb = words[noun + 1]
    return verb in PLURAL_FINITE or (
        verb.islower() and verb.endswith("en") and bool(tags_of(verb) & {"VVFIN"})
    )


# Subjects that a pronoun of the third person cannot refer to: where one of them stands
# near the start of the sentence before, its last noun phrase is the antecedent.
SPEAKER_SUBJECTS = word_set("ich wir du ihr man sie")
MAX_SPEAKER_POSITION = 4


@functools.lru_cache(maxsize=64)
def last_noun_antecedent(sentence: str) -> Antecedent | None:
    """The last noun phrase of a sentence whose subject is a pronoun like "wir", "ich",
    "man" or "Sie" among its first words, where an article opens the phrase and shows
    the gender of its noun with the lexicon ("Wir haben die neue App getestet."); its
    `end` is 0, as every other word of the sentence may still be the antecedent."""
    words = _words(sentence)
    if not any(word.lower() in SPEAKER_SUBJECTS and (index or word != "Ihr")
               for index, word in enumerate(words[:MAX_SPEAKER_POSITION])):
        return None  # the subject may be what the pronoun refers to: "Das letzte ist …"
    for index in range(len(words) - 1, 0, -1):
        word = words[index]
        if not word[:1].isupper() or word.lower() in CLOSED_CLASS_WORDS or word in (
            "Sie", "Ihnen", "Ihr", "Ihre"
        ):
            continue
        opener = index - 1
        while opener > 0 and words[opener].islower() and is_attributive_adjective(
            words[opener]
        ):
            opener -= 1
        if words[opener].lower() not in DETERMINERS:
            return None  # a name or a bare noun: its gender is not shown
        gender = _noun_gender(word)
        if gender is None:
            # A noun the lexicon gives two genders ("App"): the article may decide.
            info = german.lookup_noun(word)
            by_article = ARTICLE_GENDERS.get(words[opener].lower())
            if info is None or by_article not in info.singular_genders:
                return None
            gender = by_article
        return Antecedent(" ".join(words[opener:index + 1]), gender, 0)
    return None


def _antecedent_before(sentence: str) -> Antecedent | None:
    """What a pronoun at the start of the next sentence may refer to: the subject the
    sentence opens with, else its last noun phrase."""
    return subject_antecedent(sentence) or last_noun_antecedent(sentence)


def _candidate_of(words: list[str], gender: str, skip: int) -> bool:
    """Whether a word of the sentence (from index `skip` on) may be what a pronoun of
    `gender` refers to: a noun of that gender, a pronoun, or a capitalised word the
    lexicon does not know (a name)."""
    pronouns = CANDIDATE_PRONOUNS[gender]
    for index, word in enumerate(words):
        lower = word.lower()
        if index and lower in pronouns:
            return True
        if index < skip or not word[:1].isupper() or lower in DETERMINERS:
            continue
        if index == 0 and lower in CLOSED_CLASS_WORDS:
            continue
        info = german.lookup_noun(word)
        if info is None:
            return True  # a name, or a noun the lexicon lacks
        if gender in info.genders:
            return True
    return False


def _pronoun_clause(sentence: str) -> tuple[str, str, int] | None:
    """The pronoun, verb and the pronoun's offset in a sentence that opens with
    "Es"/"Er" and a finite verb in the singular, or with a connecting adverb, the verb
    and "es"/"er" ("Außerdem bietet es …"), where "es" is not impersonal or a
    placeholder."""
    if not sentence.startswith(("Es ", "Er ", "Dies")) and " es " not in sentence and (
        " er " not in sentence
    ):
        return None  # the usual case, and cheap
    matches = list(WORD.finditer(sentence))
    words = [m.group() for m in matches]
    if len(words) > 3 and words[0].lower() in CONNECTING_ADVERBS and words[2] in ("es", "er"):
        found = _pronoun_and_verb(sentence, [words[2].capitalize(), words[1], *words[3:]])
        return None if found is None else (words[2], found[1], matches[2].start())
    found = _pronoun_and_verb(sentence, words)
    return None if found is None else (found[0], found[1], 0)


def _pronoun_and_verb(sentence: str, words: list[str]) -> tuple[str, str] | None:
    """The pronoun and verb of words that open with "Es"/"Er" and a finite verb in the
    singular, where "es" is not impersonal or a placeholder."""
    if len(words) < 3 or (words[0] not in ("Es", "Er") and words[0] not in DEMONSTRATIVES):
        return None
    verb, following = words[1], words[2]
    if not verb.islower() or not verb.endswith("t"):
        return None
    if not tags_of(verb) & {"VVFIN"} and words[0] == "Es":
        return None
    if words[0] in ("Es", "Dieses"):
        if verb in IMPERSONAL_VERBS or verb in AUXILIARIES or verb in MODALS:
            return None
        if following.lower() in PLACEHOLDER_FOLLOWERS and not (
            len(words) > 3 and words[3].lower() in OBJECT_ARTICLES
        ):
            return None  # "Es erwartet Sie ein Programm", "Es bietet sich an"
        if _anticipates_clause(sentence):
            return None  # "Es freut uns, dass …", "Es erleichtert, zu wissen …"
    elif not tags_of(verb) & german.FINITE_VERB_TAGS:
        return None
    return words[0], verb


def _anticipates_clause(sentence: str) -> bool:
    """Whether a comma opens a clause or infinitive that "es" may stand for."""
    for part in sentence.split(",")[1:]:
        words = _words(part)
        if words and (words[0].lower() in SUBORDINATING_CONJUNCTIONS or "zu" in words):
            return True
    return False


# Conjunctions that open a subordinate clause whose subject may follow them directly:
# "…, weil es schnell lädt". ("da", "damit", "wie", "wo", "seit" and "bis" are also
# adverbs or prepositions and need the comma before them.)
CLAUSE_OPENERS = word_set(
    "dass daß weil wenn ob obwohl falls sobald bevor nachdem während sodass solange "
    "da damit"
)
ADVERB_LIKE_OPENERS = word_set("da damit während")
# Conjunctions of content clauses: there "es" is often the situation, not a noun ("Die
# Regierung befürchtet, dass es eskaliert"); only "er" is checked after them.
CONTENT_CONJUNCTIONS = word_set("dass daß ob")
# The genders of what an object pronoun may stand for, and its form for each gender
# of the antecedent ("pl" for a plural one).
OBJECT_PRONOUN_GENDERS: dict[str, frozenset[str]] = {
    "ihn": frozenset("m"), "ihm": frozenset("mn"),
}
PRONOUN_FORMS: dict[str, dict[str, str]] = {
    "es": {"m": "er", "f": "sie", "pl": "sie"},
    "er": {"f": "sie", "n": "es", "pl": "sie"},
    "ihn": {"f": "sie", "n": "es", "pl": "sie"},
    "ihm": {"f": "ihr", "pl": "ihnen"},
}
CLAUSE_END = compile_pattern(r"[,;:.!?()–—]")


# Longer "sentences" are text whose full stops are missing (an unpunctuated dump, a
# table read as one line); a real sentence of prose stays far below this.
MAX_SENTENCE_CHARS = 2000


class PronounUse(NamedTuple):
    """A personal pronoun in a sentence whose antecedent is checked: its form, its
    offset in the sentence, and the verb shown in the message ("" for an object)."""

    pronoun: str
    offset: int
    verb: str


def _clause_pronouns(sentence: str) -> list[PronounUse]:
    """The subject "es"/"er" right after a conjunction that opens a subordinate clause
    ("…, weil es schnell lädt"), where the clause ends with a finite verb that is no
    auxiliary, modal or impersonal verb; and the object pronouns "ihn" and "ihm"."""
    if " es " not in sentence and " er " not in sentence and " ih" not in sentence and (
        not sentence.startswith(("Wenn ", "Weil ", "Ob ", "Obwohl ", "Falls ", "Sobald ",
                                 "Bevor ", "Nachdem ", "Da ", "Während "))
    ):
        return []  # the usual case, and cheap
    matches = list(WORD.finditer(sentence))
    found: list[PronounUse] = []
    for index, match in enumerate(matches[1:], start=1):
        word = match.group()
        if word in OBJECT_PRONOUN_GENDERS:
            found.append(PronounUse(word, match.start(), ""))
            continue
        if word not in ("es", "er"):
            continue
        conjunction = matches[index - 1]
        lower = conjunction.group().lower()
        if lower not in CLAUSE_OPENERS or (word == "es" and lower in CONTENT_CONJUNCTIONS):
            continue
        after_comma = sentence[:conjunction.start()].rstrip().endswith(",")
        if conjunction.start() and not after_comma:
            continue  # "als er", "ob er" inside a phrase; "so dass es"
        if not conjunction.start() and lower in ADVERB_LIKE_OPENERS:
            continue  # "Da es …" may be an adverb: "Da ist es"
        end = CLAUSE_END.search(sentence, match.end())
        clause = _words(sentence[match.end():end.start() if end else len(sentence)])
        if len(clause) < 2 or not clause[-1].islower():
            continue
        verb = clause[-1]
        if not tags_of(verb) & {"VVFIN"} or verb in AUXILIARIES or verb in MODALS:
            continue
        if word == "es" and (
            any(verb.endswith(impersonal) for impersonal in IMPERSONAL_VERBS)
            or any(w in IMPERSONAL_VERBS for w in clause)
        ):
            continue  # "…, weil es darauf ankommt", "wenn es regnet"
        found.append(PronounUse(word, match.start(), verb))
    return found


def _clause_pronoun_hit(current: str, before: str | None, earlier: list[str],
                        use: PronounUse) -> tuple[Antecedent, str] | None:
    """The antecedent and the right form where a pronoun found by `_clause_pronouns`
    fits neither the subject its sentence opens with (before the pronoun) nor, failing
    that, the subject of the sentence `before`, and no other word there may be what it
    stands for."""
    genders = OBJECT_PRONOUN_GENDERS.get(use.pronoun) or frozenset(
        PRONOUN_GENDERS[use.pronoun]
    )
    own = subject_antecedent(current)
    words_before = _words(current[:use.offset])
    if own is not None and use.pronoun in OBJECT_PRONOUN_GENDERS and not (
        _other_clause(current, use.offset)
    ):
        return None  # "Die Matte schützt ihn": an object of its own subject's clause
    if own is not None and own.end < len(words_before):
        antecedent, context, others = own, words_before[own.end:], earlier
    elif before is not None:
        antecedent = _antecedent_before(before)
        if antecedent is None:
            return None
        # The sentence's first word in lowercase where it is a pronoun, function word or
        # verb ("Jeder …, wo es ihm passt", "Holen Sie ihn"), so that it counts as such,
        # not as a name.
        opening = [_sentence_start_word(w) for w in words_before[:1]]
        context = [*_words(before)[antecedent.end:], *opening, *words_before[1:]]
        others = earlier[:-1]
    else:
        return None
    if antecedent.gender in genders or _antecedent_resumed(current, use.offset,
                                                           antecedent.gender):
        return None
    # The clauses after its own too: "Wenn Sie ihn fragen, erzählt mein Bruder …"
    # (cataphora); a noun of its own clause cannot be what it stands for.
    end = CLAUSE_END.search(current, use.offset)
    if end is not None:
        context += _words(current[end.end():])
    if _owner_candidate(context, genders) or any(
        _owner_candidate(_words(other), genders) for other in others
    ):
        return None
    right = PRONOUN_FORMS[use.pronoun].get(antecedent.gender)
    return None if right is None else (antecedent, right)


def _other_clause(sentence: str, offset: int) -> bool:
    """Whether the word at `offset` stands in a clause after a comma that is no relative
    clause: there an object pronoun may refer to the sentence's subject ("Die Matte ist
    weich, wenn man ihn ausrollt"), not in the subject's own clause ("Die Matte schützt
    ihn") nor in a relative clause ("Die Matte, die ich ihm schenkte, …")."""
    comma = sentence.rfind(",", 0, offset)
    if comma < 0:
        return False
    opener = WORD.search(sentence, comma)
    return opener is not None and opener.group().lower() not in RELATIVE_NUMBERS


def _sentence_start_word(word: str) -> str:
    """A sentence's capitalised first word in lowercase where it is no noun or name."""
    lower = word.lower()
    if lower in CLOSED_CLASS_WORDS:
        return lower
    tags = german.word_tags(lower)
    return lower if tags is not None and not tags & {"NN", "NE"} else word


def _clause_pronoun_hits(start: int, current: str, before: str | None,
                         earlier: list[str]) -> Iterator[Hit]:
    """The hits of `_clause_pronoun_hit` in a sentence starting at offset `start`."""
    if len(current) > MAX_SENTENCE_CHARS:
        return  # no sentence but text without full stops: each pronoun would reread it all
    for use in _clause_pronouns(current):
        found = _clause_pronoun_hit(current, before, earlier, use)
        if found is None:
            continue
        antecedent, right = found
        if use.verb and antecedent.gender == "pl":
            shown = f"„{right}“ mit dem Verb im Plural"
        else:
            shown = f"„{right} … {use.verb}“" if use.verb else f"„{right}“"
        yield Hit(
            start + use.offset, len(use.pronoun),
            f"„{use.pronoun}“ bezieht sich auf „{antecedent.text}“ "
            f"({GENDER_NAMES[antecedent.gender]}): {shown}.",
            (right,), right, Safety.UNSAFE,
        )


def pronoun_gender(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    „Es“ oder „Er“ am Satzanfang für ein Nomen anderen Genus im Satz davor: „Die
    Roadmap ist klar gegliedert. Es deckt alle Prüfungen ab“ („Sie deckt“),
    „Firefox ist ein Browser. Es lädt …“ („Er lädt“).

    ## Warum ist das ein Problem?
    Englisch „it“ hat kein Genus; maschinelle Übersetzung macht daraus oft „es“, auch
    wenn das deutsche Nomen feminin oder maskulin ist. Der Leser sucht dann vergeblich
    das Bezugswort.

    ## Bekannte Grenzen
    Geprüft wird nur „Es“ oder „Er“ mit finitem Verb am Satzanfang (oder nach einem
    verbindenden Adverb und dem Verb: „Außerdem deckt es …“), und nur wenn der Satz
    davor mit seinem Subjekt beginnt: einer Nominalgruppe mit Artikel, deren Nomen im
    Lexikon genau ein Genus hat, oder einem Namen mit „ist ein …“. Steht im Satz davor
    irgendein Wort, auf das sich das Pronomen beziehen kann (ein Nomen seines Genus,
    ein unbekannter Name, „das“, „man“, „jemand“), oder ein Nomen seines Genus in einem
    früheren Satz des Absatzes, wird nichts gemeldet. Unpersönliches
    „es“ („es gibt“, „es geht um“, „es ist wichtig, dass …“, „es erwartet Sie …“) und
    „Sie“ (auch Anrede und Plural) bleiben unbeachtet, ebenso Possessivpronomen.

    Ebenso geprüft werden alleinstehende Demonstrativpronomen am Satzanfang („Der
    Rucksack … Diese hält“ → „Dieser“), „es“ und „er“ als Subjekt direkt nach einer
    Konjunktion, die einen Nebensatz mit finitem Vollverb am Ende eröffnet („…, weil es
    schnell lädt“, „Wenn er …“; nicht nach Hilfs- und Modalverben und unpersönlichen
    Verben: „wenn es regnet“, „weil es darauf ankommt“; nach „dass“ und „ob“ nur „er“,
    denn dort steht „es“ oft für die Lage: „Sie befürchtet, dass es eskaliert“), und die
    Objektpronomen „ihn“ und „ihm“ („Die Matte … Sie können ihn rollen“ → „sie“; nicht
    im Satz seines eigenen Subjekts und nicht im Relativsatz). Bezugswort ist hier das
    Subjekt, mit dem der eigene Satz vor dem Pronomen beginnt, sonst das Subjekt des
    Satzes davor; gemeldet wird nur, wenn im Absatz davor kein Wort steht, für das das
    Pronomen stehen kann. Beginnt der Satz davor mit „wir“, „ich“, „man“ oder „Sie“ als
    Subjekt („Wir haben die neue Kamera getestet. Es liefert …“), ist auch seine letzte
    Nominalgruppe mit Artikel Bezugswort. Ein Subjekt im Plural („Die Apps sind …“: ein
    Nomen im Nominativ Plural, das nicht feminin sein kann, mit einem Verb im Plural)
    zählt auch. Steht im Satz ein weiteres Pronomen, das zum Bezugswort passt („Die
    Schuhe … Er trägt sie“), ist das gemeldete Pronomen jemand anderes und wird nicht
    gemeldet.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird das Pronomen im Genus des Subjekts davor; das Verb
    bleibt gleich, weitere Pronomen im Satz müssen eventuell mitgeändert werden.
    """
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        # Only within a paragraph: a new paragraph may start with anyone.
        previous: str | None = None
        earlier: list[str] = []  # the sentences before `previous`
        for sentence in block.sentences:
            current = sentence.text
            before, previous = previous, current
            if before is not None:
                earlier.append(before)
                del earlier[:-MAX_CONTEXT_SENTENCES]
            yield from _clause_pronoun_hits(sentence.start, current, before, earlier)
            if before is None:
                continue
            found = _pronoun_clause(current)
            if found is None:
                continue
            pronoun, verb, offset = found
            gender = PRONOUN_GENDERS[pronoun.lower()]
            antecedent = _antecedent_before(before)
            if antecedent is None or antecedent.gender == gender or _antecedent_resumed(
                current, offset, antecedent.gender
            ):
                continue
            if _candidate_of(_words(before), gender, antecedent.end) or any(
                _candidate_of(_words(other), gender, 0) for other in earlier[:-1]
            ):
                continue
            if offset and _candidate_of(_words(current[:offset]), gender, 1):
                continue
            forms = DEMONSTRATIVES_BY_GENDER if pronoun in DEMONSTRATIVES else (
                PRONOUNS_BY_GENDER
            )
            replacement = forms[antecedent.gender]
            if replacement == pronoun:
                continue  # "Die Apps … Diese bietet": the verb is wrong, not the pronoun
            if offset:
                replacement = replacement.lower()
            yield Hit(
                sentence.start + offset, len(pronoun),
                f"„{pronoun}“ bezieht sich auf „{antecedent.text}“ "
                f"({GENDER_NAMES[antecedent.gender]}): "
                + (f"„{replacement}“ mit dem Verb im Plural." if antecedent.gender == "pl"
                   else f"„{verb} {replacement}“." if offset else f"„{replacement} {verb}“."),
                (replacement,), replacement, Safety.UNSAFE,
            )


# ---------------------------------------------------------------------------
# Relative pronoun
# ---------------------------------------------------------------------------

# Genders/plural each relative pronoun can stand for, whatever its case.
RELATIVE_NUMBERS: dict[str, frozenset[str]] = {
    "der": frozenset("mf"), "die": frozenset({"f", "pl"}), "das": frozenset("n"),
    "dem": frozenset("mn"), "den": frozenset("m"), "denen": frozenset({"pl"}),
    "dessen": frozenset("mn"), "deren": frozenset({"f", "pl"}),
    "welcher": frozenset("mf"), "welche": frozenset({"f", "pl"}), "welches": frozenset("n"),
    "welchem": frozenset("mn"), "welchen": frozenset({"m", "pl"}),
}
RELATIVE_BY_GENDER = {"m": "der", "f": "die", "n": "das"}
# Words that make an article before them a noun phrase of their own: "dem andern",
# "die meisten", "den beiden".
NOMINALISED_AFTER_ARTICLE = word_set(
    "andere anderen andern anderer einen einer meisten beiden übrigen letzten ersten "
    "einzelnen wenigsten"
)
# The form in the noun's gender where the pronoun's own form shows its case: "dem"
# (dative) for a feminine noun is "der", "dessen" (genitive) is "deren".
RELATIVE_IN_CASE: dict[str, dict[str, str]] = {
    "dem": {"f": "der"}, "den": {"f": "die", "n": "das"}, "dessen": {"f": "deren"},
    "denen": {"m": "dem", "n": "dem", "f": "der"}, "deren": {"m": "dessen", "n": "dessen"},
    "welcher": {"n": "welches"}, "welche": {"m": "welcher", "n": "welches"},
    "welches": {"m": "welcher", "f": "welche"}, "welchem": {"f": "welcher"},
    "welchen": {"f": "welche", "n": "welches"},
}
# After these "das" is no pronoun of a relative clause: "…, das heißt …", "…, das ist …".
NOT_RELATIVE_AFTER_DAS = word_set("heißt ist war sind bedeutet")
# Finite forms that are no infinitive: inside a relative clause they stand last.
MAIN_CLAUSE_VERBS = word_set(
    """
    ist war hat hatte wird wurde kann konnte könnte muss musste müsste soll sollte will
    wollte darf durfte dürfte würde wäre hätte mag möchte
    """
)
# How many words before the comma may hold the noun the clause refers to ("das Haus
# meiner Tante, das …", "ein Maß für die Wichtigkeit einer Sache, das …").
ANTECEDENT_WINDOW = 10


def _relative_clause_verb(words: list[str]) -> bool:
    """Whether a stretch after a relative pronoun ends with a finite verb, as a
    relative clause does ("…, das Ihnen hilft")."""
    return bool(words) and words[-1].islower() and could_be_finite(words[-1])


def relative_pronoun_gender(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Relativpronomen, dessen Genus zu keinem Nomen davor passt: „die Checkliste, das
    Ihnen hilft“ („die“), „ein Browser, das schnell lädt“ („der“), „das Gerät, der
    leise arbeitet“ („das“).

    ## Warum ist das ein Problem?
    Das Relativpronomen richtet sich in Genus und Numerus nach seinem Bezugswort.
    Englisch „which“/„that“ haben kein Genus; maschinelle Übersetzung wählt oft das
    falsche.

    ## Bekannte Grenzen
    Bezugswort ist das Nomen direkt vor dem Komma, und wenn dessen Nominalgruppe ein
    Genitiv- oder Präpositionalattribut ist, auch das Nomen davor („das Haus meiner
    Tante, das …“, „ein Buch über den Krieg, das …“); nach „und“/„oder“ auch das erste
    Glied und der Plural. Gemeldet wird nur, wenn der Relativsatz mit einem finiten Verb
    endet und keines dieser Nomen (und kein unbekannter Name) zum Pronomen passt; der
    Kasus wird nicht geprüft. „…, das heißt …“ und Aufzählungen („den Hund, die Katze“)
    bleiben unbeachtet. Steht die Nominalgruppe nach einer Kopula („ist“, „bleibt“),
    zählt auch das Subjekt davor („Ein Rätsel ist diese Stadt, das …“). Ein Relativsatz,
    der sonst weit von seinem Bezugswort steht (in Versen), wird fälschlich gemeldet.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird das Pronomen im Genus des Nomens direkt vor dem Komma,
    bei „dem“, „den“, „dessen“, „denen“, „deren“ und „welch-“ im Kasus des gemeldeten
    Pronomens; bei „der“, „die“, „das“ muss der Leser den Kasus prüfen.
    """
    text = doc.text
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        words = block.words()
        for index in range(1, len(words) - 2):
            pronoun = words[index]
            lower = pronoun.text.lower()
            numbers = RELATIVE_NUMBERS.get(lower)
            if numbers is None or text[words[index - 1].end:pronoun.start] != ", ":
                continue
            noun = words[index - 1].text
            if not noun[:1].isupper() or noun.lower() in CLOSED_CLASS_WORDS:
                continue  # "Die, welche …": a pronoun
            if _chain_candidate(text, words, index, numbers):
                continue  # the usual case, and cheap: a noun before the comma fits
            head = _noun_gender(noun)
            if head is None:
                continue
            following = words[index + 1]
            if lower not in ("dessen", "deren") and _article_of_phrase(words, index, numbers):
                continue  # "den Hund, die Katze", "…, die neue Katze": an enumeration
            if following.text in NOMINALISED_AFTER_ARTICLE:
                continue  # "…, dem andern nichts sagen": an article and a pronoun
            if following.text.lower() in ARTICLE_FORMS or could_be_finite(following.text):
                continue  # "…, die die Katze …"; "…, das kann ich sagen": a main clause
            if lower == "das" and following.text.lower() in NOT_RELATIVE_AFTER_DAS:
                continue
            if text[pronoun.end:pronoun.end + 1] in ",;:":
                continue  # "Der Glaube, das, was man wünscht, …": a demonstrative
            clause = _clause_words(text, words, index + 1)
            if any(word in MAIN_CLAUSE_VERBS for word in clause[1:-1]):
                continue  # "…, der andere könnte recht haben": verb second, a main clause
            if not _relative_clause_verb(clause) or "zu" in clause or any(
                "zu" in w[2:-3] and w.islower() for w in clause[-1:]
            ):
                continue  # "…, das zu tun": "das" is the object of an infinitive
            replacement = RELATIVE_IN_CASE.get(lower, RELATIVE_BY_GENDER).get(head)
            if replacement is None:
                continue
            if pronoun.text[:1].isupper():
                replacement = replacement.capitalize()
            yield Hit(
                pronoun.start, pronoun.end - pronoun.start,
                f"„{pronoun.text}“ passt nicht zu „{noun}“ ({GENDER_NAMES[head]}): "
                f"„{replacement}“.",
                (replacement,), replacement, Safety.UNSAFE,
            )


def _article_of_phrase(words: list, index: int, numbers: frozenset[str]) -> bool:  # type: ignore[type-arg]
    """Whether the word at `index` may be the article of a noun phrase after it: a
    noun (after adjectives) that agrees with it, "den Hund, die (neue) Katze"."""
    position = index + 1
    while position < len(words) and words[position].text.islower() and (
        is_attributive_adjective(words[position].text)
    ):
        position += 1
    if position >= len(words) or not words[position].text[:1].isupper():
        return False
    if words[position].text in ("Sie", "Ihnen", "Ihr"):
        return False
    reading = noun_reading(words[position].text)
    return reading is None or bool(reading.numbers & numbers)


PLURAL_PRONOUNS = word_set("wir uns sie euch ihnen ihr")
SINGULAR_ARTICLES = word_set(
    "ein eine einen einem eines das dem des dieses diesem jedes jedem jeden jede"
)
ARTICLE_FORMS = word_set("der die das den dem des ein eine einen einem einer eines")


def _clause_words(text: str, words: list, start: int) -> list[str]:  # type: ignore[type-arg]
    """The words from `start` up to the next punctuation mark."""
    found: list[str] = []
    for position in range(start, len(words)):
        if position > start and any(
            mark in text[words[position - 1].end:words[position].start] for mark in ",.;:!?()–"
        ):
            break
        found.append(words[position].text)
    return found


# Lowercase words between a determiner or preposition and its noun besides adjectives:
# numbers and quantifiers ("mit drei Zimmern", "von vielen Seiten").
NOUN_PHRASE_FILLERS = word_set(
    """
    zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend
    viele vielen einige einigen mehrere mehreren alle allen beide beiden wenige wenigen
    sehr besonders ganz mehr weniger
    """
)
# Determiners that may open a genitive attribute: "das Haus der Tante, das …".
GENITIVE_DETERMINERS = word_set(
    "des der eines einer dieses dieser jenes jener seines seiner ihres ihrer meines meiner "
    "unseres unserer deren dessen"
)
COORDINATORS = word_set("und oder sowie bzw beziehungsweise")
# A copula before the antecedent's phrase: the subject before it may be what a relative
# clause after the predicate refers to ("Lob ist eine Kraft, dessen Wirkung …").
COPULA_FORMS = word_set("ist sind war waren bleibt bleiben blieb wird werden wurde")
MAX_SUBJECT_WORDS = 6
# How many nouns the chain follows back: "die Zahl der Besucher des Museums aus Köln".
MAX_CHAIN_NOUNS = 4


def _phrase_opener(text: str, words: list, noun: int) -> int:  # type: ignore[type-arg]
    """The index of the first word of the noun phrase ending with the noun at `noun`:
    its determiner or preposition, or the noun itself where neither stands before it."""
    position = noun - 1
    while position >= 0 and not _punctuation_between(text, words, position, position + 1):
        word = words[position].text
        lower = word.lower()
        if lower in DETERMINERS or lower in ARTICLE_FORMS or lower in PREPOSITIONS or (
            lower in PREPOSITION_ARTICLES
        ):
            return position
        if not word.islower() or not (
            lower in NOUN_PHRASE_FILLERS or word.isdigit() or is_attributive_adjective(word)
        ):
            break
        position -= 1
    return noun


def _punctuation_between(text: str, words: list, first: int, second: int) -> bool:  # type: ignore[type-arg]
    return any(mark in text[words[first].end:words[second].start] for mark in ",;:()–—\"„“")


class Chain(NamedTuple):
    """The nouns a relative pronoun may refer to (indices), whether the first phrase of
    the chain is coordinated ("der Hund und die Katze, die": the plural fits), and the
    index of the word before the chain's first phrase (-1 at the start or after
    punctuation) with whether that phrase had a determiner or preposition."""

    nouns: list[int]
    coordinated: bool
    stop: int
    opened: bool


def _antecedent_chain(text: str, words: list, index: int) -> Chain:  # type: ignore[type-arg]
    """The nouns a relative pronoun at `index` may refer to: the noun before the comma
    and, where its phrase is a genitive attribute or a prepositional phrase, the noun
    before that ("das Haus meiner Tante, das", "ein Buch über den Krieg, das")."""
    chain: list[int] = []
    noun = index - 1
    coordinated = False
    stop, opened = -1, True
    while len(chain) < MAX_CHAIN_NOUNS and noun >= 0 and words[noun].text[:1].isupper():
        chain.append(noun)
        opener = _phrase_opener(text, words, noun)
        stop, opened = opener - 1, opener != noun
        if opener == 0 or _punctuation_between(text, words, opener - 1, opener):
            stop = -1
            break
        before = words[opener - 1].text
        lower_opener = words[opener].text.lower()
        if before.lower() in COORDINATORS:
            coordinated = True  # "der Hund und die Katze": the noun before "und" too
            noun = opener - 2
            continue
        if lower_opener in PREPOSITIONS or lower_opener in PREPOSITION_ARTICLES:
            noun = opener - 1  # "ein Buch über den Krieg": the noun before the preposition
        elif before.lower() in PREPOSITIONS and opener >= 2 and not _punctuation_between(
            text, words, opener - 2, opener - 1
        ):
            noun = opener - 2  # "ein Buch über den Krieg": the preposition before "den"
            if words[noun].text.lower() in COORDINATORS:
                noun -= 1  # "ein Maß für X oder für Y": the noun of the first phrase
        elif lower_opener in GENITIVE_DETERMINERS or (
            opener == noun and before[:1].isupper()
        ):
            noun = opener - 1  # "das Haus der Tante", "die Werke Goethes"
        else:
            break
    return Chain(chain, coordinated, stop, opened)


def _chain_candidate(text: str, words: list, index: int, numbers: frozenset[str]) -> bool:  # type: ignore[type-arg]
    """Whether a noun the relative pronoun at `index` may refer to fits its gender or
    number, or is a name or a noun the lexicon does not know; also where a plural
    pronoun before the comma may be what it refers to ("…, die wir …")."""
    if _any_candidate(words, index, numbers, pronouns_only=True):
        return True
    chain = _antecedent_chain(text, words, index)
    if chain.coordinated and "pl" in numbers:
        return True
    if not _article_agrees(words, index - 1):
        return True  # "Oft tut der Unrecht, der …": not the noun's article, not understood
    if any(_fits(words, position, numbers) for position in chain.nouns):
        return True
    if chain.stop < 0:
        return False
    word = words[chain.stop].text
    if not chain.opened and word.islower() and word not in FUNCTION_WORDS and not any(
        tag.startswith("V") for tag in tags_of(word)
    ):
        return True  # "ein Fehler meiner frühern Jahre": a word not understood before it
    if word.lower() in COPULA_FORMS:
        # "Lob ist eine Kraft, dessen …": the subject before the copula may be meant.
        first = max(0, chain.stop - MAX_SUBJECT_WORDS)
        return any(
            words[position].text[:1].isupper() and _fits(words, position, numbers)
            for position in range(first, chain.stop)
        )
    return False


# The genders and plural each article can go with, whatever its case.
ARTICLE_NUMBERS: dict[str, frozenset[str]] = {
    "der": frozenset({"m", "f", "pl"}), "die": frozenset({"f", "pl"}), "das": frozenset("n"),
    "den": frozenset({"m", "pl"}), "dem": frozenset("mn"), "des": frozenset("mn"),
    "ein": frozenset("mn"), "eine": frozenset("f"), "einen": frozenset("m"),
    "einem": frozenset("mn"), "einer": frozenset("f"), "eines": frozenset("mn"),
}


def _article_agrees(words: list, noun: int) -> bool:  # type: ignore[type-arg]
    """Whether the article right before a noun (adjectives between) can be its own: not
    in "Oft tut auch der Unrecht", where "der" is a pronoun."""
    position = noun - 1
    while position >= 0 and words[position].text.islower() and is_attributive_adjective(
        words[position].text
    ):
        position -= 1
    if position < 0:
        return True
    article = ARTICLE_NUMBERS.get(words[position].text.lower())
    reading = noun_reading(words[noun].text)
    if article is None or reading is None:
        return True
    return bool(article & reading.numbers) or reading.infinitive


def _fits(words: list, position: int, numbers: frozenset[str]) -> bool:  # type: ignore[type-arg]
    """Whether the capitalised word at `position` may be what a relative pronoun of
    `numbers` refers to: a noun of a fitting gender or number, a name or a noun the
    lexicon does not know."""
    text = words[position].text
    if text.lower() in PERSONAL_PRONOUNS or text in ("Sie", "Ihnen", "Ihr"):
        return False
    reading = noun_reading(text)
    if reading is None:
        return text.lower() not in CLOSED_CLASS_WORDS
    found = reading.numbers
    if position and words[position - 1].text.lower() in SINGULAR_ARTICLES:
        found = found - {"pl"}  # "einen Drucker, die …": not the plural
    return bool(found & numbers) or (reading.infinitive and "n" in numbers)


def _any_candidate(words: list, index: int, numbers: frozenset[str], *,  # type: ignore[type-arg]
                   pronouns_only: bool = False) -> bool:
    """Whether a word of the stretch before the comma may be what the relative pronoun
    refers to: a noun of a fitting gender or number, or a capitalised word the lexicon
    does not know."""
    start = max(0, index - ANTECEDENT_WINDOW)
    for position in range(start, index):
        text = words[position].text
        if text.lower() in PLURAL_PRONOUNS and ("pl" in numbers or (
            text.lower() == "sie" and "f" in numbers
        )):
            return True  # "In uns liegt das Rätsel, die wir … sind"
        if pronouns_only or not text[:1].isupper() or text.lower() in PERSONAL_PRONOUNS:
            continue
        reading = noun_reading(text)
        if reading is None:
            if text.lower() in CLOSED_CLASS_WORDS or text in ("Sie", "Ihnen", "Ihr"):
                continue
            if german.lookup_noun(text) is None:
                return True  # a name, or a noun the lexicon lacks
            continue
        found = reading.numbers
        if position and words[position - 1].text.lower() in SINGULAR_ARTICLES:
            found = found - {"pl"}  # "einen Drucker, die …": not the plural
        if found & numbers or (reading.infinitive and "n" in numbers):
            return True
    return False


# ---------------------------------------------------------------------------
# Possessive
# ---------------------------------------------------------------------------

# The genders a determiner opening a subject in the nominative singular shows.
NOMINATIVE_GENDERS: dict[str, frozenset[str]] = {
    "der": frozenset("m"), "die": frozenset("f"), "das": frozenset("n"),
    "ein": frozenset("mn"), "eine": frozenset("f"), "dieser": frozenset("m"),
    "diese": frozenset("f"), "dieses": frozenset("n"), "jeder": frozenset("m"),
    "jede": frozenset("f"), "jedes": frozenset("n"), "kein": frozenset("mn"),
    "keine": frozenset("f"), "unser": frozenset("mn"), "unsere": frozenset("f"),
}
# How far back the possessive, "derselbe" and pronoun rules look for what a pronoun may
# refer to (and how long a clause around a possessive is read): far enough for any
# paragraph of prose, and long texts stay linear.
MAX_CONTEXT_WORDS = 400
MAX_CONTEXT_SENTENCES = 20
MAX_CLAUSE_CHARS = 300
# Possessive stems and the genders (or plural) of what they may refer to.
POSSESSIVE_OWNERS = {"sein": frozenset("mn"), "ihr": frozenset({"f", "pl"})}
POSSESSIVE_ENDINGS = ("", "e", "en", "em", "er", "es")
POSSESSIVE_PREFIXES = frozenset({"sei", "Sei", "ihr"})
POSSESSIVE_SEARCH = compile_pattern(r"\b(?:[Ss]ein|ihr)")
POSSESSIVE_FOR = {"m": "sein", "n": "sein", "f": "ihr", "pl": "ihr"}
# Pronouns of the sentences that may be the owner, by the owner's gender or number.
OWNER_PRONOUNS = {
    "m": word_set(
        """
        er ihn ihm man jemand jemanden jemandem niemand niemanden niemandem jeder jeden
        jedem einer einen einem keiner keinen keinem wer wen wem der dieser diesen diesem
        """
    ),
    "n": word_set("es das dies dieses alles etwas nichts jedes eines welches"),
    "f": word_set("sie die diese jede eine keine"),
    "pl": word_set("sie die diese alle beide viele einige mehrere wir uns"),
}


def _possessive_stem(word: str, first: bool = False) -> str | None:
    """"sein" or "ihr" for a lowercase possessive form ("seine", "ihren"), or None; a
    sentence's `first` word may be "Sein…" (not "Ihr…", which may address the reader)."""
    if first and word.startswith("Sein"):
        word = word.lower()
    for stem in POSSESSIVE_OWNERS:
        if word.startswith(stem) and word[len(stem):] in POSSESSIVE_ENDINGS:
            return stem
    return None


def opening_subject(words: list[str]) -> tuple[str, str, int] | None:
    """The subject a sentence opens with, as (text, gender, index after it): a
    determiner with a nominative singular gender, adjectives, a noun of that gender in
    the lexicon and a lowercase word after it ("Die neue Matte ist …")."""
    if len(words) < 3:
        return None
    article = NOMINATIVE_GENDERS.get(words[0].lower())
    if article is None:
        return None
    position = 1
    while position < len(words) and words[position].islower() and is_attributive_adjective(
        words[position]
    ):
        position += 1
    if position + 1 >= len(words) or not words[position][:1].isupper():
        return None
    if not words[position + 1].islower():
        return None  # "Die Firma Tesla", "Die Matte Yoga": the name decides
    if words[position + 1] in COORDINATORS:
        return None  # "Der Lehrer und die Schülerin": a plural
    reading = noun_reading(words[position])
    if reading is None or reading.infinitive:
        return None
    if _plural_subject(words, position):
        return " ".join(words[:position + 1]), "pl", position + 1  # "Die Apps sind …"
    genders = (reading.numbers - {"pl"}) & article
    if "pl" in reading.numbers and words[0].lower() in ("die", "diese", "keine"):
        return None  # "Die Lehrer": a plural
    if len(genders) != 1:
        return None
    return " ".join(words[:position + 1]), next(iter(genders)), position + 1


def _owner_candidate(words: list[str], owners: frozenset[str]) -> bool:
    """Whether one of the words may be an owner of the genders or number `owners`: a
    noun of one of them, a pronoun, or a capitalised word the lexicon does not know."""
    pronouns = frozenset().union(*(OWNER_PRONOUNS[owner] for owner in owners))
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in pronouns and (index or word.islower() or lower != "sie"):
            return True
        if ARTICLE_NUMBERS.get(lower, frozenset()) & owners:
            head = index + 1
            while head < len(words) and words[head].islower() and is_attributive_adjective(
                words[head]
            ):
                head += 1
            if head >= len(words) or noun_reading(words[head]) is None:
                return True  # "des Starken", "des andern": the article shows the gender
        if not word[:1].isupper() or lower in DETERMINERS or lower in PERSONAL_PRONOUNS:
            continue
        if index == 0 and lower in CLOSED_CLASS_WORDS:
            continue
        if word in ("Sie", "Ihnen", "Ihr", "Ihre"):
            continue
        reading = noun_reading(word)
        if reading is None:
            if german.lookup_noun(word) is None and lower not in CLOSED_CLASS_WORDS:
                return True  # a name, or a noun the lexicon lacks
            continue
        if reading.numbers & owners or (reading.infinitive and "n" in owners):
            return True
    return False


def possessive_gender(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Possessivpronomen, das nicht zum Genus des Subjekts passt, auf das es sich
    bezieht: „Die Matte ist rutschfest, und seine Oberfläche lässt sich leicht
    reinigen.“ („ihre“), „Die Kamera ist leicht. Sein Gehäuse ist aus Metall.“
    („Ihr“).

    ## Warum ist das ein Problem?
    Englisch „its“ hat kein Genus; maschinelle Übersetzung wählt „sein“ oder „ihr“ oft
    nach dem englischen Wort statt nach dem deutschen Nomen.

    ## Bekannte Grenzen
    Bezugswort ist das Subjekt, mit dem der Satz oder der Satz davor (im selben Absatz)
    beginnt: Artikel, Adjektive und ein Nomen, dessen Genus Artikel und Lexikon
    eindeutig zeigen, oder ein Subjekt im Plural („Die Apps sind …“, „Die Stiefel
    halten …“: ein Nomen im Nominativ Plural, das nicht feminin sein kann, vor einem Verb
    im Plural). Gemeldet wird nur, wenn kein anderes Wort davor im Absatz (und im
    letzten Satz des Absatzes davor) Besitzer sein kann: kein Nomen passenden Genus oder
    Numerus, kein Pronomen, kein unbekannter Name. Großgeschriebenes „Ihr“ (Anrede)
    bleibt unbeachtet.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird die Form des anderen Stamms mit derselben Endung.
    """
    last_of_block: list[str] = []
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        # The sentences before in the paragraph, and a paragraph's first sentence may
        # refer to the one before it: any of their words may be the owner. Words are
        # built only for a sentence with a possessive (the cheap test first).
        texts: list[str] = list(last_of_block)
        first = len(texts)  # the index of the block's first sentence in `texts`
        for sentence in block.sentences:
            if POSSESSIVE_SEARCH.search(sentence.text):
                matches = list(WORD.finditer(sentence.text))
                before = _words(texts[-1]) if len(texts) > first else None
                earlier = [w for text in texts for w in _words(text)][-MAX_CONTEXT_WORDS:]
                hit = _possessive_hit(sentence.text, matches, earlier, before)
                if hit is not None:
                    offset, length, message, right = hit
                    yield Hit(sentence.start + offset, length, message, (right,), right,
                              Safety.UNSAFE)
            texts.append(sentence.text)
            if len(texts) > MAX_CONTEXT_SENTENCES:
                del texts[0]
                first = max(0, first - 1)
        last_of_block = texts[-1:] if len(texts) > first else []


def _possessive_hit(text: str, matches: list, earlier: list[str],  # type: ignore[type-arg]
                    before: list[str] | None) -> tuple[int, int, str, str] | None:
    """The first possessive of a sentence that fits neither its subject nor the subject
    of the sentence `before` it in the paragraph, where none of the `earlier` words of
    the paragraph may be its owner: (offset, length, message, replacement)."""
    words = [m.group() for m in matches]
    own = opening_subject(words)
    previous = opening_subject(before) if before is not None else None
    if own is None and previous is None:
        return None  # no subject to compare with: the usual case, and cheap
    for index, word in enumerate(words):
        if word[:3] not in POSSESSIVE_PREFIXES:
            continue
        stem = _possessive_stem(word, index == 0)
        if stem is None or index + 1 >= len(words):
            continue
        if not _before_noun(words, index + 1):
            continue  # "kann sein", "gab ihr": no possessive
        if own is not None and own[2] <= index:
            subject, gender, end = own
            if gender in POSSESSIVE_OWNERS[stem]:
                continue
            between = words[max(end, index - MAX_CONTEXT_WORDS):index]
            if not any(could_be_finite(w) for w in between):
                continue  # "Die Kenntnis seiner Lage": anyone's, before the verb
            context = [*earlier, *between]
        elif before is not None and previous is not None:
            subject, gender, end = previous
            if gender in POSSESSIVE_OWNERS[stem]:
                continue
            context = [*earlier[:max(0, len(earlier) - len(before))], *before[end:],
                       *words[max(0, index - MAX_CONTEXT_WORDS):index]]
        else:
            continue
        if _owner_candidate(context, POSSESSIVE_OWNERS[stem]):
            continue
        if _in_infinitive_clause(text, matches, index):
            continue  # "Die Kunst, seine Zeit zu nutzen": anyone's
        right = POSSESSIVE_FOR[gender] + word[len(stem):]
        if word[:1].isupper():
            right = right.capitalize()
        message = f"„{word}“ passt nicht zu „{subject}“ ({GENDER_NAMES[gender]}): „{right}“."
        return matches[index].start(), len(word), message, right
    return None


def _in_infinitive_clause(text: str, matches: list, index: int) -> bool:  # type: ignore[type-arg]
    """Whether the word at `index` stands in a stretch between commas that holds "zu"
    before a lowercase word (a zu-infinitive), or a glued one ("auszufüllen")."""
    lowest = max(0, matches[index].start() - MAX_CLAUSE_CHARS)
    start = max(text.rfind(",", lowest, matches[index].start()) + 1, lowest)
    highest = min(len(text), matches[index].end() + MAX_CLAUSE_CHARS)
    comma = text.find(",", matches[index].end(), highest)
    end = comma if comma >= 0 else highest
    stretch = [m.group() for m in WORD.finditer(text, start, end)]
    return any(
        (word == "zu" and following.islower()) or (
            "zu" in word[2:-2] and word.islower() and "VVIZU" in tags_of(word)
        )
        for word, following in zip(stretch, [*stretch[1:], ""], strict=True)
    )


def _before_noun(words: list[str], position: int) -> bool:
    """Whether adjectives and then a capitalised word follow from `position` on."""
    while position < len(words) and words[position].islower() and is_attributive_adjective(
        words[position]
    ):
        position += 1
    return position < len(words) and words[position][:1].isupper()


# ---------------------------------------------------------------------------
# derselbe, dieselbe
# ---------------------------------------------------------------------------

# "derselbe" and its kin used alone, and the genders of what they may stand for
# ("dasselbe" is left out: it also means "the same thing", with no noun behind it).
SAME_PRONOUNS: dict[str, frozenset[str]] = {
    "derselbe": frozenset("m"), "dieselbe": frozenset("f"), "demselben": frozenset("mn"),
}
SAME_BY_GENDER = {
    "derselbe": {"f": "dieselbe", "n": "dasselbe"},
    "dieselbe": {"m": "derselbe", "n": "dasselbe"},
    "demselben": {"f": "derselben"},
}


def same_pronoun_gender(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    „derselbe“, „dieselbe“ oder „demselben“ ohne Nomen, für ein Nomen anderen Genus:
    „Ich kaufte mir wieder eine Thermoskanne. Es ist derselbe, den ich schon hatte.“
    („dieselbe, die …“).

    ## Warum ist das ein Problem?
    Englisch „the same one“ hat kein Genus; im Deutschen richtet sich „derselbe“ nach
    dem Nomen, für das es steht.

    ## Bekannte Grenzen
    Gemeldet wird nur ein alleinstehendes Pronomen (ohne Nomen danach), wenn alle Nomen
    des Satzes davor und des Satzes bis zum Pronomen dasselbe andere Genus haben und im
    Absatz davor kein Wort steht, für das es stehen kann: kein Nomen seines Genus, kein
    Pronomen wie „er“, kein unbekannter Name.
    „dasselbe“ („das Gleiche“) bleibt unbeachtet.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird die Form im Genus der Nomen davor; ein folgendes
    Relativpronomen muss mitgeändert werden.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        if "selbe" not in block.text:
            continue  # the usual case, and cheap
        earlier: list[str] = []  # the words of the paragraph before the sentence
        previous: list[str] = []  # the words of the sentence before
        for sentence in block.sentences:
            matches = list(WORD.finditer(sentence.text))
            words = [m.group() for m in matches]
            for index, word in enumerate(words):
                genders = SAME_PRONOUNS.get(word.lower())
                if genders is None or not index:
                    continue
                if index + 1 < len(words) and _before_noun(words, index + 1):
                    continue  # "derselbe Fehler": a determiner
                if _owner_candidate([*earlier, *words[:index]], genders):
                    continue
                gender = _one_gender([*previous, *words[:index]])
                replacement = SAME_BY_GENDER[word.lower()].get(gender or "")
                if gender is None or replacement is None:
                    continue
                match = matches[index]
                yield Hit(
                    sentence.start + match.start(), len(word),
                    f"„{word}“ passt zu keinem Nomen davor: „{replacement}“ "
                    f"({GENDER_NAMES[gender]}).",
                    (replacement,), replacement, Safety.UNSAFE,
                )
            earlier.extend(words)
            del earlier[:-MAX_CONTEXT_WORDS]
            previous = words


def _one_gender(words: list[str]) -> str | None:
    """The gender all nouns among the words share, where each has one in the lexicon;
    None where they differ, one has none or none stands there."""
    found: set[str] = set()
    for word in words:
        if word[:1].isupper() and word.lower() not in CLOSED_CLASS_WORDS and (
            word not in ("Sie", "Ihnen", "Ihr", "Ihre")
        ):
            gender = _noun_gender(word)
            if gender is None:
                return None
            found.add(gender)
    return next(iter(found)) if len(found) == 1 else None


RULES = (
    Rule(
        id="pronoun-gender",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="„Es“ oder „Er“ für ein Nomen anderen Genus im Satz davor („Die Roadmap … "
                "Es deckt …“).",
        doc=pronoun_gender.__doc__ or "",
        check=pronoun_gender,
        bad=(
            Example("Die Timeline ist übersichtlich. <marker>Es</marker> listet alle Termine "
                    "übersichtlich auf.", "Sie"),
            Example("Die App ist kostenlos. <marker>Es</marker> bringt Ihnen den Kontostand "
                    "aufs Handy.", "Sie"),
            Example("Firefox ist ein freier Browser. <marker>Es</marker> lädt Seiten schnell.",
                    "Er"),
            Example("Die neue Kamera ist leicht. <marker>Er</marker> passt in jede Tasche.",
                    "Sie"),
            Example("Die Checkliste ist kurz. Außerdem deckt <marker>es</marker> alle Schritte "
                    "ab.", "sie"),
            Example("Die Software ist kostenlos, weil <marker>es</marker> von Spenden lebt.",
                    "sie"),
            Example("Die Thermoskanne ist handlich. Ich empfehle das Modell, weil <marker>er"
                    "</marker> in jeden Rucksack passt.", "sie"),
            Example("Die Akkus sind stark. <marker>Es</marker> hält einen ganzen Tag.", "Sie"),
            Example("Wir haben die neue Kamera getestet. <marker>Es</marker> liefert scharfe "
                    "Bilder.", "Sie"),
            Example("Der Rucksack ist robust. <marker>Diese</marker> hält jedem Regen stand.",
                    "Dieser"),
            Example("Die Isomatte ist leicht. Sie können <marker>ihn</marker> klein "
                    "zusammenrollen.", "sie"),
            Example("Die Bohrmaschine ist laut. Mit <marker>ihm</marker> arbeite ich nur "
                    "tagsüber.", "ihr"),
        ),
        good=(
            Example("Die Timeline ist übersichtlich. Sie listet alle Termine auf."),
            Example("Die Timeline ist übersichtlich. Es gibt drei Spalten."),
            Example("Die Timeline liegt dem Buch bei. Es listet alle Termine auf."),
            Example("Die Firma stellt Software her. Es freut uns, dass sie wächst."),
            Example("Die Stadt ist voll. Es erwartet Sie ein buntes Programm."),
            Example("Die Reise beginnt in Köln. Er fährt mit dem Zug."),
            Example("Die Entscheidung fiel spät. Es lohnt sich trotzdem."),
            Example("Die Kinder spielen im Hof. Es regnet."),
            Example("Die Matte ist weich, man liegt gut. Er schläft sofort ein."),
            Example("Die Emanzipation kam spät.\n\nEr trat aus der Kirche aus."),
            Example("Die Software ist kostenlos, weil sie von Spenden lebt."),
            Example("Die Firma wächst. Wenn es regnet, bleiben wir trotzdem im Büro."),
            Example("Die Firma zahlt gut, weil es darauf ankommt."),
            Example("Die Reise war lang. Wenn Sie ihn fragen, erzählt mein Bruder davon."),
            Example("Die Lösung ist einfach, wenn es einen Plan gibt."),
            Example("Die Ärztin rief den Patienten an, weil er Fieber hatte."),
            Example("Die Schuhe sind bequem. Er trägt sie jeden Tag."),
            Example("Die Gäste kommen. Es beginnt ein Fest."),
            Example("Wir haben die neue Kamera getestet. Sie liefert scharfe Bilder."),
            Example("Das Beste ist eine Überraschung. Es freut jeden."),
            Example("Wer Zeit hat, hat keine Eile. Er wartet."),
            Example("Die Firma hat einen neuen Chef. Dieser kommt aus Köln."),
        ),
        origin="mtlint/checks/pronouns.py",
    ),
    Rule(
        id="relative-pronoun-gender",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Das Relativpronomen passt im Genus zu keinem Nomen davor („die "
                "Checkliste, das …“).",
        doc=relative_pronoun_gender.__doc__ or "",
        check=relative_pronoun_gender,
        bad=(
            Example("Wir schicken Ihnen eine Checkliste, <marker>das</marker> Ihnen bei der "
                    "Planung hilft.", "die"),
            Example("Wir empfehlen einen Browser, <marker>das</marker> Seiten schnell lädt.",
                    "der"),
            Example("Wir empfehlen ein Gerät, <marker>der</marker> leise arbeitet.", "das"),
            Example("Im Handbuch steht eine Anleitung, <marker>das</marker> jeder versteht.",
                    "die"),
            Example("Sie dankte der Ärztin, <marker>dem</marker> sie ihr Leben verdankt.",
                    "der"),
            Example("Wir nutzen eine Methode, <marker>welches</marker> Zeit spart.", "welche"),
        ),
        good=(
            Example("Wir schicken Ihnen eine Checkliste, die Ihnen bei der Planung hilft."),
            Example("Das ist das Haus meiner Tante, das am See liegt."),
            Example("Er kaufte den Hund, die Katze und das Pferd."),
            Example("Sie hilft der Frau, der das Auto gehört."),
            Example("Wir nutzen Firefox, das schnell lädt."),
            Example("Er spart Zeit, das heißt Geld."),
            Example("Es bringt keinen Lohn, das zu tun, was andere erwarten."),
            Example("Der Glaube, das, was man wünscht, zu erreichen, ist alt."),
            Example("Die Mitarbeiter der Firma, die dort arbeiten, sind zufrieden."),
            Example("Er las ein Buch über den Krieg, das ihn lange beschäftigte."),
            Example("Er füttert den Hund und das Pferd, die im Stall stehen."),
        ),
        origin="mtlint/checks/pronouns.py",
    ),
    Rule(
        id="possessive-gender",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="„sein“ oder „ihr“ passt nicht zum Genus des Subjekts („Die Matte … "
                "seine Oberfläche“).",
        doc=possessive_gender.__doc__ or "",
        check=possessive_gender,
        bad=(
            Example("Die Matte ist rutschfest, und <marker>seine</marker> Oberfläche lässt "
                    "sich leicht reinigen.", "ihre"),
            Example("Das Programm läuft schnell, aber <marker>ihre</marker> Oberfläche ist "
                    "schlicht.", "seine"),
            Example("Die Kamera ist leicht. <marker>Sein</marker> Gehäuse ist aus Metall.",
                    "Ihr"),
            Example("Die Kamera überzeugt durch <marker>seinen</marker> schnellen Autofokus.",
                    "ihren"),
            Example("Die Wanderstiefel sind leicht, und <marker>seine</marker> Sohlen greifen "
                    "gut.", "ihre"),
        ),
        good=(
            Example("Die Matte ist rutschfest, und ihre Oberfläche lässt sich leicht "
                    "reinigen."),
            Example("Die Trainerin lobt den Spieler für seinen Einsatz."),
            Example("Die Kamera gehört Peter. Seine Frau nutzt sie oft."),
            Example("Die Lehrer loben ihre Schüler."),
            Example("Die Wanderstiefel sind leicht, und ihre Sohlen greifen gut."),
            Example("Die Kinder spielen im Hof, und sein Vater ruft sie."),
            Example("Die Firma ist klein. Wer will, kann sein Glück dort versuchen."),
        ),
        origin="mtlint/checks/pronouns.py",
    ),
    Rule(
        id="same-pronoun-gender",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="„derselbe“/„dieselbe“ für ein Nomen anderen Genus.",
        doc=same_pronoun_gender.__doc__ or "",
        check=same_pronoun_gender,
        bad=(
            Example("Ich kaufte mir wieder eine Thermoskanne. Es ist <marker>derselbe"
                    "</marker>, den ich schon hatte.", "dieselbe"),
        ),
        good=(
            Example("Ich kaufte mir wieder eine Thermoskanne. Es ist dieselbe, die ich "
                    "schon hatte."),
            Example("Er macht immer wieder denselben Fehler. Es ist derselbe Fehler."),
            Example("Die Stadt hat sich verändert. Er ist derselbe geblieben."),
            Example("Die Lage ist ernst. Sie sagen alle dasselbe."),
        ),
        origin="mtlint/checks/pronouns.py",
    ),
)

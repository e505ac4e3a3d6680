"""Broken clauses: a subordinate clause that lost its verb, a zu-infinitive beside the
bare infinitive of a modal, "um … zu" without its infinitive.

German puts the verb of a subordinate clause at its end and English puts it early, so
machine translation drops it there more than anywhere ("…, dass die neue Version
deutlich schneller." lost "ist"). English "will build X and expand Y" keeps one
infinitive form for both verbs; German needs the bare infinitive after "wird" for both,
and a translation that makes the second one a zu-infinitive ("wird X bauen und Y zu
erweitern") breaks the sentence. "in order to" becomes "um … zu", and where the
infinitive falls out, "zu" is left at the end of the clause.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.checks.agreement import is_attributive_adjective
from mtlint.checks.verbs import could_be_finite, has_finite_verb
from mtlint.core.document import WORD, BlockKind, Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german
from mtlint.language.wordclasses import (
    ARTICLES,
    DETERMINERS,
    HABEN,
    SEIN,
    SUBJECT_PRONOUNS,
    SUBORDINATING_CONJUNCTIONS,
    tags_of,
    word_set,
)

# Conjunctions that open a clause with a subject and a finite verb and hardly ever a
# verbless phrase. Left out: "ob" ("ob groß oder klein"), "als", "wie", "da", "bis",
# "seit", "während" (also prepositions or comparisons).
CLAUSE_CONJUNCTIONS = word_set(
    "dass daß weil obwohl obgleich nachdem bevor sobald sodass wenn falls"
)
CONJUNCTION_SEARCH = compile_pattern(
    r"(?i)\b(?:dass|daß|weil|obwohl|obgleich|nachdem|bevor|sobald|sodass|wenn|falls)\b"
)
# After these, "wenn" and "falls" open a verbless phrase: "wenn auch mit Mühe", "wenn
# nicht heute, dann morgen", "falls nötig".
ELLIPSIS_STARTS = word_set(
    "auch überhaupt nicht schon nötig möglich gewünscht erforderlich notwendig ja nur "
    "irgend überhaupt vorhanden zutreffend"
)
# What ends a clause for these rules.
CLAUSE_END = compile_pattern(r"[,;:()\[\]–—„“”\"«»]|\s-\s")
# A clause this short after its conjunction is left alone (ellipses, cut text).
MIN_CLAUSE_WORDS = 3


def _sentence_end(text: str) -> bool:
    """Whether a sentence text ends with a full stop, question or exclamation mark."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in ".!?" and not stripped.endswith("..")


def _has_subject(words: list[str]) -> bool:
    """Whether a determiner before a capitalised word or a subject pronoun stands among
    the words."""
    for index, word in enumerate(words):
        if word in SUBJECT_PRONOUNS:
            return True
        if (word in ARTICLES or word in DETERMINERS) and index + 1 < len(words):
            position = index + 1
            while position < len(words) - 1 and is_attributive_adjective(words[position]):
                position += 1
            if words[position][:1].isupper():
                return True
    return False


def clause_verb_missing(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Nebensatz mit „dass“, „weil“, „obwohl“, „nachdem“, „bevor“, „sobald“,
    „sodass“, „wenn“ oder „falls“, der bis zum Satzende kein Verb hat: „Der Hersteller
    verspricht, dass die neue Version deutlich schneller.“ (es fehlt „ist“), „Die
    Garantie gilt nur, wenn die Rechnung vom Händler.“

    ## Warum ist das ein Problem?
    Das Verb steht im Nebensatz am Ende, im Englischen früh im Satz. Bei der Übersetzung
    fällt es deshalb leicht weg, und der Nebensatz sagt nichts mehr aus.

    ## Bekannte Grenzen
    Gemeldet wird nur ein Nebensatz, der bis zum Satzende (Punkt, Frage- oder
    Ausrufezeichen) reicht, mindestens drei Wörter und ein Subjekt (Artikel mit Nomen
    oder Pronomen) hat und in dem kein Wort auch nur ein Verb sein kann. Nebensätze mit
    „ob“, „als“ und „wie“ bleiben unbeachtet, weil sie oft gewollt verblos sind („ob groß
    oder klein“), ebenso „wenn auch …“, „falls nötig“, Sätze mit Anführungszeichen
    nach der Konjunktion und Nebensätze mit einem seltenen oder verkürzten Wort, das das
    Verb sein kann („wenn die Hähne muh'n“).
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        for sentence in block.sentences:
            text = sentence.text
            if not _sentence_end(text) or not CONJUNCTION_SEARCH.search(text):
                continue
            # Only a clause that runs to the sentence end counts: after the last comma,
            # quotation mark or dash (found once, so that long sentences stay linear).
            last_break = max((m.end() for m in CLAUSE_END.finditer(text)), default=0)
            matches = list(WORD.finditer(text, last_break))
            for index, match in enumerate(matches):
                if match.group().lower() not in CLAUSE_CONJUNCTIONS:
                    continue
                if index == 0:
                    if text[last_break:match.start()].strip() or (
                        last_break and text[last_break - 1] != ","
                    ):
                        continue  # "ohne dass", "so dass" spelled apart: other readings
                elif matches[index - 1].group().lower() not in ("und", "oder"):
                    continue
                rest = text[match.end():].rstrip()
                words = [m.group() for m in matches[index + 1:]]
                if len(words) < MIN_CLAUSE_WORDS or not _has_subject(words):
                    continue
                if words[0].lower() in ELLIPSIS_STARTS:
                    continue
                if any(word.islower() and german.word_tags(word) is None for word in words):
                    continue  # a rare or elided word may be the verb: "muh'n", "entschliefst"
                if has_finite_verb(words, first=False) or _tagged_verb(rest):
                    continue
                yield Hit(
                    sentence.start + match.start(), len(text.rstrip()) - match.start(),
                    f"Dem Nebensatz mit „{match.group()}“ fehlt das Verb: Vermutlich ist "
                    "es bei der Übersetzung verloren gegangen.",
                )
                break


def _tagged_verb(text: str) -> bool:
    """Whether the tagger reads any word of `text` in context as a verb."""
    return any(analysis.is_verb for _, analysis in german.tag_text(text))


# --- infinitive-zu-coordinated ------------------------------------------------------

# Finite verbs that take a bare infinitive: "wird … bauen", "kann … bauen". Not haben
# and sein, which take a zu-infinitive ("hat … zu tun", "ist … zu prüfen").
BARE_INFINITIVE_GOVERNORS = word_set(
    """
    wird werden wirst werdet wurde wurden würde würden
    kann kannst können könnt konnte konnten könnte könnten
    muss musst müssen müsst musste mussten müsste müssten
    soll sollst sollen sollt sollte sollten
    will willst wollen wollt wollte wollten
    darf darfst dürfen dürft durfte durften dürfte dürften
    """
)
# Words that govern a zu-infinitive inside the clause: "um … zu", "ohne … zu", "statt …
# zu", and nouns or verbs like "versuchen" (any verb form between "und" and "zu").
ZU_GOVERNORS = word_set("um ohne statt anstatt außer als")
INFINITIVE_TAGS = frozenset({"VVINF", "VAINF", "VMINF"})


def _is_bare_infinitive(word: str) -> bool:
    return word.islower() and word.endswith(("en", "ern", "eln")) and bool(
        tags_of(word) & INFINITIVE_TAGS
    )


def infinitive_zu_coordinated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen zu-Infinitiv, der mit „und“ an den reinen Infinitiv eines Modal- oder
    Hilfsverbs angeschlossen ist: „Die Firma wird ein Werk in Sachsen bauen und die
    Produktion zu verdoppeln.“ („und die Produktion verdoppeln“).

    ## Warum ist das ein Problem?
    „wird“, „kann“, „soll“ usw. verlangen für jedes angeschlossene Verb den reinen
    Infinitiv. Englisch „will build … and expand …“ verrät nicht, dass der zweite
    Infinitiv ohne „zu“ stehen muss; die Übersetzung setzt es trotzdem.

    ## Bekannte Grenzen
    Geprüft wird nur ein Satzteil zwischen zwei Kommas, in dem ein finites Modalverb oder
    eine Form von „werden“ steht, vor „und“ ein reiner Infinitiv und nach „und“ ohne
    weiteres Verb „zu“ mit Infinitiv am Ende. „um“, „ohne“, „statt“ im Satzteil
    bleiben unbeachtet.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        for sentence in block.sentences:
            text = sentence.text
            if " und " not in text or " zu " not in text:
                continue
            matches = list(WORD.finditer(text))
            words = [m.group() for m in matches]
            for index, word in enumerate(words):
                if word != "und":
                    continue
                found = _zu_infinitive_after(text, matches, words, index)
                if found is None:
                    continue
                first, last = matches[found].start(), matches[found + 1].end()
                infinitive = matches[found + 1].group()
                yield Hit(
                    sentence.start + first, last - first,
                    f"„{text[first:last]}“ hängt mit „und“ am Modal- oder Hilfsverb: "
                    "Der Infinitiv steht dann ohne „zu“.",
                    (infinitive,), infinitive, Safety.UNSAFE,
                )


# A stretch longer than this between "und" and "zu" is no coordination worth reading,
# nor one longer than MAX_CLAUSE_WORDS between the governor and "und".
MAX_COORDINATED_WORDS = 16
MAX_CLAUSE_WORDS = 30


def _separated(text: str, matches: list, first: int, second: int,  # type: ignore[type-arg]
               marks: str) -> bool:
    return any(mark in text[matches[first].end():matches[second].start()] for mark in marks)


def _zu_infinitive_after(text: str, matches: list, words: list[str],  # type: ignore[type-arg]
                         index: int) -> int | None:
    """The index of "zu" in "<governor> … <infinitive> und … zu <infinitive>", where
    "und" is at `index` of the sentence's `words` (and their `matches`): a zu-infinitive
    coordinated with the bare infinitive of a modal or "werden" in the same clause, or
    None."""
    if index < 2 or not _is_bare_infinitive(words[index - 1]):
        return None
    # Back to the governor, within the clause of the infinitive.
    position = index - 2
    lowest = max(0, index - MAX_CLAUSE_WORDS)
    while position >= lowest and not _separated(text, matches, position, position + 1, ",;:"):
        lower = words[position].lower()
        if lower in ZU_GOVERNORS or lower in HABEN or lower in SEIN:
            return None
        if lower in BARE_INFINITIVE_GOVERNORS:
            break
        position -= 1
    else:
        return None
    if position < lowest:
        return None
    # Forward to "zu" and its infinitive, over objects (an enumeration may have commas).
    for later in range(index + 1, min(len(words) - 1, index + MAX_COORDINATED_WORDS)):
        if _separated(text, matches, later - 1, later, ";:.!?()"):
            return None
        word = words[later]
        lower = word.lower()
        if lower == "zu":
            if later == index + 1 or not _is_bare_infinitive(words[later + 1]):
                return None
            return later if _closes_clause(text, matches, later + 1) else None
        if lower in ZU_GOVERNORS or lower in SUBORDINATING_CONJUNCTIONS or (
            could_be_finite(word, analyse=False)
        ):
            return None  # "und versuchen, … zu": a verb that takes the zu-infinitive
    return None


def _closes_clause(text: str, matches: list, index: int) -> bool:  # type: ignore[type-arg]
    """Whether the word at `index` ends its clause: the sentence ends after it, or a
    comma that no verb of the outer clause follows."""
    rest = text[matches[index].end():].lstrip()
    if not rest or rest[0] in ".!?;:":
        return True
    if rest[0] != "," or index + 1 >= len(matches):
        return False
    return not could_be_finite(matches[index + 1].group(), analyse=False)


# --- infinitive-missing -------------------------------------------------------------

UM_ZU_WITHOUT_VERB = compile_pattern(
    r"(?:^|(?<=[,;:]\s?)|(?<=[.!?]\s))\s*[Uu]m\s(?:[^,.;:!?]+?\s)zu(?=\s*[,.;:!?])"
)


def infinitive_missing(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    „um … zu“ ohne Infinitiv: „Wir senken die Preise, um neue Kunden zu.“ (es fehlt
    „gewinnen“).

    ## Warum ist das ein Problem?
    Englisch „in order to win“ wird zu „um … zu gewinnen“; fällt das Verb weg, bleibt
    „zu“ am Ende des Satzteils stehen, und der Zweck fehlt.

    ## Bekannte Grenzen
    Gemeldet wird nur ein Satzteil, der mit „um“ beginnt (am Satzanfang oder nach
    Komma) und mit „zu“ vor einem Satzzeichen endet.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        for match in UM_ZU_WITHOUT_VERB.finditer(block.text):
            first = match.start() + len(match.group()) - len(match.group().lstrip())
            yield Hit(
                block.start + first, match.end() - first,
                "Nach „um … zu“ fehlt der Infinitiv: Vermutlich ist das Verb bei der "
                "Übersetzung verloren gegangen.",
            )


RULES = (
    Rule(
        id="clause-verb-missing",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Ein Nebensatz mit „dass“, „weil“ usw. hat kein Verb.",
        doc=clause_verb_missing.__doc__ or "",
        check=clause_verb_missing,
        bad=(
            Example("Der Hersteller verspricht, <marker>dass die neue Version deutlich "
                    "schneller.</marker>"),
            Example("Die Lieferung verzögert sich, <marker>weil die Teile aus Asien.</marker>"),
        ),
        good=(
            Example("Der Hersteller verspricht, dass die neue Version deutlich schneller ist."),
            Example("Die Lieferung verzögert sich, weil die Teile aus Asien kommen."),
            Example("Die Preise steigen, wenn nötig auch zweimal im Jahr."),
            Example("Er geht, obwohl müde."),
            Example("Sie kam an, wenn auch mit einer Stunde Verspätung."),
        ),
        origin="mtlint/checks/clauses.py",
    ),
    Rule(
        id="infinitive-zu-coordinated",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="zu-Infinitiv neben dem reinen Infinitiv eines Modalverbs („wird … bauen "
                "und … zu erweitern“).",
        doc=infinitive_zu_coordinated.__doc__ or "",
        check=infinitive_zu_coordinated,
        bad=(
            Example("Die Firma wird ein Werk in Sachsen bauen und die Produktion "
                    "<marker>zu verdoppeln</marker>.", "verdoppeln"),
            Example("Sie können die Datei speichern und den Text später "
                    "<marker>zu ändern</marker>.", "ändern"),
        ),
        good=(
            Example("Die Firma wird ein Werk in Sachsen bauen und die Produktion verdoppeln."),
            Example("Sie können die Datei speichern und versuchen, den Text zu ändern."),
            Example("Die Firma hat ein Werk gebaut und plant die Produktion zu verdoppeln."),
            Example("Er wird kommen und ohne Pause die Arbeit zu Ende bringen."),
        ),
        origin="mtlint/checks/clauses.py",
    ),
    Rule(
        id="infinitive-missing",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="„um … zu“ ohne Infinitiv.",
        doc=infinitive_missing.__doc__ or "",
        check=infinitive_missing,
        bad=(
            Example("Wir senken die Preise, <marker>um neue Kunden zu</marker>."),
        ),
        good=(
            Example("Wir senken die Preise, um neue Kunden zu gewinnen."),
            Example("Er bog um die Ecke zu seinem Haus."),
            Example("Um zehn Uhr fuhr der Zug ab."),
        ),
        origin="mtlint/checks/clauses.py",
    ),
)

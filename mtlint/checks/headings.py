"""Heading case: headings that lost their capitals, and English Title Case.

German capitalises the first word of a heading, every noun and every name, and
nothing else.  Machine translation breaks this both ways: headings come out all
lowercase ("die ursprünge des konflikts: ressourcen und ambitionen"), or in
English Title Case with adjectives, verbs and prepositions capitalised ("Die
Größten Herausforderungen Für Unternehmen").

Headings are the document's heading blocks: in Markdown the heading elements, in
plain text a short line without final punctuation before a paragraph.  To know a
noun or name the rules combine three sources, because each alone is wrong too
often: the document itself (a word the body writes capitalised mid-sentence, as
"Microsoft" or "OpenAI"), the noun lexicon confirmed by the tagger, and position (a
word right after an article, at the end of its noun phrase, is a noun: "das
zerbrechen der ...").
"""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.core.document import Block, BlockKind, BodySpellings, Document, Span
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german
from mtlint.language.wordclasses import (
    ARTICLES,
    CONNECTING_ADVERBS,
    DETERMINERS,
    FINITE_AUX_OR_MODAL,
    FUNCTION_WORDS,
    PERSONAL_PRONOUNS,
    PREPOSITION_ARTICLES,
    PREPOSITIONS,
    SUBORDINATING_CONJUNCTIONS,
    is_prose_word,
)

# Words that make the next word the head of a noun phrase.
NOUN_MARKERS = ARTICLES | PREPOSITION_ARTICLES | DETERMINERS
CLOSED_WORDS = FUNCTION_WORDS | CONNECTING_ADVERBS | FINITE_AUX_OR_MODAL
# Punctuation after which a heading starts afresh ("Fazit: Eine neue Ära").
RESTART = compile_pattern(r"[:?!.–—|]\s*$")
ENGLISH_FUNCTION_WORDS = frozenset(
    {"the", "of", "and", "with", "for", "is", "are", "to", "from", "your", "how", "what", "why"}
)
# Adjectives ending like this are not compounds of their last letters: "bewegungslos"
# is not "Bewegungs" + "Los".
ADJECTIVE_SUFFIXES = (
    "los", "lich", "ig", "isch", "bar", "sam", "haft", "voll", "reich", "artig", "mäßig",
)
INFINITIVE_TAGS = frozenset({"VVINF", "VAINF", "VMINF"})
CONTENT_TAGS = frozenset({"ADJA", "ADJD", "ADV", "VVFIN", "VVINF", "VVPP", "VVIMP", "VVIZU"})


def _is_plain_lowercase(word: str) -> bool:
    return word.isalpha() and word.islower()


def _starts_part(block: Block, word: Span) -> bool:
    """Whether a heading word opens the heading or a part after a colon or dash."""
    before = block.text[:word.start - block.start]
    return not before.strip(" „\"»«'‚(*_`[") or bool(RESTART.search(before))


def _respelled(doc: Document, words: list[tuple[Span, str]]) -> tuple[int, int, str]:
    """The stretch from the first to the last of `words` (in text order) and its text
    with each word replaced by its new spelling."""
    start, end = words[0][0].start, words[-1][0].end
    fixed = doc.text[start:end]
    for word, spelling in reversed(words):
        fixed = fixed[:word.start - start] + spelling + fixed[word.end - start:]
    return start, end, fixed


def _glossary_terms(context: RuleContext) -> set[str]:
    terms = set(context.glossary)
    for variants in context.glossary.values():
        terms.update(variants)
    return {term.lower() for term in terms}


# --- heading-lowercase-start --------------------------------------------------------

# Marks that end a paragraph's last sentence (closing quotes and brackets after one).
PARAGRAPH_END = ".!?…:\"“”»«'’)"


def _continues_paragraph(doc: Document, block: Block) -> bool:
    """Whether a short lowercase line goes on with the paragraph before it, which
    stopped mid-sentence (a page that broke a sentence into two paragraphs)."""
    index = doc.blocks.index(block)
    if index == 0:
        return False
    previous = doc.blocks[index - 1]
    return (previous.kind is BlockKind.PARAGRAPH
            and previous.text.rstrip()[-1:] not in PARAGRAPH_END)



def heading_lowercase_start(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Eine Überschrift, die mit einem Kleinbuchstaben beginnt: „die ursprünge des
    konflikts“, „könnte der konflikt im gerichtssaal gelöst werden?“.

    ## Warum ist das ein Problem?
    Das erste Wort einer Überschrift wird im Deutschen immer großgeschrieben. Eine klein
    beginnende Überschrift stammt fast immer aus einer maschinellen Übersetzung oder
    einem Export, der die Großschreibung verloren hat.

    ## Bekannte Grenzen
    Wörter, die per Konvention klein beginnen (iPhone, eBay), Begriffe aus dem Glossar
    und Wörter, die weder Lexikon noch Tagger als deutsch kennen (Befehls- und
    Markennamen), bleiben unberührt, ebenso eine Zeile nach einem Absatz, der mitten im
    Satz aufhört: Sie setzt ihn fort.

    ## Fix-Sicherheit
    Sicher, wo die Überschrift sicher eine ist: in Markdown und in reinem Text nach einer
    Leerzeile oder am Textanfang; nur der erste Buchstabe wird großgeschrieben. Eine
    Zeile, der in reinem Text nur ein Zeilenumbruch vorausgeht, könnte einen umbrochenen
    Absatz fortsetzen: Dort ist die Korrektur unsicher.
    """
    glossary = _glossary_terms(context)
    for block in doc.headings:
        words = block.words()
        if not words:
            continue
        first = words[0]
        if not _starts_part(block, first) or not _is_plain_lowercase(first.text):
            continue
        if first.text in glossary or not is_prose_word(first.text):
            continue
        if _continues_paragraph(doc, block):
            continue
        capital = first.text[0].upper() + first.text[1:]
        # In plain text, a line after a mere line break may continue a wrapped paragraph.
        safety = Safety.SAFE if block.certain_start else Safety.UNSAFE
        yield Hit(
            first.start, len(first.text),
            f"Die Überschrift beginnt klein: „{first.text}“ sollte „{capital}“ heißen.",
            (capital,), capital, safety,
        )


# --- heading-lowercase-noun ---------------------------------------------------------


def _nominalised_infinitive(words: list[Span], index: int, block: Block) -> bool:
    """Whether a lowercase infinitive is used as a noun, by position: after an article
    and before a genitive or prepositional attribute ("das zerbrechen der beziehung"),
    or after a fused preposition at the end ("beim essen")."""
    word = words[index].text
    if index == 0:
        return False
    marker = words[index - 1].text.lower()
    if marker not in ARTICLES and marker not in PREPOSITION_ARTICLES:
        return False
    if not (german.word_tags(word) or frozenset()) & INFINITIVE_TAGS:
        return False
    offset = block.start
    if block.text[words[index - 1].end - offset:words[index].start - offset].strip():
        return False
    if index + 1 == len(words) or block.text[
        words[index].end - offset:words[index + 1].start - offset
    ].strip():
        # At the end of the heading or of its part: "beim essen", "Das zerbrechen".
        return marker in PREPOSITION_ARTICLES or index == 1
    following = words[index + 1].text.lower()
    return following in ARTICLES or following in PREPOSITION_ARTICLES or (
        following in PREPOSITIONS and following not in SUBORDINATING_CONJUNCTIONS)


def _hyphenated_noun(word: str, body: BodySpellings) -> str | None:
    """The spelling of a lowercase hyphenated compound whose last part is a noun:
    "ki-vorherrschaft" -> "KI-Vorherrschaft" (each part as the body spells it)."""
    parts = word.split("-")
    if not all(part.isalpha() for part in parts):
        return None
    last = german.capitalised_noun(parts[-1])
    if last is None:
        return None
    head = [body.capitalised.get(part, part[0].upper() + part[1:]) for part in parts[:-1]]
    return "-".join([*head, last])


def _lowercase_nouns(block: Block, body: BodySpellings) -> list[tuple[Span, str]]:
    """The lowercase nouns and names of a heading with their capitalised spelling.

    Candidates come from the body's spelling and the lexicon; the heading is then
    tagged in context and only words tagged as noun or name are kept, so that "Alte
    Leute regen sich auf" keeps its verb.  Nominalised infinitives are found by
    position, which the tagger misses.
    """
    words = block.words()
    if any(word.text.lower() in ENGLISH_FUNCTION_WORDS for word in words):
        return []  # an English heading, or one quoting English
    candidates: list[tuple[Span, str]] = []
    found: list[tuple[Span, str]] = []
    for index, word in enumerate(words):
        text = word.text
        if block.text[word.start - block.start - 1:word.start - block.start] in "./_\\":
            continue  # part of a file name or path: "bapper.log"
        if "-" in text and text.islower():
            spelling = _hyphenated_noun(text, body)
            if spelling is not None:
                candidates.append((word, spelling))
            continue
        if text in CLOSED_WORDS or not _is_plain_lowercase(text):
            continue
        if _nominalised_infinitive(words, index, block):
            found.append((word, text[0].upper() + text[1:]))
            continue
        tags = german.word_tags(text)
        spelling = body.name_or_noun(text)
        if spelling is not None and (tags is None or tags & {"NN", "NE"}):
            candidates.append((word, spelling))
            continue
        noun = german.noun_form(text, compounds=not text.endswith(ADJECTIVE_SUFFIXES))
        if noun is not None and (tags is None or "NN" in tags):
            candidates.append((word, noun))
    if candidates:
        tagged = dict(german.tag_text(block.text))
        for word, spelling in candidates:
            analysis = tagged.get(word.start - block.start)
            if analysis is not None and analysis.tag in ("NN", "NE"):
                found.append((word, spelling))
    return sorted(found, key=lambda item: item[0].start)


def heading_lowercase_noun(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Substantive und Namen, die in einer Überschrift kleingeschrieben sind: „zerbrechen
    der beziehung zwischen microsoft und openai“, „die ursprünge des konflikts:
    ressourcen und ambitionen“.

    ## Warum ist das ein Problem?
    Substantive und Namen werden im Deutschen großgeschrieben, auch in Überschriften.
    Kleingeschriebene Überschriften sind ein typisches Artefakt maschineller Übersetzung
    und fallen Lesern sofort auf.

    ## Wie die Regel Substantive erkennt
    Ein Wort gilt als Substantiv oder Name, wenn der Text es sonst mitten im Satz
    großschreibt („Microsoft“, „OpenAI“), wenn Lexikon und Tagger es als Substantiv kennen
    („beziehung“ → „Beziehung“) oder wenn es direkt auf einen Artikel folgt und die
    Nominalphrase abschließt („das zerbrechen der …“).

    ## Bekannte Grenzen
    Ein nominalisiertes Verb ohne Artikel davor wird nicht erkannt; Namen, die der Text
    nirgends großschreibt und die das Lexikon nicht kennt, ebenso wenig.

    ## Fix-Sicherheit
    Unsicher: Die Schreibung der Namen kommt aus dem Text selbst oder aus dem Lexikon und
    sollte geprüft werden.
    """
    if not doc.headings:
        return  # the body's spellings are only needed to judge headings
    body = doc.body_spellings
    for block in doc.headings:
        corrections = _lowercase_nouns(block, body)
        if not corrections:
            continue
        start, end, fixed = _respelled(doc, corrections)
        names = ", ".join(f"„{word.text}“" for word, _ in corrections)
        yield Hit(
            start, end - start,
            f"Kleingeschriebene Substantive oder Namen in der Überschrift: {names}. "
            "Substantive und Namen werden großgeschrieben.",
            (fixed,), fixed, Safety.UNSAFE,
        )


# --- heading-title-case -------------------------------------------------------------


def _title_cased_word(
    words: list[Span], index: int, block: Block, body: BodySpellings
) -> bool:
    """Whether a capitalised word in the middle of a heading is neither noun nor name."""
    word = words[index].text
    lower = word.lower()
    if not (word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False  # "OpenAI", "KI", "iPhone": names and abbreviations
    if lower in PERSONAL_PRONOUNS or (lower in DETERMINERS and lower.startswith(("ihr", "eu"))):
        return False  # "Was Sie wissen müssen", "Ihre Daten"
    if lower in CLOSED_WORDS:
        return True
    if lower in body.capitalised and lower not in body.lowercase:
        return False  # the body writes it capitalised too: a name or a term
    tags = german.word_tags(lower)
    following = words[index + 1].text if index + 1 < len(words) else ""
    attributive = following[:1].isupper() and following.lower() not in CLOSED_WORDS
    if tags and "ADJA" in tags and attributive:
        return True  # an attributive adjective: "Die Größten Herausforderungen"
    if german.is_known_noun(word) or german.is_known_name(word):
        return False
    if tags is None:
        # Not a frequent form: a compound noun the lexicon knows by its last part
        # ("Partnerschaftsverhandlungen"), or ask the tagger.
        if german.is_known_noun(word, compounds=True):
            return False
        analysis = german.analyze_word(lower)
        tags = frozenset({analysis.tag}) if analysis.known else frozenset()
    # The lexicon has ruled out nouns; HanTa's NN readings of adjectives are
    # nominalisations ("das Schnelle") and do not count.
    if not tags & CONTENT_TAGS:
        return False
    # After an article the word is nominalised: "Das Neue".
    return index == 0 or words[index - 1].text.lower() not in NOUN_MARKERS


def _verb_or_noun(word: str, body: BodySpellings) -> bool:
    """Whether a capitalised heading word is a noun that may also be a verb or an
    adjective in lowercase ("Wissen", "Müssen", "Neue"), and not a name or term."""
    lower = word.lower()
    if not (word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    if lower in body.capitalised and lower not in body.lowercase:
        return False
    tags = german.word_tags(lower)
    return tags is not None and bool(tags & (CONTENT_TAGS | {"VMFIN", "VMINF", "VAINF"}))


def _read_as_verbs(block: Block, words: list[Span]) -> list[Span]:
    """The words that HanTa, tagging the heading with them in lowercase, reads as
    verbs, adjectives or adverbs: "Was Sie Wissen Müssen" -> "Wissen", "Müssen"."""
    text = block.text
    for word in reversed(words):
        start = word.start - block.start
        text = text[:start] + word.text.lower() + text[start + len(word.text):]
    tags = dict(german.tag_text(text))
    return [
        word for word in words
        if (analysis := tags.get(word.start - block.start)) is not None
        and analysis.tag in CONTENT_TAGS | {"VMFIN", "VMINF", "VAINF", "VAFIN"}
    ]


def heading_title_case(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Eine Überschrift in englischer Title-Case-Schreibung, in der auch Adjektive, Verben,
    Adverbien oder Präpositionen großgeschrieben sind: „Die Größten Herausforderungen Für
    Unternehmen“.

    ## Warum ist das ein Problem?
    Englische Überschriften schreiben jedes wichtige Wort groß, deutsche nur das erste
    Wort, Substantive und Namen. Übersetzungen übernehmen die englische Schreibung oft.

    ## Bekannte Grenzen
    Gemeldet wird erst ab zwei solchen Wörtern, damit feste Begriffe („Künstliche
    Intelligenz“, „Der Erste Weltkrieg“) nicht stören; Wörter, die der Text auch mitten im
    Satz großschreibt, gelten als Name oder Begriff. Überschriften, die ein anderes
    Inhaltswort kleinschreiben, folgen der deutschen Schreibung und werden nicht gemeldet.

    ## Fix-Sicherheit
    Unsicher: Die Korrektur schreibt die gemeldeten Wörter klein; Namen, die Lexikon und
    Text nicht kennen, könnten darunter sein.
    """
    if not doc.headings:
        return  # the body's spellings are only needed to judge headings
    body = doc.body_spellings
    for block in doc.headings:
        flagged = [
            word for part in _heading_parts(block)
            for word in _title_cased_in_part(block, part, body)
        ]
        if not flagged:
            continue
        start, end, fixed = _respelled(doc, [(word, word.text.lower()) for word in flagged])
        names = ", ".join(f"„{word.text}“" for word in flagged)
        yield Hit(
            start, end - start,
            f"Englische Title-Case-Schreibung in der Überschrift: {names}. Im Deutschen "
            "werden nur das erste Wort, Substantive und Namen großgeschrieben.",
            (fixed,), fixed, Safety.UNSAFE,
        )


def _heading_parts(block: Block) -> list[list[Span]]:
    """The words of a heading, split into parts at a colon, dash or question mark:
    "Apples neue Strategie: Was Sie Wissen Müssen" has two."""
    parts: list[list[Span]] = []
    for word in block.words():
        if not parts or _starts_part(block, word):
            parts.append([])
        parts[-1].append(word)
    return parts


def _title_cased_in_part(block: Block, words: list[Span], body: BodySpellings) -> list[Span]:
    """The title-cased words of one heading part: at least two, in a part that writes
    no content word lowercase."""
    flagged: list[Span] = []
    ambiguous: list[Span] = []  # nouns that may be verbs or adjectives: "Wissen"
    for index, word in enumerate(words[1:], start=1):
        text = word.text
        if _is_plain_lowercase(text):
            if text not in CLOSED_WORDS and is_prose_word(text):
                return []  # German casing: "Die größten Herausforderungen"
            continue
        if _title_cased_word(words, index, block, body):
            flagged.append(word)
        elif _verb_or_noun(text, body):
            ambiguous.append(word)
    if len(flagged) + len(ambiguous) < 2:
        return []
    if ambiguous:
        flagged = sorted(flagged + _read_as_verbs(block, ambiguous), key=lambda w: w.start)
    return flagged if len(flagged) >= 2 else []


_FOLLOW = "\n\nDer Text des Artikels folgt hier."

RULES = (
    Rule(
        id="heading-lowercase-start",
        category=Category.CASING,
        severity=Severity.WARNING,
        summary="Eine Überschrift beginnt mit einem Kleinbuchstaben.",
        doc=heading_lowercase_start.__doc__ or "",
        check=heading_lowercase_start,
        bad=(
            Example("<marker>könnte</marker> der Konflikt vor Gericht enden?" + _FOLLOW,
                    correction="Könnte"),
            Example("<marker>warum</marker> Microsoft auf eigene Modelle setzt" + _FOLLOW,
                    correction="Warum"),
            Example("<marker>neue</marker> Regeln für KI in Europa" + _FOLLOW,
                    correction="Neue"),
        ),
        good=(
            Example("Könnte der Konflikt vor Gericht enden?" + _FOLLOW),
            Example("iPhone-Verkäufe steigen wieder" + _FOLLOW),
            Example("eBay setzt auf KI-Beschreibungen" + _FOLLOW),
            Example("die ursprünge des konflikts, ein kurzer Satz im Absatz."),
            Example("Die Stadt lud zu einer Konferenz über die Zukunft der Häfen, der Werften "
                    "und der Kanäle in\n\nden nördlichen Provinzen ein" + _FOLLOW),
        ),
        origin="mtlint/checks/headings.py",
        fixable=True,
    ),
    Rule(
        id="heading-lowercase-noun",
        category=Category.CASING,
        severity=Severity.WARNING,
        summary="Substantive oder Namen in einer Überschrift sind kleingeschrieben.",
        doc=heading_lowercase_noun.__doc__ or "",
        check=heading_lowercase_noun,
        bad=(
            Example("Die <marker>ursprünge des konflikts: ressourcen und ambitionen</marker>"
                    + _FOLLOW,
                    correction="Ursprünge des Konflikts: Ressourcen und Ambitionen"),
            Example("Das Ende der <marker>beziehung zwischen microsoft</marker> und OpenAI"
                    "\n\nSeit Jahren arbeiten Microsoft und OpenAI zusammen.",
                    correction="Beziehung zwischen Microsoft"),
            Example("Könnte der <marker>konflikt im gerichtssaal</marker> gelöst werden?"
                    + _FOLLOW, correction="Konflikt im Gerichtssaal"),
            Example("Warum das <marker>scheitern</marker> der Gespräche absehbar war"
                    + _FOLLOW, correction="Scheitern"),
        ),
        good=(
            Example("Die Ursprünge des Konflikts: Ressourcen und Ambitionen" + _FOLLOW),
            Example("Könnte der Konflikt im Gerichtssaal gelöst werden?" + _FOLLOW),
            Example("Was sich morgen für Nutzer ändert" + _FOLLOW),
            Example("Warum Microsoft essen und trinken lässt" + _FOLLOW),
        ),
        origin="mtlint/checks/headings.py",
    ),
    Rule(
        id="heading-title-case",
        category=Category.CASING,
        severity=Severity.INFO,
        summary="Eine Überschrift folgt der englischen Title-Case-Schreibung.",
        doc=heading_title_case.__doc__ or "",
        check=heading_title_case,
        bad=(
            Example("Die <marker>Größten Herausforderungen Für</marker> Unternehmen" + _FOLLOW,
                    correction="größten Herausforderungen für"),
            Example("Wie Microsoft <marker>Seine Strategie Neu Ausrichtet</marker>" + _FOLLOW,
                    correction="seine Strategie neu ausrichtet"),
            Example("Warum <marker>Schnelle Entscheidungen Wichtig Sind</marker>" + _FOLLOW,
                    correction="schnelle Entscheidungen wichtig sind"),
            Example("Apples neue Strategie: Was Sie <marker>Wissen Müssen</marker>" + _FOLLOW,
                    correction="wissen müssen"),
        ),
        good=(
            Example("Die größten Herausforderungen für Unternehmen" + _FOLLOW),
            Example("Künstliche Intelligenz" + _FOLLOW),
            Example("Was Sie über die Künstliche Intelligenz wissen müssen" + _FOLLOW),
            Example("Fazit: Eine wegweisende Partnerschaft" + _FOLLOW),
        ),
        origin="mtlint/checks/headings.py",
    ),
)

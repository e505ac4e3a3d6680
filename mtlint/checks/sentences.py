"""Sentence boundaries: sentences that start lowercase, and sentences glued together
where a full stop or a line break got lost.

Machine translation and the scraping around it lose sentence boundaries: a
paragraph starts with the lowercase word of a sentence that was cut out of its
context ("in den letzten Jahren, ..."), a heading is merged into the paragraph
below ("... hin zu Rentabilität Gleichzeitig erhöht ..."), a full stop disappears
between two sentences ("... 14 Milliarden Dollar Seit 2019 bietet ...").  These
rules look at the words around a boundary; they know German function words
exactly (closed lists), so they need no tagger and stay quiet on names and titles.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from mtlint.core.document import WORD, Block, BlockKind, Document, _is_abbreviation_before
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german
from mtlint.language.wordclasses import (
    ARTICLES,
    CONNECTING_ADVERBS,
    DETERMINERS,
    FINITE_AUX_OR_MODAL,
    FUNCTION_WORDS,
    PREPOSITION_ARTICLES,
    PREPOSITIONS,
    SUBORDINATING_CONJUNCTIONS,
    is_finite_verb,
    is_prose_word,
    tags_of,
    word_set,
)

# Abbreviations that end sentences as often as not, so the document model does not
# list them; before a lowercase word they are abbreviations.
ABBREVIATIONS = frozenset({"usw", "etc", "bzw", "btw", "evtl", "ggf", "inkl", "vgl"})
# Words that open a sentence; a lowercase one after a full stop in mid-paragraph
# means the capital was lost (other words there are usually after an abbreviation).
SENTENCE_OPENERS = FUNCTION_WORDS | CONNECTING_ADVERBS

OPENING_QUOTES = "„\"»«‚‹'“"
CLOSING_QUOTES = "“”\"«»‘’'‹›"

# --- sentence-lowercase-start ---------------------------------------------------------

# A sentence end inside a block, followed by a lowercase word.
LOWERCASE_AFTER_END = compile_pattern(
    r"""(?x)
    (?P<end>[.!?])                   # sentence punctuation
    (?P<close>["“”»«'’)\]]*)         # closing quotes or brackets that belong to it
    (?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)  # spaces or one line break (wrapped text)
    (?P<word>\p{Ll}[\p{Ll}\p{M}]*)  # a lowercase word
    """
)
LETTER_OR_MARK = compile_pattern(r"[\p{L}\p{M}]")


def _is_plain_lowercase_word(text: str, start: int) -> str | None:
    """The word at `start` if it is written all lowercase letters and used as prose.

    Words with capitals inside (iPhone, eBay), digits, apostrophes ('s) or a following
    bracket or dot-letter (man page "ls(1)", "example.org") are names or code.
    """
    match = WORD.match(text, start)
    if match is None:
        return None
    word = match.group()
    if not word.isalpha() or not word.islower():
        return None
    after = text[match.end():match.end() + 2]
    if after[:1] in "(_/\\@=<>[" or (after[:1] == "." and after[1:2].isalnum()):
        return None
    if start > 0 and text[start - 1] in "'’`$-_/\\.":
        return None
    return word


def _ends_sentence(text: str, match: regex.Match[str]) -> bool:
    """Whether a full stop followed by a lowercase word ends a sentence.

    Only a plain full stop after a real word counts: "?" and "!" inside a sentence and
    closing quotes before the word are direct speech ("„Wo?“ fragt er"), and a stop after
    a short or capitalised token closes an abbreviation ("usw.", "Btw.", "III.").
    """
    if match.group("end") != "." or match.group("close"):
        return False
    dot = match.start("end")
    if _is_abbreviation_before(text, dot):
        return False
    # The letters right before the dot ("$" also matches before a final line break),
    # walked backwards so that each full stop costs only its word.
    end = dot - 1 if text[dot - 1:dot] == "\n" else dot
    start = end
    while start > 0 and LETTER_OR_MARK.match(text, start - 1):
        start -= 1
    if start == end:
        return False
    word = text[start:end]
    return len(word) >= 4 and not word.isupper() and word.lower() not in ABBREVIATIONS


def _previous_block(doc: Document, block: Block) -> Block | None:
    index = doc.blocks.index(block)
    return doc.blocks[index - 1] if index > 0 else None


def _continues_previous(doc: Document, block: Block) -> bool:
    """Whether a block may go on from the one before it in lowercase: after a lead-in
    (":"), a comma or dash, or a paragraph that did not end its sentence."""
    previous = _previous_block(doc, block)
    if previous is None or previous.kind is BlockKind.HEADING:
        return False
    last = previous.text.rstrip()[-1:]
    return last not in ".!?\"“”»«'’)"


def sentence_lowercase_start(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Absatz oder Satz, der mit einem kleingeschriebenen Wort beginnt: „in den
    letzten Jahren, Microsoft und OpenAI …“.

    ## Warum ist das ein Problem?
    Im Deutschen beginnt jeder Satz groß. Ein kleiner Satzanfang zeigt meist, dass der
    Satz aus einem größeren Zusammenhang geschnitten oder beim Übersetzen zerlegt wurde;
    oft ist auch der Rest des Satzes beschädigt.

    ## Bekannte Grenzen
    Nicht gemeldet werden: Listenpunkte und Absätze, die eine Einleitung mit Doppelpunkt
    oder einen unvollendeten Absatz fortsetzen; Wörter, die per Konvention klein beginnen
    (iPhone, eBay, Befehlsnamen wie „ls(1)“); Fortsetzungen nach Auslassungspunkten;
    Wörter, die weder die Funktionswortlisten noch Lexikon oder Tagger als deutsch kennen.

    ## Fix-Sicherheit
    Sicher am Absatzanfang, wo der Absatz sicher beginnt (in Markdown; in reinem Text
    nach einer Leerzeile oder am Textanfang): Das erste Wort wird großgeschrieben, sonst
    ändert sich nichts. Nach einem bloßen Zeilenumbruch in reinem Text unsicher, denn
    die Zeile könnte einen umbrochenen Absatz fortsetzen.
    Mitten im Absatz unsicher: Der Punkt davor kann eine unbekannte Abkürzung schließen
    („Hauptstr. in Berlin“).
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH):
        text = block.text
        starts: list[int] = []
        lead = 0
        while lead < len(text) and text[lead] in OPENING_QUOTES:
            lead += 1
        if lead < len(text) and text[lead].islower() and not _continues_previous(doc, block):
            starts.append(lead)
        for match in LOWERCASE_AFTER_END.finditer(text):
            if _ends_sentence(text, match):
                starts.append(match.start("word"))
        for start in starts:
            word = _is_plain_lowercase_word(text, start)
            if word is None or not is_prose_word(word):
                continue
            if start != lead and word not in SENTENCE_OPENERS:
                continue
            capital = word[0].upper() + word[1:]
            # Mid-paragraph, the full stop before may close an unknown abbreviation
            # ("Hauptstr. in"), so only a paragraph's first word is fixed blindly, and
            # only where the paragraph surely starts (not after a mere line break in
            # plain text, which may wrap a paragraph).
            certain = start == lead and block.certain_start
            yield Hit(
                block.start + start, len(word),
                f"Der Satz beginnt klein: „{word}“ sollte „{capital}“ heißen.",
                (capital,), capital, Safety.SAFE if certain else Safety.UNSAFE,
            )


# --- sentence-boundary-missing --------------------------------------------------------

# Function words that are never nouns when capitalised (nominalised "das Aber",
# "der Dank", "aus Trotz", "des Falls" are left out).
_NOUN_HOMOGRAPHS = word_set(
    """
    aber abseits angesichts aus bei dank des die diesseits ehe einer falls ferner für
    fürs gegen gegenüber jenseits kraft laut mangels mithilfe mittels oder samt trotz
    statt unter unters wegen wenn wider wie zwecks
    """
)
BOUNDARY_WORDS = (
    CONNECTING_ADVERBS | PREPOSITIONS | PREPOSITION_ARTICLES | SUBORDINATING_CONJUNCTIONS
    | ARTICLES
) - _NOUN_HOMOGRAPHS | {"die", "des"}
# Words after which a capitalised function word is nominalised ("das Ob und Wie").
NOMINALISING = ARTICLES | PREPOSITION_ARTICLES | DETERMINERS
# How many words a fronted phrase may have before its finite verb ("Seit dem Beginn
# des Jahres bietet ...").
MAX_FRONTED_WORDS = 6


# The marks that change the quotation depth.
DEPTH_MARK = compile_pattern('[„»“«"]')


def quotation_depths(text: str) -> list[int]:
    """The quotation depth before each offset of `text` (one more entry than chars), so
    that many offsets are looked up in one pass over the text."""
    # Built run by run between quotation marks: a character loop costs 0.5 s on 1 MB.
    depths: list[int] = []
    depth = 0
    for match in DEPTH_MARK.finditer(text):
        index = match.start()
        depths.extend([depth] * (index + 1 - len(depths)))  # offsets up to the mark
        char = match.group()
        if char in "„»":
            depth += 1
        elif char in "“«":
            if depth:
                depth -= 1
        else:
            depth = 0 if depth else 1
    depths.extend([depth] * (len(text) + 1 - len(depths)))
    return depths


def inside_quotation(text: str, index: int) -> bool:
    """Whether `index` lies inside a quotation that opened earlier in the block."""
    return quotation_depths(text[:index])[-1] > 0


def _glued_to_previous(text: str, start: int, end: int, previous: str) -> bool:
    """Whether the word at start..end follows the previous word with only a space, as a
    lost sentence boundary leaves it: not after punctuation (verse lines after a comma,
    "1. Die", "(Siehe"), not before a hyphen or apostrophe ("Vor- und Nachteile",
    "Seit'"), not nominalised after an article ("das Ob und Wie")."""
    if start == 0 or not text[start - 1].isspace():
        return False
    last = start - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    if last < 0 or not text[last].isalnum():
        return False
    if text[end:end + 1] in "-‐'’(":
        return False
    return previous.lower() not in NOMINALISING


def _opens_main_clause(sentence: str, words: list[regex.Match[str]], index: int) -> bool:
    """Whether the capitalised word at `index` starts a main clause: its finite verb
    follows within a few words, in second position ("Seit 2019 bietet OpenAI ...",
    "Gleichzeitig erhöht das ..."), and more of the clause comes after it.  A
    subordinate clause or a verse line has its verb at the end ("... Zur Nachahmung
    geboren sind.") and is left alone."""
    lower = words[index].group().lower()
    if lower in SUBORDINATING_CONJUNCTIONS:
        # "Während die Konkurrenz Marktanteile verlor, legte Apple zu": a finite verb
        # ends the clause, and the main clause follows after the comma.
        rest = sentence[words[index].end():]
        clause, comma, after = rest.partition(",")
        if comma and _has_finite_verb(clause.split()) and _starts_with_finite(after):
            return True
        if lower not in PREPOSITIONS | CONNECTING_ADVERBS:
            return False
    limit = min(len(words), index + 1 + MAX_FRONTED_WORDS)
    for position in range(index + 1, limit):
        gap = sentence[words[position - 1].end():words[position].start()]
        if gap.strip():
            return False  # punctuation: the fronted part ended without a verb
        candidate = words[position].group()
        if not candidate[:1].islower():
            continue
        tags = tags_of(candidate)
        if tags & german.FINITE_VERB_TAGS:
            following = words[position].end()
            while following < len(sentence) and sentence[following].isspace():
                following += 1
            return following < len(sentence) and sentence[following].isalnum()
        if tags & german.NON_FINITE_VERB_TAGS:
            return False
    return False


def _has_finite_verb(tokens: list[str]) -> bool:
    for token in tokens:
        word = token.strip(",.;:!?()„“\"»«")
        if word[:1].islower() and word.isalpha() and is_finite_verb(word):
            return True
    return False


def _starts_with_finite(clause: str) -> bool:
    tokens = clause.split()
    return bool(tokens) and _has_finite_verb(tokens[:1])


def sentence_boundary_missing(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein großgeschriebenes Funktionswort mitten im Satz, meist eine Präposition, eine
    Konjunktion oder ein verbindendes Adverb („… 14 Milliarden Dollar Seit 2019 bietet
    …“, „… hin zu Rentabilität Gleichzeitig erhöht …“): Hier ist ein Satzende oder ein
    Zeilenumbruch verloren gegangen, oft ist eine Zwischenüberschrift in den Absatz
    gerutscht.

    ## Warum ist das ein Problem?
    Zwei Sätze laufen ineinander, der Leser muss die Grenze selbst suchen. Häufig fehlen
    an dieser Stelle weitere Wörter, oder eine Überschrift ist zum Satzteil geworden.

    ## Bekannte Grenzen
    Nicht gemeldet werden Wörter am Satzanfang, nach Doppelpunkt, Klammer oder
    Anführungszeichen, in Zitaten, vor einem Bindestrich („Vor- und Nachteile“) und
    Wörter, die auch Substantive sind („aus Dank“, „aus Trotz“). Ein Artikel wird nur
    gemeldet, wenn ein kleingeschriebenes Wort folgt, denn großgeschriebene Artikel
    beginnen Titel („in der Zeitung Die Zeit“). Titel in Anführungszeichen bleiben
    unberührt, Titel ohne sie können gemeldet werden.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        for sentence in block.sentences:
            for start, glue in lost_boundaries(sentence.text):
                if glue != "space":
                    continue  # a quote glued to the next sentence: sentence-missing-space
                word = WORD.match(sentence.text, start).group()
                yield Hit(
                    sentence.start + start, len(word),
                    f"„{word}“ ist mitten im Satz großgeschrieben: Hier fehlt vermutlich ein "
                    "Satzende (Punkt) oder ein Absatz, vielleicht eine eingerutschte "
                    "Überschrift.",
                )


@functools.lru_cache(maxsize=4096)
def lost_boundaries(sentence: str) -> tuple[tuple[int, str], ...]:
    """Where a new main clause starts inside a sentence without a sentence boundary
    (cached: sentence-boundary-missing and verb-missing-run-on both ask).

    Gives the offset of the capitalised function word that opens it and how it is
    glued to the text before: "space" ("... Dollar Seit 2019 bietet ...") or "quote"
    (no space after a closing quote: "... „Bromance„Die jüngsten ... deuten ...").
    The word must open a clause with its finite verb in second position.
    """
    return tuple(_lost_boundaries(sentence))


def _lost_boundaries(sentence: str) -> Iterator[tuple[int, str]]:
    words = list(WORD.finditer(sentence))
    capitals = sum(1 for w in words if w.group()[:1].isupper())
    if capitals * 4 > len(words) * 3:
        return  # Title Case or a list of names: capitals mean nothing here
    depths: list[int] | None = None  # built on first need
    for index, match in enumerate(words[1:], start=1):
        word = match.group()
        if word.lower() not in BOUNDARY_WORDS or not (word[0].isupper() and word[1:].islower()):
            continue
        start, end = match.start(), match.end()
        if sentence[start - 1] in CLOSING_QUOTES + "„" and sentence[start - 2:start - 1].isalpha():
            glue = "quote"
        elif _glued_to_previous(sentence, start, end, words[index - 1].group()):
            if depths is None:
                depths = quotation_depths(sentence)
            if depths[start] > 0:
                continue
            glue = "space"
        else:
            continue
        if _opens_main_clause(sentence, words, index):
            yield start, glue


# --- sentence-missing-space -----------------------------------------------------------

# A closing quotation mark glued to the next word.  The German closing marks “ and ”,
# and an opening mark „ used to close (the punctuation pack covers ".!?" before a
# capital, the quote pack the wrong closing mark itself).
GLUED_QUOTE = compile_pattern(r"(?<=[\p{L}\p{N}.,!?…])(?P<quote>[“”„])(?=\p{L})")


def _open_quotation_before(text: str, index: int) -> bool:
    """Whether a quotation opened with „ (or “ in English style) is open at `index`."""
    depth = 0
    for char in text[:index]:
        if char == "„":
            depth = 1 if depth == 0 else 0
        elif char in "“”" and depth:
            depth = 0
    return depth > 0


def sentence_missing_space(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein schließendes Anführungszeichen, auf das der nächste Satz oder das nächste Wort
    ohne Leerzeichen folgt: „… als „Bromance“Die jüngsten Entwicklungen …“, auch wenn
    das falsche Zeichen schließt („Bromance„Die“).

    ## Warum ist das ein Problem?
    Das Zitat und der folgende Text verschmelzen; oft fehlt an dieser Stelle auch ein
    Satzende oder ein Verb. Beim Zusammensetzen übersetzter Sätze geht das Leerzeichen
    nach dem Zitat leicht verloren.

    ## Bekannte Grenzen
    Nur deutsche Anführungszeichen („…“, auch „…„ und “…”) werden geprüft; bei geraden
    Zeichen (") ist nicht erkennbar, ob sie öffnen oder schließen. Ein fehlendes
    Leerzeichen nach Punkt, Frage- oder Ausrufezeichen meldet
    „space-missing-after-sentence“.

    ## Fix-Sicherheit
    Sicher: Es wird ein Leerzeichen nach dem Anführungszeichen eingefügt; ein
    schließendes „ wird dabei zu “ (wie bei „quote-low-closing“).
    """
    for block in doc.blocks:
        text = block.text
        for match in GLUED_QUOTE.finditer(text):
            quote = match.group("quote")
            if quote == "”" and "“" not in text[:match.start()]:
                continue
            if quote != "”" and not _open_quotation_before(text, match.start()):
                continue
            # A low mark that closes is itself wrong; the fix gives the closing mark, so that
            # it agrees with quote-low-closing's fix of the same character.
            replacement = ("“" if quote == "„" else quote) + " "
            yield Hit(
                block.start + match.start(), 1,
                f"Nach dem schließenden Anführungszeichen {quote} fehlt ein Leerzeichen.",
                (replacement,), replacement, Safety.SAFE,
            )


# --- semicolon-capital-word -------------------------------------------------------------

# A semicolon between two words of a paragraph and the capitalised word after it.
CAPITAL_AFTER_SEMICOLON = compile_pattern(
    r"(?<=[\p{L}\p{N})\]]);[ \t]+(?P<word>\p{Lu}\p{Ll}+)\b(?![-.'’])"
)
# A capitalised word after a comma: verse capitalises every line, and a verse unwrapped
# into one paragraph shows it after its commas too.
CAPITAL_AFTER_COMMA = compile_pattern(r",[ \t]+(?P<word>\p{Lu}\p{Ll}+)\b")
# The forms of address that letters and formal text capitalise anywhere.
ADDRESS_FORMS = word_set(
    """
    sie ihr ihnen ihre ihren ihrem ihrer ihres du dich dir dein deine deinen deinem
    deiner deines euch euer eure euren eurem eurer eures
    """
)
CLOSED_CLASS_OPENERS = SENTENCE_OPENERS | FINITE_AUX_OR_MODAL


def written_lowercase(word: str) -> bool:
    """Whether a capitalised word is one German writes lowercase inside a sentence: a
    function word, connecting adverb, auxiliary or modal, or a word the tagger's table
    knows only lowercase and not as a noun or name ("Genau", "Mehrere", "Optional").
    Forms of address ("Sie", "Ihr", "Du") are written capitalised on purpose."""
    lower = word.lower()
    if lower in ADDRESS_FORMS:
        return False
    if lower in CLOSED_CLASS_OPENERS:
        return True
    if german.is_known_noun(word) or german.is_known_name(word):
        return False
    tags = german.word_tags(lower)
    return tags is not None and not tags & {"NN", "NE", "FM", "XY", "TRUNC"}


def semicolon_capital_word(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein großgeschriebenes Wort nach einem Semikolon, das im Satzinneren kleingeschrieben
    wird: „Das Wetter war gut; Der Hafen lag ruhig da.“, „Wir fragten nach; Genau
    das wollten sie hören.“

    ## Warum ist das ein Problem?
    Das Semikolon trennt Teile desselben Satzes; danach geht es klein weiter. Großschreibung
    gibt es dort nur für Substantive, Namen und die Anrede. Maschinelle Übersetzung macht
    aus einem Punkt des Originals ein Semikolon (oder umgekehrt) und behält die
    Großschreibung des Satzanfangs.

    ## Bekannte Grenzen
    Gemeldet werden Funktionswörter (Artikel, Konjunktionen, Pronomen, verbindende
    Adverbien, Hilfs- und Modalverben) und Wörter, die das Lexikon nur kleingeschrieben
    kennt; Substantive, Namen und die Anredeformen („Sie“, „Ihr“, „Du“) nicht. Absätze,
    die auch nach Kommas solche Wörter großschreiben (zu einer Zeile verbundene Verse),
    bleiben unbeanstandet. Ein Titel nach dem Semikolon („Die Zeit“) kann gemeldet werden.

    ## Fix-Sicherheit
    Sicher bei Funktionswörtern, sonst ein Vorschlag: Das Wort wird kleingeschrieben.
    """
    for block in doc.blocks:
        text = block.text
        if ";" not in text:
            continue
        matches = [m for m in CAPITAL_AFTER_SEMICOLON.finditer(text)
                   if written_lowercase(m.group("word"))]
        if not matches or any(written_lowercase(m.group("word"))
                              for m in CAPITAL_AFTER_COMMA.finditer(text)):
            continue
        for match in matches:
            start, word = block.start + match.start("word"), match.group("word")
            if doc.is_ignored(start, start + len(word)):
                continue
            lower = word.lower()
            yield Hit(
                start, len(word),
                f"Nach dem Semikolon geht der Satz weiter: „{lower}“ kleinschreiben.",
                (lower,), lower,
                Safety.SAFE if lower in CLOSED_CLASS_OPENERS else Safety.UNSAFE,
            )


# --- colon-lowercase-imperative ---------------------------------------------------------

# A colon followed by a lowercase word and the formal "Sie": a verb-first sentence
# ("Tipp: prüfen Sie …", "Im August: erwarten Sie …").
LOWERCASE_VERB_SIE_AFTER_COLON = compile_pattern(
    r"(?<=[\p{L}\p{N})\]]):[ \t]+(?P<word>\p{Ll}+)[ \t]+Sie\b"
)


def colon_lowercase_imperative(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen ganzen Satz, der nach einem Doppelpunkt mit einem kleingeschriebenen Verb und
    „Sie“ beginnt: „Im Sommer ist Hochsaison: buchen Sie früh.“, „Tipp: prüfen Sie
    vorher die Öffnungszeiten.“

    ## Warum ist das ein Problem?
    Folgt dem Doppelpunkt ein vollständiger Satz, beginnt er groß (amtliche Regel § 81).
    Ein Verb vor „Sie“ eröffnet immer einen Satz, eine Aufforderung oder eine Frage.
    Maschinelle Übersetzung übernimmt die Kleinschreibung englischer Aufzählungen und
    Hinweise („Tip: check …“).

    ## Bekannte Grenzen
    Geprüft wird nur der Satzanfang aus Verb und „Sie“; andere ganze Sätze nach dem
    Doppelpunkt („Der Grund: es regnete.“) bleiben unbeanstandet, weil dort auch ein
    Satzteil stehen kann. Konjunktionen („: wenn Sie …“) sind keine Verben und zählen nicht.

    ## Fix-Sicherheit
    Sicher: Nur der erste Buchstabe wird großgeschrieben.
    """
    for block in doc.blocks:
        if ": " not in block.text or "Sie" not in block.text:
            continue
        for match in LOWERCASE_VERB_SIE_AFTER_COLON.finditer(block.text):
            word = match.group("word")
            if word in SENTENCE_OPENERS or not _is_verb(word):
                continue
            start = block.start + match.start("word")
            if doc.is_ignored(start, start + len(word)):
                continue
            capital = word[0].upper() + word[1:]
            yield Hit(
                start, len(word),
                f"Nach dem Doppelpunkt folgt ein ganzer Satz: „{capital}“ großschreiben.",
                (capital,), capital, Safety.SAFE,
            )


def _is_verb(word: str) -> bool:
    """Whether a lowercase word can be a finite verb or the infinitive form that the
    formal imperative uses ("seien Sie", "buchen Sie")."""
    return any(tag.startswith(("VV", "VA", "VM")) for tag in tags_of(word))


RULES = (
    Rule(
        id="sentence-lowercase-start",
        category=Category.CASING,
        severity=Severity.WARNING,
        summary="Ein Satz oder Absatz beginnt mit einem Kleinbuchstaben.",
        doc=sentence_lowercase_start.__doc__ or "",
        check=sentence_lowercase_start,
        bad=(
            Example("<marker>in</marker> den letzten Jahren haben Microsoft und OpenAI "
                    "zusammengearbeitet.", correction="In"),
            Example("Das Büro liegt in Bellevue. <marker>die</marker> Nähe zum Hauptsitz "
                    "ist gewollt.", correction="Die"),
            Example("<marker>zudem</marker> plant das Unternehmen neue Rechenzentren.",
                    correction="Zudem"),
            Example("<marker>nach</marker> Angaben des Konzerns stieg der Umsatz.",
                    correction="Nach"),
        ),
        good=(
            Example("In den letzten Jahren haben Microsoft und OpenAI zusammengearbeitet."),
            Example("iPhone-Nutzer bekommen das Update zuerst."),
            Example("eBay meldet steigende Umsätze."),
            Example("Das kostet ca. zehn Euro pro Monat."),
            Example("Er zögerte … und ging dann doch."),
            Example("ls(1) zeigt den Inhalt eines Verzeichnisses an."),
            Example("Version 2.0 bringt neue Funktionen."),
        ),
        origin="mtlint/checks/sentences.py",
        fixable=True,
    ),
    Rule(
        id="sentence-boundary-missing",
        category=Category.PUNCTUATION,
        severity=Severity.WARNING,
        summary="Ein großgeschriebenes Funktionswort mitten im Satz: Satzende verloren.",
        doc=sentence_boundary_missing.__doc__ or "",
        check=sentence_boundary_missing,
        bad=(
            Example("Microsoft investierte fast 14 Milliarden Dollar <marker>Seit</marker> "
                    "2019 bietet OpenAI Zugriff auf Azure."),
            Example("OpenAIs Wandel hin zu Rentabilität <marker>Gleichzeitig</marker> erhöht "
                    "das Bekenntnis zu ethischer KI den Druck."),
            Example("Die Preise stiegen im dritten Quartal deutlich <marker>Außerdem</marker> "
                    "sank die Nachfrage."),
            Example("Der Umsatz wuchs um zwölf Prozent <marker>Während</marker> die Konkurrenz "
                    "Marktanteile verlor, legte Apple zu."),
            Example("Die Partnerschaft gilt als stabil <marker>Die</marker> jüngsten "
                    "Entwicklungen zeigen etwas anderes."),
        ),
        good=(
            Example("Seit 2019 bietet OpenAI Zugriff auf Azure."),
            Example("Das berichtet die Zeitung Die Zeit in ihrer neuen Ausgabe."),
            Example("Er las den Roman „Über den Wolken“ in einem Zug."),
            Example("Die Vor- und Nachteile liegen auf der Hand."),
            Example("Der Grund: Seit 2019 wächst der Markt."),
            Example("Das geschah aus Trotz und nicht aus Dank."),
        ),
        origin="mtlint/checks/sentences.py",
    ),
    Rule(
        id="sentence-missing-space",
        category=Category.PUNCTUATION,
        severity=Severity.WARNING,
        summary="Nach einem schließenden Anführungszeichen fehlt das Leerzeichen.",
        doc=sentence_missing_space.__doc__ or "",
        check=sentence_missing_space,
        bad=(
            Example("Er nannte die Partnerschaft eine „Bromance<marker>“</marker>Die "
                    "Entwicklungen sprechen dagegen.", correction="“ "),
            Example("Altman sprach von „Bromance<marker>„</marker>Die jüngsten "
                    "Entwicklungen deuten auf etwas anderes hin.", correction="“ "),
            Example("Das Projekt heißt „Stargate<marker>“</marker>und kostet Milliarden.",
                    correction="“ "),
        ),
        good=(
            Example("Er nannte die Partnerschaft eine „Bromance“. Die Entwicklungen "
                    "sprechen dagegen."),
            Example("Das Projekt „Stargate“ kostet Milliarden."),
            Example("Die „Ja“-Sager haben gewonnen."),
            Example("„Wir sind bereit“, sagte Altman."),
        ),
        origin="mtlint/checks/sentences.py",
        fixable=True,
    ),
    Rule(
        id="semicolon-capital-word",
        category=Category.CASING,
        severity=Severity.WARNING,
        summary="Großgeschriebenes Funktionswort nach Semikolon: „gut; Der Hafen“.",
        doc=semicolon_capital_word.__doc__ or "",
        check=semicolon_capital_word,
        bad=(
            Example("Das Wetter war mild; <marker>Der</marker> Hafen lag ruhig in der Sonne.",
                    correction="der"),
            Example("Die Leitung war gestört; <marker>Wenn</marker> jemand anrief, hörte er "
                    "nur Rauschen.", correction="wenn"),
            Example("Wir fragten zweimal nach; <marker>Genau</marker> das wollte der Kunde "
                    "wissen.", correction="genau"),
        ),
        good=(
            Example("Das Wetter war mild; der Hafen lag ruhig in der Sonne."),
            Example("Bitte melden Sie sich bis Freitag; Sie erhalten dann eine Bestätigung."),
            Example("Geöffnet montags bis freitags; Samstag nach Vereinbarung."),
            Example("Der Abend war still, Die Sterne standen klar; Das Dorf schlief tief."),
        ),
        origin="mtlint/checks/sentences.py",
        fixable=True,
    ),
    Rule(
        id="colon-lowercase-imperative",
        category=Category.CASING,
        severity=Severity.WARNING,
        summary="Ganzer Satz nach Doppelpunkt klein begonnen: „Tipp: prüfen Sie …“.",
        doc=colon_lowercase_imperative.__doc__ or "",
        check=colon_lowercase_imperative,
        bad=(
            Example("Im Juli ist Hochsaison: <marker>buchen</marker> Sie Ihr Zimmer früh.",
                    correction="Buchen"),
            Example("Ein Tipp: <marker>können</marker> Sie nicht kommen, sagen Sie ab.",
                    correction="Können"),
        ),
        good=(
            Example("Im Juli ist Hochsaison: Buchen Sie Ihr Zimmer früh."),
            Example("Das gilt für jede Datei: wenn Sie sie öffnen, wird sie gesperrt."),
            Example("Gebucht haben: Herr Maier, Frau Berg und Sie."),
        ),
        origin="mtlint/checks/sentences.py",
        fixable=True,
    ),
)

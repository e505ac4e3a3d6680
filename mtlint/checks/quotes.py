"""Quotation marks across a whole document.

The pair rules (a German opening mark closed by the opening mark, an English mark in a
German pair, unpaired marks) are patterns in rules/quotes.toml. What a pattern cannot
see is the document as a whole: which quotation style it uses, and which quotations
stray from it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from mtlint.checks.untranslated import english_evidence
from mtlint.core.document import Block, Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language.wordclasses import is_prose_word

# Quotation styles in order of preference when two are used equally often.
MARKS = {
    "german": ("„", "“"),
    "guillemets": ("»", "«"),
    "swiss": ("«", "»"),
    "straight": ('"', '"'),
    "english": ("“", "”"),
}
# Single marks: typewriter '…' and the German, French and Swiss half marks that replace it.
SINGLE_MARKS = {"german": ("‚", "‘"), "guillemets": ("›", "‹"), "swiss": ("‹", "›")}
TYPEWRITER_STYLES = frozenset({"straight", "single"})
PAIR = compile_pattern(
    r"""(?x)
    (?<![\p{L}\p{N}])
    (?: „ (?P<german>[^„“”"\n]{1,300}?) “
      | » (?P<guillemets>[^»«\n]{1,300}?) «
      | « (?P<swiss>[^»«\n]{1,300}?) »
      | " (?P<straight>\S[^„“”"\n]{0,299}?) (?<=\S)"     # not an inch mark: 24" Monitor
      | “ (?P<english>[^„“”"\n]{1,300}?) ”
      # typewriter single marks, not an elision ('s, 'ne) nor an apostrophe in a word
      | ' (?P<single>(?!(?:s|n|ne|nen|nem|ner|en|em|rum|raus|rein|ran|rauf|runter|rüber)\b)
            \p{L}[^'‘’„“”"\n]{0,99}?[\p{L}\p{N}.!?]) '
    )
    (?![\p{L}\p{N}])
    """
)
GERMAN_STYLES = frozenset({"german", "guillemets", "swiss"})
# Quoted text that is code, a path, an option or a command, not a quotation:
# technical writing marks those with straight quotes on purpose.
CODE_LIKE = compile_pattern(r"[/\\$=~_<>{}|;@#*%`]|^[-.:]|:$|\d\.\d|\p{Ll}\p{Lu}")
WORD = compile_pattern(r"\p{L}[\p{L}-]*")
# A command-line option inside quoted text ("kill -ABRT PID"): a command, not a quotation.
OPTION = compile_pattern(r"(?:^|\s)--?\p{L}")
# Two right marks ”…”, the Finnish and Swedish pair that some pipelines put out.
RIGHT_PAIR = compile_pattern(
    r"(?<![\p{L}\p{N}])”(?P<english>\S[^„“”\"\n]{0,299}?)(?<=\S)”(?![\p{L}\p{N}])"
)
# German function words a block needs around an English pair to count as German text.
MIN_GERMAN = 1


@dataclass(frozen=True)
class Quotation:
    style: str
    start: int
    end: int
    content: str


def is_prose(content: str) -> bool:
    """Whether quoted text reads as a quotation or a title rather than as code."""
    if CODE_LIKE.search(content):
        return False
    words = WORD.findall(content)
    if len(words) >= 3 or any(w[0].isupper() and len(w) > 1 and not w.isupper() for w in words):
        return True
    # Lowercase one- or two-word strings are mostly commands and values ("ls", "info make"),
    # unless they are German words ("wir", "schwach"); a name may be all capitals ("PULS").
    return bool(words) and all(
        is_prose_word(w) if w.islower() else w.isupper() and len(w) > 2 for w in words
    )


def quotations(doc: Document) -> list[Quotation]:
    """The prose quotations of the document's blocks, outside ignored text."""
    found = []
    for block in doc.blocks:
        for match in PAIR.finditer(block.text):
            style = match.lastgroup
            if style is None or not is_prose(match.group(style)):
                continue
            start, end = block.start + match.start(), block.start + match.end()
            if not doc.is_ignored(start, end):
                found.append(Quotation(style, start, end, match.group(style)))
    return found


def _is_german_block(block: Block) -> bool:
    """Whether the block reads as German outside its quotations ("Er sagte “Ja”")."""
    _, english, german = english_evidence(block.text)
    return german >= MIN_GERMAN and german > english


def english_pairs(doc: Document) -> list[tuple[Quotation, bool]]:
    """English pairs “…” (and ”…”) in German blocks, each with whether it stands inside
    an open „."""
    found = []
    for block in doc.blocks:
        if "”" not in block.text or not _is_german_block(block):
            continue
        matches = [*PAIR.finditer(block.text), *RIGHT_PAIR.finditer(block.text)]
        for match in sorted(matches, key=lambda m: m.start()):
            content = match.group("english")
            if content is None or CODE_LIKE.search(content) or OPTION.search(content) or (
                    not WORD.search(content)):
                continue
            start, end = block.start + match.start(), block.start + match.end()
            if doc.is_ignored(start, end):
                continue
            before = block.text[:match.start()]
            opened = before.count("„") - before.count("“") + before.count("”")
            nested = opened - 2 * len(RIGHT_PAIR.findall(before)) > 0
            found.append((Quotation("english", start, end, content), nested))
    return found


def quote_english_pair(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Wort, ein Titel oder ein Zitat in englischen Anführungszeichen “…” (oder
    ”…”) in einem deutschen Text: „Das Modell heißt “Gemini Ultra” und kostet …“,
    „Chuck Norris klickt auf “Gefällt mir nicht”.“

    ## Warum ist das ein Problem?
    Deutsche Anführungszeichen öffnen unten und schließen oben: „…“. Das englische Paar
    “…” öffnet oben und schließt mit einem Zeichen, das es im deutschen Satz gar nicht
    gibt. Maschinelle Übersetzung übernimmt die Zeichen des englischen Originals.

    ## Bekannte Grenzen
    Gemeldet wird nur in Absätzen, die außerhalb der Zitate deutsch sind (mehr deutsche
    Funktionswörter als englische); englische Sätze und Code („kill -ABRT
    PID“, Pfade, Optionen) bleiben unbeachtet. Steht das Paar in einem deutschen Zitat
    („Er sagte “Ja”“), schlägt die Regel halbe Anführungszeichen ‚…‘ vor.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag setzt „…“ (im Zitat ‚…‘); ob ein Text bewusst »…« verwendet,
    entscheidet der Leser.
    """
    for quotation, nested in english_pairs(doc):
        opening, closing = ("‚", "‘") if nested else MARKS[house_style(context)]
        replacement = f"{opening}{quotation.content}{closing}"
        yield Hit(
            offset=quotation.start, length=quotation.end - quotation.start,
            message=(f"Englische Anführungszeichen {doc.text[quotation.start]}…"
                     f"{doc.text[quotation.end - 1]} im deutschen Text: "
                     f"{opening}…{closing} setzen ({replacement})."),
            suggestions=(replacement,), replacement=replacement, safety=Safety.UNSAFE,
        )


def house_style(context: RuleContext) -> str:
    """The configured quotation style; "any" prefers German marks where one is needed."""
    return context.quotes if context.quotes in GERMAN_STYLES else "german"


def _blocks_of(doc: Document, quotations: list[Quotation]) -> list[Block]:
    """The blocks that hold the quotations, each once, in text order."""
    starts = [b.start for b in doc.blocks]
    indexes = sorted({bisect.bisect_right(starts, q.start) - 1 for q in quotations})
    return [doc.blocks[i] for i in indexes if i >= 0]


def _is_german_document(doc: Document) -> bool:
    """Whether the document as a whole has more German than English function words (so
    that the answer does not depend on where a hard-wrapped text breaks its blocks)."""
    english = german = 0
    for block in doc.blocks:
        _, block_english, block_german = english_evidence(block.text)
        english += block_english
        german += block_german
    return german >= MIN_GERMAN and german > english


def _unbalanced_straight_marks(doc: Document, blocks: list[Block]) -> bool:
    """Whether one of the blocks has an odd number of checked " marks: then which mark
    opens and which closes is a guess."""
    for block in blocks:
        marks = [block.start + i for i, ch in enumerate(block.text) if ch == '"']
        if sum(not doc.is_ignored(m, m + 1) for m in marks) % 2:
            return True
    return False


def quote_straight_document(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen deutschen Text, der alle seine Zitate und Titel in gerade
    Schreibmaschinen-Anführungszeichen "…" setzt. Gemeldet wird jedes dieser Zitate;
    die Korrektur setzt es in „…“.

    ## Warum ist das ein Problem?
    Deutsche Anführungszeichen öffnen unten und schließen oben: „…“ (oder »…«). Gerade
    Zeichen "…" sind ein Ersatz der Schreibmaschine; maschinelle Übersetzung übernimmt
    sie aus dem englischen Original.

    ## Bekannte Grenzen
    Code, Pfade, Optionen und kurze kleingeschriebene Befehle in geraden
    Anführungszeichen ("ls -l", "/etc/fstab") zählen nicht als Zitat und bleiben gerade;
    ein einzelnes kleingeschriebenes Wort zählt nur, wenn es ein deutsches ist ("wir").
    Steht im Text auch nur ein Zitat in einem anderen Stil, meldet stattdessen
    `quote-mixed-styles` die Abweichler. Den Zielstil legt die Einstellung `quotes`
    fest: `"german"` („…“, Vorgabe), `"guillemets"` (»…«), `"swiss"` («…»); mit
    `"any"` bleiben gerade Anführungszeichen unbeanstandet.

    Einfache gerade Zeichen '…' zählen mit, wenn sie nicht wie ein Apostroph aussehen
    ('s, 'ne, Hab'); sie werden zu halben Anführungszeichen ‚…‘.

    ## Fix-Sicherheit
    Sicher, wenn im Absatz des Zitats die geraden Zeichen paarweise stehen; dann ist
    klar, welches Zeichen öffnet und welches schließt. Sonst nur ein Vorschlag, ebenso
    bei einfachen Zeichen, die auch Apostrophe sein könnten.
    """
    if context.quotes == "any":
        return
    found = quotations(doc)
    if not found or any(q.style not in TYPEWRITER_STYLES for q in found):
        return
    if not _is_german_document(doc):
        return
    style = house_style(context)
    unbalanced = {
        block.start for block in _blocks_of(doc, found) if _unbalanced_straight_marks(doc, [block])
    }
    starts = [b.start for b in doc.blocks]
    for quotation in found:
        block_start = starts[bisect.bisect_right(starts, quotation.start) - 1]
        single = quotation.style == "single"
        opening, closing = (SINGLE_MARKS if single else MARKS)[style]
        replacement = f"{opening}{quotation.content}{closing}"
        typed = "'…'" if single else '"…"'
        yield Hit(
            offset=quotation.start, length=quotation.end - quotation.start,
            message=(f"Gerade Anführungszeichen {typed} wie im ganzen Text; im Deutschen "
                     f"{opening}…{closing} setzen ({replacement})."),
            suggestions=(replacement,), replacement=replacement,
            # a single mark may be an apostrophe ("Hab' ich"): which pairs is a guess
            safety=Safety.UNSAFE if single or block_start in unbalanced else Safety.SAFE,
        )


def shown(style: str) -> str:
    opening, closing = MARKS[style]
    return f"{opening}…{closing}"


def quote_mixed_styles(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Anführungszeichen eines anderen Stils als im übrigen Dokument: Ein Text setzt seine
    Zitate in „…“, einzelne aber in "…" oder “…” – oder umgekehrt. Gemeldet werden die
    Zitate im seltener verwendeten Stil.

    ## Warum ist das ein Problem?
    Ein Text sollte einen Anführungszeichen-Stil durchhalten. Maschinelle Übersetzung
    übernimmt die Zeichen des Originals mal, mal ersetzt sie sie; das Ergebnis wirkt
    unredigiert.

    ## Bekannte Grenzen
    Gezählt werden nur Zitate und Titel, nicht Code, Pfade oder Befehle in geraden
    Anführungszeichen ("ls -l", "/etc/fstab"). Gemeldet wird nur, wenn ein Stil mindestens
    doppelt so oft vorkommt wie jeder andere; halten sich zwei Stile die Waage, ist das
    meist Absicht (etwa "…" für Bedienelemente, „…“ für Titel) und bleibt unbeanstandet.
    In einem Text mit überwiegend geraden Schreibmaschinen-Zeichen "…" werden deutsche
    Zeichen („…“, »…«) nicht gemeldet, nur englische “…”.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag setzt das Zitat in den vorherrschenden Stil; ob das Zitat
    absichtlich anders markiert ist (ein Zitat im Zitat, ein Code-Beispiel), entscheidet
    der Leser.
    """
    # Typewriter single marks are mostly a quotation inside a quotation, in any style.
    found = [q for q in quotations(doc) if q.style != "single"]
    counts = Counter(q.style for q in found)
    if len(counts) < 2:
        return
    reference = max(MARKS, key=lambda style: (counts[style], -list(MARKS).index(style)))
    if any(2 * n > counts[reference] for style, n in counts.items() if style != reference):
        return
    opening, closing = MARKS[reference]
    reported = {q.start for q, _ in english_pairs(doc)}  # quote-english-pair has those
    for quotation in found:
        if quotation.style == reference or quotation.start in reported:
            continue
        if reference == "straight" and quotation.style in GERMAN_STYLES:
            continue  # typewriter quotes do not make proper German quotes wrong
        replacement = f"{opening}{quotation.content}{closing}"
        yield Hit(
            offset=quotation.start, length=quotation.end - quotation.start,
            message=(f"Anführungszeichen {shown(quotation.style)} weichen vom Stil des Dokuments "
                     f"ab, das {counts[reference]}× {shown(reference)} verwendet; einheitlich "
                     f"{shown(reference)} setzen."),
            suggestions=(replacement,), replacement=replacement, safety=Safety.UNSAFE,
        )


# An outward-pointing guillemet that opens a quotation, and what closes it in the block:
# its partner », or a straight or English mark that some pipelines put at the end.
SWISS_QUOTATION = compile_pattern(
    r"""(?x)
    (?<= ^ | [\s(\[–—/] )       # in opening position
    (?<! » [^«\n]* )              # not the closing mark of a German »…« pair
    « (?=\S)
    (?: (?P<content> \S [^«»„“”"\n]{0,299}? ) (?<=\S) (?P<closing> [»"“”] ) )?
    """
)


def quote_swiss_guillemets(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Zitate in nach außen zeigenden Guillemets «…» in einem Text, der ß schreibt, und
    Zitate, die mit « öffnen und mit " oder “ schließen: „Der Minister nannte das
    «einen großen Fehler».“

    ## Warum ist das ein Problem?
    «…» ist die Schreibweise der Schweiz (und des Französischen und Russischen). Die
    Schweiz schreibt aber kein ß: Ein Text mit ß ist für Deutschland oder Österreich
    geschrieben und setzt „…“ oder »…«. Maschinelle Übersetzung aus dem Russischen oder
    Französischen übernimmt die Zeichen des Originals, oft nur zur Hälfte («…").

    ## Bekannte Grenzen
    Ohne ß im Text bleiben «…» unbeanstandet (ein Schweizer Text setzt sie zu Recht), es
    sei denn, das Zitat schließt mit einem anderen Zeichen. Mit der Einstellung
    `quotes = "swiss"` oder `"any"` meldet die Regel nichts.

    ## Fix-Sicherheit
    Unsicher: Der Vorschlag setzt das Zitat in den Stil der Einstellung `quotes`
    (Vorgabe „…“).
    """
    if context.quotes in ("swiss", "any") or "«" not in doc.text:
        return
    not_swiss = "ß" in doc.text
    opening, closing = MARKS[house_style(context)]
    for block in doc.blocks:
        if "«" not in block.text:
            continue
        for match in SWISS_QUOTATION.finditer(block.text):
            close = match.group("closing")
            if not (not_swiss or close in ('"', "“", "”")):
                continue
            start = block.start + match.start()
            end = block.start + (match.end() if close else match.start() + 1)
            if doc.is_ignored(start, end):
                continue
            if close:
                replacement = f"{opening}{match.group('content')}{closing}"
                suggestions: tuple[str, ...] = (replacement,)
            else:
                replacement, suggestions = None, (opening,)
            reason = ("ein Text mit ß ist nicht schweizerisch" if not_swiss
                      else f"das Zitat schließt mit {close}")
            yield Hit(
                offset=start, length=end - start,
                message=(f"Schweizer Anführungszeichen «…»: {reason}; {opening}…{closing} "
                         "setzen."),
                suggestions=suggestions, replacement=replacement, safety=Safety.UNSAFE,
            )


RULES = (
    Rule(
        id="quote-straight-document", category=Category.TYPOGRAPHY, severity=Severity.WARNING,
        summary="Ein deutscher Text setzt alle Zitate in gerade Anführungszeichen \"…\".",
        doc=quote_straight_document.__doc__ or "", check=quote_straight_document,
        bad=(
            Example('Altman sprach von einer <marker>"Bromance"</marker> und lachte.',
                    "„Bromance“"),
            Example('Die Serie <marker>"Der Schwarm"</marker> läuft im ZDF.', "„Der Schwarm“"),
            Example('Öffnen Sie "/etc/fstab" und lesen Sie dann <marker>"Die Shell"</marker>.',
                    "„Die Shell“"),
            Example('In diesem Blog steht <marker>"wir"</marker> für die ganze Redaktion.',
                    "„wir“"),
            Example("Das Spiel ist noch gar nicht <marker>'fertig'</marker> und verkauft sich "
                    "trotzdem.", "‚fertig‘"),
        ),
        good=(
            Example("Altman sprach von einer „Bromance“. Nadella nannte es „eine Partnerschaft“."),
            Example('Öffnen Sie "/etc/fstab" und tragen Sie "defaults" ein.'),
            Example('He called it "a historic win" and left the room.'),
            Example('Er nannte es "Bromance". Sie sagte "Partnerschaft". '
                    'Beide meinten »Freundschaft«.'),
            Example("Hab' ich's nicht gesagt? So 'ne Sache passiert halt, wenn's regnet."),
            Example("Sie nannte es „Bromance“; er sprach von 'Freundschaft'."),
        ),
        origin="mtlint/checks/quotes.py", fixable=True,
    ),
    Rule(
        id="quote-mixed-styles", category=Category.PUNCTUATION, severity=Severity.WARNING,
        summary="Zitate in einem anderen Anführungszeichen-Stil als im übrigen Dokument.",
        doc=quote_mixed_styles.__doc__ or "", check=quote_mixed_styles,
        bad=(
            Example('Altman sprach von einer „Bromance“. Nadella nannte es „eine Partnerschaft“. '
                    'Beide planen <marker>"Stargate Zwei"</marker>.', "„Stargate Zwei“"),
            Example("Die Zeitung schrieb »Ende einer Ära«.\n\nDer Sender titelte »Aus und vorbei«."
                    "\n\nOpenAI sprach von <marker>„neuen Wegen“</marker>.", "»neuen Wegen«"),
            Example("Altman sagte „Ja“ und „Nein“.\n\n<marker>“Stargate”</marker> is the name "
                    "of the project.", "„Stargate“"),
        ),
        good=(
            Example("Altman sprach von einer „Bromance“. Nadella nannte es „eine Partnerschaft“."),
            Example('Öffnen Sie "Einstellungen" und lesen Sie „Die Terminal-Konfiguration“.'),
            Example('Die Datei "/etc/fstab" steht in „Das Dateisystem“ und „Mounten“.'),
            Example('Ein 24"-Monitor und ein 27"-Monitor, sagt „Heise“ und „Golem“.'),
            Example('Er nannte es "Bromance". Sie sagte "Partnerschaft". '
                    'Beide meinten »Freundschaft«.'),
        ),
        origin="mtlint/checks/quotes.py",
    ),
    Rule(
        id="quote-english-pair", category=Category.PUNCTUATION, severity=Severity.WARNING,
        summary="Englische Anführungszeichen “…” in einem deutschen Satz statt „…“.",
        doc=quote_english_pair.__doc__ or "", check=quote_english_pair,
        bad=(
            Example("Das neue Modell heißt <marker>“Gemini Ultra”</marker> und kostet mehr.",
                    "„Gemini Ultra“"),
            Example("Der Trainer sprach nach dem Spiel von einem <marker>“verdienten Sieg”"
                    "</marker>.", "„verdienten Sieg“"),
            Example("Die Serie <marker>“The Last of Us”</marker> läuft ab Montag bei Sky.",
                    "„The Last of Us“"),
            Example("Die Ministerin nannte den Plan <marker>”ehrgeizig”</marker>.",
                    "„ehrgeizig“"),
            Example("Die Ärztin warnte: „Wer von einer <marker>“harmlosen Grippe”</marker> "
                    "spricht, irrt.“", "‚harmlosen Grippe‘"),
        ),
        good=(
            Example("Das neue Modell heißt „Gemini Ultra“ und kostet mehr."),
            Example("He called it “a historic win” and left."),
            Example("Beenden Sie das Programm mit “kill -ABRT PID” im Terminal."),
            Example("Der Trainer sprach von einem »verdienten Sieg«."),
        ),
        origin="mtlint/checks/quotes.py",
    ),
    Rule(
        id="quote-swiss-guillemets", category=Category.PUNCTUATION, severity=Severity.WARNING,
        summary="Zitat in Schweizer Guillemets «…» in einem Text, der ß schreibt.",
        doc=quote_swiss_guillemets.__doc__ or "", check=quote_swiss_guillemets,
        bad=(
            Example("Der Minister nannte das Gesetz <marker>«einen großen Fehler»</marker>.",
                    "„einen großen Fehler“"),
            Example('Die Sprecherin sagte <marker>«Wir prüfen das"</marker> und ging.',
                    "„Wir prüfen das“"),
        ),
        good=(
            Example("Der Minister nannte das Gesetz «einen grossen Fehler»."),
            Example("Der Minister nannte das Gesetz »einen großen Fehler«."),
            Example("Der Minister nannte das Gesetz „einen großen Fehler“."),
        ),
        origin="mtlint/checks/quotes.py",
    ),
)

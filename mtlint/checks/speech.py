"""Reporting clauses after direct speech: English word order, a bare participle, a lost
subject.

English puts the speaker first after a quotation ("…," he said; "…," Smith added);
German puts the finite verb first, because the quotation fills the first position of
the clause: „…“, sagte er. / „…“, fügte Müller hinzu. Machine translation keeps the
English order („…“, er sagte), turns "added" into a bare participle („…“ – Müller
hinzugefügt.) or loses the speaker („…“ sagte.).

A reporting clause is what follows a closing quotation mark up to the next sentence
end, colon or quotation mark, where the quotation is a statement of its own: it ends
with a punctuation mark inside the marks („…,“ / „….“) or opens its sentence and is
followed by a comma or a dash. A verb of saying is one of a closed set of lemmas
(HanTa's lemma of the word): sagen, erklären, betonen, hinzufügen, …
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mtlint.checks.agreement import is_attributive_adjective
from mtlint.core.document import WORD, BlockKind, Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language import german
from mtlint.language.wordclasses import ARTICLES, HABEN, tags_of, word_set

# Verbs that report speech or writing, by lemma (separable ones by their base too:
# "fügte … hinzu" has the lemma "fügen").
SPEECH_LEMMAS = word_set(
    """
    sagen erklären betonen hinzufügen fügen ergänzen meinen fragen antworten schreiben
    erwidern entgegnen bemerken berichten mitteilen teilen unterstreichen versichern
    warnen behaupten kommentieren bestätigen rufen erzählen flüstern murmeln schreien
    äußern feststellen stellen anmerken merken hervorheben einräumen räumen zugeben
    argumentieren erläutern verkünden ankündigen kündigen mahnen fordern kritisieren
    klagen sprechen fortfahren fahren zitieren
    """
)
# Separable particles that end a reporting clause: "fügte er hinzu", "fuhr er fort".
SPEECH_PARTICLES = word_set("hinzu an fort ein mit fest hervor zu")
# Nominative pronouns a speaker can be: lowercase, as inside a sentence.
SPEAKER_PRONOUNS = word_set("ich er sie es wir man")
# Lowercase words inside a speaker's name or title: "der Sprecher des Kremls",
# "Ursula von der Leyen".
NAME_PARTICLES = word_set("von van de del der des den dem zu vom")
# The longest speaker phrase before its verb: "der neue Sprecher des Ministeriums Anton".
MAX_SPEAKER_WORDS = 6
# A quotation mark that closes: glued to the word or punctuation before it, followed by
# a space, a comma, a dash or the end. Single marks are left out (they double as
# apostrophes: "Jens’ Auto").
CLOSING_MARK = compile_pattern(r"(?<=\S)[“”\"«»](?=[\s,;.–—-]|$)")
OPENING_FOR = {"“": "„“", "”": "“„", '"': '"', "«": "»", "»": "«"}
# Where a reporting clause ends.
CLAUSE_END = compile_pattern(r"[.!?;:„“”\"«»()\[\]]")
SEPARATORS = ",-–— \t"
# How far back an opening mark is looked for, and how far a reporting clause is read:
# enough for any quotation and speaker, and long blocks stay linear.
MAX_QUOTATION_CHARS = 2000
MAX_CLAUSE_CHARS = 200
SENTENCE_MARKS = ",.!?…"


@dataclass(frozen=True)
class ReportingClause:
    """The words after a quotation: `words` as (start, end, text) in block offsets,
    `ends_sentence` when a full stop (or ! ?) follows them, `separated` when a comma or
    dash stands between the quotation and them, `after_full_stop` when the quotation
    ended with . ! ? inside its marks."""

    words: list[tuple[int, int, str]]
    ends_sentence: bool
    separated: bool
    after_full_stop: bool


def _opens_sentence(text: str, mark: int) -> bool:
    """Whether the quotation closed at `mark` opened at the start of its sentence."""
    openers = OPENING_FOR[text[mark]]
    lowest = max(0, mark - MAX_QUOTATION_CHARS)
    start = max(text.rfind(opener, lowest, mark) for opener in openers)
    if start < 0:
        return False
    position = start - 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return position < 0 or text[position] in ".!?:"


def reporting_clauses(text: str) -> Iterator[ReportingClause]:
    """The clauses after closing quotation marks of statements in a block's text."""
    for match in CLOSING_MARK.finditer(text):
        mark = match.start()
        inner = text[mark - 1]
        position = mark + 1
        while position < len(text) and text[position] in SEPARATORS:
            position += 1
        separated = any(char not in " \t" for char in text[mark + 1:position])
        if inner not in SENTENCE_MARKS and not (separated and _opens_sentence(text, mark)):
            continue
        end_match = CLAUSE_END.search(text, position, position + MAX_CLAUSE_CHARS)
        end = end_match.start() if end_match else min(len(text), position + MAX_CLAUSE_CHARS)
        words = [
            (position + m.start(), position + m.end(), m.group())
            for m in WORD.finditer(text[position:end])
        ]
        if not words:
            continue
        ends_sentence = end_match is not None and end_match.group() in ".!?"
        yield ReportingClause(words, ends_sentence, separated, inner in ".!?…")


def is_speech_verb(word: str, tags: frozenset[str]) -> bool:
    """Whether a lowercase word is a form of a verb of saying with one of `tags`."""
    if not word.islower() or not word.isalpha() or not tags_of(word) & tags:
        return False
    return german.analyze_word(word).lemma.lower() in SPEECH_LEMMAS


def _speaker_length(words: list[tuple[int, int, str]]) -> int:
    """How many words at the start of a clause form a speaker ("er", "Müller", "der
    Sprecher des Kremls"), or 0."""
    first = words[0][2]
    if first in SPEAKER_PRONOUNS:
        return 1
    capitalised = False
    for index, (_, _, word) in enumerate(words[:MAX_SPEAKER_WORDS]):
        if word[:1].isupper():
            capitalised = True
            continue
        if word in ARTICLES or word in NAME_PARTICLES or (
            index and not capitalised and is_attributive_adjective(word)
        ):
            continue
        return index if capitalised else 0
    return len(words) if capitalised and len(words) <= MAX_SPEAKER_WORDS else 0


def _speech_in(words: list[tuple[int, int, str]], tags: frozenset[str]) -> bool:
    """Whether one of the words is a form of a verb of saying with one of `tags`."""
    return any(is_speech_verb(word, tags) for _, _, word in words)


def speech_verb_order(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Begleitsatz nach wörtlicher Rede, in dem der Sprecher vor dem Verb steht:
    „Wir machen weiter“, er sagte. („…“, sagte er.) – „Das bleibt so.“ Die Ministerin
    erklärte. – „…“, der Sprecher hat gesagt.

    ## Warum ist das ein Problem?
    Die wörtliche Rede besetzt im Deutschen das Vorfeld des Begleitsatzes; das finite
    Verb folgt direkt danach, der Sprecher steht dahinter. Englisch stellt den Sprecher
    voran („…,“ he said), und maschinelle Übersetzung übernimmt diese Reihenfolge.

    ## Bekannte Grenzen
    Geprüft wird nur ein Begleitsatz direkt nach dem schließenden Anführungszeichen,
    wenn das Zitat mit einem Satzzeichen endet („…,“ „….“) oder am Satzanfang steht und
    ein Komma oder Gedankenstrich folgt. Ein großgeschriebener Satz nach einem Zitat mit
    Punkt („…“ Er sagte das leise.) ist ein neuer Satz und bleibt unbeachtet. Das Verb
    muss ein Verb des Sagens sein (sagen, erklären, betonen, hinzufügen, …), direkt nach
    dem Sprecher (höchstens sechs Wörter: Pronomen, Name, Artikel, Adjektiv, Nomen).

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird Verb vor Sprecher; bei einer Perfektform oder einem
    trennbaren Verb muss der Leser den Rest umstellen.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        text = block.text
        for clause in reporting_clauses(text):
            words = clause.words
            if clause.after_full_stop and not clause.separated and not words[0][2].islower():
                continue  # a new sentence after the quotation
            speaker = _speaker_length(words)
            if not speaker or speaker >= len(words):
                continue
            verb = words[speaker][2]
            if is_speech_verb(verb, german.FINITE_VERB_TAGS):
                pass
            elif not (verb in HABEN and _speech_in(words[speaker + 1:speaker + 2],
                                                   frozenset({"VVPP"}))):
                continue  # "Neun Dramen hat er geschrieben": an object, not a speaker
            start, end = words[0][0], words[speaker][1]
            phrase = text[start:words[speaker - 1][1]]
            yield Hit(
                block.start + start, end - start,
                f"Nach wörtlicher Rede steht das Verb vor dem Sprecher: „{verb} {phrase}“ "
                f"statt „{phrase} {verb}“.",
                (f"{verb} {phrase}",), f"{verb} {phrase}", Safety.UNSAFE,
            )


def speech_verb_participle(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Begleitsatz nach wörtlicher Rede, der nur aus Sprecher und Partizip besteht:
    „Das war erst der Anfang.“ – Müller hinzugefügt. („…“, fügte Müller hinzu.) –
    „…“, die Ministerin gesagt.

    ## Warum ist das ein Problem?
    Englisch „Smith added“ ist ein Präteritum, das wie ein Partizip aussieht;
    maschinelle Übersetzung macht daraus „Smith hinzugefügt“. Dem Begleitsatz fehlt dann
    das finite Verb.

    ## Bekannte Grenzen
    Gemeldet wird nur ein Partizip eines Verbs des Sagens, das eindeutig kein finites
    Verb ist („hinzugefügt“, „gesagt“; „erklärt“ prüft speech-verb-order), direkt nach dem
    Sprecher, wenn im Begleitsatz kein finites Verb folgt.

    ## Fix-Sicherheit
    Kein Fix: Die richtige Form („fügte … hinzu“, „sagte …“) hängt vom Tempus ab.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        text = block.text
        for clause in reporting_clauses(text):
            words = clause.words
            speaker = _speaker_length(words)
            if not speaker or speaker >= len(words):
                continue
            participle = words[speaker][2]
            if tags_of(participle) & german.FINITE_VERB_TAGS or not is_speech_verb(
                participle, frozenset({"VVPP"})
            ):
                continue
            if any(tags_of(word) & german.FINITE_VERB_TAGS for _, _, word in words[speaker + 1:]):
                continue  # "…“, Müller gesagt hat": verb-last, a subordinate form
            start, end = words[0][0], words[speaker][1]
            yield Hit(
                block.start + start, end - start,
                f"Dem Begleitsatz „{text[start:end]}“ fehlt das finite Verb: etwa „sagte …“ "
                "oder „fügte … hinzu“ (Verb vor dem Sprecher).",
            )


def speech_subject_missing(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Begleitsatz nach wörtlicher Rede, der nur aus dem Verb besteht: „Wir bleiben
    dabei.“ sagte. – „…“, fügte hinzu. Es fehlt, wer spricht („sagte er“, „sagte die
    Ministerin“).

    ## Warum ist das ein Problem?
    Ein Verb des Sagens braucht ein Subjekt. Geht der Sprecher bei der Übersetzung
    verloren, weiß der Leser nicht, wer zitiert wird.

    ## Bekannte Grenzen
    Gemeldet wird nur ein finites Verb des Sagens (mit trennbarem Teil, „fügte hinzu“),
    auf das direkt das Satzende folgt.

    ## Fix-Sicherheit
    Kein Fix: Den Sprecher kennt nur der Leser.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        text = block.text
        for clause in reporting_clauses(text):
            words = clause.words
            if not clause.ends_sentence or len(words) > 2:
                continue
            verb = words[0][2]
            if len(words) == 2 and words[1][2] not in SPEECH_PARTICLES:
                continue
            if not is_speech_verb(verb, german.FINITE_VERB_TAGS):
                continue
            start, end = words[0][0], words[-1][1]
            yield Hit(
                block.start + start, end - start,
                f"„{text[start:end]}“ ohne Sprecher: Wer spricht, fehlt (etwa „{verb} er“).",
            )


# Particles of reporting verbs and the bases they belong to: "fügte … hinzu", "setzte …
# hinzu", "fuhr … fort".
PARTICLE_BASES = {"hinzu": word_set("fügen setzen"), "fort": word_set("fahren")}


def speech_verb_particle(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Begleitsatz nach wörtlicher Rede, dessen Verb nicht zu seinem trennbaren Teil
    passt: „Das reicht nicht“, sagte er hinzu. („fügte er hinzu“ oder „sagte er“), „…“,
    erklärte sie fort. („fuhr sie fort“).

    ## Warum ist das ein Problem?
    Englisch „he added“ wird zu „fügte hinzu“; eine Übersetzung, die „said“ und „added“
    vermengt, hängt „hinzu“ an ein Verb, das keinen solchen Teil hat. Ein „sagen hinzu“
    gibt es nicht.

    ## Bekannte Grenzen
    Geprüft werden nur „hinzu“ (zu „fügen“, „setzen“) und „fort“ (zu „fahren“) am Ende
    eines kurzen Begleitsatzes: Verb des Sagens, Sprecher (höchstens sechs Wörter),
    Partikel.

    ## Fix-Sicherheit
    Kein Fix: „fügte … hinzu“ oder das Verb ohne „hinzu“ – das entscheidet der Leser.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        text = block.text
        for clause in reporting_clauses(text):
            words = clause.words
            if len(words) < 3 or not clause.ends_sentence:
                continue
            particle = words[-1][2]
            bases = PARTICLE_BASES.get(particle)
            verb = words[0][2]
            if bases is None or not is_speech_verb(verb, german.FINITE_VERB_TAGS):
                continue
            if german.analyze_word(verb).lemma.lower() in bases:
                continue
            if _speaker_length(words[1:-1]) != len(words) - 2:
                continue
            start, end = words[0][0], words[-1][1]
            yield Hit(
                block.start + start, end - start,
                f"„{verb} … {particle}“ gibt es nicht: „{verb}“ hat keinen trennbaren Teil "
                f"„{particle}“ (etwa „fügte … hinzu“ oder „{verb} …“ ohne „{particle}“).",
            )


# Words that open an indirect question ("ob", "wann", "warum"): fronted before a verb of
# saying that has its own object, the question is what the speaker was asked.
QUESTION_OPENERS = word_set("ob wann warum wieso weshalb")
# What introduces the speaker's own words after "sagte Peskow": a colon or a quotation.
QUOTATION_INTRODUCERS = ":„“\"»«"
MAX_QUESTION_CHARS = 300


def speech_question_dangling(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Ein Satz, der mit einer indirekten Frage beginnt („Ob …“, „Wann …“, „Warum …“),
    auf die ein Verb des Sagens mit Sprecher und dann ein Doppelpunkt oder ein Zitat
    folgt: „Ob die Truppen abziehen werden, sagte der Sprecher: „…““ („Auf die Frage,
    ob die Truppen abziehen werden, sagte der Sprecher: …“).

    ## Warum ist das ein Problem?
    Das Verb des Sagens hat mit dem Zitat schon sein Objekt; die vorangestellte Frage
    hängt ohne Bezug in der Luft. Im Englischen steht hier „Asked whether …, he said“;
    maschinelle Übersetzung lässt das „asked“ oft weg.

    ## Bekannte Grenzen
    Geprüft werden nur Sätze, die mit „ob“, „wann“, „warum“, „wieso“ oder „weshalb“
    beginnen, deren Nebensatz mit einem finiten Verb vor dem ersten Komma endet und nach
    dem Komma ein Verb des Sagens, ein Sprecher (ein Pronomen oder Name, höchstens sechs
    Wörter) und ein Doppelpunkt oder ein öffnendes Anführungszeichen folgen. „Ob er
    kommt, sagte er nicht.“ bleibt unbeachtet.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird „Auf die Frage, ob …“; der Leser prüft den Satz.
    """
    for block in doc.blocks_of(BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        text = block.text
        for sentence in block.sentences:
            first = WORD.match(text, sentence.start - block.start)
            if first is None or first.group().lower() not in QUESTION_OPENERS:
                continue
            if first.start() != sentence.start - block.start:
                continue
            limit = min(len(text), first.start() + MAX_QUESTION_CHARS)
            comma = text.find(", ", first.end(), limit)
            if comma < 0:
                continue
            clause = [m.group() for m in WORD.finditer(text, first.end(), comma)]
            last_tags = tags_of(clause[-1]) if len(clause) >= 2 else frozenset()
            if not last_tags & german.FINITE_VERB_TAGS or last_tags & {"ADJD", "ADJA"}:
                continue  # "Ob teuer oder billig, …": no clause
            end = min((i for i in (text.find(c, comma, limit) for c in QUOTATION_INTRODUCERS)
                       if i >= 0), default=-1)
            if end < 0:
                continue
            after = [(comma + m.start(), comma + m.end(), m.group())
                     for m in WORD.finditer(text[comma:end])]
            if len(after) < 2 or not is_speech_verb(after[0][2], german.FINITE_VERB_TAGS):
                continue
            if _speaker_length(after[1:]) != len(after) - 1:
                continue
            opener = first.group()
            replacement = f"Auf die Frage, {opener.lower()}"
            yield Hit(
                block.start + first.start(), len(opener),
                f"„{opener} …, {after[0][2]} …:“: Die Frage hängt ohne Bezug vor dem Verb "
                f"des Sagens, das schon ein Zitat als Objekt hat: „{replacement} …“.",
                (replacement,), replacement, Safety.UNSAFE,
            )


RULES = (
    Rule(
        id="speech-question-dangling",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Eine vorangestellte Frage ohne Bezug vor „sagte X:“ („Ob …, sagte er: …“).",
        doc=speech_question_dangling.__doc__ or "",
        check=speech_question_dangling,
        bad=(
            Example("<marker>Ob</marker> die Brücke bald öffnet, sagte die Bürgermeisterin: "
                    "„Wir arbeiten daran.“", "Auf die Frage, ob"),
            Example("<marker>Wann</marker> die Preise sinken, erklärte er: Das weiß niemand.",
                    "Auf die Frage, wann"),
        ),
        good=(
            Example("Auf die Frage, ob die Brücke bald öffnet, sagte die Bürgermeisterin: "
                    "„Wir arbeiten daran.“"),
            Example("Ob die Brücke bald öffnet, sagte die Bürgermeisterin nicht."),
            Example("Ob er kommt, weiß ich nicht: Er hat nichts gesagt."),
        ),
        origin="mtlint/checks/speech.py",
    ),
    Rule(
        id="speech-verb-order",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Nach wörtlicher Rede steht der Sprecher vor dem Verb („…“, er sagte).",
        doc=speech_verb_order.__doc__ or "",
        check=speech_verb_order,
        bad=(
            Example("„Wir machen weiter“, <marker>er sagte</marker> am Abend.", "sagte er"),
            Example("„Das Werk bleibt offen.“ <marker>die Sprecherin erklärte</marker>.",
                    "erklärte die Sprecherin"),
            Example("„Der Preis steigt“, <marker>Anna Berger betonte</marker>.",
                    "betonte Anna Berger"),
            Example("„Wir kommen wieder“, <marker>der Trainer hat</marker> gesagt.",
                    "hat der Trainer"),
        ),
        good=(
            Example("„Wir machen weiter“, sagte er am Abend."),
            Example("„Wir machen weiter.“ Er sagte das ganz ruhig."),
            Example("„Der Preis steigt“, so die Sprecherin."),
            Example("„Das bleibt so“, wie der Trainer sagte."),
            Example("Er nannte das Ergebnis „gut“, sie sagte dazu nichts."),
        ),
        origin="mtlint/checks/speech.py",
    ),
    Rule(
        id="speech-verb-participle",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Begleitsatz nach wörtlicher Rede mit Partizip statt finitem Verb "
                "(„…“, Müller hinzugefügt).",
        doc=speech_verb_participle.__doc__ or "",
        check=speech_verb_participle,
        bad=(
            Example("„Das war erst der Anfang.“ – <marker>Berger hinzugefügt</marker>."),
            Example("„Die Zahlen sind gut“, <marker>die Ministerin gesagt</marker>."),
        ),
        good=(
            Example("„Das war erst der Anfang“, fügte Berger hinzu."),
            Example("„Die Zahlen sind gut“, hat die Ministerin gesagt."),
            Example("„Die Zahlen sind gut“, wie die Ministerin gesagt hat."),
        ),
        origin="mtlint/checks/speech.py",
    ),
    Rule(
        id="speech-subject-missing",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Begleitsatz nach wörtlicher Rede ohne Sprecher („…“ sagte.).",
        doc=speech_subject_missing.__doc__ or "",
        check=speech_subject_missing,
        bad=(
            Example("„Alle Anfragen werden beantwortet.“ <marker>sagte</marker>. Dann ging "
                    "sie."),
            Example("„Wir prüfen das“, <marker>fügte hinzu</marker>."),
        ),
        good=(
            Example("„Alle Anfragen werden beantwortet“, sagte sie."),
            Example("„Wir prüfen das“, fügte der Sprecher hinzu."),
        ),
        origin="mtlint/checks/speech.py",
    ),
    Rule(
        id="speech-verb-particle",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Verb des Sagens mit fremdem trennbarem Teil („…“, sagte er hinzu).",
        doc=speech_verb_particle.__doc__ or "",
        check=speech_verb_particle,
        bad=(
            Example("„Das reicht nicht“, <marker>sagte er hinzu</marker>."),
            Example("„Wir bleiben“, <marker>erklärte die Sprecherin fort</marker>."),
        ),
        good=(
            Example("„Das reicht nicht“, fügte er hinzu."),
            Example("„Und dann?“, setzte sie hinzu."),
            Example("„Wir bleiben“, fuhr die Sprecherin fort."),
        ),
        origin="mtlint/checks/speech.py",
    ),
)

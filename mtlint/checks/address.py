"""Address form: the reader is called "Sie" in one place and "du" in another.

English "you" has one form; German chooses between the formal "Sie" (with "Ihnen",
"Ihr") and the informal "du" (with "dich", "dir", "dein", plural "euch", "eure").
Machine translation chooses sentence by sentence, so one page says "Melden Sie sich
an" and then "Speichere deine Einstellungen", sometimes both in one sentence ("ermöglicht
es Ihnen, deine Fotos zu teilen"). Texts that write the informal address with a
capital ("Du", "Dein", as letters may) mix that with the small form too.

Only the forms that cannot mean anything else count: "Sie", "Ihnen" and "Ihr…"
with a capital inside a sentence (at its start they may be "she", "they", "her"),
and every "du", "dich", "dir", "dein…", "euch", "eure…". Quotations (someone
speaking to someone) are left out.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from mtlint.checks.sentences import quotation_depths
from mtlint.core.document import WORD, Document
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern
from mtlint.language.wordclasses import tags_of, word_set

# The formal pronoun's forms and the informal forms that replace them, best first.
FORMAL_TO_INFORMAL: dict[str, tuple[str, ...]] = {
    "sie": ("du", "dich"),
    "ihnen": ("dir",),
    "ihr": ("dein",),
    "ihre": ("deine",),
    "ihren": ("deinen",),
    "ihrem": ("deinem",),
    "ihrer": ("deiner",),
    "ihres": ("deines",),
}
INFORMAL_TO_FORMAL: dict[str, tuple[str, ...]] = {
    "du": ("Sie",),
    "dich": ("Sie",),
    "dir": ("Ihnen",),
    "dein": ("Ihr",),
    "deine": ("Ihre",),
    "deinen": ("Ihren",),
    "deinem": ("Ihrem",),
    "deiner": ("Ihrer",),
    "deines": ("Ihres",),
    "euch": ("Sie", "Ihnen"),
    "eure": ("Ihre",),
    "euren": ("Ihren",),
    "eurem": ("Ihrem",),
    "eurer": ("Ihrer",),
    "eures": ("Ihres",),
    "euer": ("Ihr",),
}
# Informal forms that a capital may start for politeness ("Danke Dir!"); the plural
# "Euch" is left out: it is rarely written small in texts that capitalise.
CAPITALISABLE = word_set("du dich dir dein deine deinen deinem deiner deines")
# The informal plural addresses a group, which a formal text may quote ("Das Motto
# lautet: Von mir – für euch!"): reported only beside "Sie" in one sentence.
PLURAL_INFORMAL = word_set("euch eure euren eurem eurer eures euer")
# Marks after which a capital starts a sentence or a quoted or listed part: a formal
# "Sie" there may be "she" or "they".
OPENING_MARKS = frozenset(":;\"„“»«‚'(–—-•*")
# A document's minority form is reported on its own only when the majority has at
# least this many occurrences and this many times as many, and the minority stands
# in few paragraphs: a page that says "Sie" 20 times and "du" twice slipped; a
# collection of texts (letters, jokes, quotes) with both forms throughout is left alone.
MIN_MAJORITY = 4
MIN_RATIO = 4
MAX_MINORITY_BLOCKS = 3
# Inside one paragraph a reader is addressed one way: there the minority form is
# reported when the majority has at least MIN_MAJORITY occurrences in the paragraph and
# this many times as many (a page that switches to "du" for a few sentences).
MIN_BLOCK_RATIO = 2
# Characters of a word that make it part of code or a path ("/usr/share/dir", "dir=").
CODE_NEIGHBOURS = frozenset("/\\._=@$`<>[]{}")


@dataclass(frozen=True)
class AddressWord:
    """One unambiguous address pronoun: "formal" or "informal", where, how written."""

    start: int
    end: int
    text: str
    register: str  # "formal" or "informal"
    sentence: int  # index of its sentence in the document
    block: int  # index of its block
    sentence_start: bool  # the first word of a sentence (or after a colon)


def _sentence_start(text: str, start: int, sentence_start: int) -> bool:
    """Whether the word at `start` opens its sentence, or a part after a colon, a quote
    mark, a bracket or a dash, where a capital is no sign of the formal address."""
    # The last character before the word that is not white space, found without
    # copying the sentence up to the word (quadratic in a long sentence).
    last = start
    while last > sentence_start and text[last - 1].isspace():
        last -= 1
    return last == sentence_start or text[last - 1] in OPENING_MARKS


@functools.lru_cache(maxsize=1)  # both rules read them: one document at a time
def address_words(doc: Document) -> list[AddressWord]:
    """The address pronouns of the document outside quotations, in order."""
    text = doc.text
    found: list[AddressWord] = []
    sentence_index = 0
    for block_index, block in enumerate(doc.blocks):
        if not ADDRESS_FORM.search(block.text):
            continue  # most blocks of a long text address no one: no sentence split
        # Quotation depths cost a pass over the characters: only where a quote mark is.
        depths = quotation_depths(block.text) if QUOTE_MARK.search(block.text) else None
        sentences = block.sentences
        position = -1
        for word in block.words():
            while position + 1 < len(sentences) and sentences[position + 1].start <= word.start:
                position += 1
            if position < 0:
                continue
            sentence = sentences[position]
            lower = word.text.lower()
            if lower not in FORMAL_TO_INFORMAL and lower not in INFORMAL_TO_FORMAL:
                continue
            if depths is not None and depths[word.start - block.start] > 0:
                continue  # quoted speech may address anyone
            if (text[word.start - 1:word.start] in CODE_NEIGHBOURS
                    or text[word.end:word.end + 1] in CODE_NEIGHBOURS - {"."} | {"("}):
                continue
            at_start = _sentence_start(text, word.start, sentence.start)
            if lower in FORMAL_TO_INFORMAL:
                if not word.text[:1].isupper() or at_start or word.text.isupper():
                    continue  # "sie" is she/they; "Sie." at a start may be too
                if lower == "ihr" and not _possessive_follows(text, word.end):
                    continue  # "Liebt euch, und Ihr werdet sehen": the plural "ihr"
                register = "formal"
            elif lower == "du" and _in_name(text, word.start, word.end):
                continue  # "Café du Monde", "Pierre du Pont"
            else:
                register = "informal"
            found.append(AddressWord(word.start, word.end, word.text, register,
                                     sentence_index + position, block_index, at_start))
        sentence_index += len(sentences)
    return found


# A cheap first look at a block: does it hold an address pronoun at all?
ADDRESS_FORM = compile_pattern(
    r"\b(?:Sie|Ihnen|Ihr\w*|[Dd](?:u|ich|ir|ein\w*)|[Ee](?:uch|ure\w*|uer))\b"
)
QUOTE_MARK = compile_pattern('[„»"“«]')


def _in_name(text: str, start: int, end: int) -> bool:
    """French "du" inside a name: a capitalised word on both sides."""
    before = text[max(0, start - 40):start].split()
    after = text[end:end + 40].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def _possessive_follows(text: str, end: int) -> bool:
    """Whether "Ihr" is the possessive: a noun or an adjective follows ("Ihr Konto",
    "Ihr neues Konto"), not a verb ("Ihr werdet")."""
    following = WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if following is None:
        return False
    word = following.group()
    return word[:1].isupper() or "ADJA" in tags_of(word)


def document_decides(majority: list[AddressWord], minority: list[AddressWord]) -> bool:
    """Whether the document's address is clear enough to report its minority form
    outside mixed sentences (see MIN_MAJORITY)."""
    return (
        len(majority) >= MIN_MAJORITY and len(majority) >= MIN_RATIO * len(minority)
        and len({word.block for word in minority}) <= MAX_MINORITY_BLOCKS
    )


def _replacements(word: AddressWord) -> tuple[str, ...]:
    lower = word.text.lower()
    forms = (FORMAL_TO_INFORMAL if word.register == "formal" else INFORMAL_TO_FORMAL)[lower]
    if word.sentence_start:
        return tuple(form[0].upper() + form[1:] for form in forms)
    return forms


REGISTER_NAMES = {"formal": "„Sie“", "informal": "„du“"}


def _formal_blocks(words: list[AddressWord]) -> set[int]:
    """The blocks that address the reader formally clearly enough to report "du" in
    them (see MIN_BLOCK_RATIO). Only the formal address decides a block: a capitalised
    "Ihr" in an informal one may be a verse's line start run into the text."""
    counts: dict[int, Counter[str]] = {}
    for word in words:
        counts.setdefault(word.block, Counter())[word.register] += 1
    return {
        block for block, count in counts.items()
        if count["formal"] >= MIN_MAJORITY
        and count["formal"] >= MIN_BLOCK_RATIO * count["informal"]
    }


def address_form_mixed(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Leser, die im selben Text mit „Sie“ und mit „du“ angesprochen werden: „Die App
    ermöglicht es Ihnen, deine Fotos zu teilen“, „Melden Sie sich an … Speichere dann
    deine Einstellungen“. Gemeldet wird die seltenere Anredeform: in einem Satz, der
    beide enthält, immer; sonst, wenn die andere Form im Text mindestens viermal und
    viermal so oft vorkommt und die seltenere in höchstens drei Absätzen steht, oder
    wenn in ihrem Absatz „Sie“ mindestens viermal und doppelt so oft wie „du“ steht. Je
    Satz wird nur die erste abweichende Form gemeldet.

    ## Warum ist das ein Problem?
    Englisch „you“ hat nur eine Form. Maschinelle Übersetzung wählt „Sie“ oder „du“
    Satz für Satz, und der Wechsel verrät den Text sofort als unredigiert; für Leser
    ist er zudem unhöflich oder anbiedernd.

    ## Bekannte Grenzen
    Gezählt werden nur eindeutige Formen: „Sie“, „Ihnen“, „Ihr…“ großgeschrieben im
    Satz (am Satzanfang, nach Doppelpunkt oder Anführungszeichen können sie „sie“
    bedeuten) und jedes „du“, „dich“, „dir“, „dein…“, „euch“, „eure…“. Zitate in
    Anführungszeichen zählen nicht; direkte Rede ohne Anführungszeichen schon. Die
    Anrede einer Gruppe („euch“, „eure“) wird nur im selben Satz wie „Sie“ gemeldet. Texte,
    in denen beide Formen oft vorkommen (Sammlungen von Briefen, Witzen, Zitaten), werden
    nur satzweise geprüft. Die Verbform („kannst du“ – „können Sie“) muss der Leser
    selbst anpassen.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird das Pronomen der anderen Anredeform; das Verb und
    weitere Pronomen des Satzes müssen mitgeändert werden.
    """
    words = address_words(doc)
    counts = Counter(word.register for word in words)
    if len(counts) < 2:
        return
    majority = counts.most_common(1)[0][0]
    decided = document_decides([w for w in words if w.register == majority],
                               [w for w in words if w.register != majority])
    by_sentence: dict[int, set[str]] = {}
    for word in words:
        by_sentence.setdefault(word.sentence, set()).add(word.register)
    first_in_sentence: dict[int, str] = {}
    for word in words:
        first_in_sentence.setdefault(word.sentence, word.register)
    tie = counts["formal"] == counts["informal"]
    formal_blocks = _formal_blocks(words)
    reported: set[int] = set()
    for word in words:
        mixed_here = len(by_sentence[word.sentence]) == 2
        in_formal_block = word.block in formal_blocks
        if not mixed_here and (
            not (decided or in_formal_block) or word.text.lower() in PLURAL_INFORMAL
        ):
            continue
        # On a tie the sentence's first form sets the address there.
        expected = first_in_sentence[word.sentence] if tie else majority
        if in_formal_block:
            expected = "formal"
        if word.register == expected or word.sentence in reported:
            continue  # one finding per sentence: the verb and the rest change with it
        reported.add(word.sentence)
        replacements = _replacements(word)
        where = "im selben Satz" if mixed_here else f"im Text {counts[expected]}-mal"
        yield Hit(
            word.start, word.end - word.start,
            f"„{word.text}“: Die Leser werden {where} mit {REGISTER_NAMES[expected]} "
            f"angesprochen; hier mit {REGISTER_NAMES[word.register]}.",
            replacements, replacements[0], Safety.UNSAFE,
        )


def address_du_capitalisation(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Die vertrauliche Anrede mal groß, mal klein im selben Text: „Wir freuen uns auf
    Dich … melde dich einfach“. Gemeldet wird die seltenere Schreibung, wenn die
    häufigere mindestens viermal und viermal so oft vorkommt und die seltenere in
    höchstens drei Absätzen steht.

    ## Warum ist das ein Problem?
    In Briefen und in persönlicher Ansprache darf „du“ großgeschrieben werden („Du“,
    „Dein“), aber einheitlich; der Wechsel entsteht, wenn Textteile verschieden übersetzt
    oder zusammenkopiert wurden.

    ## Bekannte Grenzen
    Am Satzanfang ist jede Form groß und zählt nicht. Sammlungen von Texten mit beiden
    Schreibungen bleiben unbeachtet. „Euch“ und „Eure“ zählen nicht.

    ## Fix-Sicherheit
    Unsicher: Vorgeschlagen wird die häufigere Schreibung.
    """
    words = [
        w for w in address_words(doc)
        if w.register == "informal" and not w.sentence_start and w.text.lower() in CAPITALISABLE
    ]
    capitalised = [w for w in words if w.text[:1].isupper()]
    small = [w for w in words if w.text[:1].islower()]
    if not capitalised or not small:
        return
    majority, minority = (small, capitalised) if len(capitalised) < len(small) else (
        capitalised, small)
    if not document_decides(majority, minority):
        return
    for word in minority:
        if word.text[:1].isupper():
            replacement, how = word.text.lower(), "klein"
        else:
            replacement, how = word.text[0].upper() + word.text[1:], "groß"
        yield Hit(
            word.start, word.end - word.start,
            f"„{word.text}“: Sonst schreibt der Text die Anrede „du“ {how}.",
            (replacement,), replacement, Safety.UNSAFE,
        )


RULES = (
    Rule(
        id="address-form-mixed",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        summary="Die Leser werden im selben Text mit „Sie“ und mit „du“ angesprochen.",
        doc=address_form_mixed.__doc__ or "",
        check=address_form_mixed,
        bad=(
            Example("Die App ermöglicht es Ihnen, <marker>deine</marker> Fotos mit Freunden "
                    "zu teilen.", "Ihre"),
            Example("Du kannst deine Daten jederzeit in <marker>Ihrem</marker> Konto "
                    "ändern.", "deinem"),
            Example("Melden Sie sich an. Wählen Sie einen Tarif. Geben Sie Ihre Adresse ein. "
                    "Bestätigen Sie die E-Mail. Danach kannst <marker>du</marker> loslegen.",
                    "Sie"),
            Example("Wenn <marker>Sie</marker> Fragen hast, schreib uns, wir helfen dir gern "
                    "und beantworten deine Fragen schnell.", "du|dich"),
            Example("Prüfen Sie den Vertrag, bevor Sie unterschreiben. Liest <marker>du</marker> "
                    "das Kleingedruckte? Dann wissen Sie, was Sie erwartet. Machen Sie sich "
                    "Notizen, und fragen Sie nach. Bitten Sie um "
                    "Bedenkzeit, und lassen Sie sich nicht drängen.", "Sie"),
        ),
        good=(
            Example("Die App ermöglicht es Ihnen, Ihre Fotos mit Freunden zu teilen."),
            Example("Du kannst deine Daten jederzeit in deinem Konto ändern."),
            Example("Sie sagte zu ihm: „Kannst du mir helfen?“ Er half ihr sofort."),
            Example("Ihr Bruder wohnt in Köln. Sie besucht ihn oft, und er kocht für sie."),
            Example("Wir trafen uns im Café du Monde und sprachen über Sie und ihn."),
            Example("Fragen Sie Ihren Arzt. Er wird Ihnen sagen, ob die Kur für Sie passt."),
            Example("Kennst du das? Du stehst auf und weißt nicht, wohin. Sie aber weiß es."),
            Example("Liebe Eltern, wir freuen uns, euch und eure Kinder zu sehen."),
            Example("Liebt euch, und Ihr werdet glücklich sein."),
            Example("Der Befehl du(1) zeigt, wie viel Platz Sie belegen."),
        ),
        origin="mtlint/checks/address.py",
    ),
    Rule(
        id="address-du-capitalisation",
        category=Category.CASING,
        severity=Severity.INFO,
        summary="Die Anrede „du“ steht im selben Text mal groß, mal klein („Dich“, „dich“).",
        doc=address_du_capitalisation.__doc__ or "",
        check=address_du_capitalisation,
        bad=(
            Example("Wir freuen uns auf dich. Melde dich einfach, wenn du Zeit hast, und "
                    "bring deine Familie und <marker>Deine</marker> Freunde mit.", "deine"),
            Example("Danke für Deine Karte! Ich habe mich über Deinen Gruß gefreut, Dein "
                    "Bild hängt an der Wand, und Du fehlst mir. Ich denke oft an "
                    "<marker>dich</marker>.", "Dich"),
        ),
        good=(
            Example("Danke für Deine Karte! Ich habe mich über Deinen Gruß gefreut."),
            Example("Wir freuen uns auf dich. Melde dich, wenn du Zeit hast."),
            Example("Du bist eingeladen. Bring deine Freunde mit."),
        ),
        origin="mtlint/checks/address.py",
    ),
)

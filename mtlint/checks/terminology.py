"""Terminology: product names translated word for word, and terms spelled two ways.

Machine translation treats a product name like any other phrase: "SearchGPT" becomes
"SucheGPT", "Microsoft Teams" becomes "Microsoft Mannschaften", "Apple Watch" becomes
"Apple Uhr". And one article ends up with "OpenAI" and "OpenAi", "GPT-4" and "GPT4".

Three sources tell a translated name:

* the bundled list of well-known names and their literal renderings
  (``mtlint/data/brands.toml``; only renderings that mean nothing else in an article),
* the user's glossary (``[tool.mtlint.glossary]``: correct term = wrong renderings),
* the document itself: a name whose English original also occurs in the text, one part
  kept and the other translated ("SucheGPT" beside "SearchGPT", "Google Karten" beside
  "Google Maps"), through a small dictionary of English name parts.

Spelling consistency is decided by the document (the majority spelling wins, as in
proselint's consistency checks) and, for names with inner capitals, by the bundled list
of exact spellings and the glossary.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from mtlint.core.document import Document, Span
from mtlint.core.finding import Category, Example, Hit, Rule, RuleContext, Safety, Severity
from mtlint.core.patterns import compile_pattern, parse_toml
from mtlint.language.german import (
    analyze_word,
    is_german_word,
    is_known_name,
    is_known_noun,
    word_tags,
)

BRANDS_PATH = Path(__file__).resolve().parent.parent / "data" / "brands.toml"

# English parts of product names -> their literal German renderings. Used only where
# the English name itself occurs in the same document. Parts whose German rendering a
# maker uses as the official name are left out: Apple's "Karten", "Notizen", "Fotos",
# Google's "Tabellen" and "Fotos" (so Maps, Notes, Photos, Sheets are not listed).
NAME_PARTS: dict[str, tuple[str, ...]] = {
    "AI": ("KI",),
    "Air": ("Luft",),
    "Assistant": ("Assistent",),
    "Book": ("Buch",),
    "Brain": ("Gehirn",),
    "Chat": ("Plauder", "Plaudern"),
    "Cloud": ("Wolke",),
    "Deep": ("Tief", "Tiefe", "Tiefer"),
    "Docs": ("Dokumente",),
    "Drive": ("Laufwerk", "Antrieb", "Fahrt"),
    "Edge": ("Kante", "Rand"),
    "Face": ("Gesicht", "Gesichts"),
    "Fire": ("Feuer",),
    "Game": ("Spiel",),
    "Games": ("Spiele",),
    "Health": ("Gesundheit",),
    "Home": ("Heim", "Zuhause"),
    "Lens": ("Linse",),
    "Meet": ("Treffen",),
    "Mind": ("Geist", "Verstand"),
    "Music": ("Musik",),
    "News": ("Nachrichten",),
    "Office": ("Büro",),
    "One": ("Eins",),
    "Open": ("Offen", "Offene", "Offenes"),
    "Pay": ("Bezahlen", "Bezahlung"),
    "Play": ("Spielen",),
    "Point": ("Punkt",),
    "Power": ("Kraft", "Macht"),
    "Search": ("Suche", "Such", "Suchen"),
    "Smart": ("Schlau", "Klug"),
    "Store": ("Laden",),
    "Team": ("Mannschaft",),
    "Teams": ("Mannschaften",),
    "Threads": ("Fäden",),
    "Time": ("Zeit",),
    "Translate": ("Übersetzen",),
    "Tube": ("Röhre",),
    "Watch": ("Uhr",),
    "Window": ("Fenster",),
    "Windows": ("Fenster",),
    "Word": ("Wort",),
    "Works": ("Werke",),
}

# First words of two-word product names ("Google Maps"): kept as they are while the
# second word gets translated. Camel-case and all-caps words count as names too.
BRAND_WORDS = frozenset((
    "Adobe", "Alibaba", "Amazon", "Anthropic", "Apple", "Baidu", "ByteDance", "Canva",
    "Discord", "Dropbox", "Facebook", "Firefox", "GitHub", "Google", "Huawei", "IBM",
    "Instagram", "Intel", "LinkedIn", "Meta", "Microsoft", "Mistral", "Mozilla", "Netflix",
    "Nintendo", "Nvidia", "OpenAI", "Oracle", "Perplexity", "Pinterest", "Reddit", "SAP",
    "Salesforce", "Samsung", "Shopify", "Slack", "Snapchat", "Sony", "Spotify", "Telegram",
    "Tencent", "Tesla", "TikTok", "Twitter", "Uber", "WhatsApp", "Xbox", "Xiaomi", "Yahoo",
    "YouTube", "Zoom",
))

CAMEL_PART = compile_pattern(r"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+")
SEPARATORS = re.compile(r"[\s\u00a0]+")
# A word boundary that lets a hyphenated compound continue ("SucheGPT-Funktion").
# The name lists are matched with the standard `re` module: it compiles a long
# alternation in a fifth of the time `regex` needs, and [^\W_] is a letter or digit.
BEFORE = r"(?<![^\W_])"
AFTER = r"(?P<gen>s)?(?![^\W_])"
# Texts up to this many characters get a pattern of only the renderings they can hold.
FILTER_LIMIT = 100_000



# ---------------------------------------------------------------------------
# Renderings: bundled list and glossary
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendering:
    """A wrong rendering of a name, as the bundled list or the glossary gives it."""

    wrong: str
    name: str
    context: tuple[str, ...] = ()  # flag only when the document names one of these
    glossary: bool = False


@functools.cache
def bundled_brands() -> tuple[tuple[Rendering, ...], tuple[str, ...]]:
    """The bundled renderings and the names whose exact spelling is checked."""
    data = parse_toml(BRANDS_PATH.read_text(encoding="utf-8"), source=str(BRANDS_PATH))
    renderings = tuple(
        Rendering(wrong, entry["name"], tuple(entry.get("context", ())))
        for entry in data["brand"]
        for wrong in entry["wrong"]
    )
    return renderings, tuple(data["names"]["spell"])


# Read while the rules load, so that the parsed glossary is kept with the compiled patterns.
bundled_brands()


def _normalise(text: str) -> str:
    return SEPARATORS.sub(" ", text)


@functools.lru_cache(maxsize=16)
def _rendering_table(
    renderings: tuple[Rendering, ...],
) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], dict[str, Rendering]]:
    """The renderings by their normalised text, and those texts longest first (so that
    "Microsoft Kraft BI" wins over "Kraft BI"), each with its space-free pieces, the
    longest first."""
    by_text = {_normalise(r.wrong): r for r in renderings if r.wrong.strip()}
    alternatives = sorted(by_text, key=len, reverse=True)
    return tuple(
        (a, tuple(sorted(a.split(" "), key=len, reverse=True))) for a in alternatives
    ), by_text


@functools.lru_cache(maxsize=64)
def _alternation(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(a).replace(r"\ ", r"[\s\u00a0]+") for a in alternatives)
    return re.compile(f"{BEFORE}(?:{body}){AFTER}")


def _rendering_matcher(
    renderings: tuple[Rendering, ...], text: str
) -> tuple[re.Pattern[str] | None, dict[str, Rendering]]:
    """A pattern for the renderings that can occur in `text`: one with a piece that is
    not in the text cannot match, and leaving it out of the alternation changes no
    match. Compiling all of the bundled list costs 5-10 ms, once per process; on a
    long text looking for each piece costs more than that (0.05 ms per KB)."""
    table, by_text = _rendering_table(renderings)
    if len(text) > FILTER_LIMIT:
        present = tuple(a for a, _ in table)
    else:
        present = tuple(a for a, pieces in table if all(piece in text for piece in pieces))
    return (_alternation(present) if present else None), by_text


def _glossary_renderings(glossary: dict[str, tuple[str, ...]]) -> tuple[Rendering, ...]:
    return tuple(
        Rendering(wrong, term, glossary=True)
        for term, wrongs in glossary.items()
        for wrong in wrongs
    )


def _mentions(text: str, words: Iterable[str]) -> bool:
    return any(
        re.search(rf"{BEFORE}{re.escape(word)}(?![^\W_])", text)
        for word in words
    )


def _surroundings(doc: Document, offset: int) -> str:
    """The block holding `offset` and the two before it: where an ambiguous rendering
    ("Kopilot") must find its context words ("Microsoft"), so that a long file of
    unrelated texts does not lend one text the context of another."""
    blocks = doc.blocks
    index = bisect.bisect_right([b.start for b in blocks], offset) - 1
    if index < 0:
        return ""
    return doc.text[blocks[max(0, index - 2)].start:blocks[index].end]


def _with_genitive(name: str, gen: str) -> str:
    return name + ("" if not gen or name[-1] in "sxzß" else "s")


def hits_from_renderings(
    doc: Document, renderings: tuple[Rendering, ...], hits: dict[tuple[int, int], Hit]
) -> None:
    """Add a hit for every listed wrong rendering in `doc` whose span has none yet."""
    pattern, by_text = _rendering_matcher(renderings, doc.text)
    if pattern is None:
        return
    for match in pattern.finditer(doc.text):
        if (match.start(), match.end()) in hits:
            continue
        gen = match.group("gen") or ""
        rendering = by_text[_normalise(match.group()[: len(match.group()) - len(gen)])]
        if rendering.context and not _mentions(
            _surroundings(doc, match.start()), (*rendering.context, rendering.name)
        ):
            continue
        name = _with_genitive(rendering.name, gen)
        if rendering.glossary:
            message = (f"„{match.group()}“ ist laut Glossar falsch; der Begriff lautet "
                       f"„{rendering.name}“.")
            safety = Safety.SAFE
        else:
            message = (f"„{match.group()}“ ist ein wörtlich übersetzter Produktname; "
                       f"der Name lautet „{rendering.name}“.")
            known = not gen and _mentions(doc.text, (rendering.name,))
            safety = Safety.SAFE if known else Safety.UNSAFE
        hits[(match.start(), match.end())] = Hit(
            match.start(), match.end() - match.start(), message, (name,), name, safety)


# ---------------------------------------------------------------------------
# Names the document translates itself ("SucheGPT" beside "SearchGPT")
# ---------------------------------------------------------------------------


def camel_parts(word: str) -> list[str]:
    """The parts of a camel-case name: "SearchGPT" -> ["Search", "GPT"]; [] otherwise."""
    if word[1:] == word[1:].lower():
        return []
    parts = CAMEL_PART.findall(word)
    if len(parts) < 2 or "".join(parts) != word:
        return []
    return parts


def _is_name_word(word: str) -> bool:
    """A brand or name that a product name can start with ("Google", "Inflection")."""
    if word in BRAND_WORDS or camel_parts(word) or (len(word) > 1 and word.isupper()):
        return True
    if not word[:1].isupper() or is_known_noun(word):
        return False
    tags = word_tags(word)
    return tags is None or tags <= {"NE", "FM"}


def translated_variants(doc: Document) -> dict[str, str]:
    """German renderings of the English names in `doc` -> the English name.

    Camel-case names get one or both parts translated ("SearchGPT" -> "SucheGPT",
    "Suche-GPT"); two-word names "Brand Part" get the second word translated
    ("Google Maps" -> "Google Karten"). Only names the document contains are used.
    """
    variants: dict[str, str] = {}
    names: set[str] = set()
    for block in doc.blocks:
        words = block.words()
        for index, word in enumerate(words):
            for segment in word.text.split("-"):
                if segment not in names and any(p in NAME_PARTS for p in camel_parts(segment)):
                    names.add(segment)
                    for variant in _camel_variants(camel_parts(segment)):
                        variants.setdefault(variant, segment)
            if index and word.text in NAME_PARTS:
                previous = words[index - 1]
                if not _joined_by_space(doc.text, previous, word) or not _is_name_word(
                    previous.text
                ):
                    continue
                # Spaced only: "Microsoft-Büro" is an office of Microsoft's, "Meta-KI"
                # German for Meta's AI.
                name = f"{previous.text} {word.text}"
                for german in NAME_PARTS[word.text]:
                    variants.setdefault(f"{previous.text} {german}", name)
    for name in names:
        variants.pop(name, None)
    return variants


def _camel_variants(parts: list[str]) -> Iterator[str]:
    for index, part in enumerate(parts):
        for german in NAME_PARTS.get(part, ()):
            replaced = [*parts[:index], german, *parts[index + 1:]]
            yield "".join(replaced)
            if len(parts) == 2:
                yield "-".join(replaced)


@functools.lru_cache(maxsize=64)
def _variant_pattern(variants: frozenset[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(f"{BEFORE}(?:{body}){AFTER}")


# ---------------------------------------------------------------------------
# brand-translated
# ---------------------------------------------------------------------------


def brand_translated(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Produkt- oder Markennamen, der Wort für Wort übersetzt wurde: „SucheGPT“
    statt „SearchGPT“, „Microsoft Mannschaften“ statt „Microsoft Teams“, „Apple Uhr“
    statt „Apple Watch“.

    ## Warum ist das ein Problem?
    Produktnamen werden nicht übersetzt. Ein übersetzter Name ist für Leser nicht
    auffindbar, wirkt unfreiwillig komisch und verrät die Maschinenübersetzung.

    Die Regel kennt drei Quellen: eine mitgelieferte Liste bekannter Namen und ihrer
    wörtlichen Übersetzungen, das Glossar der Konfiguration (`[tool.mtlint.glossary]`,
    richtiger Begriff = Liste falscher Wiedergaben) und den Text selbst: steht dort
    auch der englische Name („SearchGPT“), wird eine Form mit demselben
    unübersetzten Teil und übersetztem Rest („SucheGPT“) gemeldet.

    ## Bekannte Grenzen
    Die mitgelieferte Liste enthält nur Wiedergaben, die im Artikel nichts anderes
    bedeuten können („Microsoft Fenster“, nicht „Fenster“); mehrdeutige wie
    „Kopilot“ nur, wenn der Text auch Microsoft, GitHub oder Windows nennt. Namen,
    die der Hersteller selbst eindeutscht („Google Tabellen“), gelten als richtig.

    ## Fix-Sicherheit
    Sicher, wenn der Originalname im selben Text steht oder das Glossar ihn vorgibt;
    sonst (nur mitgelieferte Liste) ein Vorschlag.
    """
    # One hit per span; the first source wins: glossary, the document, bundled list.
    hits: dict[tuple[int, int], Hit] = {}
    hits_from_renderings(doc, _glossary_renderings(context.glossary), hits)
    variants = translated_variants(doc)
    if variants:
        for match in _variant_pattern(frozenset(variants)).finditer(doc.text):
            gen = match.group("gen") or ""
            original = variants[match.group()[: len(match.group()) - len(gen)]]
            name = _with_genitive(original, gen)
            hits.setdefault((match.start(), match.end()), Hit(
                match.start(), match.end() - match.start(),
                f"„{match.group()}“ ist vermutlich ein übersetzter Produktname; im Text steht "
                f"auch „{original}“.",
                (name,), name, Safety.SAFE,
            ))
    hits_from_renderings(doc, bundled_brands()[0], hits)
    yield from (hits[key] for key in sorted(hits))


# ---------------------------------------------------------------------------
# term-inconsistent
# ---------------------------------------------------------------------------

# Tags of words that may form a two-word term ("Cloud Computing"); function words
# ("Zu Hause" beside "Zuhause") may not.
TERM_TAGS = frozenset({"NN", "NE", "FM", "XY"})


# Terms whose variants the spelling pack reports already (rules/spelling.toml:
# spelling-e-mail, spelling-know-how, spelling-start-up): one finding is enough.
SPELLING_PACK_TERMS = frozenset({"email", "emails", "knowhow", "startup", "startups"})
CODE_JOINERS = frozenset("._/=\\@")
TERM_SEPARATORS = compile_pattern(r"[\s\u00a0\-‐]+")


@functools.lru_cache(maxsize=1 << 14)
def term_key(spelling: str) -> str:
    """What spellings of one term share: "E-Mail", "Email", "e-mail" -> "email"."""
    return TERM_SEPARATORS.sub("", spelling).lower()  # not casefold: "daß" is not "dass"


class Occurrence(NamedTuple):
    spelling: str
    start: int
    end: int


def _has_two_letters(word: str) -> bool:
    if word.isalpha():
        return len(word) >= 2
    return sum(ch.isalpha() for ch in word) >= 2


def _term_occurrences(doc: Document, known_keys: set[str]) -> list[Occurrence]:
    """Words, hyphen parts that are names ("OpenAI" in "OpenAI-Chef"), and two-word
    terms whose joined spelling also occurs as a word or is in `known_keys`."""
    text = doc.text
    occurrences: list[Occurrence] = []
    pairs: list[tuple[list[Span], int]] = []
    for block in doc.blocks:
        words = block.words()
        for index, word in enumerate(words):
            start, end, spelling = word
            after = text[end:end + 1]
            if after in "-‐" and end < len(text):
                continue  # "Open-Source- und ..." is cut short: no spelling of its own
            if not _has_two_letters(spelling):
                continue  # "1-2" and "12" are not spellings of one term
            if text[start - 1:start] in CODE_JOINERS or (after in CODE_JOINERS and after != "."):
                continue  # "LANG=en_US.UTF8", "/etc/foo": part of code, not prose
            occurrences.append(Occurrence(spelling, start, end))
            if "-" in spelling:
                offset = start
                for segment in spelling.split("-"):
                    if _has_mixed_case(segment):
                        occurrences.append(Occurrence(segment, offset, offset + len(segment)))
                    offset += len(segment) + 1
            if index and spelling[:1].isupper():
                previous = words[index - 1]
                if previous.text[:1].isupper() and _joined_by_space(text, previous, word):
                    pairs.append((words, index))
    single_keys = {term_key(o.spelling) for o in occurrences} | known_keys
    for words, index in pairs:
        first, second = words[index - 1], words[index]
        spelling = f"{first.text} {second.text}"
        if term_key(spelling) in single_keys and _pair_is_term(first.text, second.text) and not (
            _extends_name(text, words, index - 2, index - 1)
            or _extends_name(text, words, index + 1, index)
        ):
            occurrences.append(Occurrence(spelling, first.start, second.end))
    return occurrences


def _joined_by_space(text: str, first: Span, second: Span) -> bool:
    return text[first.end:second.start] == " "


def _extends_name(text: str, words: list[Span], index: int, neighbour: int) -> bool:
    """Whether words[index] continues a multi-word name past a two-word pair: "Common
    Internet File System" is an English name, not an open compound "File System"."""
    if not 0 <= index < len(words):
        return False
    word = words[index]
    first, second = sorted((words[index], words[neighbour]), key=lambda w: w.start)
    if not word.text[:1].isupper() or not _joined_by_space(text, first, second):
        return False
    return analyze_word(word.text).tag in TERM_TAGS


def _pair_is_term(first: str, second: str) -> bool:
    return all(analyze_word(w).tag in TERM_TAGS for w in (first, second))


CANONICAL_MESSAGE = "Der Name wird „{target}“ geschrieben."


def _canonical_spellings(context: RuleContext) -> dict[str, str]:
    canonical = {term_key(name): name for name in bundled_brands()[1]}
    # Glossary terms win over the bundled list.
    canonical.update({term_key(term): term for term in context.glossary if term.strip()})
    return canonical


def _has_mixed_case(word: str) -> bool:
    """A name with inner capitals: a part with a capital after its first letter and
    small letters too ("OpenAI", "CeBIT", "LinuxTag-Team"), not "UNIX-Socket"."""
    return any(
        any(ch.isupper() for ch in part[1:]) and any(ch.islower() for ch in part)
        for part in TERM_SEPARATORS.split(word)
    )


def _needs_hyphen(part: str) -> bool:
    """German hyphenates after single letters, abbreviations and digits ("E-Mail",
    "KI-Modell", "GPT-4"); elsewhere the hyphen in a compound is optional."""
    return len(part) == 1 or part.isupper() or any(ch.isdigit() for ch in part)


def _may_differ(spelling: str, target: str, *, canonical: bool) -> bool:
    """Whether `spelling` may be reported as a variant of `target`.

    * Case alone tells two spellings apart only for names with inner capitals
      ("Chatgpt", "ChatGPT"), and only if the variant is not a German word or name
      in its own right ("Mit" beside "MIT", "Suse" beside "SuSE").
    * An all-caps word is emphasis or a heading, an all-lowercase one a command or
      file name ("utf8" beside "UTF-8"): left alone.
    * A closed compound beside a hyphenated one counts only where German needs the
      hyphen ("Email" beside "E-Mail"); "Systemressourcen" and "System-Ressourcen"
      are both right. A hyphenated spelling is never replaced by a spaced one.
    * A spaced spelling beside a joined one counts (German does not write open
      compounds: "Debian Referenz") unless it is an English phrase ("File System").

    Glossary and bundled names (`canonical`) are exact: any case variant that is not
    a German word counts, and any hyphen or space variant.
    """
    if (spelling.isupper() and spelling.replace("-", "").isalpha() and len(spelling) > 1) or (
        spelling.islower() and not target.islower()
    ):
        return False
    parts, target_parts = TERM_SEPARATORS.split(spelling), TERM_SEPARATORS.split(target)
    if [len(p) for p in parts] == [len(p) for p in target_parts] and parts != target_parts:
        # Only the case differs.
        return (canonical or _has_mixed_case(target)) and not (
            is_german_word(spelling) or is_known_name(spelling)
        ) and " " not in spelling
    if canonical:
        return True
    if " " in spelling:
        return " " not in target and any(is_german_word(p) for p in parts)
    if " " in target and "-" in spelling:
        return False
    if "-" in target and "-" not in spelling:
        return any(_needs_hyphen(p) for p in target_parts[:-1])
    return False


def term_inconsistent(doc: Document, context: RuleContext) -> Iterator[Hit]:
    """## Was die Regel findet
    Einen Begriff, der im selben Text in zwei Schreibweisen steht: „OpenAI“ und
    „OpenAi“, „GPT-4“ und „GPT4“, „Cloud-Computing“ und „Cloud Computing“. Die
    häufigere Schreibweise gilt, die seltenere wird gemeldet. Namen mit
    Binnenmajuskeln („ChatGPT“, „GitHub“, „iPhone“) und die Begriffe des Glossars
    werden immer in ihrer festen Schreibweise erwartet.

    ## Warum ist das ein Problem?
    Wechselnde Schreibweisen lassen einen Text unredigiert wirken; bei Produktnamen
    ist nur eine richtig. Maschinelle Übersetzung übersetzt Absatz für Absatz und
    schreibt denselben Namen deshalb oft verschieden.

    ## Bekannte Grenzen
    Unterschiede nur in Groß- und Kleinschreibung zählen nur bei Namen mit
    Binnenmajuskeln oder Abkürzungen; Wörter in Großbuchstaben (Hervorhebung,
    Überschriften) und Wörter, die für sich deutsch sind („Mit“ neben „MIT“), bleiben
    unbeachtet. Bei Gleichstand entscheidet nur das Glossar. Ergänzungsstriche
    („Open-Source- und …“) sind keine eigene Schreibweise.

    ## Fix-Sicherheit
    Sicher, wenn das Glossar oder die mitgelieferte Namensliste die Schreibweise
    vorgibt; die Mehrheitsschreibweise des Textes ist nur ein Vorschlag.
    """
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    canonical = _canonical_spellings(context)
    heading_starts = _heading_offsets(doc)
    for occurrence in _term_occurrences(doc, set(canonical)):
        groups[term_key(occurrence.spelling)].append(occurrence)
    hits: dict[tuple[int, int], Hit] = {}
    for key, occurrences in groups.items():
        if key in SPELLING_PACK_TERMS:
            continue
        fixed = _canonical_target(key, canonical)
        if fixed is None and all(o.spelling == occurrences[0].spelling for o in occurrences):
            continue  # one spelling and no fixed one: nothing to compare
        counts = Counter(o.spelling for o in occurrences)
        target, safety, why = _target_spelling(fixed, counts)
        if target is None:
            continue
        for occurrence in occurrences:
            spelling = occurrence.spelling
            if spelling == target or not _may_differ(spelling, target, canonical=bool(why)):
                continue
            if spelling.islower() and occurrence.start in heading_starts:
                continue  # a heading written in lowercase: the heading rules report it
            message = f"„{spelling}“: " + (why.format(target=target) if why else (
                f"Im selben Text steht meist „{target}“ ({counts[target]}×); "
                "einheitlich schreiben."))
            hits.setdefault((occurrence.start, occurrence.end), Hit(
                occurrence.start, occurrence.end - occurrence.start, message,
                (target,), target, safety))
    yield from (hits[key] for key in sorted(hits))


def _heading_offsets(doc: Document) -> set[int]:
    return {word.start for block in doc.headings for word in block.words()}


def _canonical_target(key: str, canonical: dict[str, str]) -> str | None:
    """The glossary's or bundled list's spelling of a term (or of its plural in -s)."""
    if key in canonical:
        return canonical[key]
    if key.endswith("s") and key[:-1] in canonical:
        return canonical[key[:-1]] + "s"
    return None


def _target_spelling(
    fixed: str | None, counts: Counter[str]
) -> tuple[str | None, Safety, str]:
    """The spelling a group of variants should use (`fixed`: the canonical one, if
    any), its fix safety, and why."""
    if fixed is not None:
        return fixed, Safety.SAFE, CANONICAL_MESSAGE
    if len(counts) < 2:
        return None, Safety.UNSAFE, ""
    (first, first_count), (_, second_count) = counts.most_common(2)
    if first_count == second_count:
        return None, Safety.UNSAFE, ""
    return first, Safety.UNSAFE, ""


RULES = (
    Rule(
        id="brand-translated",
        category=Category.TERMINOLOGY,
        severity=Severity.ERROR,
        summary="Ein Produktname wurde wörtlich übersetzt („SucheGPT“ statt „SearchGPT“).",
        doc=brand_translated.__doc__ or "",
        check=brand_translated,
        bad=(
            Example("OpenAI startet SearchGPT. Die Einführung von <marker>SucheGPT</marker> "
                    "verschärft den Wettbewerb.", "SearchGPT"),
            Example("Google Maps zeigt Staus an; auch <marker>Google Karten</marker> nutzt "
                    "dafür Standortdaten.", "Google Maps"),
            Example("Nutzer von Microsoft Teams chatten. In <marker>Microsoft "
                    "Mannschaften</marker> gibt es Kanäle.", "Microsoft Teams"),
            Example("Besprechungen finden jetzt in <marker>Microsoft Mannschaften</marker> "
                    "statt.", "Microsoft Teams"),
            Example("Die <marker>Apple Uhr</marker> misst jetzt auch den Blutdruck.",
                    "Apple Watch"),
            Example("Der Chatbot DeepMind … Forscher von <marker>TiefGeist</marker> zeigten "
                    "das Modell.", "DeepMind"),
            Example("Microsoft baut den <marker>Kopilot</marker> tiefer in Windows 11 ein.",
                    "Copilot"),
            Example("Copilot schreibt Code. Der <marker>Kopilot</marker> schlägt ganze "
                    "Funktionen vor.", "Copilot"),
            Example("Im Juli kam die <marker>Tesla Modell Y</marker> Performance auf den Markt.",
                    "Tesla Model Y"),
        ),
        good=(
            Example("OpenAI startet SearchGPT. Die Suche soll Quellen besser belegen."),
            Example("Google Maps zeigt Staus an; die Karten werden täglich aktualisiert."),
            Example("Der Kopilot übernahm die Landung, weil der Kapitän erkrankt war."),
            Example("Microsoft zeigt das Schild. Der Kopilot versteht: Der Hubschrauber ist "
                    "über Seattle."),
            Example("Sie öffnet das Fenster. Microsoft Windows startet neu."),
            Example("Google Tabellen und Google Präsentationen sind kostenlos."),
            Example("Meta AI antwortet jetzt auch auf Deutsch; die Meta-KI läuft in WhatsApp."),
            Example("Microsoft Office wird teurer, sagt ein Sprecher im Münchner "
                    "Microsoft-Büro."),
            Example("Apple Maps heißt auf Deutsch Apple Karten."),
        ),
        origin="mtlint/checks/terminology.py",
        fixable=True,
    ),
    Rule(
        id="term-inconsistent",
        category=Category.TERMINOLOGY,
        severity=Severity.WARNING,
        summary="Ein Begriff steht im selben Text in zwei Schreibweisen („OpenAI“/„OpenAi“).",
        doc=term_inconsistent.__doc__ or "",
        check=term_inconsistent,
        bad=(
            Example("OpenAI wächst. OpenAI stellt ein. Auch <marker>OpenAi</marker> "
                    "braucht Strom.", "OpenAI"),
            Example("GPT-4 ist schnell. GPT-4 ist teuer. Doch <marker>GPT4</marker> "
                    "lernt weiter.", "GPT-4"),
            Example("Das Modell <marker>Chatgpt</marker> antwortet schnell.", "ChatGPT"),
            Example("Firmen setzen auf Cloud-Computing. Cloud-Computing spart Kosten, "
                    "<marker>Cloud Computing</marker> schafft Abhängigkeit.",
                    "Cloud-Computing"),
            Example("Die Gründer von <marker>Open AI</marker> trafen sich in San Francisco.",
                    "OpenAI"),
        ),
        good=(
            Example("OpenAI wächst. Die OpenAI-Chefin spricht. OpenAIs Modelle lernen."),
            Example("Mit dem MIT arbeitet die Firma seit Jahren zusammen."),
            Example("DIE ZUKUNFT DER KI. Die Zukunft der KI ist offen."),
            Example("Sie sind zu Hause. Das Zuhause ist warm."),
            Example("Microsoft setzt auf Open-Source- und proprietäre Modelle. Open Source "
                    "bleibt wichtig."),
            Example("Im Januar schrieb er eine E-Mail, im Februar eine Email."),
            Example("Das Know-how fehlt, das KnowHow kostet, das Know-how wächst."),
        ),
        origin="mtlint/checks/terminology.py",
        fixable=True,
    ),
)

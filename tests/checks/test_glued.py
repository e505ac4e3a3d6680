"""Edge cases of words-glued (mtlint/checks/glued.py): what it separates, and the inner
capitals it must leave alone."""

from __future__ import annotations

import pytest

from mtlint.core.document import Document
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter
from mtlint.lint.registry import load_rules

RULE = "words-glued"


@pytest.mark.parametrize(("text", "token", "suggestions"), [
    # a heading's last word on the paragraph's first
    ("Die Fotos zeigen, wie wir den Pass erreichtenWir machten Rast.", "erreichtenWir",
     ("erreichten Wir",)),
    # a lost full stop after a name: the sentence start comes first
    ("Das Gespräch mit MerzEr betonte die Einigkeit.", "MerzEr", ("Merz. Er", "Merz Er")),
    # a link text glued to the name before it
    ("Laut Ministerin FaeserStellungnahme ist die Lage ruhig.", "FaeserStellungnahme",
     ("Faeser Stellungnahme",)),
    # a capital inside a compound: the compound first, then two words
    ("Das Lokal gilt als KultKneipe im Viertel.", "KultKneipe", ("Kultkneipe", "Kult Kneipe")),
    # a name with an English possessive: joined to the noun by a hyphen
    ("Der Abend endete in Murphy’sKneipe am Hafen.", "Murphy’sKneipe",
     ("Murphy’s-Kneipe", "Murphy’s Kneipe")),
])
def test_glued_words_are_separated(flagged, run_rule, text, token, suggestions):
    assert flagged(RULE, text) == [token]
    (finding,) = run_rule(RULE, text)
    assert finding.suggestions == suggestions
    # Unsafe: whether a space, a full stop or a compound is meant depends on the context.
    assert finding.fix is not None and finding.fix.replacement == suggestions[0]
    assert finding.safe_fix is None


@pytest.mark.parametrize("text", [
    "Das Angebot gilt für iPhone, MacBook und AirPods, bezahlt wird mit PayPal.",
    "Die Folien sind in PowerPoint, das Blog läuft mit WordPress, der Code liegt auf GitHub.",
    "Alle LehrerInnen, BürgerInnen und die SchülerInnenvertretung sind eingeladen.",
    "Die KfW und die BaFin prüfen den Antrag der Muster GmbH.",
    "Leonardo DiCaprio, David McAllister und Jacques LeBlanc kamen.",
    "Die Methoden setName, getValue und readFile sind dokumentiert.",
    "Die Zeitung dasLokalblatt berichtete zuerst.",
    "Folgt uns unter @StadtBibliothek und #LangeNacht.",
    "Die Seite www.meineStadt.de und der Pfad /home/userData bleiben.",
    "Mit ProSieben und BioLaden werben die Marken.",
    "Let'sGo und It'sTime heißen die Kampagnen.",
    "Die KochBar ist geöffnet. Die KochBar schließt um zehn.",  # written so twice: on purpose
])
def test_deliberate_inner_capitals_are_not_flagged(flagged, text):
    assert flagged(RULE, text) == []


def test_glossary_terms_are_not_flagged():
    text = "Das Paket KochBar Pro erscheint im Mai."
    rules = load_rules()
    bare = Linter(Config(select=(RULE,)), {RULE: rules[RULE]}).check(Document(text, "t.txt"))
    assert [f.rule for f in bare.findings] == [RULE]
    config = Config(select=(RULE,), glossary=(("KochBar Pro", ("Kochbar Pro",)),))
    result = Linter(config, {RULE: rules[RULE]}).check(Document(text, "t.txt"))
    assert result.findings == []


@pytest.mark.parametrize(("text", "token", "separated"), [
    ("Auf dem Tischund unter dem Stuhl lag Staub.", "Tischund", "Tisch und"),
    ("Der Regisseurund seine Frau kamen.", "Regisseurund", "Regisseur und"),
    ("Sie kam spät, undzwar ohne Schirm.", "undzwar", "und zwar"),
    ("Er fährt aufdie Insel.", "aufdie", "auf die"),
    ("Es istein Versuch.", "istein", "ist ein"),
])
def test_a_glued_function_word_is_separated(run_rule, text, token, separated):
    (finding,) = run_rule("words-glued-function-word", text)
    assert text[finding.offset:finding.offset + finding.length] == token
    assert finding.suggestions == (separated,)
    assert finding.safe_fix is None


@pytest.mark.parametrize("text", [
    "Der Vormund, der Verbund, die Liebhaber und der Befund.",
    "Indem er kam, nachdem sie ging, zudem spät, sodass alle warteten.",
    "Sigmund, Raimund und Osmund fuhren von Dortmund nach Stralsund.",
    "Die Erde ist kugelrund, der Tisch halbrund, der Hund gesund.",
    "Was verworren war, ist's fürder nicht.",
])
def test_words_that_end_or_start_like_a_function_word_are_not_flagged(flagged, text):
    assert flagged("words-glued-function-word", text) == []


def test_inner_capitals_in_a_list_of_versioned_products_are_names(flagged):
    text = "Im Einsatz: Kotlin, Gradle 8, StreamKit, Python 3 und Redis. Dann kamen beideTeams."
    assert flagged(RULE, text) == ["beideTeams"]

"""pronoun-gender (mtlint/checks/pronouns.py): "Es"/"Er" for a noun of another gender
in the sentence before, and the many places where such a pronoun is right."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Checkliste ist klar gegliedert. Es deckt alle Schritte ab.", ["Es"]),
        ("Die Timeline ist übersichtlich. Es listet alle Termine auf.", ["Es"]),
        ("Die Software läuft stabil. Es unterstützt alle gängigen Formate.", ["Es"]),
        ("KRITA ist eine Zeichensoftware. Es bietet viele Pinsel.", ["Es"]),
        ("Firefox ist ein freier Browser. Es lädt Seiten schnell.", ["Es"]),
        ("Der Akku hält lange. Es lädt in zwei Stunden.", ["Es"]),
        ("Die Kamera ist leicht. Er passt in jede Tasche.", ["Er"]),
        # Right: the pronoun fits, or a noun of its gender stands in the sentence before.
        ("Die Checkliste ist klar gegliedert. Sie deckt alle Schritte ab.", []),
        ("Die Firma baut ein neues Werk. Es entsteht in Sachsen.", []),
        ("Die Kamera liegt im Regal neben dem Buch. Es enthält viele Bilder.", []),
        ("Die Chefin lobt den Praktikanten. Er freut sich.", []),
        # Impersonal and anticipating "es".
        ("Die Checkliste ist klar gegliedert. Es gibt drei Kapitel.", []),
        ("Die Lage ist ernst. Es geht um viel Geld.", []),
        ("Die Wahl ist vorbei. Es zeigt sich, dass die Umfragen falsch lagen.", []),
        ("Die Party ist vorbei. Es freut uns, dass alle kamen.", []),
        ("Die Stadt ist voll. Es erwartet Sie ein buntes Programm.", []),
        ("Die Reise ist lang. Es kamen viele Gäste.", []),
        ("Die Antwort ist einfach. Es bleibt dabei.", []),
        ("Die Zeit drängt. Es wird spät.", []),
        ("Die Wahrheit ist: Es regnet seit Tagen.", []),
        # "das", "man" and names may be what the pronoun stands for.
        ("Die Tür klemmt, das nervt. Es stört alle.", []),
        ("Die Ärztin ruft Herrn Meier an. Er kommt morgen.", []),
        ("Die Stimmung ist gut, man feiert. Er tanzt.", []),
        # The subject of the sentence before is not at its start.
        ("Gestern kam die Lieferung. Es enthält alles.", []),
        # After a connecting adverb and the verb.
        ("Die Checkliste ist kurz. Außerdem deckt es alle Schritte ab.", ["es"]),
        ("Die Checkliste ist kurz. Außerdem gibt es eine Kurzfassung.", []),
        ("Die Checkliste ist kurz. Dabei handelt es sich um einen Entwurf.", []),
        # A noun of the pronoun's gender earlier in the paragraph.
        ("Das Handy ist neu. Die Kamera ist gut. Es lädt schnell.", []),
        # A new paragraph may start with anyone.
        ("Die Emanzipation kam spät.\n\nEr trat aus der Kirche aus.", []),
    ],
)
def test_pronoun_gender(flagged, text: str, expected: list[str]) -> None:
    assert flagged("pronoun-gender", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir bieten eine Lösung, das alle Probleme löst.", ["das"]),
        ("Er kaufte einen Drucker, die kaum Strom braucht.", ["die"]),
        ("Wir bieten eine Lösung, die alle Probleme löst.", []),
        # The noun the clause refers to may stand further back.
        ("Das ist das Haus meiner Tante, das am See liegt.", []),
        ("Die Mitarbeiter der Firma, die dort arbeiten, sind zufrieden.", []),
        # Enumerations, demonstratives and infinitives.
        ("Er kaufte den Hund, die neue Katze und das Pferd.", []),
        ("Redlicher Freund, das kann ich dir sagen.", []),
        ("Es bringt keinen Lohn, das zu tun, was andere erwarten.", []),
        ("Er spart Zeit, das heißt Geld.", []),
        # Names may be anything.
        ("Wir nutzen Firefox, das schnell lädt.", []),
        # "dem", "den", "dessen" show their case: the noun's gender in that case.
        ("Er traf eine Frau, dem er vertraute.", ["dem"]),
        ("Er las ein Buch, dessen Ende offen bleibt.", []),
        ("Er las eine Novelle, dessen Ende offen bleibt.", ["dessen"]),
        # The clause refers to the phrase before its comma, not to any earlier noun.
        ("Im Buch steht eine Anleitung, das jeder versteht.", ["das"]),
        ("Auf dem Dach sitzt ein Vogel, das laut singt.", ["das"]),
        # ... or to the noun that phrase is a genitive or prepositional attribute of.
        ("Er las ein Buch über den Krieg, das ihn bewegte.", []),
        ("Sie las den Bericht der Kommission, der sie überzeugte.", []),
        ("Er kaufte ein Haus mit drei Zimmern, das am Wald liegt.", []),
        ("Es fehlt ein Maß für den Lohn oder für die Mühe einer Arbeit, das jeder kennt.", []),
        # After a copula the subject before it may be meant; an unknown word before
        # the noun leaves the phrase not understood.
        ("Ein Rätsel ist diese Stadt, das niemand löst.", []),
        ("Das war ein Irrtum meiner jungen Jahre, den ich bereue.", []),
        ("Das war ein Irrtum meiner jungern Jahre, den ich bereue.", []),
        # Coordinated nouns take the plural.
        ("Er füttert den Hund und das Pferd, die im Hof stehen.", []),
        # "der" as a pronoun before a noun of another gender; a main clause after a comma.
        ("Oft hat auch der Recht, der schweigt.", []),
        ("Es tut gut, das eigene Gefühl, der Freund könnte recht haben, zu prüfen.", []),
    ],
)
def test_relative_pronoun_gender(flagged, text: str, expected: list[str]) -> None:
    assert flagged("relative-pronoun-gender", text) == expected


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Er traf eine Frau, dem er vertraute.", "der"),
        ("Er las eine Novelle, dessen Ende offen bleibt.", "deren"),
        ("Wir nutzen eine Methode, welches Zeit spart.", "welche"),
        ("Wir bieten eine Lösung, das alle Probleme löst.", "die"),
    ],
)
def test_relative_pronoun_gender_suggests_form_in_case(run_rule, text: str,
                                                       suggestion: str) -> None:
    (finding,) = run_rule("relative-pronoun-gender", text)
    assert finding.suggestions == (suggestion,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Matte ist weich, und seine Oberfläche ist rau.", ["seine"]),
        ("Die Kamera ist leicht. Sein Gehäuse ist aus Metall.", ["Sein"]),
        ("Das Programm startet schnell, aber ihre Oberfläche wirkt alt.", ["ihre"]),
        ("Die Kamera überzeugt durch seinen schnellen Autofokus.", ["seinen"]),
        ("Die Matte ist weich, und ihre Oberfläche ist rau.", []),
        # Another owner of the possessive's gender stands before it.
        ("Die Trainerin lobt den Spieler für seinen Einsatz.", []),
        ("Der Trainer kam spät. Die Mannschaft lobte seine Taktik.", []),
        ("Die Ministerin lobte niemanden für seinen Einsatz.", []),
        ("Die Stadt ehrt die Tugend des Tapferen mehr als seine Klugheit.", []),
        # A paragraph's first sentence may refer to the one before.
        ("Der Trainer kam spät.\n\nDie Mannschaft lobte seine Taktik.", []),
        # Plural and coordinated subjects, generic owners, capitalised address.
        ("Die Lehrer loben ihre Schüler.", []),
        ("Der Lehrer und die Schülerin lesen ihre Texte vor.", []),
        ("Die Kunst, seine Zeit klug zu nutzen, ist selten.", []),
        ("Die Kenntnis seiner Grenzen macht klug.", []),
        ("Das Programm startet schnell. Ihre Daten bleiben auf Ihrem Rechner.", []),
        ("Die Antwort kann sein, dass alles gut geht.", []),
        # Any owner earlier in the paragraph.
        ("Peter ist Lehrer. Die Schule ist klein. Die Arbeit prägt sein Leben.", []),
    ],
)
def test_possessive_gender(flagged, text: str, expected: list[str]) -> None:
    assert flagged("possessive-gender", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich kaufte wieder eine Thermoskanne. Es ist derselbe, den ich hatte.",
         ["derselbe"]),
        ("Wir buchen wieder das alte Hotel. Es ist dieselbe wie letztes Jahr.",
         ["dieselbe"]),
        # Nouns of two genders before it: which one is meant is unclear.
        ("Wir buchen wieder das Hotel am Markt. Es ist dieselbe wie letztes Jahr.", []),
        ("Ich kaufte wieder eine Thermoskanne. Es ist dieselbe, die ich hatte.", []),
        # A determiner before its noun, a pronoun or name it may stand for.
        ("Ich kaufte wieder eine Thermoskanne. Es ist derselbe Hersteller.", []),
        ("Die Stadt hat sich verändert. Er ist derselbe geblieben.", []),
        ("Die Stadt hat sich verändert. Tom ist derselbe geblieben.", []),
        ("Die Lage ist ernst. Alle sagen dasselbe.", []),
    ],
)
def test_same_pronoun_gender(flagged, text: str, expected: list[str]) -> None:
    assert flagged("same-pronoun-gender", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of a subordinate clause, right after its conjunction.
        ("Die Software ist beliebt, weil es schnell lädt.", ["es"]),
        ("Die Brücke ist alt. Man sperrt sie, sobald er zu schwanken beginnt.", []),
        ("Die Heizung ist neu. Ich weiß, dass er leise läuft.", ["er"]),
        ("Die Firma wächst, weil es darauf ankommt.", []),
        ("Die Firma ist klein, wenn es regnet.", []),
        ("Die Firma plant, dass es bald ein Werk gibt.", []),
        ("Die Regierung befürchtet, dass es eskaliert.", []),  # es: the situation
        ("Die Firma wächst, weil es gebaut wird.", []),  # an auxiliary at the end
        # Object pronouns that show their gender.
        ("Die Schaufel steht draußen. Holen Sie ihn bitte.", ["ihn"]),
        ("Die Schaufel steht im Keller. Der Hausmeister holt ihn.", []),
        ("Die Schaufel steht im Keller. Wenn Sie ihn fragen, holt der Hausmeister sie.",
         []),
        # A plural subject.
        ("Die Kopfhörer sind leicht. Es sitzt bequem.", ["Es"]),
        ("Die Kopfhörer sind leicht. Er trägt sie gern.", []),
        ("Die Lehrerin ist streng. Es bleibt still.", []),
        # The last noun phrase after a sentence whose subject is "wir", "ich", "Sie".
        ("Wir haben die Waage geprüft. Es wiegt sehr genau.", ["Es"]),
        ("Ich kaufte mir eine Jacke und ein Hemd. Es passt gut.", []),
        ("Das Beste ist eine Pause. Es hilft immer.", []),
    ],
)
def test_pronoun_gender_widened(flagged, text: str, expected: list[str]) -> None:
    assert flagged("pronoun-gender", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Kopfhörer sind leicht, und seine Polster sind weich.", ["seine"]),
        ("Die Kopfhörer sind leicht, und ihre Polster sind weich.", []),
        ("Die Lehrerinnen loben den Schüler für seinen Fleiß.", []),
    ],
)
def test_possessive_gender_plural_subject(flagged, text: str, expected: list[str]) -> None:
    assert flagged("possessive-gender", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Matte schützt ihn vor Kälte.",
        "Die Matte, die ich ihm schenkte, ist weich.",
        "Die Lampe, mit der ich ihn weckte, ist hell.",
    ],
)
def test_object_pronoun_not_the_subject_of_its_clause(flagged, text: str) -> None:
    assert flagged("pronoun-gender", text) == []


def test_object_pronoun_in_a_later_clause(flagged) -> None:
    assert flagged("pronoun-gender", "Die Matte ist weich, wenn Sie ihn ausrollen.") == ["ihn"]

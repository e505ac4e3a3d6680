"""Edge cases of the verb-second rule (mtlint/checks/word_order.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In den letzten Jahren, Microsoft und OpenAI haben sich stark angenähert.",
         [", Microsoft und OpenAI haben"]),
        ("Im Jahr 2023, das Unternehmen hat seinen Umsatz verdoppelt.",
         [", das Unternehmen hat"]),
        ("Laut einem Bericht der Zeitung, Apple plant ein eigenes Suchprogramm.",
         [", Apple plant"]),
        ("Um die Kosten zu senken, der Konzern streicht tausend Stellen.",
         [", der Konzern streicht"]),
        ("Nachdem die Zahlen veröffentlicht wurden, die Aktie fiel um zehn Prozent.",
         ["die Aktie fiel"]),
        ("Trotz der hohen Kosten, wir investieren weiter in neue Rechenzentren.",
         [", wir investieren"]),
        ("Als Ergebnis, die Aktie des Konzerns fiel deutlich.",
         [", die Aktie des Konzerns fiel"]),
        ("Während der Pandemie, viele Unternehmen haben auf die Cloud gesetzt.",
         [", viele Unternehmen haben"]),
        ("Heute, Microsoft ist einer der größten Investoren von OpenAI.", [", Microsoft ist"]),
        ("Interessanterweise, das Unternehmen hat keine Stellungnahme abgegeben.",
         [", das Unternehmen hat"]),
        ("Nach der Ankündigung, die Aktien von Nvidia stiegen um fünf Prozent.",
         [", die Aktien von Nvidia stiegen"]),
        # Long subjects: names, numbers, foreign words and attributes inside; verbs
        # that are also participles or adjectives ("verpflichtete", "erhöht").
        ("Nach monatelangen Verhandlungen, der Verein Borussia Mönchengladbach "
         "verpflichtete den Stürmer.",
         [", der Verein Borussia Mönchengladbach verpflichtete"]),
        ("Bei genauerem Hinsehen, das Galaxy S24 Ultra bietet mehr Speicher.",
         [", das Galaxy S24 Ultra bietet"]),
        ("Im Jahr 2023, die Preise für Strom und Gas stiegen deutlich.",
         [", die Preise für Strom und Gas stiegen"]),
        ("Auf den ersten Blick, die neue Version wirkt aufgeräumt.",
         [", die neue Version wirkt"]),
        ("Laut einer neuen Studie, der Konsum von Zucker erhöht das Risiko.",
         [", der Konsum von Zucker erhöht"]),
        ("Seit dem Update auf iOS 17, das iPhone 15 Pro verbraucht weniger Strom.",
         [", das iPhone 15 Pro verbraucht"]),
        ("Während der Sitzung, die Abgeordneten der Grünen verließen den Saal.",
         [", die Abgeordneten der Grünen verließen"]),
        ("Nach Angaben der Polizei, ein 34-jähriger Mann aus Köln wurde festgenommen.",
         [", ein 34-jähriger Mann aus Köln wurde"]),
        ("Im Test, das Pixel 8 Pro von Google überzeugt mit einer starken Kamera.",
         [", das Pixel 8 Pro von Google überzeugt"]),
        ("Im Rahmen der Studie, die Forscher der Universität Oxford untersuchten "
         "500 Patienten.", [", die Forscher der Universität Oxford untersuchten"]),
        ("Bei der Pressekonferenz, der Minister für Gesundheit Karl Lauterbach kündigte "
         "Reformen an.", [", der Minister für Gesundheit Karl Lauterbach kündigte"]),
        ("In Zukunft, die Kunden von eBay können mit PayPal bezahlen.",
         [", die Kunden von eBay können"]),
        ("Bei den Olympischen Spielen in Paris, die deutsche Mannschaft gewann zwölf "
         "Medaillen.", [", die deutsche Mannschaft gewann"]),
        ("Nach der Wahl, der neue Ministerpräsident des Landes Sachsen-Anhalt aus "
         "Magdeburg kündigte Reformen an.",
         [", der neue Ministerpräsident des Landes Sachsen-Anhalt aus Magdeburg kündigte"]),
        ("Nach dem Erfolg der ersten Staffel, die Serie „The Crown“ geht in die "
         "nächste Runde.", [", die Serie „The Crown“ geht"]),
        ("Laut Experten, eine ausgewogene Ernährung senkt das Risiko.",
         [", eine ausgewogene Ernährung senkt"]),
        ("Im Jahr 2022, Apples neues iPhone verkaufte sich schlechter.",
         [", Apples neues iPhone verkaufte"]),
        ("Nach dem Spiel, der Trainer und die Spieler jubelten lange.",
         [", der Trainer und die Spieler jubelten"]),
        # verb second, correctly
        ("Im Jahr 2023 stiegen die Preise für Strom und Gas deutlich.", []),
        ("Als Reaktion begann Microsoft, Talente abzuwerben.", []),
        ("In der Stadt, die am Meer liegt und viele Touristen hat, wohnt er.", []),
        ("In den letzten Jahren haben sich Microsoft und OpenAI angenähert.", []),
        ("Nachdem die Zahlen veröffentlicht wurden, fiel die Aktie.", []),
        # enumerations, appositions, relative clauses, set-off words, resumptions
        ("Für Microsoft, Google und Apple ist das ein Problem.", []),
        ("Im Jahr 2023, dem Jahr der KI, hat das Unternehmen expandiert.", []),
        ("In den Jahren, die folgten, wuchs die Firma.", []),
        # relative clauses end with their verbs, however long the subject looks
        ("Am Morgen, der regnerisch begann, fuhren wir los.", []),
        ("Im Jahr 2023, das als Rekordjahr gilt, stiegen die Preise.", []),
        ("Nach dem Spiel, das die Bayern verloren, erklärte der Trainer alles.", []),
        ("Im Finale, das die Bayern mit 2:1 gewannen, schoss Kane zwei Tore.", []),
        ("In der Studie, die Forscher der Charité durchgeführt haben, zeigte sich "
         "ein klarer Effekt.", []),
        ("Nach der Operation, die der Arzt empfohlen hatte, ging es ihm besser.", []),
        ("Beim Test, den die Stiftung Warentest veröffentlichte, schnitt das Gerät gut ab.",
         []),
        ("Im Gegensatz zum Vorgänger, der nur 8 GB Speicher bot, hat das neue Modell "
         "16 GB.", []),
        # insertions, appositions in the nominative, a subject after the verb
        ("Im Jahr 2023, also vor der Wahl, stiegen die Preise.", []),
        ("Im Jahr 2023, ein Jahr nach der Wahl, stiegen die Preise.", []),
        ("Seit Jahren, die Zahlen belegen es, steigen die Preise.", []),
        ("Im Urlaub, die Kinder waren noch klein, fuhren wir oft ans Meer.", []),
        ("Nach dem Essen, die Kinder spielten draußen, tranken wir Kaffee.", []),
        # an enumeration that goes on in the fronted phrase's case
        ("Trotz der Kritik, der Proteste und der Klagen hält die Regierung am Plan fest.",
         []),
        ("In der Küche, dem Bad und dem Flur liegen neue Fliesen.", []),
        # verse: a capital after the comma starts a line
        ("In Bamberg und in Würzburg machts Spektakel, Die Handlung rufet laut.", []),
        ("Auf den ersten Blick, so der Kritiker, wirkt die neue Version aufgeräumt.", []),
        ("In kleinen Städten, Hof weiß man das.", []),
        ("Mit anderen Worten, das Projekt ist gescheitert.", []),
        ("Im Gegenteil, ich halte das für richtig.", []),
        ("Nein, das stimmt nicht.", []),
        ("Mit 50 Talent zu haben, darauf kommt es an.", []),
        ("Wenn ich sage, man nehme sich Zeit, meine ich das ernst.", []),
        ("Er kam nach Hause, sie ging.", []),
        ("Im Prinzip ja, allerdings erfolgt die Lieferung später.", []),
        ("Weil der Prinz ein intelligenter, gutaussehender Single ist.", []),
        ("„Wir sind bereit“, sagte Altman, die Zukunft gehört uns.", []),
        ("Nach dem Spiel, „die Mannschaft hat gekämpft“, sagte der Trainer.", []),
        ("Nach dem Spiel, „die Mannschaft kämpft immer“ sagte der Trainer.", []),
    ],
)
def test_verb_third(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-verb-third", text) == expected


def test_suggestion_moves_the_verb_and_drops_the_comma(run_rule) -> None:
    finding = run_rule("word-order-verb-third", "Im Jahr 2023, das Unternehmen hat gewonnen.")[0]
    assert finding.suggestions == (" hat das Unternehmen",)
    assert finding.fix is not None and finding.to_json().get("fix") is None  # unsafe


def test_suggestion_after_a_clause_keeps_the_comma(run_rule) -> None:
    text = "Als die Zahlen kamen, die Aktie fiel deutlich."
    finding = run_rule("word-order-verb-third", text)[0]
    assert finding.suggestions == ("fiel die Aktie",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich denke, dass die Matte wäre die beste Wahl.", ["die Matte wäre die beste Wahl"]),
        ("Wir wissen, dass es gibt viele Möglichkeiten.", ["es gibt viele Möglichkeiten"]),
        ("Er hofft, dass die neue Version bietet mehr Speicher, als er braucht.",
         ["die neue Version bietet mehr Speicher"]),
        ("Sie hat so viel gespart, so dass sie ein Haus kaufen kann.", []),
        # Verb-final clauses, with verb clusters and commas.
        ("Ich denke, dass die Matte die beste Wahl wäre.", []),
        ("Er sagt, dass die Preise steigen werden, weil das Öl knapp ist.", []),
        ("Man sieht, dass man sehen kann, wie es geht.", []),
        # Extraposed comparisons and coordinated clauses are German.
        ("Ich glaube, dass die Preise höher sind als im Vorjahr.", []),
        ("Er sagt, dass er kommt und sie geht.", []),
        # "weil" takes verb second in speech, with a pronoun; quotations are not checked.
        ("Er kam nicht, weil er hatte keine Zeit.", []),
        ("Er kam nicht, weil das war zu viel.", []),
        ("Wir warten, weil die Lage ist ernst.", ["die Lage ist ernst"]),
        ("Das Werk bleibt zu, obwohl die Nachfrage ist groß.",
         ["die Nachfrage ist groß"]),
        # Other conjunctions whose clause ends with its verb.
        ("Rufen Sie an, wenn der Drucker zeigt einen Fehler.", ["der Drucker zeigt einen Fehler"]),
        ("Sie sparen Zeit, indem das Programm sortiert die Dateien.",
         ["das Programm sortiert die Dateien"]),
        ("Rufen Sie an, wenn der Drucker einen Fehler zeigt.", []),
        # An extraposed question.
        ("Wenn ich wüsste warum, wüsste ich es.", []),
        ("Sie sagte: „Ich weiß, dass es gibt keinen Ausweg.“", []),
        # "ob" without a comma is not a conjunction here ("ob der Sache").
        ("Er war ob der Sache verärgert und ging.", []),
    ],
)
def test_subordinate_verb_second(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-subordinate-verb-second", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am Ende des Tages, es macht Sinn, früh zu buchen.", [", es macht"]),
        ("Im Jahr 2023, es gab mehr als 100 neue Modelle.", [", es gab"]),
        ("Nach Angaben der Firma, mehr als 300 Millionen Menschen nutzen die App.",
         [", mehr als 300 Millionen Menschen nutzen"]),
        ("Aus Angst, es könnte regnen, blieb er zu Hause.", []),
        ("In der Hoffnung, es werde besser, wartete sie.", []),
        ("Aus Angst, es ist zu spät, rannte er los.", []),
    ],
)
def test_verb_third_with_es_and_amounts(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-verb-third", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir tun alles, um zu verbessern die Qualität.", ["zu verbessern die Qualität"]),
        ("Er ging, ohne zu bezahlen seine Rechnung.", ["zu bezahlen seine Rechnung"]),
        ("Sie kämpft, um anzubieten einen fairen Preis.", ["anzubieten einen fairen Preis"]),
        ("Wir tun alles, um die Qualität zu verbessern.", []),
        ("Man spricht viel, um zu versagen; der andere hört nur das Nein.", []),
        ("Um zu gewinnen, braucht man Glück.", []),
        ("Sie kam, um zu bleiben.", []),
    ],
)
def test_infinitive_object(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-infinitive-object", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Riffe sind bekannt, während die Strände werden tagsüber genutzt.",
         ["die Strände werden tagsüber genutzt"]),
        ("Er weiß, dass die Firma hat die Preise erhöht.", ["die Firma hat die Preise erhöht"]),
        ("Die Riffe sind bekannt, während die Strände tagsüber genutzt werden.", []),
        ("Während des Tages, als die Sonne schien, schliefen wir.", []),
        ("Er weiß, dass die Firma die Preise erhöht hat.", []),
    ],
)
def test_subordinate_verb_second_with_auxiliary(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-subordinate-verb-second", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wenn Sie Fragen haben, Sie können uns jederzeit anrufen.", ["Sie können"]),
        ("Falls das Paket fehlt, der Kundendienst hilft Ihnen weiter.",
         ["der Kundendienst hilft"]),
        ("Wenn Sie Fragen haben, können Sie uns anrufen.", []),
        ("Wenn Sie Fragen haben, dann rufen Sie uns an.", []),
        ("Wenn du glaubst, ich bin dumm, irrst du dich.", []),
        ("Wenn sie dir befehlen, du sollst gehen, bleib.", []),
        ("Wenn wir auch zweifeln, die Hoffnung bleibt.", []),
        ("Wenn jemand spricht, er habe recht, hört keiner zu.", []),
    ],
)
def test_verb_third_after_conditional(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-verb-third", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In der Chemie, Katalyse (von griechisch katálysis) ist die Beschleunigung einer "
         "Reaktion.", [", Katalyse (von griechisch katálysis) ist"]),
        ("In Berlin, Hamburg (Hafen) und München gibt es Messen.", []),
        ("In der Chemie ist Katalyse (von griechisch katálysis) die Beschleunigung.", []),
    ],
)
def test_verb_third_with_a_bracket_after_the_subject(
    flagged, text: str, expected: list[str]
) -> None:
    assert flagged("word-order-verb-third", text) == expected


def test_verb_third_suggestion_keeps_the_bracket(run_rule) -> None:
    text = "In der Chemie, Katalyse (griechisch) ist die Beschleunigung einer Reaktion."
    finding = run_rule("word-order-verb-third", text)[0]
    assert finding.suggestions == (" ist Katalyse (griechisch)",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deshalb wir haben das Produkt entwickelt.", [" wir haben"]),
        ("Außerdem die Firma bietet viele Kurse an.", [" die Firma bietet"]),
        ("Heute viele Menschen nutzen das Internet.", [" viele Menschen nutzen"]),
        ("Dann Sie müssen auf Speichern klicken.", [" Sie müssen"]),
        # Set phrases fill the first place alone too.
        ("In der Regel die Kunden zahlen sofort.", [" die Kunden zahlen"]),
        ("Zum Glück wir haben noch Zeit.", [" wir haben"]),
        ("In der Regel zahlen die Kunden sofort.", []),
        ("In der Regel der Firma steht das anders.", []),
        # Verb second, focus particles that belong to the subject, one adverbial of time.
        ("Deshalb haben wir das Produkt entwickelt.", []),
        ("Auch wir haben das Produkt entwickelt.", []),
        ("Bereits die Römer kannten den Beton.", []),
        ("Heute Abend beginnt die Saison.", []),
        # No finite verb after the phrase.
        ("Heute die Firma, morgen die ganze Welt.", []),
    ],
)
def test_verb_third_without_comma(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-verb-third", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Es gibt eine Übersicht, was enthält die Preise aller Tarife.",
         ["enthält die Preise aller Tarife"]),
        ("Wir suchen einen Partner, welcher betreut unsere Kunden.",
         ["betreut unsere Kunden"]),
        ("Es gibt eine Übersicht, welche die Preise aller Tarife enthält.", []),
        ("Sag mir, was kostet das Ticket?", []),  # a question
        ("Er tat, was die Eltern sagten.", []),
        ("Sie kennt den Mann, der hat ein Boot.", []),  # a demonstrative
    ],
)
def test_relative_clause_verb_second(flagged, text: str, expected: list[str]) -> None:
    assert flagged("word-order-subordinate-verb-second", text) == expected

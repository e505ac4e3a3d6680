"""Edge cases of the missing-verb rules (mtlint/checks/verbs.py)."""

from __future__ import annotations

import pytest

from mtlint.checks.verbs import could_be_finite, has_finite_verb


@pytest.mark.parametrize(
    ("text", "flagged_sentence"),
    [
        ("Die jüngsten Bemühungen von OpenAI um mehr Unabhängigkeit von seinen wichtigsten "
         "Geldgebern.", True),
        ("Eine Partnerschaft mit weitreichenden Folgen für die Branche und ihre "
         "Kunden in ganz Europa.", True),
        ("Ein entscheidender Schritt für die Zukunft der gesamten Branche und ihrer "
         "Kunden weltweit.", True),
        # verbs the tagger knows only from context or as other word classes
        ("Die Anleger der Branche verpestet das Klima mit ihren Forderungen nach "
         "schnellen Gewinnen.", False),
        ("Die Investitionen von Microsoft in die Infrastruktur wachsen von Jahr zu Jahr "
         "weiter.", False),
        # deliberately verbless forms
        ("Hier ein paar Beispiele für die Verwendung der neuen Funktionen im Alltag.", False),
        ("Je größer die Insel des Wissens, desto länger die Küste der Verzweiflung.", False),
        ("Alkohol - der Ursprung und die Lösung sämtlicher Probleme des Lebens.", False),
        ("Fazit: Eine wegweisende Partnerschaft mit vielen offenen Fragen für beide "
         "Seiten.", False),
        ("Was für eine lange und völlig unerwartete Wendung in dieser Geschichte!", False),
        ("Ein kurzer Satz ohne Verb.", False),
    ],
)
def test_verb_missing(flagged, text: str, flagged_sentence: bool) -> None:
    assert flagged("verb-missing", text) == ([text] if flagged_sentence else [])


@pytest.mark.parametrize(
    ("text", "flagged_sentence"),
    [
        # the main clause lost its verb, a relative or subordinate clause kept one
        ("Die Kunden, die früher bestellt hatten, einen Rabatt von zehn Prozent.", True),
        ("Das Museum, das am Hafen liegt, unbedingt einen Besuch wert.", True),
        ("Wer früh bucht, deutlich günstigere Preise.", True),
        ("Der Stürmer, der in der Hinrunde zwölf Tore erzielt hatte, nach der Pause nur "
         "noch auf der Bank.", True),
        ("Patienten, die regelmäßig Sport treiben, ein deutlich geringeres Risiko für "
         "Herzerkrankungen.", True),
        ("Obwohl die Regierung neue Hilfen angekündigt hat, die Opposition weiterhin "
         "skeptisch.", True),
        ("Das Smartphone, das ab Freitag im Handel erhältlich ist, eine Akkulaufzeit von "
         "zwei Tagen.", True),
        ("Die Serie, die im Herbst auf Netflix startet, eine zweite Staffel mit acht "
         "Folgen.", True),
        ("Nachdem die Mannschaft das Spiel verloren hatte, der Trainer sichtlich enttäuscht.",
         True),
        ("Die Studie, an der 500 Patienten teilnahmen, ein klares Ergebnis für die Forscher.",
         True),
        ("Die Tatsache, dass die Preise steigen, ein großes Problem für viele Familien.", True),
        ("Die Forscher, deren Studie im Fachblatt erschien, einen neuen Ansatz gegen "
         "Alzheimer.", True),
        ("Wenn die Zentralbank die Zinsen senkt, die Kredite für Häuslebauer günstiger.", True),
        # complete sentences, deliberate ellipsis, verse
        ("Die Kunden, die früher bestellt hatten, erhalten einen Rabatt von zehn Prozent.",
         False),
        ("Ein Schritt, der längst überfällig war und viele Menschen erleichtert.", False),
        ("Wie erwartet, keine Änderung bei den Zinsen in diesem Monat.", False),
        ("Falls Sie Fragen haben, einfach beim Kundendienst anrufen.", False),
        ("Die Kunden, die bestellt hatten, und die Händler, die geliefert hatten.", False),
        ("Je mehr man darüber weiß, desto weniger glaubt man.", False),
        ("Mit einer Membran, die alles außer Löwen durchlässt, siebt man die Wüste durch.",
         False),
        ("Wenn durch das Land die Grippe saust, es meiner ganzen Sippe graust.", False),
        ("Die Heiden haben das Leben vergöttert, die Christen den Tod.", False),
        ("Warum heißt sie so? Weil sie durch die Wüste läuft, mal hierhin, mal dahin.",
         False),
        ("Der Plan, der im Mai vorgestellt wurde, sieht neue Radwege vor.", False),
        ("Als der letzte Arzt dahingerafft war, entschwand die Seuche.", False),
        ("Die Zeit, die man im Wartezimmer verbringt würde reichen, um Medizin zu studieren.",
         False),
        ("Ein Film über zwei Brüder, der Kritiker und Publikum gleichermaßen begeistert.",
         False),
        ("Nach einem Spiel, das die Fans nicht vergessen werden, die große Enttäuschung.",
         False),
        ("Neue Funktionen, die das Leben erleichtern, vor allem eine bessere Suche.", False),
        ("Was danach kommt, weiß heute noch niemand so genau.", False),
        ("Was die Kosten angeht, keine Überraschungen für die Kunden.", False),
        ("Wie der Verein am Montag mitteilte, fällt der Kapitän drei Wochen aus.", False),
    ],
)
def test_verb_missing_in_main_clause(flagged, text: str, flagged_sentence: bool) -> None:
    assert flagged("verb-missing", text) == ([text] if flagged_sentence else [])


def test_verb_missing_leaves_headings_and_list_items_alone(flagged) -> None:
    text = ("Die wichtigsten Neuerungen der kommenden Version im Überblick für alle Nutzer\n\n"
            "- Eine neue Oberfläche mit besserer Übersicht für alle wichtigen Funktionen.\n"
            "- Schnellere Suche in allen Dokumenten und E-Mails des gesamten Teams.\n")
    assert flagged("verb-missing", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # perfect tense with an adverbial of a past event, participle lost
        ("Google hat gestern eine neue Version seines Modells in den USA.",
         ["hat gestern eine neue Version seines Modells in den USA"]),
        ("Vor zwei Jahren hat der Konzern ein Werk in Ungarn, das inzwischen läuft.",
         ["hat der Konzern ein Werk in Ungarn"]),
        ("Die Firma könnte die neuen Funktionen schon bald in ihre Produkte.",
         ["könnte die neuen Funktionen schon bald in ihre Produkte"]),
        ("Die Partnerschaft könnte dem Unternehmen den Zugang zu Googles Cloud.",
         ["könnte dem Unternehmen den Zugang zu Googles Cloud"]),
        # full verbs and closed brackets
        ("OpenAI hat ein Büro in Bellevue.", []),
        ("OpenAI hat kürzlich ein Büro in Bellevue, nicht weit vom Hauptsitz, eröffnet.", []),
        ("Er hatte gestern frei und war vorgestern krank.", []),
        ("Das ist ja wie damals.", []),
        ("Er ist heute klüger als gestern.", []),
        ("Microsoft könnte die Modelle bald in seine Produkte integrieren.", []),
        ("Die Pakete, die genutzt werden könnten, stehen in der Liste.", []),
        ("Das sollte man nur dann tun, wenn es nötig ist.", []),
        ("Könnte der Konflikt vor Gericht enden?", []),
    ],
)
def test_verb_bracket_open(flagged, text: str, expected: list[str]) -> None:
    assert flagged("verb-bracket-open", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # haben as an auxiliary whose participle got lost, subject first
        ("Der Konzern hat seine Prognose bereits im Juli.",
         ["hat seine Prognose bereits im Juli"]),
        ("Die Stadt hatte die Genehmigung schon 2021.", ["hatte die Genehmigung schon 2021"]),
        ("Samsung hat die Akkulaufzeit spürbar.", ["hat die Akkulaufzeit spürbar"]),
        ("Die Notenbank hat den Leitzins erneut.", ["hat den Leitzins erneut"]),
        ("Die Klinik hat ihr Angebot für Diabetiker erheblich.",
         ["hat ihr Angebot für Diabetiker erheblich"]),
        ("Im Juli hat der Konzern seine Prognose deutlich.",
         ["hat der Konzern seine Prognose deutlich"]),
        ("Die Regierung hat dem Verband eine Förderung von zwei Millionen Euro.",
         ["hat dem Verband eine Förderung von zwei Millionen Euro"]),
        ("Die Ministerin hat dem Parlament einen neuen Entwurf.",
         ["hat dem Parlament einen neuen Entwurf"]),
        ("Der Verein hatte seinem Trainer einen Vertrag über drei Jahre.",
         ["hatte seinem Trainer einen Vertrag über drei Jahre"]),
        ("Netflix hat die Serie bereits Anfang März.", ["hat die Serie bereits Anfang März"]),
        ("Der Trainer hat der Mannschaft nach dem Spiel einen freien Tag.",
         ["hat der Mannschaft nach dem Spiel einen freien Tag"]),
        ("Der Konzern hat der Konkurrenz einiges voraus.", []),
        # the size of a change
        ("Die Bank hat den Leitzins um einen Prozentpunkt.",
         ["hat den Leitzins um einen Prozentpunkt"]),
        ("Der Konzern hatte seinen Umsatz um zwölf Prozent.",
         ["hatte seinen Umsatz um zwölf Prozent"]),
        ("Die Regierung will die Mehrwertsteuer von 19 auf 16 Prozent.",
         ["will die Mehrwertsteuer von 19 auf 16 Prozent"]),
        ("Er hat einen Termin um 10 Uhr.", []),
        ("Der Fonds hat eine Rendite von fünf Prozent.", []),
        ("Das Modell hat eine um zehn Prozent höhere Leistung.", []),
        ("Der Chef hat der Form halber einen Brief.", []),
        ("Den größten Anteil hat der Konzern an den Erlösen.", []),
        ("Der Vater hat der Tochter zuliebe einen Hund.", []),
        # indicative modals with the same signs (not the time point)
        ("Die Regierung will die Steuern für Familien deutlich.",
         ["will die Steuern für Familien deutlich"]),
        ("Der neue Prozessor kann die Leistung des Laptops spürbar.",
         ["kann die Leistung des Laptops spürbar"]),
        ("Die App soll dem Nutzer einen besseren Überblick.",
         ["soll dem Nutzer einen besseren Überblick"]),
        ("Ich will das Geld schon im Juli.", []),
        ("Er will dem Kind ein Eis kaufen.", []),
        ("Der Unterschied wird den Kunden deutlich.", []),
        # haben as a full verb, or with its participle
        ("Die Firma hat bereits einen Nachfolger.", []),
        ("Er hat heute frei.", []),
        ("Sie hat es eilig.", []),
        ("Das Auto hat vier Türen.", []),
        ("Der Verein hatte 2021 Probleme.", []),
        ("Sie hat die Unterlagen vollständig.", []),
        ("Er hat den Sieg schon im Sack.", []),
        ("Das Team hat den Titel bereits im Blick.", []),
        ("Die Mannschaft hat ihr nächstes Spiel am Samstag.", []),
        ("Die Stadt hat dem Vernehmen nach einen neuen Bürgermeister.", []),
        ("Das Gerät hat einem Test zufolge eine lange Laufzeit.", []),
        ("Das Land hat dem Rest der Welt eine Lektion voraus.", []),
        ("Der Film hat dem Publikum eine Menge zu bieten.", []),
        ("Wir haben dem nichts hinzuzufügen.", []),
        ("Er hat in dem Haus eine Wohnung.", []),
        ("Samsung hat die Akkulaufzeit spürbar verlängert.", []),
        ("Die Regierung hat dem Verband eine Förderung zugesagt.", []),
        ("Das Hotel hat einem Gast, der sich beschwert hatte, einen Gutschein geschenkt.", []),
        ("Die Aktie hat ihren Wert behalten, die Konkurrenz deutlich.", []),
    ],
)
def test_verb_bracket_open_haben_and_modals(flagged, text: str, expected: list[str]) -> None:
    assert flagged("verb-bracket-open", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Während Altman optimistisch bleibt und die Partnerschaft als „Bromance„Die "
         "Entwicklungen deuten auf einen Bruch hin.", ["die Partnerschaft als „Bromance„"]),
        ("Weil der Umsatz im dritten Quartal Außerdem sinken die Preise.",
         ["der Umsatz im dritten Quartal"]),
        # a lost boundary whose first part is complete
        ("Microsoft investierte Milliarden und OpenAI wuchs Seit 2019 bietet Azure mehr.", []),
        # no lost boundary at all
        ("Während Altman optimistisch bleibt und die Partnerschaft lobt, deuten die "
         "Entwicklungen auf einen Bruch hin.", []),
    ],
)
def test_verb_missing_run_on(flagged, text: str, expected: list[str]) -> None:
    assert flagged("verb-missing-run-on", text) == expected


@pytest.mark.parametrize(
    ("word", "first", "finite"),
    [
        ("hat", False, True),
        ("deuten", False, True),  # also an infinitive: counts
        ("verpestet", False, True),  # HanTa knows it as an adjective only
        ("letzten", False, False),
        ("Gibt", True, True),
        ("Gibt", False, False),  # capitalised in mid-sentence: a noun
    ],
)
def test_could_be_finite(word: str, first: bool, finite: bool) -> None:
    assert could_be_finite(word, first) is finite


def test_has_finite_verb_needs_one_candidate() -> None:
    assert has_finite_verb(["Die", "Partnerschaft", "als", "Bromance"]) is False
    assert has_finite_verb(["Die", "Partnerschaft", "endet"]) is True

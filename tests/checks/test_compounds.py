"""Edge cases of compound-split and compound-english-open (mtlint/checks/compounds.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "span", "joined"), [
    ("Wenn Sie mehr lesen möchten, besuchen Sie unsere Technologie kategorie.",
     "Technologie kategorie", "Technologiekategorie"),
    ("Der Kunden service antwortet innerhalb von 24 Stunden.", "Kunden service",
     "Kundenservice"),
    ("Sie finden alle Artikel in unserer Technik kategorie.", "Technik kategorie",
     "Technikkategorie"),
    ("Die Software aktualisierung dauert zehn Minuten.", "Software aktualisierung",
     "Softwareaktualisierung"),
    ("Im Kunden bereich finden Sie Ihre Rechnungen.", "Kunden bereich", "Kundenbereich"),
])
def test_split_compounds_are_joined(text, span, joined, run_rule):
    findings = run_rule("compound-split", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == (joined,)


@pytest.mark.parametrize("text", [
    "Microsoft will mehr Einfluss auf OpenAI.",  # a name and a verb
    "Die Firma hat recht, und das tut ihr leid.",  # words that are more than nouns
    "Viele Befehle können eine kurze Hilfe anzeigen, wenn man sie aufruft.",
    "Was die Fürsten geigen, müssen die Untertanen tanzen.",  # a verb ends the clause
    "Er hat sich auf die Zunge gebissen.",  # a participle
    "Verwenden Sie den Befehl touch(1), um Dateien anzulegen.",  # a command name
    "Open Source software is free, says the Debian Project.",  # English
    "Lesen Sie info gettext für mehr.",  # "Sie" is no noun
    "die ursprünge des konflikts\nText folgt hier.\n",  # a lowercase heading
])
def test_words_that_only_look_split_are_not_flagged(flagged, text):
    assert flagged("compound-split", text) == []


@pytest.mark.parametrize(("text", "span", "joined"), [
    # The joined form is a word of the lexicon.
    ("Die Energie Versorgung im Winter ist gesichert.", "Energie Versorgung",
     "Energieversorgung"),
    ("Im Kunden Service arbeiten zwanzig Leute.", "Kunden Service", "Kundenservice"),
    ("Das Kranken Haus in Köln ist überlastet.", "Kranken Haus", "Krankenhaus"),
    ("Die Akku Laufzeit des Geräts beträgt zehn Stunden.", "Akku Laufzeit", "Akkulaufzeit"),
    ("Der Klima Wandel bedroht die Korallen.", "Klima Wandel", "Klimawandel"),
    ("Die Wetter Vorhersage kündigt Regen an.", "Wetter Vorhersage", "Wettervorhersage"),
    ("Unsere Sonnen Energie ist günstig.", "Sonnen Energie", "Sonnenenergie"),
    ("Die Bundes Regierung plant neue Gesetze.", "Bundes Regierung", "Bundesregierung"),
    ("Die Ministerin sprach von der Zeit Wende.", "Zeit Wende", "Zeitenwende"),
    # A linking -s after a feminine suffix: no word alone.
    ("Das Gesundheits Ministerium warnt vor der Grippe.", "Gesundheits Ministerium",
     "Gesundheitsministerium"),
    ("Ein Regierungs Sprecher bestätigte den Bericht.", "Regierungs Sprecher",
     "Regierungssprecher"),
    ("Apple verteilt ein Sicherheits Update für iOS.", "Sicherheits Update",
     "Sicherheitsupdate"),
    # An uninflected adjective after an article can only be a first part.
    ("Die National Mannschaft gewann in Lissabon.", "National Mannschaft",
     "Nationalmannschaft"),
    ("Er kaufte eine Digital Kamera für die Reise.", "Digital Kamera", "Digitalkamera"),
    # Three parts: the article fits only the last.
    ("Die Daten Schutz Regeln gelten ab Mai.", "Daten Schutz Regeln", "Datenschutzregeln"),
])
def test_capitalised_split_compounds_are_joined(text, span, joined, run_rule):
    findings = run_rule("compound-split", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == (joined,)


@pytest.mark.parametrize("text", [
    # Appositions and titles.
    "Die Stadt Essen plant ein neues Stadion.",
    "Der Begriff Freiheit ist schwer zu fassen.",
    "Das Wort Gottesdienst sollte verlegt werden.",
    "Er erhielt den Titel Weltmeister.",
    "Der Trainer Thomas Tuchel lobte das Team.",
    "Im Fach Mathematik ist sie gut.",
    # Genitives.
    "Sie sprachen über die Liebe Gottes zu den Menschen.",
    "Man kann vom Menschen Geschlechte zu schlecht denken.",
    # Two noun phrases: an object in another case, a bare object noun.
    "Um in der Welt Erfolg zu haben, braucht man Glück.",
    "Wir haben den Menschen Hoffnung gemacht.",
    "Die Polizei gab den Anwohnern Entwarnung.",
    "Heute muss die Zukunft Angst vor den Menschen haben.",
    "Er machte dem Land Ehre.",
    "Viele wollen im Urlaub Geld sparen.",
    # A time adverbial, then an object.
    "Im Sommer Urlaub zu machen ist teuer.",
    "Am Morgen Kaffee zu trinken hilft.",
    # No article before: a sentence start, a name.
    "Eine Reise beginnt mit einem Schritt.",
    "Irgendein Song von den Crash Test Dummies lief.",
    # A capitalised adjective.
    "Die Deutsche Bahn streicht Züge.",
])
def test_adjacent_capitalised_nouns_that_are_no_compound(flagged, text):
    assert flagged("compound-split", text) == []


@pytest.mark.parametrize(("text", "span", "forms"), [
    ("Die Firma sucht neue Software Entwickler für ihr Team.", "Software Entwickler",
     ("Software-Entwickler", "Softwareentwickler")),
    ("Die neuen KI Modelle übertreffen GPT-4.", "KI Modelle", ("KI-Modelle",)),
    ("Für IT Sicherheit gibt das Unternehmen mehr aus.", "IT Sicherheit", ("IT-Sicherheit",)),
    ("Bitte geben Sie Ihre E-Mail Adresse ein.", "E-Mail Adresse", ("E-Mail-Adresse",)),
    ("Die Cloud Dienste von Microsoft wachsen.", "Cloud Dienste",
     ("Cloud-Dienste", "Clouddienste")),
    # English noun + noun phrases that German hyphenates.
    ("Microsofts Angebote in den Bereichen Cloud Computing und Produktivität wachsen.",
     "Cloud Computing", ("Cloud-Computing",)),
    ("Das Unternehmen investiert stark in Machine Learning.", "Machine Learning",
     ("Machine-Learning",)),
    ("Seit der Pandemie arbeiten viele im Home Office.", "Home Office",
     ("Homeoffice", "Home-Office")),
])
def test_open_compounds_are_flagged(text, span, forms, run_rule):
    findings = run_rule("compound-english-open", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == forms


@pytest.mark.parametrize("text", [
    # Names: a longer name, a name before, an English name head.
    "Kunden von Amazon Web Services merken nichts.",
    "Kunden wählen Google Cloud oder Microsoft Azure.",
    "Laut Business Insider plant Apple eine Übernahme.",
    "Das britische UK Home Office prüft den Fall.",
    "Microsoft Cloud Computing Services wachsen.",
    # Two noun phrases side by side: subject and object, two objects.
    "Die Daten zeigen, wie KI Arbeitsplätze verändert.",
    "Sie gab dem Team Zeit für Tests.",
    # Adjective + noun keeps its space.
    "Big Data und Open Source prägen die Branche.",
    # A cut-short compound.
    "Niemand will im Internet Zensur- und Überwachungsabsichten unterstellen.",
    # Already right.
    "Die Firma sucht Softwareentwickler und Cloud-Computing-Fachleute.",
])
def test_names_and_separate_phrases_are_not_flagged(flagged, text):
    assert flagged("compound-english-open", text) == []


@pytest.mark.parametrize(("text", "span", "joined"), [
    ("Die Merkel Regierung plante eine Reform.", "Merkel Regierung", "Merkel-Regierung"),
    ("Laut der EU Kommission sinkt der Wert.", "EU Kommission", "EU-Kommission"),
    ("Er bestand den Kant Test nicht.", "Kant Test", "Kant-Test"),
    ("Sie nutzt die Google Suche täglich.", "Google Suche", "Google-Suche"),
])
def test_a_name_and_a_noun_written_apart_are_joined_by_a_hyphen(text, span, joined, run_rule):
    findings = run_rule("compound-name-split", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == (joined,)


@pytest.mark.parametrize("text", [
    "Der Kunde Peter Müller rief gestern an.",  # a first name and a surname
    "Wir trafen uns im Apple Store in Berlin.",  # an English head: the shop's name
    "Die Eulersche Zahl ist irrational.",  # an adjective from a name
    "Die Wiener Philharmoniker spielen heute.",  # a place's adjective
    "Er schenkte der Welt Frieden.",  # a common noun, then an object
    "Die Zentora GmbH wächst.",  # the legal form belongs to the name
    "Die Google Cloud Plattform ist teuer.",  # a longer name
])
def test_names_before_nouns_that_are_no_compound_are_left_alone(flagged, text):
    assert flagged("compound-name-split", text) == []


@pytest.mark.parametrize(("text", "span", "fixed"), [
    ("Das Sicherheits-update kommt morgen.", "Sicherheits-update", "Sicherheits-Update"),
    ("Unser Kundenservice-team antwortet.", "Kundenservice-team", "Kundenservice-Team"),
    ("Der Online-shop wächst.", "Online-shop", "Online-Shop"),
])
def test_a_lowercase_noun_after_a_hyphen_is_capitalised(text, span, fixed, run_rule):
    findings = run_rule("compound-hyphen-lowercase", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == (fixed,)


@pytest.mark.parametrize("text", [
    "Das Know-how und der Check-in sind wichtig.",  # English phrasal nouns
    "Die Versandkosten-pauschale steigt.",  # "pauschale" is an adjective too
    "Die Koalition ist rot-grün, das Layout Macintosh-like.",
    "Er kam zum Sicherheits-Update.",
])
def test_hyphenated_words_that_keep_a_lowercase_part_are_left_alone(flagged, text):
    assert flagged("compound-hyphen-lowercase", text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Leder Tasche und Gürtel sind reduziert.", "Leder Tasche"),
    ("- Glas Vase\n- Kerzen aus Wachs", "Glas Vase"),
])
def test_two_bare_nouns_opening_a_sentence_are_a_split_compound(flagged, text, span):
    assert flagged("compound-split", text) == [span]


@pytest.mark.parametrize("text", [
    "Tante Emma kam zu Besuch.",  # a title and a name
    "Herr Lehrer, bitte helfen Sie.",  # a form of address
    "Mann Gottes, was soll das?",  # a genitive
    "Kinder Bücher vorzulesen macht Freude.",  # a plural: an object, then an object
    "Montag Abend ist Training.",  # a time
    "Team Berlin gewinnt das Finale.",  # a name
    "Leder Tasche Gürtel Schuhe",  # a run of capitalised words: a list or a title
])
def test_bare_nouns_that_are_no_compound_are_left_alone(flagged, text):
    assert flagged("compound-split", text) == []


@pytest.mark.parametrize(("text", "span", "joined"), [
    ("Die Social Media Kanäle der Stadt wachsen.", "Social Media Kanäle",
     "Social-Media-Kanäle"),
    ("Alle Tour Guide Angebote sind ausgebucht.", "Tour Guide Angebote",
     "Tour-Guide-Angebote"),
])
def test_two_english_words_before_a_german_noun_are_coupled(run_rule, text, span, joined):
    findings = run_rule("compound-english-open", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == (joined,)


@pytest.mark.parametrize("text", [
    "Wäre Chuck Norris Bäcker, gäbe es nur Brot.",  # a name, then a predicate noun
    "Sie las Harry Potter Bücher.",  # a name: compound-name-split's
    "Die Social-Media-Kanäle wachsen.",
])
def test_names_and_coupled_english_phrases_are_left_alone(flagged, text):
    assert flagged("compound-english-open", text) == []

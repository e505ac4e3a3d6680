"""English and third-language words left in German text: the word data
(``mtlint.language.english``) and the rules that use it (word-untranslated's rare
lowercase words, label-untranslated's bilingual titles, foreign-untranslated)."""

from __future__ import annotations

import pytest

from mtlint.language.english import is_lowercase_english_noun, is_unknown_english


@pytest.mark.parametrize("word", [
    "inflect", "telicity", "overrides", "evidentiality", "waterproofing",
])
def test_rare_english_words_german_lacks_are_english(word: str) -> None:
    assert is_unknown_english(word)


@pytest.mark.parametrize("word", [
    "gering", "flektiert", "rechnugn",  # German, and a German typo
    "broadcasten", "connectest", "gechillt",  # English stems with German endings
    "Telicity",  # capitalised: a name or a noun, not this test's business
    "tun",  # too short to tell
    "x" * 5000, "overrides" * 40,  # no word: a run of letters (whose analysis would take minutes)
])
def test_german_words_typos_and_denglisch_are_not(word: str) -> None:
    assert not is_unknown_english(word)


@pytest.mark.parametrize("word", ["markets", "cryptocurrency", "company", "chart"])
def test_common_english_nouns_written_lowercase_are_english(word: str) -> None:
    assert is_lowercase_english_noun(word)


@pytest.mark.parametrize("word", [
    "native",  # the German adjective "nativ", inflected
    "live", "massive",  # German adjective and adverb
    "less", "kill",  # English, but no nouns: commands more often than slips
    "microsoft",  # a name
    "Markets",  # capitalised: German writes nouns so
])
def test_german_words_names_and_other_english_words_are_no_lowercase_english_nouns(
        word: str) -> None:
    assert not is_lowercase_english_noun(word)


@pytest.mark.parametrize(("text", "spans"), [
    ("In Economics, so lernen die Studenten, ist jeder Markt ein Modell.", ["Economics"]),
    ("Sie studiert Statistics und Geschichte an der Universität.", ["Statistics"]),
])
def test_english_names_of_fields_in_ics_are_flagged(flagged, text: str, spans: list[str]) -> None:
    assert flagged("word-untranslated", text) == spans


@pytest.mark.parametrize("text", [
    "Er liest Comics und lernt die Basics der Statistik.",  # German nouns
    "Die Firma nutzt Microsoft Dynamics für die Buchhaltung.",  # a name
    "Die Firma nutzt Dynamics 365 und Dynamics AX.",  # a product with its number
    "Sie arbeitet bei Boston Dynamics in den USA.",
])
def test_fields_in_ics_inside_names_and_german_loans_are_not_flagged(flagged, text: str) -> None:
    assert flagged("word-untranslated", text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("Viele Anleger haben ihr Erspartes in cryptocurrency angelegt.", ["cryptocurrency"]),
    ("Steigende markets und fallende Kurse wechseln sich ab.", ["markets"]),
    ("Die company hat im Frühjahr neue Mitarbeiter eingestellt.", ["company"]),
])
def test_lowercase_english_nouns_in_german_sentences_are_flagged(
        flagged, text: str, spans: list[str]) -> None:
    assert flagged("word-untranslated", text) == spans


@pytest.mark.parametrize("text", [
    # named, not used: after "Befehl", "Wort", "z. B."
    "Mit dem Befehl chart zeichnet das Programm eine Grafik.",
    "Das englische Wort company heißt auf Deutsch Firma.",
    "Geben Sie einen Namen ein, z. B. company, und bestätigen Sie.",
    # a Latin or French phrase
    "Er schrieb über die analysis rerum der alten Philosophen.",
    # a term the text adopts: in a compound, or used again and again
    "Der chart-Befehl zeichnet die Kurve, und chart kennt viele Optionen.",
    "Die markets öffnen, die markets schließen, und die markets schwanken.",
    # an open compound with a capitalised word: a term, written open
    "Die neuen Browser services starten schneller.",
    "Jedes Konto braucht ein eigenes company Passwort.",
    # German capitalises the noun, and "native" is German
    "Die Märkte und die Company wachsen, und eine native Version erscheint.",
])
def test_named_foreign_and_adopted_lowercase_nouns_are_not_flagged(
        flagged, text: str) -> None:
    assert flagged("word-untranslated", text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("Viele Sprachen markieren am Verb auch telicity und Modus.", ["telicity"]),
    ("In manchen Sprachen inflect das Verb nach Person und Zahl.", ["inflect"]),
    ("Das Update bringt eine neue Einstellung, die alle overrides der Nutzer löscht.",
     ["overrides"]),
])
def test_rare_lowercase_english_words_in_german_sentences_are_flagged(
        flagged, text: str, spans: list[str]) -> None:
    assert flagged("word-untranslated", text) == spans
    assert flagged("spelling-unknown-word", text) == []  # one finding, not two


@pytest.mark.parametrize("text", [
    # The English original of a term, in brackets after the German word.
    "Eine benannte Pipe (named pipe) verbindet zwei Prozesse.",
    "Das Paket wird an einen umgelenkten Ort (engl. diverted) installiert.",
    # Anglicisms, Denglisch verbs and German words stay German.
    "Wir haben das Meeting gestern gebroadcastet und danach gechillt.",
    "Das Team lädt die Software herunter und macht ein Update.",
])
def test_glosses_anglicisms_and_denglisch_are_not_flagged(flagged, text: str) -> None:
    assert flagged("word-untranslated", text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("Osterhase (Brauchtum) - Easter bunny (custom)\n\nDer Osterhase bringt die Eier.",
     ["Easter bunny (custom)"]),
    ("Grammatische Zeitform – Grammatical tense\n\nDie Zeitform ordnet eine Handlung ein.",
     ["Grammatical tense"]),
])
def test_the_english_part_of_a_bilingual_title_is_flagged(
        flagged, text: str, spans: list[str]) -> None:
    assert flagged("label-untranslated", text) == spans


@pytest.mark.parametrize("text", [
    "Smart Home - Tipps für den Alltag\n\nDas Licht geht von selbst an.",
    "Fazit - Good Morning America\n\nDie Sendung läuft seit Jahren.",
    "Kontakt | Impressum\n\nSchreiben Sie uns eine Nachricht.",
    "Osterei - Easter egg\n\nThe egg is hidden in the garden, and the children look for it.",
])
def test_title_case_names_and_english_texts_keep_their_titles(flagged, text: str) -> None:
    assert flagged("label-untranslated", text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("Záruční podmínky\n\nDie Garantie gilt zwei Jahre.", ["Záruční podmínky"]),
    ("Dostawa i płatność\n\nDer Versand ist ab 50 Euro kostenlos.", ["Dostawa i płatność"]),
    ("Der Vertrag gilt ab Mai. Umowa wchodzi w życie z dniem złożenia zamówienia. Er endet "
     "im Juni.", ["Umowa wchodzi w życie z dniem złożenia zamówienia."]),
])
def test_third_language_text_is_flagged(flagged, text: str, spans: list[str]) -> None:
    assert flagged("foreign-untranslated", text) == spans


@pytest.mark.parametrize("text", [
    "José Sánchez traf Jiří Dvořák in Mladá Boleslav.",
    "Im Café gab es Crème brûlée und einen Espresso.",
    "Sie sagte „Dziękuję bardzo“ und ging.",
    "Das Wort déjà-vu kennt jeder, ein Déjà-vu auch.",
])
def test_names_loanwords_and_quotations_are_not_third_language(flagged, text: str) -> None:
    assert flagged("foreign-untranslated", text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("Die Regierung erwartet, dass das GDP im Herbst wieder wächst.", ["GDP"]),
    ("Die ECB und der IMF warnen vor neuen Schulden.", ["ECB", "IMF"]),
    ("Viele SMEs investieren kaum in R&D.", ["SMEs", "R&D"]),
    ("Der Konzern baut ein AI-Labor in München.", ["AI"]),
])
def test_english_abbreviations_with_a_german_form_are_flagged(
        flagged, text: str, spans: list[str]) -> None:
    assert flagged("abbreviation-untranslated", text) == spans


@pytest.mark.parametrize("text", [
    "Microsoft AI und Meta AI stellen neue Modelle vor.",  # product names
    "Das Gesetz heißt auf Englisch AI Act.",
    "Amnesty International (AI) veröffentlicht den Bericht.",
    "The IMF expects the GDP of the region to grow next year.",  # an English sentence
    "Sein Buch „AI for Everyone“ erschien 2020.",
    "Die Datei heißt bild.ai und liegt unter /srv/ai/IMF.",
])
def test_names_expansions_and_english_sentences_keep_their_abbreviations(
        flagged, text: str) -> None:
    assert flagged("abbreviation-untranslated", text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("Tippen Sie auf Settings und dann auf Privacy.", ["Settings", "Privacy"]),
    ("Unter Notifications lassen sich die Hinweise abschalten.", ["Notifications"]),
    ("Mit einem Klick auf Add to cart landet die Jacke im Korb.", ["Add to cart"]),
])
def test_buttons_and_menu_items_in_english_are_flagged(
        flagged, text: str, spans: list[str]) -> None:
    assert flagged("word-untranslated", text) == spans


@pytest.mark.parametrize("text", [
    "Tippen Sie auf Twitter oder auf Google Maps auf Teilen.",
    "Klicken Sie auf Download und dann auf Update.",  # anglicisms German uses
])
def test_names_and_anglicisms_after_a_button_cue_are_not_flagged(flagged, text: str) -> None:
    assert flagged("word-untranslated", text) == []


def test_an_english_label_is_reported_once(flagged) -> None:
    text = "Ihre Meinung\n\nLeave a Reply\n\nWir freuen uns über jeden Kommentar."
    assert flagged("label-untranslated", text) == ["Leave a Reply"]
    assert flagged("word-untranslated", text) == []


@pytest.mark.parametrize(("heading", "flagged_as_english"), [
    ("Overview", True), ("Summary", True), ("Introduction", True),
    ("Features", False), ("Download", False), ("Fazit", False), ("KI", False),
    ("Apple", False),
])
def test_one_word_headings_are_english_only_when_german_lacks_the_word(
        flagged, heading: str, flagged_as_english: bool) -> None:
    text = f"Die Geräte im Test sind neu.\n\n{heading}\n\nDie Akkus halten lange durch."
    assert flagged("label-untranslated", text) == ([heading] if flagged_as_english else [])


@pytest.mark.parametrize("use", [
    "Wir suchen zwei Summary-Entwickler.", "Summary/Vue als Frameworks."])
def test_a_one_word_heading_the_text_uses_as_a_name_is_not_flagged(flagged, use: str) -> None:
    text = f"Die Geräte im Test sind neu.\n\nSummary\n\nDie Akkus halten lange. {use}"
    assert flagged("label-untranslated", text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("Haben Sie noch Fragen? Contact us! Wir antworten schnell.", ["Contact us!"]),
    ("Der Kurs ist vorbei. Thanks for joining. Bis zum nächsten Mal.",
     ["Thanks for joining."]),
])
def test_a_short_english_sentence_in_a_german_paragraph_is_flagged(
        flagged, text: str, spans: list[str]) -> None:
    assert flagged("label-untranslated", text) == spans


@pytest.mark.parametrize("text", [
    "Das Album heißt Let It Be. Es erschien 1970.",  # no function word of the list
    "Er sagte nur „Thank you“. Dann ging er.",  # quoted
    "Haben Sie Fragen? Schreiben Sie uns!",
])
def test_titles_quotations_and_german_sentences_are_not_short_english_sentences(
        flagged, text: str) -> None:
    assert flagged("label-untranslated", text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("By Jane Doe\n\nDie Mieten steigen, und die Städte wachsen nicht mit.", ["By"]),
    ("Written by Max Muster, 3. Mai 2024\n\nDie Mieten steigen, und die Städte wachsen.",
     ["Written by"]),
])
def test_an_english_byline_is_flagged(flagged, text: str, spans: list[str]) -> None:
    assert flagged("label-untranslated", text) == spans


@pytest.mark.parametrize("text", [
    "Byzanz und Rom\n\nDie Mieten steigen, und die Städte wachsen nicht mit.",
    "Von Jane Doe\n\nDie Mieten steigen in allen großen Städten.",
])
def test_other_lines_are_no_english_byline(flagged, text: str) -> None:
    assert flagged("label-untranslated", text) == []


def test_a_short_english_heading_may_end_in_a_full_stop(flagged) -> None:
    text = "Die Firma wuchs schnell.\n\nMarket Research.\n\nDie Umfrage lief drei Monate."
    assert flagged("label-untranslated", text) == ["Market Research"]
    german = "Die Firma wuchs schnell.\n\nMehr dazu.\n\nDie Umfrage lief drei Monate."
    assert flagged("label-untranslated", german) == []


def test_a_long_english_title_with_a_stray_quotation_mark_is_flagged(flagged) -> None:
    text = ("Die Stadt lädt zur Tagung ein.\n\n"
            "Annual Business Conference for Trade and Development\"\n\n"
            "Die Tagung dauert zwei Tage.")
    assert flagged("label-untranslated", text) == [
        "Annual Business Conference for Trade and Development"]


def test_a_title_joined_by_english_function_words_may_share_words_with_german(
        flagged) -> None:
    text = ("Die Stadt lädt zur Tagung ein.\n\nInternational Forum for Trade and Transport"
            "\n\nDie Tagung dauert zwei Tage.")
    assert flagged("label-untranslated", text) == ["International Forum for Trade and Transport"]
    german = ("Die Stadt lädt zur Tagung ein.\n\nInternational Forum\n\n"
              "Die Tagung dauert zwei Tage.")
    assert flagged("label-untranslated", german) == []


def test_an_english_paragraph_is_one_finding_even_with_links(flagged) -> None:
    english = ("For more details, see the [guide](https://example.org/guide). Updates are "
               "posted every week, and the old notes are kept on the archive page.")
    text = f"Die Anleitung folgt unten.\n\n{english}\n\nDie Installation dauert fünf Minuten."
    assert flagged("sentence-untranslated", text) == [english[:english.index("(")]]
    assert flagged("phrase-untranslated", text) == []

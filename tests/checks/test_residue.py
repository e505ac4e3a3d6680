"""Residue checks: mojibake spans and fixes, HTML entities by file type."""

from __future__ import annotations

import pytest

from mtlint.checks.residue import _changed_region


def test_mojibake_span_is_the_whole_word() -> None:
    assert _changed_region("fÃ¼r", "für") == (0, 4, "für")
    assert _changed_region("(GrÃ¶ÃŸe)", "(Größe)") == (1, 8, "Größe")


def test_mojibake_fix_restores_the_text(run_rule) -> None:
    text = "Die GrÃ¶ÃŸe des Deals fÃ¼r Microsoft Ã¼berrascht."
    findings = run_rule("mojibake", text)
    fixed = text
    for finding in sorted(findings, key=lambda f: -f.offset):
        assert finding.fix is not None
        fixed = fixed[:finding.fix.offset] + finding.fix.replacement + fixed[
            finding.fix.offset + finding.fix.length:]
    assert fixed == "Die Größe des Deals für Microsoft überrascht."


def test_mojibake_leaves_clean_accented_text_alone(run_rule) -> None:
    text = "Pâques in São Paulo, Åre und 20 € – alles korrekt kodiert."
    assert run_rule("mojibake", text) == []


def test_html_entities_are_markup_in_markdown(flagged) -> None:
    text = "Procter &amp; Gamble&nbsp;und AT&T.\n"
    assert flagged("residue-html-entity", text, "artikel.txt") == ["&amp;", "&nbsp;"]
    assert flagged("residue-html-entity", text, "artikel.md") == []


def test_toc_label_before_its_entries_is_a_real_table_of_contents(run_rule) -> None:
    text = "Titel\n\nInhaltsverzeichnis\n\n1. Einleitung\n2. Fazit\n\nDer Text beginnt.\n"
    assert run_rule("residue-toc-label", text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Die Jacke ist wasserdicht.\nJetzt bei Zalando kaufen – hier klicken!\n",
     "Jetzt bei Zalando kaufen – hier klicken"),
    ("Das Urteil fällt im Mai. Klicken Sie hier, um den Liveticker zu öffnen.",
     "Klicken Sie hier"),
    ("Die Bahn erhöht die Preise.\nTeilen über: WhatsApp | Facebook | E-Mail\n",
     "Teilen über: WhatsApp | Facebook | E-Mail"),
    ("Der Impfstoff ist zugelassen.\nTeilen Sie diesen Beitrag mit Ihren Freunden!",
     "Teilen Sie diesen Beitrag mit"),
    ("Die Serie wird fortgesetzt. Der Artikel wird nach der Anzeige fortgesetzt\nStaffel zwei",
     "Der Artikel wird nach der Anzeige fortgesetzt"),
    ("Der Fernseher ist um 30 Prozent reduziert.\nHier geht's zum Amazon-Angebot*\n",
     "Hier geht's zum Amazon-Angebot"),
    ("Das Spiel endete 2:1.\nJetzt im Stream ansehen!\n", "Jetzt im Stream ansehen"),
])
def test_calls_to_action_of_shops_and_share_bars(text: str, span: str, flagged) -> None:
    assert flagged("residue-call-to-action", text) == [span]


@pytest.mark.parametrize("text", [
    # software manuals legitimately tell readers where to click
    "Um das Paket zu installieren, klicken Sie auf „Anwenden“ und warten Sie.",
    "Klicken Sie hier auf das Zahnrad-Symbol, dann öffnet sich das Menü.",
    "Klicken Sie mit der rechten Maustaste auf die Datei.",
    "Jetzt kaufen die Kunden wieder mehr Elektroautos.",
    "Jetzt bestellen viele Restaurants ihre Waren online, sagt der Verband.",
    "Hier geht es zum Strand, dort zur Altstadt.",
    "Er hat den Link auf Facebook und Twitter geteilt.",
])
def test_instructions_and_prose_are_no_call_to_action(text: str, flagged) -> None:
    assert flagged("residue-call-to-action", text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Die Wahl ist entschieden.\nSchlagwörter: Politik, Wahlen, Bundestag\n",
     "Schlagwörter: Politik, Wahlen, Bundestag"),
    ("Der Stürmer fällt aus.\nTags: Fußball, Bundesliga, FC Bayern München\n",
     "Tags: Fußball, Bundesliga, FC Bayern München"),
    ("Das Fazit fällt gemischt aus.\nThemen: Smartphones · Tests · Android\n",
     "Themen: Smartphones · Tests · Android"),
    ("Neue Studie zum Schlaf.\n#Gesundheit #Schlaf #Forschung\n",
     "#Gesundheit #Schlaf #Forschung"),
])
def test_tag_lines(text: str, span: str, flagged) -> None:
    assert flagged("residue-tag-list", text) == [span]


@pytest.mark.parametrize("text", [
    "Tags: Das sind Schlagwörter, die ein Artikel trägt.",
    "Die Themen: Rente, Pflege und Gesundheit – sie bestimmten die Debatte.",
    "Themen: Bildung\nDie Ministerin sprach lange.",
    "# Überschrift\n\nText.",
])
def test_tag_words_in_prose_stay(text: str, flagged) -> None:
    assert flagged("residue-tag-list", text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Die Kopfhörer kosten 199 Euro.\n*Provisionslink: Kaufen Sie darüber, erhalten wir Geld.",
     "*Provisionslink: Kaufen Sie darüber, erhalten wir Geld."),
    ("Der Akku hält lange. Wir erhalten gegebenenfalls eine kleine Provision vom Händler.",
     "Wir erhalten gegebenenfalls eine kleine Provision"),
    ("Die mit * gekennzeichneten Links sind Affiliate-Links.",
     "Die mit * gekennzeichneten Links"),
])
def test_affiliate_notes(text: str, span: str, flagged) -> None:
    assert flagged("residue-affiliate-note", text) == [span]


def test_a_column_of_buttons_is_flagged_line_by_line(flagged) -> None:
    text = "Teilen\nDrucken\nA+\nA-\n\nDie Messe öffnet im Mai.\n"
    assert flagged("residue-ui-label", text, "artikel.txt") == ["Teilen", "Drucken", "A+", "A-"]


def test_a_single_common_word_on_its_own_line_is_a_heading(flagged) -> None:
    text = "Weiter\n\nDie Suche geht weiter.\n\nSuche\n\nNiemand fand etwas.\n"
    assert flagged("residue-ui-label", text, "artikel.txt") == []

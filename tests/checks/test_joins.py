"""Broken joins: the Ergänzungsstrich and brand names stay quiet, slips are found."""

from __future__ import annotations


def test_a_suspended_hyphen_is_correct_german(flagged) -> None:
    text = ("Die PDP-10- und VAX-Rechner, Ein- und Ausgang, Vor- bzw. Nachteile, "
            "Druckerwarteschlangen und -Server, Haupt-, Neben- und Zwischenräume.")
    assert flagged("join-space-after-hyphen", text) == []
    assert flagged("join-space-before-hyphen", text) == []


def test_a_hyphen_with_a_space_on_one_side_inside_a_compound(flagged) -> None:
    text = "Das Atari -Videospiel lief auf PDP-10- Computern."
    assert flagged("join-space-before-hyphen", text) == [" -"]
    assert flagged("join-space-after-hyphen", text) == [" "]


def test_camel_case_brands_are_not_glued_words(flagged) -> None:
    text = "PowerPoint, PostScript, PipeWire, LinkedIn, YouTube und ProSieben laufen."
    assert flagged("join-words-glued", text) == []


def test_a_product_name_and_its_model_number_are_coupled_with_the_noun(run_rule) -> None:
    text = ("Die PlayStation 5-Version kommt, dazu eine iPhone 15-Hülle und eine Klinge aus "
            "CPM M4-Stahl; das Tomb Raider-Spiel folgt.")
    findings = run_rule("compound-name-open", text)
    assert [f.suggestions[0] for f in findings] == [
        "PlayStation-5-Version", "iPhone-15-Hülle", "CPM-M4-Stahl", "Tomb-Raider-Spiel"]


def test_german_words_units_and_double_names_end_no_coupling(flagged) -> None:
    text = ("Die Formel 1-Saison beginnt. Der Deutsche Bank-Chef kam mit Anna Schmidt-Koch. "
            "Die (E)IDE 32-Bit I/O-Unterstützung und ein Eßlöffel Cayenne-Pfeffer.")
    assert flagged("compound-name-open", text) == []


def test_an_abbreviation_in_brackets_inside_a_compound(flagged) -> None:
    text = "Die (API)-Schlüssel und der (Haupt-)Bahnhof; alle Mitarbeiter(innen) kamen."
    assert flagged("join-bracket-in-compound", text) == ["(API)-Schlüssel"]

"""dash-hyphen-as-dash: only a text that sets real dashes makes " - " a slip."""

from __future__ import annotations


def test_typewriter_text_is_left_alone(run_rule) -> None:
    text = "Er kam - wie immer - zu spät. Sie lachte – kurz."
    assert run_rule("dash-hyphen-as-dash", text) == []


def test_stray_hyphens_in_a_dashed_text_are_flagged(flagged) -> None:
    text = "Er kam – wie immer – zu spät.\n\nSie lachte - kurz."
    assert flagged("dash-hyphen-as-dash", text) == ["-"]


def test_list_markers_and_number_ranges_do_not_count(run_rule) -> None:
    text = "Die Ports – wichtig:\n\n- 1 - 1023 für root\n- 5 - 3 = 2\n"
    assert run_rule("dash-hyphen-as-dash", text) == []


def test_separator_of_a_page_title_is_left_alone(run_rule) -> None:
    text = "# Stadtwerke - Service & Kontakt\n\nDie Hotline – rund um die Uhr – hilft weiter.\n"
    assert run_rule("dash-hyphen-as-dash", text, "seite.md") == []

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

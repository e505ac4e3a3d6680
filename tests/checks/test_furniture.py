"""Furniture checks: English labels only in German texts, banners by repetition."""

from __future__ import annotations


def test_english_headings_in_an_english_text_are_not_reported(flagged) -> None:
    text = ("Terms and Conditions\n\nThe service is provided as it is, and the operator is "
            "not liable for any of the losses that the users of the service may suffer.\n\n"
            "Privacy Policy\n\nWe keep the data of our users for as long as the law requires.\n")
    assert flagged("label-untranslated", text) == []


def test_english_headings_in_a_german_text_are_reported(flagged) -> None:
    text = ("Terms and Conditions\n\nDer Dienst wird so bereitgestellt, wie er ist, und der "
            "Betreiber haftet nicht für Schäden, die den Nutzern entstehen.\n\n"
            "Privacy Policy\n\nWir speichern die Daten unserer Nutzer, solange es das Gesetz "
            "verlangt.\n")
    assert flagged("label-untranslated", text) == ["Terms and Conditions", "Privacy Policy"]


def test_a_banner_is_reported_wherever_it_is_glued(flagged) -> None:
    text = ("Große Rabatte im ShopWir liefern in drei Tagen.\n\n"
            "Die Rücksendung ist kostenlos.\n\n"
            "Große Rabatte im ShopMit dem Gutschein sparen Sie mehr.\n")
    assert flagged("residue-repeated-banner", text) == ["Große Rabatte im Shop"] * 2

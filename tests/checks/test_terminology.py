"""Edge cases of brand-translated and term-inconsistent (mtlint/checks/terminology.py)."""

from __future__ import annotations

import pytest

from mtlint.core.document import Document
from mtlint.core.finding import Safety
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter
from mtlint.lint.registry import load_rules


def with_glossary(rule_id: str, text: str, glossary: dict[str, tuple[str, ...]]):
    rules = load_rules()
    config = Config(select=(rule_id,), glossary=tuple(glossary.items()))
    return Linter(config, {rule_id: rules[rule_id]}).check(Document(text, "t.txt")).findings


# --- brand-translated -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "span", "name"), [
    # The document holds the English original: one part translated, one kept.
    ("OpenAI startet SearchGPT. Die Einführung von SucheGPT verschärft den Wettbewerb.",
     "SucheGPT", "SearchGPT"),
    ("SearchGPT ist neu. Die Suche-GPT-Funktion fehlt noch.", "Suche-GPT", "SearchGPT"),
    ("Die Google Home App ist neu. Mit Google Heim steuert man das Licht.",
     "Google Heim", "Google Home"),
    ("Nutzer von Microsoft Teams chatten. In Microsoft Mannschaften gibt es Kanäle.",
     "Microsoft Mannschaften", "Microsoft Teams"),
    ("OpenAI zeigt ChatGPT. Die Version von PlauderGPT liest Bilder.", "PlauderGPT", "ChatGPT"),
    ("Microsoft kaufte Inflection AI. Die Gründer von Inflection KI wechselten.",
     "Inflection KI", "Inflection AI"),
])
def test_translated_name_beside_its_original_is_fixed_safely(flagged, text, span, name, run_rule):
    findings = run_rule("brand-translated", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == (name,)
    assert findings[0].fix is not None and findings[0].fix.safety is Safety.SAFE
    assert "im Text steht auch" in findings[0].message


def test_bundled_rendering_without_the_original_is_only_a_suggestion(run_rule):
    text = "Die Apple-Uhr zählt jetzt auch Schritte."
    (finding,) = run_rule("brand-translated", text)
    assert text[finding.offset:finding.offset + finding.length] == "Apple-Uhr"
    assert finding.suggestions == ("Apple Watch",)
    assert finding.fix is not None and finding.fix.safety is Safety.UNSAFE


@pytest.mark.parametrize("text", [
    "Die Apple Watch misst Puls. Die Apple Uhr misst auch Blutdruck.",
    "Google Maps zeigt Staus. In Google Karten sieht man Baustellen.",
])
def test_bundled_rendering_is_safe_when_the_name_occurs_too(text, run_rule):
    (finding,) = run_rule("brand-translated", text)
    assert finding.fix is not None and finding.fix.safety is Safety.SAFE


@pytest.mark.parametrize("text", [
    "Microsoft Office wird teurer, sagt ein Sprecher im Münchner Microsoft-Büro.",
    "Apple Maps heißt auf Deutsch Apple Karten.",  # Apple's own German name
    "Google Sheets heißt auf Deutsch Google Tabellen.",
])
def test_official_german_names_and_hyphenated_compounds_are_not_translations(flagged, text):
    assert flagged("brand-translated", text) == []


def test_genitive_s_is_kept_and_makes_the_fix_unsafe(run_rule):
    text = "Die Nutzer des Microsoft Fensters klagen."
    (finding,) = run_rule("brand-translated", text)
    assert text[finding.offset:finding.offset + finding.length] == "Microsoft Fensters"
    assert finding.suggestions == ("Microsoft Windows",)
    assert finding.fix is not None and finding.fix.safety is Safety.UNSAFE


@pytest.mark.parametrize("text", [
    # An ordinary German word is not a product name.
    "Der Pilot und sein Kopilot landeten sicher in Seattle.",
    "Sie öffnet das Fenster. Microsoft Windows startet neu.",
    "Google Maps zeigt Staus an; die Karten werden täglich aktualisiert.",
    # The maker's own German names.
    "Google Tabellen und Google Präsentationen sind kostenlos.",
    # German press writes "Meta-KI" for Meta's AI.
    "Meta AI ist neu. Die Meta-KI antwortet schnell.",
    # No shared, untranslated part: "Suche" alone is German.
    "SearchGPT ist neu. Die Suche nach Quellen wird leichter.",
    # A joke about Microsoft is no context for a pilot's co-pilot.
    "Microsoft zeigt das Schild. Der Kopilot versteht, wo der Hubschrauber ist.",
])
def test_clean_text_is_not_flagged(flagged, text):
    assert flagged("brand-translated", text) == []


def test_ambiguous_rendering_needs_its_context_nearby(run_rule):
    assert run_rule("brand-translated", "GitHub erweitert den Kopilot für Teams.")
    assert not run_rule("brand-translated", "Der Kopilot übernahm, der Kapitän schlief.")


def test_user_glossary_renderings_are_fixed_safely():
    text = "Unser Produkt Wolkenspeicher Pro ist schnell."
    glossary = {"CloudStore Pro": ("Wolkenspeicher Pro",)}
    (finding,) = with_glossary("brand-translated", text, glossary)
    assert text[finding.offset:finding.offset + finding.length] == "Wolkenspeicher Pro"
    assert finding.suggestions == ("CloudStore Pro",)
    assert "laut Glossar" in finding.message
    assert finding.fix is not None and finding.fix.safety is Safety.SAFE


def test_glossary_wins_over_bundled_list_on_the_same_span():
    text = "Die Apple Uhr ist teuer."
    (finding,) = with_glossary("brand-translated", text, {"Apple Watch Ultra": ("Apple Uhr",)})
    assert finding.suggestions == ("Apple Watch Ultra",)


# Classes of bundled renderings: a company name rendered as a common noun, a product
# suffix translated, a streaming or TV brand, a browser, a console, a rocket.
@pytest.mark.parametrize(("text", "span", "name"), [
    ("Die neue Staffel läuft ab Freitag auf Apfel TV+.", "Apfel TV+", "Apple TV+"),
    ("Mit der Apfel Uhr lässt sich jetzt der Blutdruck messen.", "Apfel Uhr", "Apple Watch"),
    ("Das neue iPhone kommt im Herbst. Apfel verlangt dafür 1.199 Euro.", "Apfel", "Apple"),
    ("Tim Cook zeigte das Gerät. Laut Apfels Angaben hält der Akku länger.", "Apfels",
     "Apples"),
    ("Das MacBook Luft ist leichter als sein Vorgänger.", "MacBook Luft", "MacBook Air"),
    ("Das Spiel zeigt Himmel Sport live. Die Bundesliga startet am Freitag.", "Himmel Sport",
     "Sky Sport"),
    ("Die Serie startet im Herbst auf Himmel Atlantik.", "Himmel Atlantik", "Sky Atlantic"),
    ("Microsoft beendet den Support für Fenster 10 im Oktober.", "Fenster 10", "Windows"),
    ("Mozilla hat eine neue Version von Feuerfuchs veröffentlicht.", "Feuerfuchs",
     "Firefox"),
    ("Verstappen gewann für Roter Bulle Racing in Monaco.", "Roter Bulle Racing", "Red Bull"),
    ("Die Kette Burger König eröffnet 20 neue Filialen.", "Burger König", "Burger King"),
    ("General Motoren baut in Michigan ein Batteriewerk.", "General Motoren", "General Motors"),
    ("Die Falke 9 startete am Abend von Cape Canaveral.", "Falke 9", "Falcon 9"),
    ("Die Ersparnis gilt nur mit Amazon Prim.", "Amazon Prim", "Amazon Prime"),
    ("Sony senkt den Preis der Spielstation 5 um 50 Euro.", "Spielstation 5", "PlayStation"),
])
def test_bundled_renderings_of_each_class_are_flagged(text, span, name, run_rule):
    findings = run_rule("brand-translated", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == (name,)


@pytest.mark.parametrize("text", [
    # Ordinary German words without the brand's context nearby.
    "Ein Apfel am Tag hält den Doktor fern, sagt das Sprichwort.",
    "Am Abend wollen wir unter freiem Himmel Sport treiben.",
    "Am Himmel Deutschlands waren in der Nacht Sternschnuppen zu sehen.",
    "Lüften Sie mehrmals täglich und öffnen Sie die Fenster 10 Minuten lang.",
    "Der Feuerfuchs ist ein Schmetterling aus der Familie der Edelfalter.",
    "Auf dem Spielplatz gibt es eine neue Spielstation für Kleinkinder.",
    "Die Roten Bullen gewannen in Salzburg mit 2:0.",
    "Der Roman erzählt von einem Sternenschiff auf dem Weg zum Mars.",
    # A fruit in one text does not borrow the brand from another text far away.
    "Apple stellt das iPhone vor.\n\nA\n\nB\n\nC\n\nDer Apfel fällt nicht weit vom Stamm.",
])
def test_bundled_renderings_need_their_context(flagged, text):
    assert flagged("brand-translated", text) == []


# --- term-inconsistent ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "span", "target"), [
    ("OpenAI wächst. OpenAI stellt ein. Auch OpenAi braucht Strom.", "OpenAi", "OpenAI"),
    ("GPT-4 ist schnell. GPT-4 ist teuer. GPT4 lernt.", "GPT4", "GPT-4"),
    ("Die KI-Modelle und KI-Modelle sind wie KIModelle.", "KIModelle", "KI-Modelle"),
    ("Cloud-Computing spart. Cloud-Computing wächst. Cloud Computing kostet.",
     "Cloud Computing", "Cloud-Computing"),
    # Bundled exact spellings need no second spelling in the text.
    ("Das Modell Chatgpt antwortet schnell.", "Chatgpt", "ChatGPT"),
    ("Die Gründer von Open AI trafen sich.", "Open AI", "OpenAI"),
    ("Mit Github Copilot schreiben Entwickler schneller.", "Github", "GitHub"),
    ("Die Chatgpts Antworten sind lang.", "Chatgpts", "ChatGPTs"),
    ("Fazit: Chatgpt: schnell und billig.", "Chatgpt", "ChatGPT"),
])
def test_variant_spellings_are_flagged(text, span, target, run_rule):
    findings = run_rule("term-inconsistent", text)
    assert [text[f.offset:f.offset + f.length] for f in findings] == [span]
    assert findings[0].suggestions == (target,)


def test_majority_spelling_is_only_a_suggestion_and_bundled_spelling_is_safe(run_rule):
    majority = run_rule("term-inconsistent", "TechCorp, TechCorp und Techcorp.")[0]
    bundled = run_rule("term-inconsistent", "Das Modell Chatgpt antwortet.")[0]
    assert majority.fix is not None and majority.fix.safety is Safety.UNSAFE
    assert bundled.fix is not None and bundled.fix.safety is Safety.SAFE


@pytest.mark.parametrize("text", [
    # A tie: neither spelling wins.
    "Im Januar schrieb er eine Mail-Box, im Februar eine Mailbox.",
    # The spelling pack reports these (spelling-e-mail): no second finding.
    "Die E-Mail kam an. Die E-Mail war lang. Die Email war kurz.",
    # Case alone: a German word, a heading in capitals, a command in lowercase.
    "Mit dem MIT arbeitet die Firma seit Jahren zusammen. Mit dem MIT forscht sie.",
    "DIE ZUKUNFT DER KI. Die Zukunft der KI ist offen.",
    "Das Paket utf8-tools wandelt UTF-8 um. UTF-8 ist Standard.",
    # Words inside code are no prose spellings.
    "Setzen Sie LANG=en_US.UTF8. UTF-8 ist Standard, UTF-8 überall.",
    # A cut-short compound is no spelling of its own.
    "Microsoft setzt auf Open-Source- und proprietäre Modelle. Open Source bleibt.",
    # Both are right: the hyphen in a German compound is optional.
    "Systemressourcen sind knapp. System-Ressourcen und System-Ressourcen fehlen.",
    # A hyphenated German compound beside a spaced English name.
    "Im Debian Wiki steht es. Das Debian Wiki ist gut. Schauen Sie im Debian-Wiki nach.",
    # A longer English name.
    "Das Common Internet File System nutzt SMB. Jedes Filesystem und Filesystem hilft.",
    # Function words do not make a two-word term.
    "Sie sind zu Hause. Das Zuhause ist warm. Ein Zuhause fehlt.",
])
def test_clean_text_is_not_flagged_as_inconsistent(flagged, text):
    assert flagged("term-inconsistent", text) == []


def test_glossary_term_fixes_every_other_spelling():
    text = "Wir nutzen Mtlint. Auch MtLint und mt-lint helfen."
    findings = with_glossary("term-inconsistent", text, {"mtlint": ()})
    assert [text[f.offset:f.offset + f.length] for f in findings] == [
        "Mtlint", "MtLint", "mt-lint"]
    assert all(f.suggestions == ("mtlint",) for f in findings)


def test_lowercase_heading_is_left_to_the_heading_rules(run_rule):
    text = "das ende von openai\nOpenAI hat viel vor. OpenAI wächst.\n"
    assert run_rule("term-inconsistent", text) == []

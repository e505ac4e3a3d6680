"""mtlint's own speller: the word data, compounds, names, English words, the user's word
list, `check --list-unknown` and how it replaces LanguageTool's speller."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mtlint.backends import languagetool as lt
from mtlint.checks.unknown_words import list_unknown
from mtlint.core.document import Document
from mtlint.core.finding import RuleContext
from mtlint.interfaces.cli import main
from mtlint.language import speller
from mtlint.lint.config import Config, ConfigError, LanguageToolConfig, load_config
from mtlint.lint.engine import Linter
from mtlint.lint.registry import load_rules

RULES = load_rules()


def findings(text: str, rule: str = "spelling-unknown-word", config: Config | None = None):
    config = (config or Config()).with_overrides(select=(rule,))
    result = Linter(config, RULES).check(Document(text, "a.txt"))
    assert not result.notes, result.notes
    return [(text[f.offset:f.offset + f.length], f.suggestions) for f in result.findings]


@pytest.mark.parametrize("word", [
    "Partnerschaftsbedingungen", "wettbewerbsfähigeren", "gemeinschaftsgetriebener",
    "Lieferkettengesetz", "Batteriezellfertigung", "Wohnraumförderung", "Amtsgericht",
    "Softwareentwicklung", "kryptischem", "Mannbarkeit", "Salzstreuerin", "nöthig",
    "unkonstruktiv", "Teamleiter",
])
def test_valid_words_and_compounds_are_known(word: str) -> None:
    assert speller.is_known(word)


@pytest.mark.parametrize("typo, fixed", [
    ("Rechnugn", "Rechnung"), ("Kriterin", "Kriterien"), ("Konfiguratoin", "Konfiguration"),
    ("Partnerschaftsbedinungen", "Partnerschaftsbedingungen"), ("Theolgie", "Theologie"),
    ("erstetzt", "ersetzt"),
])
def test_typos_are_unknown_and_the_right_word_is_suggested_first(typo: str, fixed: str) -> None:
    assert not speller.is_known(typo)
    assert speller.suggestions(typo)[0] == fixed


def test_english_words_are_told_from_anglicisms() -> None:
    for word in ("helpful", "Leave", "Continue", "Learn"):
        assert speller.is_english(word), word
    for word in ("Software", "Team", "Meeting", "Download", "Cloud", "Rechnung"):
        assert not speller.is_english(word), word


def test_word_list_is_sorted_as_bytes_and_credited() -> None:
    data = speller.WORDS_PATH.read_bytes()
    lines = [line for line in data.split(b"\n") if line and not line.startswith(b"#")]
    keys = [line.split(b"\t", 1)[0] for line in lines]
    assert keys == sorted(keys) and len(keys) > 600_000
    notice = (speller.WORDS_PATH.parent / "NOTICE").read_text(encoding="utf-8")
    assert "words.tsv" in notice and "wordfreq" in notice and "CC BY-SA 4.0" in notice


def test_a_typo_is_reported_every_time_it_occurs() -> None:
    text = "Die Rechnugn kam. Eine Rechnugn ist offen. Die dritte Rechnugn auch."
    assert findings(text) == [("Rechnugn", ("Rechnung",))] * 3


def test_names_are_not_misspellings() -> None:
    text = ("Satya Nadella traf Herrn Wagenknechd bei OpenAI; GPT-4 und iOS liefen. "
            "Laut Wagenknechd wächst die Firma Zalandu.")
    assert findings(text) == []


def test_a_hyphenated_word_is_judged_part_by_part() -> None:
    assert findings("Die Sicherheits-Konfiguratoin fehlt.") == [
        ("Sicherheits-Konfiguratoin", ("Sicherheits-Konfiguration",))]
    assert findings("Die Sicherheits-Konfiguration fehlt.") == []


def test_technical_names_are_not_typos() -> None:
    assert findings("Starten Sie xterm oder fsck und lesen Sie iconv(1).") == []


def test_user_words_and_words_file(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("# Namen\nRechnugn  # ein Produkt\n", encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text(
        '[spelling]\nwords = ["Kriterin"]\nwords-file = "words.txt"\n', encoding="utf-8")
    config = load_config(tmp_path / ".mtlint.toml")
    assert config.spelling_words == ("Kriterin", "Rechnugn")
    assert findings("Die Rechnugn und alle Kriterin.", config=config) == []
    assert findings("Die Rechnugn und alle Kriterin.") != []


@pytest.mark.parametrize("table, problem", [
    ('[spelling]\nword = ["x"]\n', "unknown key"),
    ('[spelling]\nwords = "x"\n', "must be a list"),
    ('[spelling]\nwords-file = "missing.txt"\n', "cannot read"),
])
def test_bad_spelling_settings_are_errors(tmp_path: Path, table: str, problem: str) -> None:
    (tmp_path / ".mtlint.toml").write_text(table, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        load_config(tmp_path / ".mtlint.toml")


def test_english_words_are_untranslated_not_misspelled() -> None:
    text = "Wählen Sie die Option Leave. War dieser Artikel helpful?"
    assert [w for w, _ in findings(text, "word-untranslated")] == ["Leave", "helpful"]
    assert findings(text) == []
    quiet = ("Das Team nutzt Microsoft Teams und die Software. Er las „Leave the World "
             "Behind“ und das Portable Document Format (PDF).")
    assert findings(quiet, "word-untranslated") == []


def test_old_spelling_has_a_safe_fix() -> None:
    text = "Er weiß, daß es ein Anlaß zur Freude ist; der Fuß ist groß."
    assert findings(text, "spelling-old-spelling") == [("daß", ("dass",)),
                                                      ("Anlaß", ("Anlass",))]


def test_old_spelling_inside_a_compound_is_found_and_long_vowels_are_not() -> None:
    text = ("Am Flußufer stand ein Kompaßhaus. Nach dem Fußballspiel gab es in der "
            "Großstadt Grußworte, und der Straßburger Dom bekam Spaßpreise.")
    assert findings(text, "spelling-old-spelling") == [("Flußufer", ("Flussufer",)),
                                                      ("Kompaßhaus", ("Kompasshaus",))]


def test_words_with_letters_german_does_not_write_are_no_typos() -> None:
    # A Portuguese name and a Polish phrase: neither is a German typo.
    text = "Der Stürmer Joãozinho Baldé traf. Er las „prawie każdego terminu“ vor."
    assert findings(text) == []
    assert findings("Die Rechnugn kam.") == [("Rechnugn", ("Rechnung",))]


def test_list_unknown_counts_every_unknown_word_names_included(tmp_path: Path) -> None:
    doc = Document("Die Rechnugn von Zalandu. Noch eine Rechnugn, OpenAI bleibt.", "a.txt")
    assert list_unknown(doc, RuleContext()) == {"Rechnugn": 2, "Zalandu": 1}
    assert list_unknown(doc, RuleContext(words=frozenset({"Zalandu"}))) == {"Rechnugn": 2}
    path = tmp_path / "a.txt"
    path.write_text(doc.text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(path), "--list-unknown"], stdout=out, stderr=err) == 0
    assert out.getvalue() == "2\tRechnugn\n1\tZalandu\n"


def _speller_match(doc: Document, word: str) -> dict:
    request = lt.request_texts(doc)[0]
    offset = request.text.index(word)
    return {"offset": offset, "length": len(word), "message": "Möglicher Tippfehler",
            "replacements": [], "rule": {"id": "GERMAN_SPELLER_RULE",
                                         "category": {"id": "TYPOS"}}}


def test_languagetool_speller_matches_give_way_where_mtlint_s_speller_knows_the_word() -> None:
    doc = Document("Die Rechnugn kam mit den Partnerschaftsbedingungen.\n", "a.txt")
    request = lt.request_texts(doc)[0]
    typo, compound = (_speller_match(doc, w) for w in ("Rechnugn", "Partnerschaftsbedingungen"))
    default = lt.Settings.from_config(LanguageToolConfig(), lt.uses_own_speller(Config()))
    # A compound mtlint's speller analyses: mtlint judges more precisely, LanguageTool's
    # match goes. A word neither knows: LanguageTool's match stays (the merge drops it
    # where spelling-unknown-word reports the same word).
    kept = lt.match_findings(doc, request, [typo, compound], default, frozenset())
    assert [doc.text[f.offset:f.offset + f.length] for f in kept] == ["Rechnugn"]
    keep = lt.Settings.from_config(LanguageToolConfig(keep_speller=True),
                                   lt.uses_own_speller(Config()))
    assert len(lt.match_findings(doc, request, [typo, compound], keep, frozenset())) == 2
    # Without mtlint's speller LanguageTool's is the only one: its matches stay.
    ignored = Config(ignore=("spelling-unknown-word",))
    alone = lt.Settings.from_config(LanguageToolConfig(), lt.uses_own_speller(ignored))
    assert len(lt.match_findings(doc, request, [typo, compound], alone, frozenset())) == 2


@pytest.mark.parametrize("word", [
    "zäunt", "zurücklehnst", "umherzutasten", "durchgenagte", "versionierte", "röntgten",
    "Anschlaege", "ausgieng", "bekömmt", "Immoralität", "irreligiös", "Mädgen",
])
def test_verb_forms_older_spellings_and_latin_negation_are_known(word: str) -> None:
    assert speller.is_known(word)


@pytest.mark.parametrize("typo", ["velangt", "erstetzt", "enteckt", "Imformation", "Rechnugen"])
def test_typos_that_only_look_like_verb_forms_stay_unknown(typo: str) -> None:
    assert not speller.is_known(typo)


def test_a_compound_typo_needs_a_word_before_it_and_a_typo_in_its_last_part() -> None:
    assert speller.suggestions("Anzeigehierachie") == ("Anzeigehierarchie",)
    assert speller.suggestions("Glückgeühl")[0] == "Glückgefühl"
    # "Fliese" is a word beside "Fliege"; "ver" is no word; "Affekt|ation" is a derivation.
    for word in ("Wandfliese", "verwinkeltem", "Affektation"):
        assert findings(f"Das war die {word} dort.") == [], word


def test_fragments_foreign_phrases_speakers_and_code_are_no_typos() -> None:
    text = ("Ein Menschenf(ein)d und die Zusam- menkunft. Er sagt rerum mortalium dazu.\n\n"
            "Kleini> Die Tastatur ist kaputt.\n\nDas zitiert Kleini gern.\n\n"
            "Der Dienst logind(8) startet; logind protokolliert alles.")
    assert findings(text) == []


@pytest.mark.parametrize("word", [
    "partitionierte", "Inodes", "Diffs", "Signierer", "Kompilierer", "geforkte", "geflusht",
])
def test_forms_of_rarer_words_agent_nouns_and_english_participles_are_known(word: str) -> None:
    # A rarer listed word's inflection ("partitioniert|e"), a loanword's plural -s, the
    # doer of a listed verb, an English verb's German participle.
    assert speller.is_known(word)


@pytest.mark.parametrize("typo", ["ermittlen", "Rechnugn", "Kompomente"])
def test_typos_beside_rarer_words_stay_unknown(typo: str) -> None:
    assert not speller.is_known(typo)
    assert speller.suggestions(typo)


def test_a_last_part_correction_does_not_move_the_joint_before_a_frequent_noun() -> None:
    # "Kniep|sand", "Spindl|haus": a place or a name before a frequent noun; "Knie|pfand"
    # and "Spind|laus" would only move the joint. A typo inside a longer last part is
    # still corrected, though the word ends in a noun by chance ("…aktionen").
    assert speller.suggestions("Kniepsand") == ()
    assert speller.suggestions("Spindlhaus") == ()
    assert findings("Am Kniepsand liegen die Strandkörbe, im Spindlhaus wohnt niemand.") == []
    assert speller.suggestions("Speicheranfoderung") == ("Speicheranforderung",)
    assert speller.suggestions("Gruppenspezifiaktionen") == ("Gruppenspezifikationen",)


def test_a_word_derived_from_a_name_of_the_document_is_no_typo() -> None:
    alone = findings("Die Egertener Winzer keltern ihren Wein selbst.")
    assert [word for word, _ in alone] == ["Egertener"]
    named = "Im Weiler Egerten wächst Wein. Die Egertener Winzer keltern ihn selbst."
    assert findings(named) == []
    # A typo has no base in the text: it is still reported next to the name.
    assert [w for w, _ in findings(named + " Die Rechnugn kommt.")] == ["Rechnugn"]


def test_values_of_settings_are_not_untranslated() -> None:
    text = ("Setzen Sie das Feld Aktiv auf True, damit die Regel gilt. Der Rückgabewert ist "
            "None.\n\nWählen Sie im Menü die Option Leave aus.")
    assert [word for word, _ in findings(text, "word-untranslated")] == ["Leave"]

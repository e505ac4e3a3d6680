"""Pack loading: the lexicon form of a rule (a calque or false friend given by its
English original, why it is wrong and what German says) becomes a documented rule, and
a lexicon entry that leaves out one of its fields is refused with the rule named."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtlint.core.document import Document
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter
from mtlint.lint.packs import PackError, load_pack

LEXICON_PACK = '''
[[rule]]
id = "calque-rule-of-thumb"
category = "terminology"
severity = "warning"
english = "rule of thumb"
why = "Die deutsche Entsprechung ist die Faustregel."
use = "„Faustregel“"
pattern = \'\'\'\\bDaumenregel\\b\'\'\'
bad = [{ text = "Als <marker>Daumenregel</marker> gilt das." }]
good = ["Als Faustregel gilt das."]
'''


def write_pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lexicon_entry_gets_message_summary_and_doc(tmp_path: Path) -> None:
    (rule,) = load_pack(write_pack(tmp_path, LEXICON_PACK))
    assert rule.summary == "„Daumenregel“ für engl. „rule of thumb“."
    why = "## Warum ist das ein Problem?\nDie deutsche Entsprechung ist die Faustregel."
    assert why in rule.doc
    assert "## Stattdessen\n„Faustregel“" in rule.doc
    linter = Linter(Config(), {rule.id: rule})
    (finding,) = linter.check(Document("Eine Daumenregel hilft.", "x.txt")).findings
    assert finding.message == ("„Daumenregel“ ist wörtlich aus dem Englischen übersetzt "
                               "(„rule of thumb“); deutsch: „Faustregel“.")


def test_lexicon_entry_may_override_the_message(tmp_path: Path) -> None:
    text = LEXICON_PACK.replace('use = "„Faustregel“"',
                                'use = "„Faustregel“"\nmessage = "Faustregel statt {span}."')
    (rule,) = load_pack(write_pack(tmp_path, text))
    linter = Linter(Config(), {rule.id: rule})
    (finding,) = linter.check(Document("Eine Daumenregel hilft.", "x.txt")).findings
    assert finding.message == "Faustregel statt Daumenregel."


@pytest.mark.parametrize("field", ["english", "why", "use"])
def test_lexicon_entry_without_a_field_is_refused(tmp_path: Path, field: str) -> None:
    text = "\n".join(line for line in LEXICON_PACK.splitlines()
                     if not line.startswith(f"{field} ="))
    with pytest.raises(PackError, match=rf"'calque-rule-of-thumb'.*{field!r}"):
        load_pack(write_pack(tmp_path, text))


def test_plain_rule_still_needs_message_and_doc(tmp_path: Path) -> None:
    text = "\n".join(line for line in LEXICON_PACK.splitlines()
                     if not line.startswith(("english =", "why =", "use =")))
    with pytest.raises(PackError, match="'message'"):
        load_pack(write_pack(tmp_path, text))


def test_needs_skips_text_without_the_word_and_ignores_case(tmp_path: Path) -> None:
    text = LEXICON_PACK.replace("bad = [", 'needs = ["DAUMEN"]\nbad = [')
    (rule,) = load_pack(write_pack(tmp_path, text))
    linter = Linter(Config(), {rule.id: rule})
    assert len(linter.check(Document("Eine Daumenregel hilft.", "x.txt")).findings) == 1
    # The pattern would match, but the stated word is missing: the rule does not run.
    text = LEXICON_PACK.replace("bad = [", 'needs = ["Faust"]\nbad = [').replace(
        'good = ["Als Faustregel gilt das."]', 'good = ["Als Faustregel gilt die Daumenregel."]')
    (rule,) = load_pack(write_pack(tmp_path, text))
    linter = Linter(Config(), {rule.id: rule})
    assert linter.check(Document("Eine Daumenregel hilft.", "x.txt")).findings == []


def test_needs_must_be_a_list_of_words(tmp_path: Path) -> None:
    text = LEXICON_PACK.replace("bad = [", 'needs = "Daumen"\nbad = [')
    with pytest.raises(PackError, match="'needs' must be a list"):
        load_pack(write_pack(tmp_path, text))

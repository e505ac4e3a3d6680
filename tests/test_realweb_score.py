"""bench/realweb.py: the dev-set score matches findings to gold rows by line and anchor.

The real pages are never in the repository; these tests build a tiny set of their own.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def realweb():
    spec = importlib.util.spec_from_file_location("realweb", ROOT / "bench" / "realweb.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["realweb"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tiny_set(tmp_path: Path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "01_mt.txt").write_text(
        "Die Partnerschaft\n\nEr nannte die Partnerschaft eine „Bromance„ und ging.\n"
        "Das Wetter war schön, und wir blieben lange im Garten sitzen.\n", encoding="utf-8")
    (texts / "02_clean.txt").write_text(
        "Der Ausschuss tagte am Montag und beschloss den Haushalt.\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text(
        "file\turl\tkind\tgenre\tquery\n01_mt.txt\thttps://example.org/a\tmt\tnews\tq\n"
        "02_clean.txt\thttps://example.org/b\tclean\tnews\tq\n", encoding="utf-8")
    (tmp_path / "gold.tsv").write_text(
        "file\tline\ttier\tcategory\tanchor\tnote\n"
        "01_mt.txt\t3\tcore\tpunctuation\tBromance„\tclosing quote\n"
        "01_mt.txt\t4\tcore\tstyle\tlange im Garten\tinvented miss\n", encoding="utf-8")
    return tmp_path


def set_args(base: Path) -> list[str]:
    return ["--texts", str(base / "texts"), "--gold", str(base / "gold.tsv"),
            "--sources", str(base / "SOURCES.tsv")]


def test_anchor_spans_finds_every_occurrence(realweb):
    assert realweb.anchor_spans("ab ab", "ab") == [(1, 3), (4, 6)]
    assert realweb.anchor_spans("ab", "x") == []


def test_verify_accepts_good_data_and_names_each_problem(realweb, tiny_set, capsys):
    assert realweb.main(["--verify", *set_args(tiny_set)]) == 0
    with (tiny_set / "gold.tsv").open("a", encoding="utf-8") as handle:
        handle.write("01_mt.txt\t3\tcore\tgrammar\tnicht da\tx\n"
                     "01_mt.txt\t9\tmaybe\tslang\tx\tx\n")
    assert realweb.main(["--verify", *set_args(tiny_set)]) == 1
    out = capsys.readouterr().out
    assert "anchor 'nicht da' not on the line" in out
    assert "no such line" in out and "tier 'maybe'" in out and "category 'slang'" in out


def test_score_counts_the_found_row_and_the_missed_one(realweb, tiny_set, capsys):
    assert realweb.main([*set_args(tiny_set), "--show"]) == 0
    out = capsys.readouterr().out
    assert "core recall: 1/2 = 0.50" in out
    assert "punctuation   1/1" in out
    assert "01_mt.txt:4 [style] 'lange im Garten'" in out  # listed as a miss
    assert "false findings on controls: 0 on 1 pages" in out


def test_missing_texts_are_a_clear_error(realweb, tiny_set, capsys):
    (tiny_set / "texts" / "02_clean.txt").unlink()
    assert realweb.main(set_args(tiny_set)) == 2
    assert "rebuild them" in capsys.readouterr().err


def test_findings_on_the_archive_date_prefix_do_not_count(realweb, tiny_set, capsys):
    (tiny_set / "texts" / "02_clean.txt").write_text(
        "date 2019-03 der Ausschuss tagte am Montag.\n", encoding="utf-8")
    assert realweb.main(set_args(tiny_set)) == 0
    assert "false findings on controls: 0 on 1 pages" in capsys.readouterr().out



def test_a_slip_marked_on_a_control_is_not_a_false_finding_nor_in_recall(realweb, tiny_set,
                                                                         capsys):
    (tiny_set / "texts" / "02_clean.txt").write_text(
        "Der Ausschuss nannte es eine „Einigung„ und vertagte sich.\n", encoding="utf-8")
    assert realweb.main(set_args(tiny_set)) == 0
    before = capsys.readouterr().out
    assert "false findings on controls: 1 on 1 pages" in before
    with (tiny_set / "gold.tsv").open("a", encoding="utf-8") as handle:
        handle.write("02_clean.txt\t1\tcore\tpunctuation\tEinigung„\tclosing quote\n")
    assert realweb.main(["--verify", *set_args(tiny_set)]) == 0
    assert realweb.main(set_args(tiny_set)) == 0
    out = capsys.readouterr().out
    assert "false findings on controls: 0 on 1 pages" in out
    assert "slips marked on controls, found: 1/1" in out
    assert "core recall: 1/2 = 0.50" in out  # recall stays over the mt pages


def test_only_the_last_word_of_an_excerpt_cut_mid_word_is_exempt(realweb, tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "cut.txt").write_text("Erste Zeile.\nDann kam der Zug nach langem Wart\n",
                                   encoding="utf-8")
    (texts / "whole.txt").write_text("Erste Zeile.\nDann kam der Zug nach langem Wart.\n",
                                     encoding="utf-8")

    def at(line: int, column: int, end: int) -> dict:
        return {"line": line, "column": column, "end_line": line, "end_column": end}

    last_word = at(2, 29, 33)
    assert realweb.on_cut_last_word(texts, "cut.txt", last_word)
    assert not realweb.on_cut_last_word(texts, "cut.txt", at(2, 6, 9))  # "kam"
    assert not realweb.on_cut_last_word(texts, "cut.txt", at(1, 1, 6))
    assert not realweb.on_cut_last_word(texts, "whole.txt", last_word)  # ends with a full stop

"""Autofix: apply_fixes is pure and never overlaps; --fix writes atomically and keeps the
file's bytes outside the fixed spans; --diff writes nothing."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtlint import check_text
from mtlint.core.finding import Category, Finding, Fix, Safety, Severity
from mtlint.interfaces.cli import main
from mtlint.running.fix import (
    FixWriteError,
    Snapshot,
    apply_fixes,
    encode_like,
    fix_until_stable,
    write_atomically,
)
from mtlint.running.runner import Runner, Target

ROOT = Path(__file__).resolve().parent.parent
BROKEN = "Er nannte es „Bromance„ und sagte \"Freund“.\n"
FIXED = "Er nannte es „Bromance“ und sagte „Freund“.\n"


def finding(offset: int, length: int, replacement: str, rule: str = "r",
            safety: Safety = Safety.SAFE) -> Finding:
    return Finding(rule=rule, category=Category.PUNCTUATION, severity=Severity.ERROR,
                   source="mtlint", offset=offset, length=length, line=1, column=offset + 1,
                   end_line=1, end_column=offset + length + 1, message="m",
                   fix=Fix(offset, length, replacement, safety))


def run_inline(*args: str, select: str = "quote-*") -> tuple[int, str, str]:
    """mtlint in-process; only the quote rules by default, so that exact outputs hold while
    rules are added (select="ALL" for all of them)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", "--languagetool", "off", "--select", select, *args],
                  stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


# --- apply_fixes ----------------------------------------------------------------------

def test_apply_fixes_replaces_only_the_spans_and_skips_unsafe() -> None:
    text = "abcdef"
    new, applied = apply_fixes(text, [finding(4, 1, "E"), finding(1, 2, "XY"),
                                      finding(0, 1, "Q", safety=Safety.UNSAFE)])
    assert new == "aXYdEf"
    assert [(f.offset, f.replacement) for f in applied] == [(1, "XY"), (4, "E")]


def test_overlapping_fixes_the_earlier_wins_the_later_waits() -> None:
    text = "abcdef"
    new, applied = apply_fixes(text, [finding(2, 3, "Z"), finding(1, 2, "Y")])
    assert new == "aYdef" and [f.offset for f in applied] == [1]
    # Two insertions at one point would clash: only the first is taken.
    new, applied = apply_fixes(text, [finding(3, 0, "1"), finding(3, 0, "2")])
    assert new == "abc1def" and len(applied) == 1


def test_identical_fixes_from_two_rules_apply_once_and_noops_are_skipped() -> None:
    new, applied = apply_fixes("abc", [finding(1, 1, "B", "r1"), finding(1, 1, "B", "r2"),
                                       finding(2, 1, "c")])
    assert new == "aBc" and len(applied) == 1


def test_fix_loop_repeats_until_stable_and_is_bounded() -> None:
    # A fake checker: every "aa" wants to become "a"; overlapping fixes need more passes.
    def check(text: str) -> list[Finding]:
        return [finding(i, 2, "a") for i in range(len(text) - 1) if text[i:i + 2] == "aa"]

    outcome = fix_until_stable("aaaa", check("aaaa"), check)
    assert outcome.text == "a" and outcome.settled and len(outcome.passes) == 2
    # A checker that never settles (its first "x" -> "xx" for ever) stops after the bound.
    def grow(text: str) -> list[Finding]:
        return [finding(0, 1, "xx")]

    outcome = fix_until_stable("x", grow("x"), grow, max_passes=3)
    assert outcome.text == "xxxx" and not outcome.settled


# --- property: fixes touch only their spans, and what they fixed is gone ----------------

CLEAN_FRAGMENTS = ["Das ist gut.", "Er kam am 3. Oktober.", "„Ja“, sagte sie.",
                   "Köln 😀 liegt am Rhein.", "Die Firma wächst.", "z. B. Äpfel", "Text"]
ARTIFACTS = ["Er nannte es „Bromance„ und lachte.", "Das Motto \"Mobile first“ gilt.",
             "Sie sprach von „Vertrauen„.", "Das Motto “Mobile first“ gilt weiter."]
SEPARATORS = [" ", "\n", "\r\n", "\n\n", "\r\n\r\n"]

texts = st.lists(
    st.tuples(st.sampled_from(CLEAN_FRAGMENTS + ARTIFACTS), st.sampled_from(SEPARATORS)),
    min_size=1, max_size=8,
).map(lambda parts: "".join(fragment + sep for fragment, sep in parts))


def unchanged_outside(old: str, new: str, applied: list[Fix]) -> bool:
    """Walk old and new together: equal outside the fixes, each span replaced exactly."""
    old_pos = new_pos = 0
    for fix in applied:
        gap = fix.offset - old_pos
        if old[old_pos:fix.offset] != new[new_pos:new_pos + gap]:
            return False
        new_pos += gap
        if new[new_pos:new_pos + len(fix.replacement)] != fix.replacement:
            return False
        new_pos += len(fix.replacement)
        old_pos = fix.offset + fix.length
    return old[old_pos:] == new[new_pos:]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["a.txt", "a.md"]))
def test_fixing_changes_only_fixed_spans_and_removes_the_fixed_findings(text: str,
                                                                        path: str) -> None:
    findings = check_text(text, path)
    for _ in range(5):
        new, applied = apply_fixes(text, findings)
        if not applied:
            break
        assert unchanged_outside(text, new, applied)
        assert new.count("\r\n") == text.count("\r\n")
        # Where each fix landed in the new text, and whose findings it fixed.
        shift, landed = 0, []
        for fix in applied:
            start = fix.offset + shift
            landed.append((fix, start, start + len(fix.replacement)))
            shift += len(fix.replacement) - fix.length
        rechecked = check_text(new, path)
        for fix, start, end in landed:
            fixed_rules = {f.rule for f in findings if f.fix == fix}
            for again in rechecked:
                overlaps = again.offset < max(end, start + 1) and start < again.offset + max(
                    again.length, 1)
                assert not (again.rule in fixed_rules and overlaps), (again, fix)
        text, findings = new, rechecked
    assert not apply_fixes(text, findings)[1], "safe fixes left after 5 passes"


# --- the command line ----------------------------------------------------------------

def test_fix_writes_keeps_crlf_bom_and_mode_and_second_run_changes_nothing(
        tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    original = b"\xef\xbb\xbf" + ("Titel\r\n\r\n" + BROKEN.replace("\n", "\r\n")).encode()
    article.write_bytes(original)
    article.chmod(0o640)
    status, out, err = run_inline(str(article), "--fix")
    assert status == 0, out
    assert out.strip() == "0 problems in 1 file."
    assert "fixed 2 problems in 1 file" in err
    expected = b"\xef\xbb\xbf" + ("Titel\r\n\r\n" + FIXED.replace("\n", "\r\n")).encode()
    assert article.read_bytes() == expected
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left
    mtime = article.stat().st_mtime_ns
    status, _, err = run_inline(str(article), "--fix")
    assert status == 0 and "fixed 0 problems in 0 files" in err
    assert article.read_bytes() == expected and article.stat().st_mtime_ns == mtime


def test_fix_reports_the_remaining_findings(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BROKEN, encoding="utf-8")
    status, out, _ = run_inline(str(article), "--fix", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["files"][0]["findings"] == []
    assert article.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_the_encoding_given_with_encoding(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(("Größe: " + BROKEN).encode("cp1252"))
    status, _, _ = run_inline(str(article), "--fix", "--encoding", "cp1252")
    assert status == 0
    assert article.read_bytes() == ("Größe: " + FIXED).encode("cp1252")


def test_encoding_keeps_the_bom_and_refuses_what_it_cannot_hold() -> None:
    assert encode_like("„a“", b"\xef\xbb\xbfx", "utf-8") == b"\xef\xbb\xbf" + "„a“".encode()
    assert encode_like("„a“", b"\xef\xbb\xbfx", "utf-8-sig") == b"\xef\xbb\xbf" + "„a“".encode()
    assert encode_like("„a“", b"x", "utf-8-sig") == "„a“".encode()
    with pytest.raises(FixWriteError, match="latin-1 cannot encode; not written"):
        encode_like("„a“", b"x", "latin-1")


def test_file_changed_while_fixing_is_refused(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BROKEN, encoding="utf-8")
    real_check = Runner.check_document

    def check_and_meddle(self, doc, config=None):
        if not article.read_text(encoding="utf-8").startswith("Jemand"):
            article.write_text("Jemand schrieb dazwischen.\n" + BROKEN, encoding="utf-8")
        return real_check(self, doc, config)

    monkeypatch.setattr(Runner, "check_document", check_and_meddle)
    status, _, err = run_inline(str(article), "--fix")
    assert status == 2
    assert "changed since it was read; not written" in err
    assert article.read_text(encoding="utf-8") == "Jemand schrieb dazwischen.\n" + BROKEN


def test_write_atomically_refuses_a_changed_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"eins\n")
    snapshot = Snapshot.take(Target(str(article), article))
    article.write_bytes(b"zwei\n")
    with pytest.raises(FixWriteError, match="changed since it was read"):
        write_atomically(snapshot, b"drei\n")
    assert article.read_bytes() == b"zwei\n"
    snapshot = Snapshot.take(Target(str(article), article))
    write_atomically(snapshot, b"drei\n")
    assert article.read_bytes() == b"drei\n"


def test_fix_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text(BROKEN, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run_inline(str(link), "--fix")[0] == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == FIXED


def test_diff_prints_a_patch_writes_nothing_and_exits_as_check(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Zeile eins.\n" + BROKEN, encoding="utf-8")
    status, out, err = run_inline(str(article), "--diff")
    assert status == 1  # as `check`: the file still has the findings
    shown = str(article).lstrip("/")  # absolute paths: `patch -p1 -d /` applies the diff
    assert out.splitlines() == [
        f"--- a/{shown}", f"+++ b/{shown}", "@@ -1,2 +1,2 @@", " Zeile eins.",
        "-" + BROKEN.rstrip("\n"), "+" + FIXED.rstrip("\n")]
    assert "would fix 2 problems in 1 file" in err
    assert article.read_text(encoding="utf-8") == "Zeile eins.\n" + BROKEN
    if shutil.which("patch"):
        subprocess.run(["patch", "-s", "-p1", "-d", "/"], input=out, text=True, check=True)
        assert article.read_text(encoding="utf-8") == "Zeile eins.\n" + FIXED


def test_diff_with_json_and_fix_with_other_paths_are_usage_errors(tmp_path: Path) -> None:
    assert run_inline(str(tmp_path), "--diff", "--format", "json")[0] == 2
    assert run_inline("-", str(tmp_path), "--fix")[0] == 2
    assert run_inline(str(tmp_path), "--fix", "--diff")[0] == 2


def test_fix_on_stdin_prints_only_the_fixed_text() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mtlint", "check", "-", "--fix", "--languagetool", "off",
         "--select", "quote-*", "--stdin-filename", "x.md"],
        input=("# Titel\n\n" + BROKEN).encode(), capture_output=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ("# Titel\n\n" + FIXED).encode()


def test_fix_on_a_copy_of_the_seeds_leaves_only_findings_without_a_safe_fix(
        tmp_path: Path, seeds_dir: Path) -> None:
    copy = tmp_path / "seeds"
    shutil.copytree(seeds_dir, copy)
    before = {p.name: p.read_bytes() for p in copy.iterdir()}
    _, diff, _ = run_inline(str(copy), "--diff", select="ALL")
    run_inline(str(copy), "--fix", select="ALL")
    _, out, _ = run_inline(str(copy), "--format", "json", select="ALL")
    data = json.loads(out)
    assert [f for file in data["files"] for f in file["findings"] if "fix" in f] == []
    changed = [name for name, data in before.items() if (copy / name).read_bytes() != data]
    # --diff showed exactly the files that --fix changed.
    assert sorted(changed) == sorted(
        Path(line[6:]).name for line in diff.splitlines() if line.startswith("+++ b/"))
    assert sorted(os.listdir(copy)) == sorted(os.listdir(seeds_dir))  # no temporary files


@pytest.mark.parametrize("fault", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["disk-full", "ctrl-c"])
def test_a_fault_while_writing_leaves_the_original_intact(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: BaseException) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BROKEN, encoding="utf-8")

    def failing_replace(*_: object) -> None:
        raise fault

    monkeypatch.setattr(os, "replace", failing_replace)
    if isinstance(fault, KeyboardInterrupt):
        status, _, err = run_inline(str(article), "--fix")
        assert status == 130 and "interrupted" in err
    else:
        status, _, err = run_inline(str(article), "--fix")
        assert status == 2 and "No space left on device" in err
    assert article.read_text(encoding="utf-8") == BROKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left

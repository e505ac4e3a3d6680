"""Safe autofix: apply the safe fixes of findings to a text (pure), repeat until the text
is stable, show the result as a unified diff, and write it back to the file atomically.

Fixes never overlap: sorted by position, a fix that overlaps one already taken waits for
the next pass (the earlier one wins); after each pass the text is checked again, at most
MAX_PASSES times. The write goes to a temporary file in the same folder that then replaces
the original (os.replace), with the original's permissions, line endings, BOM and
encoding; it is refused when the file changed since it was read.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import regex

from mtlint.core.document import Document, DocumentError
from mtlint.core.finding import Finding, Fix
from mtlint.running.runner import FileResult, Runner, Target, read_target

MAX_PASSES = 5
UTF8_BOM = b"\xef\xbb\xbf"
LINE_WITH_BREAK = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class FixWriteError(Exception):
    """The fixed text was not written; the message says why."""


def safe_fixes(findings: Iterable[Finding]) -> list[Fix]:
    """The safe fixes of the findings, in text order."""
    fixes = {f.safe_fix for f in findings if f.safe_fix is not None}
    return sorted(fixes, key=lambda fix: (fix.offset, fix.length, fix.replacement))


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, list[Fix]]:
    """Apply the safe fixes that do not overlap an earlier one; returns the new text and
    the fixes applied (offsets into `text`). Fixes that change nothing are skipped."""
    pieces: list[str] = []
    applied: list[Fix] = []
    cursor = 0  # end of the text consumed so far
    last_insert = -1  # offset of the last applied insertion (two at one point would clash)
    for fix in safe_fixes(findings):
        start, end = fix.offset, fix.offset + fix.length
        if start < cursor or end > len(text) or start < 0:
            continue  # overlaps a fix already taken, or outside the text
        if fix.length == 0 and start == last_insert:
            continue
        if text[start:end] == fix.replacement:
            continue
        pieces.append(text[cursor:start])
        pieces.append(fix.replacement)
        cursor = end
        if fix.length == 0:
            last_insert = start
        applied.append(fix)
    pieces.append(text[cursor:])
    return "".join(pieces), applied


@dataclass
class FixOutcome:
    """The result of fixing a text until it is stable."""

    text: str
    findings: list[Finding]  # the findings of `text`
    passes: list[list[Fix]] = field(default_factory=list)  # fixes applied, per pass

    @property
    def applied(self) -> int:
        return sum(len(fixes) for fixes in self.passes)

    @property
    def settled(self) -> bool:
        """False if safe fixes were still left after MAX_PASSES passes."""
        return not apply_fixes(self.text, self.findings)[1]


def fix_until_stable(text: str, findings: list[Finding], check: Callable[[str], list[Finding]],
                     max_passes: int = MAX_PASSES) -> FixOutcome:
    """Apply safe fixes and re-check until nothing is left to fix, at most `max_passes`."""
    outcome = FixOutcome(text, findings)
    for _ in range(max_passes):
        new_text, applied = apply_fixes(outcome.text, outcome.findings)
        if not applied:
            break
        outcome.passes.append(applied)
        outcome.text = new_text
        outcome.findings = check(new_text)
    return outcome


def fix_document(doc: Document, findings: list[Finding],
                 check: Callable[[Document], list[Finding]],
                 max_passes: int = MAX_PASSES) -> tuple[Document, FixOutcome]:
    """Fix a document; `check` lints a document. Returns the fixed document and the outcome."""
    current = {"doc": doc}

    def check_text(text: str) -> list[Finding]:
        current["doc"] = Document(text, doc.path, markdown=doc.markdown, html=doc.html,
                                  html_options=doc.html_options, encoding=doc.encoding)
        return check(current["doc"])

    outcome = fix_until_stable(doc.source.text, findings, check_text, max_passes)
    return current["doc"], outcome


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff of two texts (line endings kept; a missing final one is marked)."""
    # `patch -p1` strips the first component: an absolute path must not start with "//".
    shown = path.lstrip("/")
    lines = difflib.unified_diff(LINE_WITH_BREAK.findall(before), LINE_WITH_BREAK.findall(after),
                                 fromfile=f"a/{shown}", tofile=f"b/{shown}")
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


# --- writing ------------------------------------------------------------------------

def encode_like(text: str, original: bytes, encoding: str) -> bytes:
    """Encode the fixed text as the original was: same encoding, UTF-8 BOM kept."""
    try:
        if is_utf8(encoding):
            # Reading removed exactly one BOM (utf-8 and utf-8-sig alike): put it back.
            return (UTF8_BOM if original.startswith(UTF8_BOM) else b"") + text.encode("utf-8")
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        raise FixWriteError(
            f"the fixed text has {error.object[error.start]!r}, which {encoding} cannot "
            "encode; not written") from None


def is_utf8(encoding: str) -> bool:
    return encoding.replace("-", "").replace("_", "").lower() in ("utf8", "utf8sig")


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read: its bytes and the stat facts that tell a later change."""

    path: Path
    data: bytes
    mtime_ns: int
    size: int

    @classmethod
    def take(cls, target: Target) -> Snapshot:
        """Read a target; raises DocumentError as the runner does."""
        assert target.path is not None
        data = read_target(target)
        try:
            info = target.path.stat()
        except OSError as error:
            raise DocumentError(f"cannot read: {error.strerror or error}") from None
        return cls(target.path, data, info.st_mtime_ns, info.st_size)

    def unchanged(self) -> bool:
        """Whether the file still has the bytes (and size and mtime) it had when read."""
        try:
            info = self.path.stat()
            return (info.st_mtime_ns == self.mtime_ns and info.st_size == self.size
                    and self.path.read_bytes() == self.data)
        except OSError:
            return False


def write_atomically(snapshot: Snapshot, data: bytes) -> None:
    """Replace the file with `data`: temporary file in the same folder, then os.replace.

    Keeps the mode (and owner where allowed); refuses if the file changed since the
    snapshot was taken. A symbolic link is followed, so the link itself stays.
    """
    target = snapshot.path.resolve()
    if not snapshot.unchanged():
        raise FixWriteError("the file changed since it was read; not written (run again)")
    info = target.stat()
    try:
        handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".mtlint-fix")
    except OSError as error:
        raise FixWriteError(f"cannot write to its folder: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(temp_name):
            # Not allowed to give the file away: it keeps our ownership.
            with contextlib.suppress(PermissionError):
                os.chown(temp_name, info.st_uid, info.st_gid)
        if not snapshot.unchanged():  # narrow the window as far as a rename allows
            raise FixWriteError("the file changed since it was read; not written (run again)")
        os.replace(temp_name, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise FixWriteError(f"cannot write: {error.strerror or error}") from None
        raise


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


# --- one file, as the command line meets it -------------------------------------------

@dataclass
class FixedFile:
    """A checked file and what fixing did to it."""

    result: FileResult  # findings of the fixed text (with --diff: of the text as it is)
    before: str = ""
    after: str = ""
    applied: int = 0
    settled: bool = True
    stdin: bool = False  # standard input: the fixed text is printed, not written

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fix_target(runner: Runner, target: Target, stdin_data: bytes | None = None,
               stdin_name: str | None = None, *, dry_run: bool = False) -> FixedFile:
    """Check a target and fix its text until stable; a file is written back atomically.

    With `dry_run` (--diff) nothing is written and the result holds the findings of the
    text as it is; otherwise the findings that remain after fixing. Standard input is
    never written (the caller prints the fixed text).
    """
    snapshot = None
    if target.path is not None and target.error is None:
        try:
            snapshot = Snapshot.take(target)
        except DocumentError as error:
            return FixedFile(FileResult(target.display, error=str(error)))
        # Check the very bytes that the write will compare against.
        result = runner.check_target(Target(target.display, None), snapshot.data, target.display)
    else:
        result = runner.check_target(target, stdin_data, stdin_name)
    doc = result.document
    if result.error or doc is None:
        return FixedFile(result)

    config = runner.config_for(Path(doc.path))
    fixed_doc, outcome = fix_document(
        doc, result.findings, lambda d: runner.check_document(d, config).findings)
    fixed = FixedFile(result, doc.source.text, outcome.text, outcome.applied, outcome.settled,
                      stdin=target.path is None)
    if dry_run:
        return fixed
    fixed.result = FileResult(doc.path, outcome.findings, None, result.notes, fixed_doc,
                              result.fail_on)
    if snapshot is not None and fixed.changed:
        try:
            write_atomically(snapshot, encode_like(outcome.text, snapshot.data, doc.encoding))
        except FixWriteError as error:
            # Nothing was written: report the file as it is.
            fixed.result = FileResult(doc.path, result.findings, str(error), result.notes, doc,
                                      result.fail_on)
            fixed.after, fixed.applied = fixed.before, 0
    return fixed


def report_fixes(fixed_files: Sequence[FixedFile], stdout: TextIO, stderr: TextIO, *,
                 diff: bool) -> bool:
    """Tell what fixing did. Returns True if the output is complete: the diff (--diff),
    or the fixed text of standard input (--fix -); False if the findings follow."""
    for fixed in fixed_files:
        if not fixed.settled:
            print(f"mtlint: {fixed.result.path}: note: safe fixes were still left after "
                  f"{MAX_PASSES} passes; run --fix again", file=stderr)
    counts = [fixed.applied for fixed in fixed_files]
    if diff:
        for fixed in fixed_files:
            if fixed.changed:
                stdout.write(unified_diff(fixed.before, fixed.after, fixed.result.path))
        print(f"mtlint: {summarize(counts, would=True)}.", file=stderr)
        return True
    if len(fixed_files) == 1 and fixed_files[0].stdin:
        stdout.write(fixed_files[0].after)
        return True
    print(f"mtlint: {summarize(counts)}.", file=stderr)
    return False


def summarize(counts: Sequence[int], would: bool = False) -> str:
    """'fixed N problems in M files' for the fixes applied per file."""
    fixed = sum(counts)
    files = sum(1 for count in counts if count)
    verb = "would fix" if would else "fixed"
    return (f"{verb} {fixed} problem{'s' if fixed != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''}")

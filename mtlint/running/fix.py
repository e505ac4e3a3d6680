"""Safe autofix: apply the safe fixes of findings to a text (pure), repeat until the text
is stable, show the result as a unified diff, and write it back to the file atomically.

Fixes never overlap: sorted by position, a fix that overlaps one already taken waits for
the next pass (the earlier one wins); after each pass the text is checked again, at most
MAX_PASSES times. The write goes to a temporary file in the same folder that then replaces
the original (os.replace), with the original's permissions, line endings, BOM and
encoding; it is refused when the file changed since it was read.
"""

from __future__ import annotations

import codecs
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

from mtlint.core.display import printable
from mtlint.core.document import Document, DocumentError, read_regular_file
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
    """Encode the fixed text as the original was: same encoding, its byte-order mark (UTF-8,
    UTF-16 or UTF-32) and byte order kept."""
    name = codecs.lookup(encoding).name
    try:
        if name in ("utf-8", "utf-8-sig"):
            # Reading removed exactly one BOM (utf-8 and utf-8-sig alike): put it back.
            return (UTF8_BOM if original.startswith(UTF8_BOM) else b"") + text.encode("utf-8")
        if name in ("utf-16", "utf-32"):
            # Python writes these in the machine's byte order; keep the file's.
            little, big = ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) if name == "utf-16"
                           else (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
            order = f"{name}-be" if original.startswith(big) else f"{name}-le"
            bom = "\ufeff" if original.startswith((little, big)) else ""
            return (bom + text).encode(order)
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        raise FixWriteError(
            f"the fixed text has {error.object[error.start]!r}, which {encoding} cannot "
            "encode; not written") from None


def is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def check_round_trip(original: bytes, text: str, encoding: str) -> None:
    """Raise FixWriteError unless writing the text as read gives back the file's very
    bytes, and unless `encoding` is plausibly the file's: a fix must change nothing it did
    not mean to change (a UTF-8 file read as cp1252 would be transcoded by its fixes)."""
    if not is_utf8(encoding) and not original.isascii():
        try:
            original.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise FixWriteError(f"the file is valid UTF-8 but was read as {encoding}; not "
                                "written (check --encoding or the `encoding` setting)")
    if encode_like(text, original, encoding) != original:
        raise FixWriteError(f"reading and writing it as {encoding} would change bytes "
                            "no fix touches; not written")


def write_refusal(info: os.stat_result, *, writable: bool = True) -> str | None:
    """Why a file (its stat result) must not be replaced, or None. `writable`: whether
    this user may write it (os.access)."""
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file; not written"
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not writable:
        return f"the file is read-only (mode {stat.S_IMODE(info.st_mode):04o}); not written"
    if info.st_nlink > 1:
        return (f"the file has {info.st_nlink} hard links, which replacing it would break; "
                "not written")
    return None


def _copy_extended_attributes(source: Path, target: str) -> None:
    """Give the new file the original's extended attributes (ACLs, labels, tags)."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(source)
    except OSError:
        return  # the file system has none
    for name in names:
        try:
            os.setxattr(target, name, os.getxattr(source, name))
        except OSError as error:
            raise FixWriteError(f"cannot keep its extended attribute {name}: "
                                f"{error.strerror or error}; not written") from None


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
                    and read_regular_file(self.path) == self.data)
        except (OSError, DocumentError):
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
    refusal = write_refusal(info, writable=os.access(target, os.W_OK))
    if refusal:
        raise FixWriteError(refusal)
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
        _copy_extended_attributes(target, temp_name)
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
            check_round_trip(snapshot.data, doc.source.text, doc.encoding)
            write_atomically(snapshot, encode_like(outcome.text, snapshot.data, doc.encoding))
        except FixWriteError as error:
            # Nothing was written: report the file as it is.
            fixed.result = FileResult(doc.path, result.findings, str(error), result.notes, doc,
                                      result.fail_on)
            fixed.after, fixed.applied = fixed.before, 0
    return fixed


def report_fixes(fixed_files: Sequence[FixedFile], stdout: TextIO, stderr: TextIO, *,
                 diff: bool) -> bool:
    """Tell what fixing did (the diff shows the text as it is: a patch must apply).
    Returns True if the output is complete: the diff (--diff),
    or the fixed text of standard input (--fix -); False if the findings follow."""
    for fixed in fixed_files:
        if not fixed.settled:
            print(f"mtlint: {printable(fixed.result.path)}: note: safe fixes were still left after "
                  f"{MAX_PASSES} passes; run --fix again", file=stderr)
    counts = [fixed.applied for fixed in fixed_files]
    if diff:
        for fixed in fixed_files:
            if fixed.changed:
                stdout.write(unified_diff(fixed.before, fixed.after, printable(fixed.result.path)))
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

"""A plain git pre-commit hook (no framework): `mtlint hook install|uninstall|run`.

`install` writes `pre-commit` into the folder git names for hooks (`git rev-parse
--git-path hooks`, so worktrees and core.hooksPath work). An existing hook that is not
mtlint's is kept: it is renamed to `pre-commit.local` and the new hook runs it first (if it
fails, the commit stops there). If `pre-commit.local` exists too, install refuses rather
than overwrite anything. `uninstall` removes mtlint's hook and puts `pre-commit.local`
back. The hook runs the same Python that installed it (`sys.executable -m mtlint`).

`run` (what the hook calls) checks the STAGED content of the staged *.txt/*.md files —
not the work tree, so an unstaged edit neither fails nor passes a commit — each under its
real path, so that the configuration (found from that path in the work tree) and Markdown
detection apply; the exit status follows the configured fail level. LanguageTool is used
as `mtlint check` uses it (a configured server, or a local install).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import stat
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

HOOK = "pre-commit"
CHAINED = "pre-commit.local"
MARKER = "# installed by mtlint: `mtlint hook uninstall` removes it"
SCRIPT = """#!/bin/sh
{marker}
# Checks the staged content of the staged .txt/.md files with mtlint.
hooks_dir=$(dirname -- "$0")
if [ -x "$hooks_dir/{chained}" ]; then
    "$hooks_dir/{chained}" "$@" || exit $?
fi
{environment}# The Python that installed the hook; where the hooks folder is shared and that
# Python is not there, the mtlint on PATH, then python3's.
if [ -x {python} ]; then
    exec {python} -m mtlint hook run{options}
elif command -v mtlint >/dev/null 2>&1; then
    exec mtlint hook run{options}
fi
exec python3 -m mtlint hook run{options}
"""


class HookError(Exception):
    """A hook cannot be installed, removed or run; the message says why."""


def git(*args: str, cwd: Path | None = None, binary: bool = False) -> str | bytes:
    """Run git; raises HookError with git's own message when it fails."""
    try:
        # --literal-pathspecs: a path is a path, never ":(icase)…" or ":!…" magic.
        proc = subprocess.run(["git", "--literal-pathspecs", *args], cwd=cwd,
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise HookError("git is not installed (or not on PATH)") from None
    if proc.returncode != 0:
        message = proc.stderr.decode(errors="replace").strip() or f"git {args[0]} failed"
        raise HookError(message)
    return proc.stdout if binary else proc.stdout.decode(errors="surrogateescape")


def hooks_dir(cwd: Path | None = None) -> Path:
    """The folder git runs hooks from (core.hooksPath and worktrees respected)."""
    cwd = Path.cwd() if cwd is None else cwd
    return (cwd / str(git("rev-parse", "--git-path", "hooks", cwd=cwd)).strip()).resolve()


def is_ours(hook: Path) -> bool:
    try:
        return MARKER in hook.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def hook_script(options: Sequence[str] = ()) -> str:
    """The hook, calling this Python and this mtlint (found through PYTHONPATH if needed)
    with `options` for `hook run` (--fail-on, --select, ...)."""
    environment = ""
    package_parent = Path(__file__).resolve().parent.parent.parent
    if not _importable_without_path(package_parent):
        environment = (f"PYTHONPATH={shlex.quote(str(package_parent))}"
                       '${PYTHONPATH:+:$PYTHONPATH}\nexport PYTHONPATH\n')
    return SCRIPT.format(marker=MARKER, chained=CHAINED, environment=environment,
                         python=shlex.quote(sys.executable),
                         options="".join(" " + shlex.quote(o) for o in options))


def _importable_without_path(package_parent: Path) -> bool:
    """Whether this interpreter finds this very mtlint without PYTHONPATH (installed)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, "-c", "import mtlint; print(mtlint.__file__)"], env=env,
        cwd=Path("/"), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return False
    return Path(proc.stdout.strip()).resolve().parent.parent == package_parent


def install(cwd: Path | None = None, options: Sequence[str] = ()) -> str:
    """Install the hook; returns what was done. Raises HookError rather than overwrite,
    and leaves everything as it was when a write fails (the new hook is written first,
    the user's hook moved only then, and moved back should the last step fail)."""
    folder = hooks_dir(cwd)
    hook, chained = folder / HOOK, folder / CHAINED
    note = ""
    keep_user_hook = False
    if hook.exists() or hook.is_symlink():
        if is_ours(hook):
            note = " (updated)"
        elif chained.exists() or chained.is_symlink():
            raise HookError(
                f"{hook} exists and is not mtlint's, and {chained} exists too; not installed. "
                f"Merge them into one hook, or call `{sys.executable} -m mtlint hook run` "
                "from your own hook")
        else:
            keep_user_hook = True
            note = f"; the earlier hook is kept as {CHAINED} and runs first"
    temp = folder / f".{HOOK}.mtlint-new"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp.write_text(hook_script(options), encoding="utf-8")
        temp.chmod(temp.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        if keep_user_hook:
            hook.rename(chained)
        try:
            os.replace(temp, hook)
        except OSError:
            if keep_user_hook:
                chained.rename(hook)
            raise
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise HookError(f"cannot write the hook in {folder}: {error.strerror or error}; "
                        "nothing was changed") from None
    return f"installed mtlint's pre-commit hook in {hook}{note}"


def uninstall(cwd: Path | None = None) -> str:
    """Remove mtlint's hook and restore a chained earlier hook."""
    folder = hooks_dir(cwd)
    hook, chained = folder / HOOK, folder / CHAINED
    if not (hook.exists() or hook.is_symlink()):
        return f"no pre-commit hook in {folder}; nothing to do"
    if not is_ours(hook):
        raise HookError(f"{hook} was not installed by mtlint; left alone")
    try:
        if chained.exists() or chained.is_symlink():
            os.replace(chained, hook)  # one step: there is always a hook
            return f"removed mtlint's pre-commit hook; the earlier hook is back as {hook}"
        hook.unlink()
    except OSError as error:
        raise HookError(f"cannot change the hooks in {folder}: {error.strerror or error}; "
                        "nothing was changed") from None
    return f"removed mtlint's pre-commit hook from {folder}"


# --- the hook itself ------------------------------------------------------------------

@dataclass(frozen=True)
class StagedFile:
    path: str  # relative to the top of the work tree, with forward slashes
    blob: str  # the staged blob's object name


def staged_files(top: Path, suffixes: frozenset[str]) -> list[StagedFile]:
    """The staged (added, copied, modified) regular files with these suffixes (a rename
    counts as added). Read from `git diff --cached --raw -z`, which names each path's
    staged blob: no path is ever handed back to git, where ":(icase)a.md" or ":!b.md"
    would be read as a pathspec."""
    raw = str(git("diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames",
                  "--diff-filter=ACM", cwd=top))
    fields = raw.split("\0")
    files = []
    for info, path in zip(fields[0::2], fields[1::2], strict=False):
        parts = info.lstrip(":").split()
        if len(parts) != 5 or not path:
            continue
        _, mode, _, blob, _ = parts
        if mode in ("100644", "100755") and Path(path).suffix.lower() in suffixes:
            files.append(StagedFile(path, blob))  # no symlinks, no submodules
    return files


def read_blobs(top: Path, blobs: list[str]) -> list[bytes]:
    """The content of blobs, through one `git cat-file --batch`."""
    proc = subprocess.run(["git", "cat-file", "--batch"], cwd=top, check=True,
                          input="".join(b + "\n" for b in blobs).encode(), capture_output=True)
    out, pos, contents = proc.stdout, 0, []
    for _ in blobs:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        contents.append(out[header_end + 1:header_end + 1 + size])
        pos = header_end + 1 + size + 1
    return contents


def run(stdout: TextIO, stderr: TextIO, cwd: Path | None = None, *,
        overrides: dict | None = None, languagetool_setting: str = "configured") -> int:
    """Check the staged content; the exit status of `mtlint check` (1 refuses the commit).
    `overrides`: what `mtlint check`'s --select, --ignore and --fail-on override."""
    from mtlint.backends.languagetool import Session
    from mtlint.core.document import Document, DocumentError
    from mtlint.lint.config import ConfigError
    from mtlint.output import Report, exit_status, printable
    from mtlint.output.text import render
    from mtlint.running.runner import CHECKED_SUFFIXES, FileResult, Runner

    top = Path(str(git("rev-parse", "--show-toplevel", cwd=cwd)).strip())
    staged = staged_files(top, CHECKED_SUFFIXES)
    if not staged:
        return 0
    runner = Runner(overrides=overrides)
    try:
        # A configured server only: starting a local LanguageTool would add 10 s or more
        # to every commit.
        languagetool = Session(languagetool_setting, runner)
    except ValueError as error:
        raise HookError(str(error)) from None
    results = []
    for file, data in zip(staged, read_blobs(top, [f.blob for f in staged]), strict=True):
        try:
            config = runner.config_for(top / file.path)
            doc = Document.from_bytes(data, file.path, encoding=config.encoding,
                                      html_options=config.html)
        except (ConfigError, DocumentError) as error:
            results.append(FileResult(file.path, error=str(error)))
            print(printable(f"mtlint: {file.path}: {error}"), file=stderr)
            continue
        results.append(runner.check_document(doc, config))
        languagetool.submit(results[-1], config)
    report = Report(results, languagetool.finish())
    status = exit_status(report)
    if report.finding_count or status:
        color = stdout.isatty() and "NO_COLOR" not in os.environ
        stdout.write(render(report, color=color))
        if languagetool.note and _first_time(languagetool.note):
            # Only with a report, and once: not a line on every commit.
            print(printable(f"mtlint: note: {languagetool.note}"), file=stderr)
    if status:
        print("mtlint: commit refused: fix the staged text (`git add` it), or commit with "
              "--no-verify to skip the check", file=stderr)
    return status


def _first_time(note: str) -> bool:
    """Whether this note has not been shown by an earlier commit's hook (remembered in
    mtlint's cache folder; where that cannot be written, it is shown)."""
    import hashlib

    from mtlint.core.cachedir import default_cache_dir

    digest = hashlib.sha1(note.encode(), usedforsecurity=False).hexdigest()[:16]
    marker = default_cache_dir() / f"hook-note-{digest}"
    if marker.exists():
        return False
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass
    return True

"""The plain git pre-commit hook, with real git repositories and real commits."""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mtlint.interfaces import hook
from mtlint.interfaces.cli import main

BROKEN = "Er nannte es „Bromance„ und lachte.\n"
CLEAN = "Er nannte es „Bromance“ und lachte.\n"
WARNING_ONLY = "Das Motto \"Mobile first“ gilt weiter.\n"  # quote-english-opening: warning


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the machine's git configuration out of the tests."""
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_INDEX_FILE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check,
                          timeout=120)


@pytest.fixture
def repo(tmp_path: Path, git_env: None) -> Path:
    path = tmp_path / "my articles"  # a space in the path on purpose
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Test")
    git(path, "config", "user.email", "test@example.org")
    git(path, "commit", "-q", "--allow-empty", "-m", "start")
    # Only the quote rules, so that what counts as clean here stays so while rules are added.
    (path / ".mtlint.toml").write_text('select = ["quote-*"]\n', encoding="utf-8")
    return path


def commit(repo: Path, message: str = "article") -> subprocess.CompletedProcess:
    """git commit; git passes the hook's output on to its stderr."""
    return git(repo, "commit", "-m", message, check=False)


def add(repo: Path, name: str, text: str) -> None:
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name)


def test_article_with_an_error_is_refused_with_the_report(repo: Path) -> None:
    hook.install(repo)
    add(repo, "texte/neu.txt", "Titel\n\n" + BROKEN)
    proc = commit(repo)
    assert proc.returncode == 1
    assert "texte/neu.txt:3:23: error [quote-low-closing]" in proc.stderr
    assert "commit refused" in proc.stderr
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_clean_article_and_an_error_only_in_an_unstaged_edit_are_committed(repo: Path) -> None:
    hook.install(repo)
    add(repo, "a.md", "# Titel\n\n" + CLEAN + "\n```\n„Code„\n```\n")
    (repo / "a.md").write_text(BROKEN, encoding="utf-8")  # not staged
    add(repo, "b.py", "x = '„a„ b'\n")  # not a text file: not checked
    proc = commit(repo)
    assert proc.returncode == 0, proc.stderr
    # The other way round: a staged error is refused although the work tree is clean.
    add(repo, "c.txt", BROKEN)
    (repo / "c.txt").write_text(CLEAN, encoding="utf-8")
    proc = commit(repo)
    assert proc.returncode == 1 and "c.txt:1:23" in proc.stderr


def test_configured_fail_level_applies(repo: Path) -> None:
    hook.install(repo)
    (repo / ".mtlint.toml").write_text('select = ["quote-*"]\nfail-on = "error"\n',
                                       encoding="utf-8")
    add(repo, "a.txt", WARNING_ONLY)
    proc = commit(repo)
    assert proc.returncode == 0, proc.stderr
    assert "[quote-english-opening]" in proc.stderr  # reported, but below the fail level


def test_existing_hook_is_chained_and_restored_on_uninstall(repo: Path) -> None:
    hooks = repo / ".git" / "hooks"
    earlier = "#!/bin/sh\necho earlier hook ran >> \"$(git rev-parse --git-dir)/ran\"\nexit 0\n"
    (hooks / "pre-commit").write_text(earlier, encoding="utf-8")
    (hooks / "pre-commit").chmod(0o750)
    assert "kept as pre-commit.local" in hook.install(repo)
    assert (hooks / "pre-commit.local").read_text(encoding="utf-8") == earlier
    add(repo, "a.txt", CLEAN)
    assert commit(repo).returncode == 0
    assert (repo / ".git" / "ran").read_text(encoding="utf-8") == "earlier hook ran\n"
    add(repo, "b.txt", BROKEN)
    assert commit(repo).returncode == 1  # the earlier hook passed, mtlint refused

    (hooks / "pre-commit.local").write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    add(repo, "b.txt", CLEAN)
    assert commit(repo).returncode == 1  # the earlier hook's refusal stands

    (hooks / "pre-commit.local").write_text(earlier, encoding="utf-8")
    assert "earlier hook is back" in hook.uninstall(repo)
    assert (hooks / "pre-commit").read_text(encoding="utf-8") == earlier
    assert (hooks / "pre-commit").stat().st_mode & 0o777 == 0o750
    assert not (hooks / "pre-commit.local").exists()


def test_install_never_overwrites_and_uninstall_leaves_foreign_hooks(repo: Path) -> None:
    hooks = repo / ".git" / "hooks"
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (hooks / "pre-commit.local").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    with pytest.raises(hook.HookError, match="not installed"):
        hook.install(repo)
    with pytest.raises(hook.HookError, match="not installed by mtlint; left alone"):
        hook.uninstall(repo)
    assert (hooks / "pre-commit").read_text(encoding="utf-8") == "#!/bin/sh\nexit 0\n"
    (hooks / "pre-commit.local").unlink()
    (hooks / "pre-commit").unlink()
    assert "nothing to do" in hook.uninstall(repo)
    # Installing twice updates mtlint's own hook instead of chaining it to itself.
    hook.install(repo)
    assert "(updated)" in hook.install(repo)
    assert not (hooks / "pre-commit.local").exists()
    assert "removed" in hook.uninstall(repo)
    assert sorted(p.name for p in hooks.iterdir() if not p.name.endswith(".sample")) == []


def test_core_hooks_path_through_the_command_line(repo: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    git(repo, "config", "core.hooksPath", "team hooks")
    monkeypatch.chdir(repo)
    out = io.StringIO()
    assert main(["hook", "install"], stdout=out, stderr=io.StringIO()) == 0
    assert (repo / "team hooks" / "pre-commit").is_file()
    assert str(repo / "team hooks" / "pre-commit") in out.getvalue()
    assert not (repo / ".git" / "hooks" / "pre-commit").exists()
    add(repo, "a.txt", BROKEN)
    assert commit(repo).returncode == 1


def test_worktree_shares_the_hook(repo: Path) -> None:
    worktree = repo.parent / "second tree"
    git(repo, "worktree", "add", "-q", "-b", "side", str(worktree))
    hook.install(worktree)
    assert (repo / ".git" / "hooks" / "pre-commit").is_file()
    add(worktree, "a.txt", BROKEN)
    proc = commit(worktree)
    assert proc.returncode == 1 and "a.txt:1:23" in proc.stderr


def test_hook_calls_the_installing_python() -> None:
    script = hook.hook_script()
    assert f"exec {hook.shlex.quote(hook.sys.executable)} -m mtlint hook run" in script
    assert hook.MARKER in script
    assert os.access(hook.__file__, os.R_OK)


def test_a_local_languagetool_is_not_started_for_a_commit(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        fake_install: Callable[..., None]) -> None:
    fake_install()
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "cache"))  # the note not yet shown
    monkeypatch.setenv("PATH", os.environ["PATH"] + os.pathsep + "/usr/bin:/bin")  # git
    monkeypatch.delenv("MTLINT_LANGUAGETOOL_URL", raising=False)
    (repo / ".mtlint.toml").write_text('select = ["quote-*", "lt:*"]\n', encoding="utf-8")
    add(repo, "a.txt", BROKEN)
    out, err = io.StringIO(), io.StringIO()
    assert hook.run(out, err, cwd=repo) == 1
    assert "[quote-low-closing]" in out.getvalue()
    assert "a local install is not started here" in out.getvalue() + err.getvalue()
    assert not (tmp_path / "java.log").exists()


def test_install_writes_check_options_into_the_hook(repo: Path) -> None:
    # Without options a warning refuses the commit (fail-on warning by default); the
    # option given at install lets only errors refuse it.
    hook.install(repo, options=["--fail-on", "error"])
    add(repo, "a.txt", WARNING_ONLY)
    proc = commit(repo)
    assert proc.returncode == 0, proc.stderr
    add(repo, "b.txt", BROKEN)
    assert commit(repo).returncode == 1


def test_hook_run_takes_the_check_options(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add(repo, "a.txt", WARNING_ONLY)
    monkeypatch.chdir(repo)
    out, err = io.StringIO(), io.StringIO()
    assert main(["hook", "run", "--fail-on", "error"], stdout=out, stderr=err) == 0
    assert main(["hook", "run"], stdout=out, stderr=err) == 1
    assert main(["hook", "run", "--ignore", "quote-english-opening"], stdout=out,
                stderr=err) == 0
    assert main(["hook", "run", "--select", "qoute-*"], stdout=out, stderr=err) == 2


def test_shared_hook_finds_mtlint_on_path_without_the_installing_python(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook.install(repo)
    script = Path(git(repo, "rev-parse", "--git-path", "hooks").stdout.strip())
    script = (repo / script / "pre-commit") if not script.is_absolute() else script / "pre-commit"
    text = script.read_text(encoding="utf-8")
    script.write_text(text.replace(shlex.quote(sys.executable), "/nonexistent/venv/bin/python"),
                      encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "mtlint"
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m mtlint "$@"\n')
    shim.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    add(repo, "a.txt", BROKEN)
    proc = commit(repo)
    assert proc.returncode == 1
    assert "a.txt:1:23: error [quote-low-closing]" in proc.stderr


def test_languagetool_note_is_shown_once_not_on_every_commit(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTLINT_LANGUAGETOOL_URL", raising=False)
    (repo / ".mtlint.toml").write_text('select = ["quote-*", "lt:*"]\n', encoding="utf-8")
    hook.install(repo)
    add(repo, "a.txt", BROKEN)
    first, second = commit(repo), commit(repo)
    assert first.returncode == second.returncode == 1
    assert first.stderr.count("mtlint: note:") == 1
    assert "mtlint: note:" not in second.stderr


# --- hostile names and failed writes (issue 21, items 3 and 17) ----------------------------

def add_literally(repo: Path, name: str, text: str) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "--literal-pathspecs", "add", "--", name)


@pytest.mark.parametrize("name", [":(icase)notes.md", ":(glob)*.md", "-n.md", "a\nb.md"])
def test_a_file_whose_name_is_pathspec_magic_is_still_checked(repo: Path, name: str) -> None:
    hook.install(repo)
    add_literally(repo, name, BROKEN)
    result = commit(repo)
    assert result.returncode == 1
    assert "quote-low-closing" in result.stderr


def test_an_exclusion_shaped_name_does_not_check_the_whole_index(repo: Path) -> None:
    add(repo, "old.md", BROKEN)
    git(repo, "commit", "-q", "--no-verify", "-m", "an old article, committed unchecked")
    hook.install(repo)
    add_literally(repo, ":!zzz.md", CLEAN)
    result = commit(repo)
    assert result.returncode == 0, result.stderr


def test_a_failed_install_leaves_the_users_hook_in_place(repo: Path, monkeypatch) -> None:
    folder = hook.hooks_dir(repo)
    folder.mkdir(parents=True, exist_ok=True)
    own = folder / hook.HOOK
    own.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(hook.HookError, match="No space left on device; nothing was changed"):
        hook.install(repo)
    monkeypatch.undo()
    assert own.read_text(encoding="utf-8") == "#!/bin/sh\nexit 0\n"
    assert not (folder / hook.CHAINED).exists()


def test_a_failed_replace_puts_the_users_hook_back(repo: Path, monkeypatch) -> None:
    folder = hook.hooks_dir(repo)
    folder.mkdir(parents=True, exist_ok=True)
    own = folder / hook.HOOK
    own.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(hook.os, "replace", refuse)
    with pytest.raises(hook.HookError, match="nothing was changed"):
        hook.install(repo)
    monkeypatch.undo()
    assert own.read_text(encoding="utf-8") == "#!/bin/sh\nexit 0\n"
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(".sample")) == [
        hook.HOOK]


def test_a_read_only_hooks_folder_is_a_clear_error(repo: Path, monkeypatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_text", read_only)
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.chdir(repo)
    status = main(["hook", "install"], stdout=out, stderr=err)
    assert status == 2
    assert "cannot write the hook" in err.getvalue()
    assert "internal error" not in err.getvalue()

"""Bad input never crashes mtlint: each bad file gets a clear message naming the file (and
the byte), exit status 2, and the other files are still checked and reported."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

BROKEN = "Er nannte es „Bromance„ und lachte."  # quote-low-closing at column 23


def findings(out: str) -> dict[str, list[tuple[int, int, str]]]:
    """path -> (line, column, rule) from JSON output."""
    return {f["path"]: [(x["line"], x["column"], x["rule"]) for x in f["findings"]]
            for f in json.loads(out)["files"]}


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(BROKEN + "\n", encoding="utf-8")
    return path


def assert_other_file_checked(out: str, good: Path) -> None:
    assert findings(out)[str(good)] == [(1, 23, "quote-low-closing")]


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path, good: Path, mtlint_check) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Grüße aus Köln.\n".encode("latin-1"))
    status, out, err = mtlint_check(str(bad), str(good), "--format", "json")
    assert status == 2
    assert err == (f"mtlint: {bad}: not valid UTF-8 (byte 0xfc at byte offset 2); "
                   "use --encoding to read another encoding\n")
    data = json.loads(out)
    assert data["files"][0]["error"].startswith("not valid UTF-8")
    assert_other_file_checked(out, good)


def test_invalid_utf8_after_a_bom_counts_the_bom(tmp_path: Path, mtlint_check) -> None:
    bad = tmp_path / "bom.txt"
    bad.write_bytes(b"\xef\xbb\xbfab\xff")
    _, _, err = mtlint_check(str(bad))
    assert "(byte 0xff at byte offset 5)" in err


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_encoding_option_reads_other_encodings(tmp_path: Path, encoding: str, mtlint_check) -> None:
    text = BROKEN if encoding != "latin-1" else "Er nannte es ,Bromance' und lachte. Grüße."
    path = tmp_path / "export.txt"
    path.write_bytes((text + "\n").encode(encoding))
    status, out, err = mtlint_check(str(path), "--encoding", encoding, "--format", "json")
    assert err == ""
    data = json.loads(out)["files"][0]
    assert data["error"] is None
    if encoding != "latin-1":
        assert (data["findings"][0]["line"], data["findings"][0]["column"]) == (1, 23)
    assert status in (0, 1)


def test_unknown_encoding_is_a_usage_error(good: Path, mtlint_check) -> None:
    status, out, err = mtlint_check(str(good), "--encoding", "klingon")
    assert (status, out, err) == (2, "", "mtlint: error: unknown encoding 'klingon'\n")


def test_binary_file_with_text_name(tmp_path: Path, good: Path, mtlint_check) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    status, out, err = mtlint_check(str(binary), str(good), "--format", "json")
    assert status == 2
    assert err == f"mtlint: {binary}: binary file (NUL byte at byte offset 8); not checked\n"
    assert_other_file_checked(out, good)


def test_empty_file_is_clean(tmp_path: Path, mtlint_check) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert mtlint_check(str(empty)) == (0, "0 problems in 1 file.\n", "")
    markdown = tmp_path / "empty.md"
    markdown.write_bytes(b"")
    assert mtlint_check(str(markdown))[0] == 0


def test_no_final_newline(tmp_path: Path, mtlint_check) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Erste Zeile.\n" + BROKEN, encoding="utf-8")
    status, out, _ = mtlint_check(str(path))
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}:2:23: error [quote-low-closing]")
    assert lines[1] == "  2 | Er nannte es „Bromance„ und lachte."


@pytest.mark.parametrize("newline", ["\r", "\r\n", "mixed"])
def test_line_endings(tmp_path: Path, newline: str, mtlint_check) -> None:
    lines = ["Titel der Seite", "", "Ein Absatz ohne Fehler.", "", BROKEN, "", BROKEN]
    if newline == "mixed":
        text = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(lines))
    else:
        text = newline.join(lines) + newline
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    _, out, _ = mtlint_check(str(path), "--format", "json", "--select", "quote-low-closing")
    assert findings(out)[str(path)] == [(5, 23, "quote-low-closing"),
                                        (7, 23, "quote-low-closing")]
    data = json.loads(out)["files"][0]["findings"]
    assert text[data[0]["offset"]] == "„"


def test_bom_is_not_part_of_the_text(tmp_path: Path, mtlint_check) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BROKEN.encode("utf-8") + b"\n")
    _, out, _ = mtlint_check(str(path), "--format", "json")
    finding = json.loads(out)["files"][0]["findings"][0]
    assert (finding["line"], finding["column"], finding["offset"]) == (1, 23, 22)


def test_missing_path(tmp_path: Path, good: Path, mtlint_check) -> None:
    missing = tmp_path / "nowhere.txt"
    status, out, err = mtlint_check(str(missing), str(good), "--format", "json")
    assert status == 2
    assert err == f"mtlint: {missing}: no such file or directory\n"
    assert_other_file_checked(out, good)


def test_symlink_loop(tmp_path: Path, good: Path, mtlint_check) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "self").symlink_to(folder)  # a folder that contains itself
    (folder / "c.txt").write_text(BROKEN + "\n", encoding="utf-8")
    status, out, err = mtlint_check(str(tmp_path), "--format", "json")
    assert status == 2
    assert f"mtlint: {tmp_path / 'a.txt'}: cannot read: Too many levels of symbolic links\n" in err
    result = findings(out)
    assert result[str(good)] == [(1, 23, "quote-low-closing")]
    assert result[str(folder / "c.txt")] == [(1, 23, "quote-low-closing")]  # once, not again


def test_fifo_and_socket_are_not_read(tmp_path: Path, good: Path, mtlint_check) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever
    sock_path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        status, out, err = mtlint_check(str(tmp_path), "--format", "json")
    finally:
        server.close()
    assert status == 2
    for path in (fifo, sock_path):
        assert f"mtlint: {path}: not a regular file (a device, socket or pipe); not checked\n" \
            in err
    assert_other_file_checked(out, good)


def test_folder_without_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    mtlint_check) -> None:
    """A folder that cannot be listed is that folder's error. Root lists every folder, so
    as root the refusal is simulated where os.walk meets it (os.scandir)."""
    tree = tmp_path / "tree"
    locked = tree / "locked"
    locked.mkdir(parents=True)
    (locked / "x.txt").write_text(BROKEN + "\n", encoding="utf-8")
    (tree / "open.txt").write_text(BROKEN + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        original = os.scandir

        def scandir(path=".", *args):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return original(path, *args)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        status, out, err = mtlint_check(str(tree), "--format", "json")
    finally:
        locked.chmod(0o755)
    assert status == 2
    assert err == f"mtlint: {locked}: cannot read folder: Permission denied\n"
    assert findings(out)[str(tree / "open.txt")] == [(1, 23, "quote-low-closing")]


def test_unreadable_file(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch,
                         mtlint_check) -> None:
    """A read error (permission, I/O) is that file's error; simulated, as root reads all."""
    victim = tmp_path / "victim.txt"
    victim.write_text("Text.\n", encoding="utf-8")
    original = os.open

    def failing(path: object, *args: object, **kwargs: object) -> int:
        if Path(os.fsdecode(path)).name == "victim.txt":
            raise PermissionError(13, "Permission denied")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing)
    status, out, err = mtlint_check(str(victim), str(good), "--format", "json")
    assert status == 2
    assert err == f"mtlint: {victim}: cannot read: Permission denied\n"
    assert_other_file_checked(out, good)


def test_a_file_that_vanishes_after_discovery(tmp_path: Path, good: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              mtlint_check) -> None:
    from mtlint.running import runner

    gone = tmp_path / "gone.txt"
    gone.write_text("Text.\n", encoding="utf-8")
    original = runner.discover

    def discover_then_delete(paths, config_for=None):
        targets = list(original(paths, config_for))
        gone.unlink()
        return targets

    monkeypatch.setattr("mtlint.running.runner.discover", discover_then_delete)
    status, out, err = mtlint_check(str(tmp_path), "--format", "json")
    assert status == 2
    assert err == f"mtlint: {gone}: no such file or directory\n"
    assert_other_file_checked(out, good)


# --- FIFOs, devices and size limits wherever a file is read (issue 21, item 8) -------------

def test_a_fifo_as_config_is_refused_not_waited_for(tmp_path: Path, good: Path,
                                                    mtlint_check) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    status, out, err = mtlint_check("--config", str(fifo), str(good))
    assert (status, out) == (2, "")
    assert "not a regular file" in err


def test_a_fifo_in_a_rule_pack_folder_is_skipped_not_waited_for(tmp_path: Path, good: Path,
                                                                mtlint_check) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    os.mkfifo(rules / "house.toml")
    status, out, err = mtlint_check("--rules", str(rules), str(good), "--format", "json")
    assert (status, err) == (1, "")
    assert_other_file_checked(out, good)


def test_a_rule_pack_that_is_a_fifo_is_refused_not_waited_for(tmp_path: Path) -> None:
    from mtlint.lint.packs import PackError, load_pack

    fifo = tmp_path / "house.toml"
    os.mkfifo(fifo)
    with pytest.raises(PackError, match="cannot read rule pack: not a regular file"):
        load_pack(fifo)


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    from mtlint.core.document import DocumentError, read_regular_file

    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(DocumentError, match="larger than"):
        read_regular_file(path, limit=10)
    assert read_regular_file(path, limit=11) == b"x" * 11


def test_standard_input_is_read_up_to_the_limit(tmp_path: Path) -> None:
    import subprocess
    import sys

    from mtlint.core.document import MAX_INPUT_BYTES

    root = Path(__file__).resolve().parents[2]
    with open("/dev/zero", "rb") as zero:
        run = subprocess.run(
            [sys.executable, "-m", "mtlint", "check", "--languagetool", "off", "--no-cache",
             "-"], stdin=zero, capture_output=True, text=True, check=False, cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(root)})
    assert run.returncode == 2
    limit = MAX_INPUT_BYTES // (1024 * 1024)
    assert run.stderr == f"mtlint: error: standard input: larger than {limit} MB; not checked\n"


# --- text that used to go unchecked (issue 21, item 16) -----------------------------------

QUOTE_ERROR = "Er nannte es „Bromance„ und lachte."


def test_deeply_nested_markdown_is_checked(tmp_path: Path, mtlint_check) -> None:
    quotes = tmp_path / "quotes.md"
    quotes.write_text("> " * 25 + QUOTE_ERROR + "\n", encoding="utf-8")
    lists = tmp_path / "lists.md"
    lists.write_text("".join("  " * level + f"- {QUOTE_ERROR}\n" for level in range(14)),
                     encoding="utf-8")
    status, out, err = mtlint_check(str(quotes), str(lists), "--format", "json",
                                    "--select", "quote-low-closing")
    assert (status, err) == (1, "")
    found = {f["path"]: len(f["findings"]) for f in json.loads(out)["files"]}
    assert found == {str(quotes): 1, str(lists): 14}


def test_markdown_nested_beyond_the_limit_says_so(tmp_path: Path, mtlint_check) -> None:
    deep = tmp_path / "deep.md"
    deep.write_text("> " * 120 + QUOTE_ERROR + "\n", encoding="utf-8")
    _, _, err = mtlint_check(str(deep))
    assert err == (f"mtlint: {deep}: note: Markdown nested deeper than 100 levels (quotes, "
                   "lists); the text below that depth is not checked\n")


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200c"])
def test_invisible_characters_inside_words_do_not_hide_findings(
        tmp_path: Path, invisible: str, mtlint_check) -> None:
    plain = "Die Firma eröffnet eine Satellitenbüro in Berlin. Sie sagte „Hallo„ zu allen.\n"
    hidden = plain.replace("Hallo", f"Hal{invisible}lo").replace(
        "eine", f"ei{invisible}ne").replace("Satellitenbüro", f"Satelliten{invisible}büro")
    clean, sneaky = tmp_path / "plain.txt", tmp_path / "hidden.txt"
    clean.write_text(plain, encoding="utf-8")
    sneaky.write_text(hidden, encoding="utf-8")
    _, out, _ = mtlint_check(str(clean), str(sneaky), "--format", "json")
    files = json.loads(out)["files"]
    rules = [sorted(f["rule"] for f in file["findings"]) for file in files]
    assert rules[0] == rules[1] == ["agreement-noun-phrase", "quote-low-closing"]
    # Positions count the file's own characters, the invisible ones included.
    quote = next(f for f in files[1]["findings"] if f["rule"] == "quote-low-closing")
    assert hidden[quote["offset"]] == "„" and hidden[quote["offset"] - 1] == "o"

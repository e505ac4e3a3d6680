"""`--fix` keeps a file's identity: it never replaces a read-only or hard-linked file,
keeps extended attributes, byte order and BOM, and never transcodes (issue 21, items 4
and 13)."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from mtlint.lint.config import known_encoding
from mtlint.running import fix

BROKEN = "Er nannte es „Bromance„ und lachte.\n"
FIXED = "Er nannte es „Bromance“ und lachte.\n"


def fake_stat(mode: int, links: int = 1) -> os.stat_result:
    return os.stat_result((mode, 0, 0, links, 0, 0, 10, 0, 0, 0))


@pytest.mark.parametrize(("mode", "links", "reason"), [
    (stat.S_IFREG | 0o644, 1, None),
    (stat.S_IFREG | 0o444, 1, "read-only (mode 0444)"),
    (stat.S_IFREG | 0o400, 1, "read-only (mode 0400)"),
    (stat.S_IFREG | 0o644, 2, "2 hard links"),
])
def test_write_refusal_from_the_files_stat(mode: int, links: int, reason: str | None) -> None:
    refusal = fix.write_refusal(fake_stat(mode, links))
    assert (refusal is None) if reason is None else (reason in refusal)


def test_a_file_this_user_may_not_write_is_refused() -> None:
    assert "read-only" in fix.write_refusal(fake_stat(stat.S_IFREG | 0o644), writable=False)


def test_a_read_only_file_in_a_writable_folder_is_not_replaced(tmp_path: Path,
                                                               mtlint_check) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BROKEN, encoding="utf-8")
    path.chmod(0o444)
    status, _, err = mtlint_check("--fix", str(path))
    assert status == 2
    assert "the file is read-only (mode 0444); not written" in err
    assert path.read_text(encoding="utf-8") == BROKEN


def test_a_hard_linked_file_is_not_split_from_its_links(tmp_path: Path, mtlint_check) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BROKEN, encoding="utf-8")
    other = tmp_path / "b.txt.bak"
    os.link(path, other)
    inode = path.stat().st_ino
    status, _, err = mtlint_check("--fix", str(path))
    assert status == 2
    assert "2 hard links" in err
    assert path.stat().st_ino == inode == other.stat().st_ino
    assert other.read_text(encoding="utf-8") == BROKEN


def test_extended_attributes_are_kept(tmp_path: Path, mtlint_check) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BROKEN, encoding="utf-8")
    try:
        os.setxattr(path, "user.mtlint-test", b"kept")
    except (OSError, AttributeError):
        pytest.skip("no user extended attributes on this file system")
    mtlint_check("--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED
    assert os.getxattr(path, "user.mtlint-test") == b"kept"


@pytest.mark.parametrize(("bom", "order"), [
    (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_utf16_and_utf32_keep_their_byte_order(tmp_path: Path, mtlint_check, bom: bytes,
                                               order: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bom + BROKEN.encode(order))
    encoding = order[:6]
    status, _, err = mtlint_check("--fix", "--encoding", encoding, str(path))
    assert status == 0, err
    assert path.read_bytes() == bom + FIXED.encode(order)


@pytest.mark.parametrize("encoding", ["utf_8", "UTF8", "utf-8", "utf-8-sig"])
def test_a_bom_is_kept_once_whatever_the_utf8_spelling(tmp_path: Path, mtlint_check,
                                                       encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + BROKEN.encode())
    status, _, err = mtlint_check("--fix", "--encoding", encoding, str(path))
    assert status == 0, err
    assert path.read_bytes() == codecs.BOM_UTF8 + FIXED.encode()


def test_a_utf8_file_read_with_a_wrong_encoding_is_not_transcoded(tmp_path: Path,
                                                                  mtlint_check) -> None:
    path = tmp_path / "a.txt"
    original = "Grüße aus Köln: „Hallo„ sagte sie.\n".encode()
    path.write_bytes(original)
    status, _, err = mtlint_check("--fix", "--encoding", "cp1252", str(path))
    assert status == 2
    assert "valid UTF-8 but was read as cp1252; not written" in err
    assert path.read_bytes() == original


def test_a_real_cp1252_file_is_fixed_in_cp1252(tmp_path: Path, mtlint_check) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Grüße: „Hallo„ sagte sie.\n".encode("cp1252"))
    status, _, err = mtlint_check("--fix", "--encoding", "cp1252", str(path))
    assert status == 0, err
    assert path.read_bytes() == "Grüße: „Hallo“ sagte sie.\n".encode("cp1252")


@pytest.mark.parametrize("name", ["rot13", "base64", "hex", "zlib", "bz2", "idna",
                                  "punycode", "unicode_escape"])
def test_only_text_file_encodings_are_accepted(name: str, tmp_path: Path,
                                               mtlint_check) -> None:
    assert not known_encoding(name)
    path = tmp_path / "a.txt"
    path.write_text(BROKEN, encoding="utf-8")
    status, out, err = mtlint_check("--encoding", name, str(path))
    assert (status, out) == (2, "")
    assert "unknown encoding" in err and "internal error" not in err
    (tmp_path / ".mtlint.toml").write_text(f'encoding = "{name}"\n', encoding="utf-8")
    status, _, err = mtlint_check(str(path))
    assert status == 2 and "must name a text encoding" in err


@pytest.mark.parametrize("name", ["utf-8", "cp1252", "latin-1", "utf-16", "iso8859_15"])
def test_text_file_encodings_stay_accepted(name: str) -> None:
    assert known_encoding(name)


def test_a_codec_failure_while_decoding_is_a_per_file_error() -> None:
    from mtlint.core.document import Document, DocumentError

    with pytest.raises(DocumentError, match="cannot read as idna"):
        Document.from_bytes(b"xn--zz", "a.txt", encoding="idna")

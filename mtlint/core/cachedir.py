"""mtlint's cache folder and how files are written into it.

Location: $MTLINT_CACHE_DIR, else $XDG_CACHE_HOME/mtlint, else ~/.cache/mtlint (the
result cache takes --cache-dir before these). The folder holds the result cache
(``mtlint.running.cache``) and data derived from the installed packages, written by the
first run (``mtlint.language.german_data``: HanTa's model parts; ``mtlint.core.patterns``:
compiled patterns). It is a cache: delete the folder at any time.

Trust: a cache folder may be shared (MTLINT_CACHE_DIR=/tmp/x with mode 1777), so nothing
in it is read unless `read_trusted` accepts it: a regular file (no FIFO, device or
symbolic link: opened non-blocking, checked with fstat on the open file), owned by the
user running mtlint, writable by no one else, and not larger than the caller's limit.
Files that hold more than data (compiled patterns, HanTa's marshalled tables) are also
sealed: `seal` prefixes a keyed digest (HMAC-SHA256) under a random key that only this
user can read (`KEY_NAME` in the folder, mode 0600), and `unseal` drops a file whose
digest does not match, so neither another user nor a damaged disk block gets code or
tables into a run.

This sits in the lowest layer because German analysis and the pattern cache need it, and
they must not import the result cache, which needs the linter.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

KEY_NAME = ".mtlint-key"  # the secret of `seal`, per cache folder
KEY_BYTES = 32
SEAL_MAGIC = b"mtlint-sealed-1\n"
DIGEST_BYTES = 32  # HMAC-SHA256


def default_cache_dir() -> Path:
    """$MTLINT_CACHE_DIR (a leading ~ is the home folder), else $XDG_CACHE_HOME/mtlint, else
    ~/.cache/mtlint."""
    if os.environ.get("MTLINT_CACHE_DIR"):
        return Path(os.environ["MTLINT_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mtlint"


def write_cache_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write a file in a cache folder atomically (temporary file, then os.replace), so
    that concurrent runs never read half a file; a cache that cannot be written only
    costs speed, so errors are ignored. `data` may come in pieces (never all in memory)."""
    _place(path, data, os.replace)


def _place(path: Path, data: bytes | Iterable[bytes],
           move: Callable[[str, Path], None]) -> None:
    """Write `data` to a temporary file beside `path`, then `move` it there (os.replace,
    or os.link to fail where a file exists); an error only means nothing is written."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(handle, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                out.writelines(data)
        move(temp, path)
        if move is os.replace:
            temp = None
    except OSError:
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def cache_disabled(environ: Mapping[str, str]) -> bool:
    """Whether MTLINT_NO_CACHE turns the cache off: any value but empty, 0, false, no, off."""
    return environ.get("MTLINT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no",
                                                                       "off")


# --- what in a cache folder is trusted ---------------------------------------------------

def _current_uid() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def is_trusted(info: os.stat_result, uid: int | None = None) -> bool:
    """Whether a file (its fstat result) may be read as this user's cache: a regular file,
    owned by `uid` (default: this process's user), writable by no group or other user."""
    uid = _current_uid() if uid is None else uid
    if not stat.S_ISREG(info.st_mode):
        return False
    if uid is None:  # no owners (Windows): the folder's permissions decide
        return True
    return info.st_uid == uid and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_trusted(path: Path, max_bytes: int) -> bytes | None:
    """A cache file's bytes, or None if it is absent, unreadable, not `is_trusted` or larger
    than `max_bytes`. Never blocks (a FIFO is opened non-blocking and refused) and never
    follows a symbolic link."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) \
        | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except (OSError, ValueError):
        return None
    with os.fdopen(handle, "rb") as stream:
        try:
            info = os.fstat(stream.fileno())
            if not is_trusted(info) or info.st_size > max_bytes:
                return None
            data = stream.read(max_bytes + 1)
        except OSError:
            return None
    return data if len(data) <= max_bytes else None


def _secret(folder: Path, create: bool) -> bytes | None:
    """This user's key for `folder` (made on first use when `create`); None if there is no
    trusted key (another user's file in its place: then nothing sealed is read or written)."""
    path = folder / KEY_NAME
    key = read_trusted(path, KEY_BYTES)
    if key is not None and len(key) == KEY_BYTES:
        return key
    if not create or key is not None or path.exists() or path.is_symlink():
        return None
    # os.link fails if another run made a key first: then theirs is read.
    _place(path, os.urandom(KEY_BYTES), os.link)
    key = read_trusted(path, KEY_BYTES)
    return key if key is not None and len(key) == KEY_BYTES else None


def seal(folder: Path, data: bytes) -> bytes | None:
    """`data` with a keyed digest in front, for a file in `folder`; None without a key."""
    key = _secret(folder, create=True)
    if key is None:
        return None
    return SEAL_MAGIC + hmac.new(key, data, hashlib.sha256).digest() + data


def unseal(folder: Path, blob: bytes | None) -> bytes | None:
    """The data of a `seal`ed file read from `folder`, or None if its digest is not this
    user's (planted, damaged, or written before the key changed)."""
    if blob is None or not blob.startswith(SEAL_MAGIC):
        return None
    key = _secret(folder, create=False)
    if key is None:
        return None
    start = len(SEAL_MAGIC) + DIGEST_BYTES
    mac, data = blob[len(SEAL_MAGIC):start], blob[start:]
    return data if hmac.compare_digest(mac, hmac.new(key, data, hashlib.sha256).digest()) \
        else None


def read_sealed(path: Path, max_bytes: int, key_folder: Path) -> bytes | None:
    """The data of a sealed, trusted file (see `read_trusted` and `unseal`) whose key is in
    `key_folder`, or None."""
    return unseal(key_folder, read_trusted(path, max_bytes + len(SEAL_MAGIC) + DIGEST_BYTES))


def write_sealed(path: Path, data: bytes, key_folder: Path) -> None:
    """Write `data` sealed (see `seal`) with `write_cache_file`; skipped without a key."""
    blob = seal(key_folder, data)
    if blob is not None:
        write_cache_file(path, blob)

"""mtlint's cache folder and how files are written into it.

Location: $MTLINT_CACHE_DIR, else $XDG_CACHE_HOME/mtlint, else ~/.cache/mtlint (the
result cache takes --cache-dir before these). The folder holds the result cache
(``mtlint.running.cache``) and data derived from the installed packages, written by the
first run (``mtlint.language.german_data``: HanTa's model parts; ``mtlint.core.patterns``:
compiled patterns). It is a cache: delete the folder at any time.

This sits in the lowest layer because German analysis and the pattern cache need it, and
they must not import the result cache, which needs the linter.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def default_cache_dir() -> Path:
    """$MTLINT_CACHE_DIR, else $XDG_CACHE_HOME/mtlint, else ~/.cache/mtlint."""
    if os.environ.get("MTLINT_CACHE_DIR"):
        return Path(os.environ["MTLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mtlint"


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a file in a cache folder atomically (temporary file, then os.replace), so
    that concurrent runs never read half a file; a cache that cannot be written only
    costs speed, so errors are ignored."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
        temp = None
    except OSError:
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)

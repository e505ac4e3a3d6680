from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"

# No test reads or writes the user's result cache; tests of the cache turn it on.
os.environ["MTLINT_NO_CACHE"] = "1"
os.environ["MTLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="mtlint-test-cache-")


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS

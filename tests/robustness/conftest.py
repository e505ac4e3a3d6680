"""Shared by the robustness tests."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from mtlint.interfaces.cli import main


@pytest.fixture
def mtlint_check() -> Callable[..., tuple[int, str, str]]:
    """`mtlint check --languagetool off --no-cache ARGS` in-process: (status, out, err)."""

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["check", "--languagetool", "off", "--no-cache", *args], stdout=out,
                      stderr=err)
        return status, out.getvalue(), err.getvalue()

    return run

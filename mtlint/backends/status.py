"""What a backend came to in one run, as the report shows it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class LanguageToolStatus:
    status: str = "off"  # used | off | unavailable
    detail: str = ""


class DisabledSession:
    """The LanguageTool session of a run with ``--languagetool off``: the interface of
    ``mtlint.backends.languagetool.Session`` doing nothing, so that such a run does not
    import the backend (10-15 ms of every start)."""

    setting = "off"
    note: str | None = None

    def __init__(self, setting: str = "off", runner: Any = None):
        self.runner = runner

    def submit(self, result: Any, config: Any = None) -> None:
        """Nothing is sent."""

    def finish(self, linter_for: Any = None) -> LanguageToolStatus:
        return LanguageToolStatus("off", "disabled with --languagetool off")

    def close(self) -> None:
        """Nothing to stop."""

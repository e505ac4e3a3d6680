"""What a backend came to in one run, as the report shows it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class LanguageToolStatus:
    status: str = "off"  # used | off | unavailable
    detail: str = ""

"""mtlint: finds machine-translation artifacts and text-quality problems in German text.

Library use::

    from mtlint import check_text
    for finding in check_text("Er nannte es „Bromance„.", select=["quote-low-closing"]):
        print(finding.line, finding.column, finding.message)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mtlint.core.finding import Finding
    from mtlint.lint.config import Config

__version__ = "0.1.0"
__all__ = ["__version__", "check_text"]


def check_text(text: str, path: str = "<stdin>", *, select: Sequence[str] | None = None,
               config: Config | None = None) -> list[Finding]:
    """Check a text with the built-in rules (LanguageTool not included); sorted findings.

    `path` only decides plain text or Markdown (by its suffix) and what findings report.
    """
    from mtlint.core.document import Document
    from mtlint.lint.config import Config
    from mtlint.lint.engine import Linter
    from mtlint.lint.registry import rules_for

    config = config or Config()
    if select is not None:
        config = config.with_overrides(select=tuple(select))
    linter = Linter(config, rules_for(config.extend_rules))
    return linter.check(Document(text, path)).findings

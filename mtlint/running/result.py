"""What checking one file gives: its FileResult. Apart from the runner so that the
worker processes (``mtlint.running.parallel``), which the runner starts, can build one
without importing the runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mtlint.core.finding import Finding

if TYPE_CHECKING:
    from mtlint.core.document import Document

# Fewer files than this are checked in this process whatever -j says (see mtlint.running.parallel).
MIN_PARALLEL_FILES = 4


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    document: Document | None = None
    fail_on: str = "warning"  # from the configuration that applied to this file
    timings: dict[str, float] = field(default_factory=dict)  # seconds per rule

"""Large input: no rule goes quadratic on a long line or a long paragraph, and a 50 MB
file is checked in bounded memory."""

from __future__ import annotations

import contextlib
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtlint.core.document import Document
from mtlint.lint.config import Config
from mtlint.lint.engine import Linter
from mtlint.lint.registry import rules_for

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
# Sizes compared, and the growth of a rule's time between them above which it is taken
# for superlinear: linear is 4, quadratic 16.
SMALL, LARGE = 30_000, 120_000
MAX_GROWTH = 8.0
MIN_SECONDS = 0.1  # below this, timings are noise


def seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def sampled(pieces: list[str], chars: int, seed: int) -> str:
    """Random pieces joined by spaces up to `chars` characters."""
    rng = random.Random(seed)
    out, size = [], 0
    while size < chars:
        out.append(rng.choice(pieces))
        size += len(out[-1]) + 1
    return " ".join(out)


def single_line(chars: int) -> str:
    """Words of the seeds, one line, no punctuation (the worst case for sentence splits)."""
    return sampled(re.findall(r"\w+", seed_text()), chars, 7)


def long_paragraph(chars: int) -> str:
    """Sentences of the seeds in one paragraph without line breaks."""
    return sampled(re.split(r"(?<=[.!?])\s+", seed_text().replace("\n", " ")), chars, 8)


def rule_seconds(text: str, only: set[str] | None = None) -> dict[str, float]:
    """CPU seconds each rule takes on `text` (the document structure built beforehand)."""
    linter = Linter(Config(), rules_for(()))
    doc = Document(text, "long.txt")
    for block in doc.blocks:
        block.sentences  # noqa: B018 - built on first use
        block.words()
    times = {}
    for rule in linter.rules:
        if only is not None and rule.id not in only:
            continue
        started = time.process_time()
        with contextlib.suppress(Exception):  # a timeout or failure is measured elsewhere
            list(rule.check(doc, linter.context))
        times[rule.id] = time.process_time() - started
    return times


def superlinear_rules(small_text: str, large_text: str) -> dict[str, float]:
    """Rules whose time grows more than MAX_GROWTH times; suspects are measured twice more
    and judged by their best times, as other work on the machine disturbs single runs."""
    small, large = rule_seconds(small_text), rule_seconds(large_text)
    suspects = {r for r in large if large[r] > MIN_SECONDS and large[r] > MAX_GROWTH * small[r]}
    for _ in range(2):
        if not suspects:
            break
        for times, text in ((small, small_text), (large, large_text)):
            for rule, seconds in rule_seconds(text, suspects).items():
                times[rule] = min(times[rule], seconds)
    return {r: round(large[r] / max(small[r], 1e-9), 1) for r in suspects
            if large[r] > MAX_GROWTH * small[r]}


# Known to be quadratic, reported to the owners of the checks; remove an entry once fixed.
KNOWN_QUADRATIC: dict[str, str] = {}


# A timing comparison, so not part of the default run (speed is the benchmark's business):
# `pytest -m perf` on a quiet machine.
@pytest.mark.perf
@pytest.mark.parametrize("make", [single_line, long_paragraph], ids=["line", "paragraph"])
def test_no_rule_is_quadratic(make) -> None:
    superlinear = superlinear_rules(make(SMALL), make(LARGE))
    unexpected = {r: g for r, g in superlinear.items() if r not in KNOWN_QUADRATIC}
    assert unexpected == {}, f"time grows faster than the text: {unexpected}"


def test_50_megabyte_file_in_bounded_memory(tmp_path: Path) -> None:
    """Read, decoded, structured and checked by the pack rules: peak RSS stays near the
    size of the text itself (the plain-text parts keep the rules' data small)."""
    paragraphs = [p for p in seed_text().split("\n") if p.strip()]
    rng = random.Random(9)
    big = tmp_path / "dump.txt"
    with big.open("w", encoding="utf-8") as out:
        size = 0
        while size < 50_000_000:
            paragraph = rng.choice(paragraphs)
            out.write(paragraph + "\n\n")
            size += len(paragraph.encode("utf-8")) + 2
    wrapper = ("import resource, subprocess, sys\n"
               "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
               "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    command = [sys.executable, "-m", "mtlint", "check", str(big), "--languagetool", "off",
               "--no-cache", "-q", "--select", "quote-*,space-before-punctuation,residue-toc-label"]
    out = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True,
                         text=True, cwd=ROOT, timeout=600).stdout
    status, max_rss_kb = map(int, out.split())
    assert status == 1  # the seeds' broken quotes, many times over
    assert max_rss_kb * 1024 < 450e6, f"peak RSS {max_rss_kb / 1024:.0f} MB for 50 MB of text"

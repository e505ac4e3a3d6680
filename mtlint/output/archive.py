"""`mtlint report FINDINGS`: what a scan found in an archive, as text and as an HTML page
with charts (rule frequencies, the distribution of scores). Both tables are read a part
at a time, so an archive of millions of documents is summarised in bounded memory."""

from __future__ import annotations

import heapq
import html
import itertools
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtlint.running.scan import (
    CATEGORY_COLUMNS,
    ScanError,
    documents_path,
    is_parquet,
    missing_extra,
)

# Upper bounds of the score bands (findings per 1,000 characters); the last is open.
SCORE_BANDS = (0.0, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)


@dataclass
class ArchiveSummary:
    documents: int = 0
    chars: int = 0
    findings: int = 0
    unreadable: int = 0  # records that could not be checked
    clean: int = 0  # documents without findings
    by_category: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    rule_category: dict[str, str] = field(default_factory=dict)
    bands: list[int] = field(default_factory=lambda: [0] * (len(SCORE_BANDS) + 1))
    worst: list[dict[str, Any]] = field(default_factory=list)
    top: int = 20
    min_chars: int = 0

    @property
    def score(self) -> float:
        return self.findings * 1000 / self.chars if self.chars else 0.0


def band_of(score: float) -> int:
    """The index of the score band a document falls in (0: no findings at all)."""
    for index, bound in enumerate(SCORE_BANDS):
        if score <= bound:
            return index
    return len(SCORE_BANDS)


def band_labels() -> list[str]:
    labels = ["0"]
    for low, high in itertools.pairwise(SCORE_BANDS):
        labels.append(f"{low:g}–{high:g}")
    labels.append(f"> {SCORE_BANDS[-1]:g}")
    return labels


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.endswith("\n"):  # a torn last line of a killed scan is not counted
                yield json.loads(line)


def _parquet_rows(folder: Path, columns: list[str]) -> Iterator[dict[str, Any]]:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise missing_extra("pyarrow (for Parquet)") from None
    for part in sorted(folder.glob("part-*.parquet")):
        for batch in parquet.ParquetFile(part).iter_batches(batch_size=4096, columns=columns):
            yield from batch.to_pylist()


def tables(findings: Path) -> tuple[Iterator[dict], Iterator[dict]]:
    """The rows of the documents table and of the findings table a scan wrote."""
    if is_parquet(findings):
        if not (findings / "documents").is_dir():
            raise ScanError(f"{findings}: not a scan's Parquet output (no documents/ folder)")
        return (_parquet_rows(findings / "documents", ["id", "url", "chars", "findings",
                                                        "score", "error", *CATEGORY_COLUMNS]),
                _parquet_rows(findings / "findings", ["rule", "category", "severity"]))
    summary = documents_path(findings)
    for path in (findings, summary):
        if not path.is_file():
            raise ScanError(f"{path}: no such file (is it what `mtlint scan --output` wrote?)")
    return _json_lines(summary), _json_lines(findings)


def summarise(findings: Path, *, top: int = 20, min_chars: int = 200) -> ArchiveSummary:
    summary = ArchiveSummary(top=top, min_chars=min_chars)
    documents, rows = tables(findings)
    worst: list[tuple[float, int, int, dict]] = []  # a min-heap of the `top` worst
    for number, doc in enumerate(documents):
        summary.documents += 1
        if doc.get("error"):
            summary.unreadable += 1
            continue
        summary.chars += doc["chars"]
        summary.findings += doc["findings"]
        summary.clean += doc["findings"] == 0
        summary.bands[band_of(doc["score"]) if doc["findings"] else 0] += 1
        for category in CATEGORY_COLUMNS:
            summary.by_category[category] += doc.get(category) or 0
        if doc["chars"] >= min_chars and doc["findings"]:
            entry = (doc["score"], doc["findings"], -number, doc)
            if len(worst) < top:
                heapq.heappush(worst, entry)
            elif entry[:3] > worst[0][:3]:
                heapq.heapreplace(worst, entry)
    summary.worst = [entry[3] for entry in sorted(worst, key=lambda e: e[:3], reverse=True)]
    for row in rows:
        summary.by_rule[row["rule"]] += 1
        summary.by_severity[row["severity"]] += 1
        summary.rule_category[row["rule"]] = row["category"]
    return summary


def render_text(summary: ArchiveSummary) -> str:
    lines = [
        f"{summary.documents:,} documents, {summary.chars:,} characters, "
        f"{summary.findings:,} findings ({summary.score:.2f} per 1,000 characters); "
        f"{summary.clean:,} without findings"
        + (f"; {summary.unreadable:,} could not be checked" if summary.unreadable else ""),
        "",
        f"worst documents (findings per 1,000 characters, at least {summary.min_chars:,} "
        "characters):",
    ]
    for doc in summary.worst:
        where = f"  {doc['url']}" if doc.get("url") else ""
        lines.append(f"  {doc['score']:8.2f}  {doc['findings']:5d} findings  "
                     f"{doc['chars']:8,d} chars  {doc['id']}{where}")
    lines += ["", "findings by category:"]
    for category, count in summary.by_category.most_common():
        if count:
            lines.append(f"  {count:8,d}  {category}")
    lines += ["", f"findings by rule (top {summary.top}):"]
    for rule, count in summary.by_rule.most_common(summary.top):
        lines.append(f"  {count:8,d}  {rule}  ({summary.rule_category.get(rule, '')})")
    lines += ["", "documents by score (findings per 1,000 characters):"]
    for label, count in zip(band_labels(), summary.bands, strict=True):
        lines.append(f"  {label:>8}  {count:8,d}")
    return "\n".join(lines) + "\n"


def _bar_chart(items: list[tuple[str, int]], title: str, label_width: int = 220) -> str:
    """A horizontal bar chart as inline SVG (no script, nothing fetched)."""
    bar_height, gap, width = 18, 4, 420
    largest = max((count for _, count in items), default=0) or 1
    height = len(items) * (bar_height + gap) + 30
    parts = [f'<svg role="img" aria-label="{html.escape(title)}" width="{label_width + width + 80}"'
             f' height="{height}" xmlns="http://www.w3.org/2000/svg">',
             f'<text x="0" y="14" font-weight="bold">{html.escape(title)}</text>']
    for index, (label, count) in enumerate(items):
        y = 24 + index * (bar_height + gap)
        length = max(1, round(width * count / largest)) if count else 0
        parts.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">'
                     f"{html.escape(label)}</text>")
        parts.append(f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_height}" '
                     'fill="#3b6ea8"/>')
        parts.append(f'<text x="{label_width + length + 6}" y="{y + 13}">{count:,}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def render_html(summary: ArchiveSummary) -> str:
    escape = html.escape
    worst_rows = "\n".join(
        f"<tr><td>{doc['score']:.2f}</td><td>{doc['findings']:,}</td><td>{doc['chars']:,}</td>"
        f"<td>{escape(str(doc['id']))}</td><td>"
        + (f'<a href="{escape(doc["url"])}">{escape(doc["url"])}</a>' if doc.get("url") else "")
        + "</td></tr>"
        for doc in summary.worst)
    rules = [(f"{rule} ({summary.rule_category.get(rule, '')})", count)
             for rule, count in summary.by_rule.most_common(summary.top)]
    categories = [(c, n) for c, n in summary.by_category.most_common() if n]
    bands = list(zip([f"{label} per 1,000" for label in band_labels()], summary.bands,
                     strict=True))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>mtlint archive report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; }}
svg {{ font: 12px system-ui, sans-serif; display: block; margin: 1.5em 0; }}
table {{ border-collapse: collapse; }} td, th {{ padding: 2px 10px; text-align: left; }}
tr:nth-child(even) {{ background: #f2f2f2; }}
</style></head><body>
<h1>mtlint archive report</h1>
<p>{summary.documents:,} documents, {summary.chars:,} characters, {summary.findings:,} findings
({summary.score:.2f} per 1,000 characters); {summary.clean:,} without findings;
{summary.unreadable:,} could not be checked.</p>
{_bar_chart(bands, "Documents by score (findings per 1,000 characters)")}
{_bar_chart(rules, f"Findings by rule (top {summary.top})", label_width=320)}
{_bar_chart(categories, "Findings by category")}
<h2>Worst documents</h2>
<p>Findings per 1,000 characters, documents of at least {summary.min_chars:,} characters.</p>
<table><tr><th>score</th><th>findings</th><th>characters</th><th>id</th><th>url</th></tr>
{worst_rows}
</table>
</body></html>
"""

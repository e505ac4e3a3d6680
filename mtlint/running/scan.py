"""Whole archives (`mtlint scan`): records in, one row per finding and one summary row
per document out.

Records (`id`, `text`, optional `format` md|txt|html and `url`) come from a folder of
files (those `check` checks), a JSON Lines file or a Parquet file; they are read as
they are checked, so memory stays bounded whatever the archive's size. The findings go
to JSON Lines (FINDINGS and, beside it, FINDINGS' name with `.documents.jsonl`) or to
Parquet (a folder `*.parquet` with `findings/` and `documents/` parts). A document
counts as done once its summary row is written, after its finding rows: `--resume`
skips the documents done and drops the finding rows of any document whose summary a
killed run did not write.

Engines: worker processes on this machine (what `check -j` uses, running.parallel), or
a Dask distributed cluster, to which partitions of records go; each worker thread
builds the rules once and keeps them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import pickle
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from mtlint.core.document import Document, DocumentError
from mtlint.core.finding import Category, Finding

if TYPE_CHECKING:
    from mtlint.core.html import HtmlOptions
    from mtlint.lint.config import Config
    from mtlint.running.runner import Runner

FORMATS = ("md", "txt", "html")
DOCUMENTS_SUFFIX = ".documents.jsonl"
PARQUET_SUFFIX = ".parquet"
DEFAULT_PARTITION = 500  # records per Dask task and per written part
SCAN_EXTRA = "pip install 'mtlint[scan]'"

FINDING_COLUMNS = ("id", "rule", "category", "severity", "source", "line", "column",
                   "end_line", "end_column", "offset", "length", "message", "suggestions",
                   "fix")
CATEGORY_COLUMNS = tuple(category.value for category in Category)
DOCUMENT_COLUMNS = ("id", "url", "format", "chars", "findings", "score", "error",
                    *CATEGORY_COLUMNS)


class ScanError(Exception):
    """Unusable input or output, or a missing optional package: message, exit 2."""


def missing_extra(package: str) -> ScanError:
    return ScanError(f"{package} is not installed; it comes with the scan extra: {SCAN_EXTRA}")


@dataclass(frozen=True)
class Record:
    """One article of an archive; `error` instead of `text` if it cannot be read."""

    id: str
    text: str | None
    format: str | None = None  # md | txt | html; None: by the id's suffix, like a file
    url: str | None = None
    error: str | None = None


@dataclass
class ScannedDocument:
    """What a scan writes for one record: its summary and its finding rows. `chars` are
    the characters checked (of an HTML page: its text, without the markup)."""

    id: str
    url: str | None
    format: str | None
    chars: int
    findings: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    def summary(self) -> dict[str, Any]:
        by_category = dict.fromkeys(CATEGORY_COLUMNS, 0)
        for row in self.findings:
            by_category[row["category"]] += 1
        return {"id": self.id, "url": self.url, "format": self.format, "chars": self.chars,
                "findings": len(self.findings), "score": score(len(self.findings), self.chars),
                "error": self.error, **by_category}


def score(findings: int, chars: int) -> float:
    """Findings per 1,000 characters (0 for an empty document)."""
    return round(findings * 1000 / chars, 3) if chars else 0.0


def finding_row(doc_id: str, finding: Finding) -> dict[str, Any]:
    """A finding as `mtlint check --format json` gives it, with the document's id."""
    data = finding.to_json()
    return {"id": doc_id, **data, "fix": data.get("fix")}


# Reading archives ---------------------------------------------------------------------

def read_records(source: Path, encoding: str = "utf-8",
                 html_options: HtmlOptions | None = None,
                 config_for: Callable[[Path], Config] | None = None) -> Iterator[Record]:
    """The records of a folder, a JSON Lines file or a Parquet file, one at a time (a
    folder's files decoded as `check` decodes them: `encoding`, an HTML page's charset)."""
    if source.is_dir():
        yield from _folder_records(source, encoding, html_options, config_for)
    elif source.suffix.lower() == PARQUET_SUFFIX:
        yield from _parquet_records(source)
    elif source.is_file():
        yield from _json_lines_records(source)
    else:
        raise ScanError(f"{source}: no such file or folder")


def _folder_records(folder: Path, encoding: str, html_options: HtmlOptions | None,
                    config_for: Callable[[Path], Config] | None) -> Iterator[Record]:
    """The files `check` would check in `folder`, as records named by their path in it;
    without a format, so that the suffix decides as it does for `check`."""
    from mtlint.running.runner import discover, read_target

    for target in discover([str(folder)], config_for):
        doc_id = (target.path.relative_to(folder).as_posix() if target.path is not None
                  and target.path.is_relative_to(folder) else target.display)
        if target.error:
            yield Record(doc_id, None, error=target.error)
            continue
        try:
            text = Document.from_bytes(read_target(target), doc_id, encoding=encoding,
                                       html_options=html_options).source.text
        except DocumentError as error:
            yield Record(doc_id, None, error=str(error))
            continue
        yield Record(doc_id, text)


def _record_from(data: object, where: str) -> Record:
    if not isinstance(data, dict):
        return Record(where, None, error="not a JSON object")
    doc_id = data.get("id")
    doc_id = where if doc_id is None else str(doc_id)
    text, kind, url = data.get("text"), data.get("format"), data.get("url")
    if not isinstance(text, str):
        return Record(doc_id, None, error="no 'text' string")
    if kind is not None and kind not in FORMATS:
        return Record(doc_id, None, error=f"format {kind!r} is none of {', '.join(FORMATS)}")
    return Record(doc_id, text, kind, None if url is None else str(url))


def _json_lines_records(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                yield Record(where, None, error=f"not JSON: {error.msg}")
                continue
            yield _record_from(data, where)


def _parquet_records(path: Path) -> Iterator[Record]:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise missing_extra("pyarrow (for Parquet)") from None
    archive = parquet.ParquetFile(path)
    names = set(archive.schema_arrow.names)
    if "text" not in names:
        raise ScanError(f"{path}: no 'text' column (columns: {', '.join(sorted(names))})")
    columns = [name for name in ("id", "text", "format", "url") if name in names]
    row = 0
    for batch in archive.iter_batches(batch_size=1024, columns=columns):
        for data in batch.to_pylist():
            row += 1
            yield _record_from(data, f"{path.name}:{row}")


def count_records(source: Path) -> int | None:
    """How many records `source` holds (for the progress bar), if that is cheap to know."""
    if source.is_dir():
        from mtlint.running.runner import discover

        return sum(1 for _ in discover([str(source)]))
    if source.suffix.lower() == PARQUET_SUFFIX:
        try:
            import pyarrow.parquet as parquet
        except ImportError:
            return None
        return parquet.ParquetFile(source).metadata.num_rows
    count = 0
    with source.open("rb") as data:
        while chunk := data.read(1 << 20):
            count += chunk.count(b"\n")
    return count


# Checking records ---------------------------------------------------------------------

def record_document(record: Record, config: Config) -> Document:
    """The document mtlint checks for a record, read as its format says (HTML as the
    text a reader sees, positions in the page's source); without a format the id's
    suffix decides, as a file's name does for `check`."""
    assert record.text is not None
    kind = record.format
    return Document(record.text, record.id,
                    markdown=None if kind is None else kind == "md",
                    html=None if kind is None else kind == "html", html_options=config.html)


def scanned(record: Record, findings: Iterable[Finding] = (), chars: int = 0,
            error: str | None = None) -> ScannedDocument:
    return ScannedDocument(record.id, record.url, record.format, chars,
                           [finding_row(record.id, f) for f in findings], error or record.error)


def scan_record(runner: Runner, config: Config, record: Record) -> ScannedDocument:
    """Check one record as `mtlint check` checks a file (without LanguageTool)."""
    if record.text is None:
        return scanned(record)
    try:
        doc = record_document(record, config)
        result = runner.check_document(doc, config)
    except Exception as error:  # one record's failure is that record's error
        return scanned(record, error=f"internal error: {type(error).__name__}: {error}")
    return scanned(record, result.findings, len(doc.text), result.error)


# Dask workers keep one Runner per thread and settings: the rules are built once.
_WORKER_STATE = threading.local()


def scan_partition(settings: bytes, token: str, records: list[Record]) -> list[ScannedDocument]:
    """A Dask task: check a partition of records with the pickled (runner, config)."""
    runners = getattr(_WORKER_STATE, "runners", None)
    if runners is None:
        runners = _WORKER_STATE.runners = {}
    if token not in runners:
        runners[token] = pickle.loads(settings)
    runner, config = runners[token]
    return [scan_record(runner, config, record) for record in records]


# Writing findings ---------------------------------------------------------------------

def documents_path(output: Path) -> Path:
    """Where the summary table of a JSON Lines FINDINGS goes."""
    stem = output.name.removesuffix(".jsonl").removesuffix(".json")
    return output.with_name(stem + DOCUMENTS_SUFFIX)


def is_parquet(output: Path) -> bool:
    return output.suffix.lower() == PARQUET_SUFFIX


class JsonLinesOutput:
    """FINDINGS as JSON Lines, plus its `.documents.jsonl` summary, appended per part."""

    def __init__(self, output: Path, resume: bool):
        self.findings_path, self.documents_path = output, documents_path(output)
        self.done: set[str] = set()
        if resume:
            self.done = _repair_json_lines(self.findings_path, self.documents_path)
        else:
            for path in (self.findings_path, self.documents_path):
                if path.exists():
                    raise ScanError(f"{path} exists: --resume continues it; "
                                    "or remove it for a new scan")
        self.findings = self.findings_path.open("a", encoding="utf-8")
        self.documents = self.documents_path.open("a", encoding="utf-8")

    def write(self, documents: list[ScannedDocument]) -> None:
        # Finding rows reach the file before the summaries that mark their documents done.
        self.findings.write("".join(_json_line(row) for doc in documents for row in doc.findings))
        self.findings.flush()
        self.documents.write("".join(_json_line(doc.summary()) for doc in documents))
        self.documents.flush()

    def close(self) -> None:
        self.findings.close()
        self.documents.close()


def _json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


def _complete_rows(path: Path) -> Iterator[tuple[bytes, dict]]:
    """(line, row) of each whole JSON line of `path`; stops at a torn last line."""
    with path.open("rb") as lines:
        for line in lines:
            if not line.endswith(b"\n"):
                return
            try:
                row = json.loads(line)
            except ValueError:
                return
            yield line, row


def _repair_json_lines(findings: Path, documents: Path) -> set[str]:
    """The ids done, after cutting what a killed run left half-written."""
    done: set[str] = set()
    if not documents.exists():
        documents.touch()
    end = 0
    for line, row in _complete_rows(documents):
        done.add(row["id"])
        end += len(line)
    with documents.open("r+b") as file:
        file.truncate(end)
    if not findings.exists():
        return done
    kept = findings.with_name(findings.name + ".resume")
    dropped = False
    end = 0
    with kept.open("wb") as out:
        for line, row in _complete_rows(findings):
            end += len(line)
            if row.get("id") in done:
                out.write(line)
            else:
                dropped = True
    if dropped or end != findings.stat().st_size:
        kept.replace(findings)
    else:
        kept.unlink()
    return done


def _finding_schema():
    import pyarrow as pa

    fix = pa.struct([("offset", pa.int64()), ("length", pa.int64()),
                     ("replacement", pa.string())])
    types = {"line": pa.int64(), "column": pa.int64(), "end_line": pa.int64(),
             "end_column": pa.int64(), "offset": pa.int64(), "length": pa.int64(),
             "suggestions": pa.list_(pa.string()), "fix": fix}
    return pa.schema([(name, types.get(name, pa.string())) for name in FINDING_COLUMNS])


def _document_schema():
    import pyarrow as pa

    types = {"chars": pa.int64(), "findings": pa.int64(), "score": pa.float64(),
             **{name: pa.int64() for name in CATEGORY_COLUMNS}}
    return pa.schema([(name, types.get(name, pa.string())) for name in DOCUMENT_COLUMNS])


class ParquetOutput:
    """FINDINGS as a folder of Parquet parts: findings/part-N.parquet and
    documents/part-N.parquet, each written whole under a temporary name, then renamed;
    a documents part is renamed last, so it marks its part done."""

    def __init__(self, output: Path, resume: bool):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise missing_extra("pyarrow (for Parquet output)") from None
        self.findings_dir, self.documents_dir = output / "findings", output / "documents"
        if output.exists() and not resume:
            raise ScanError(f"{output} exists: --resume continues it; or remove it for a new scan")
        if output.exists() and not output.is_dir():
            raise ScanError(f"{output} is not a folder of Parquet parts")
        self.findings_dir.mkdir(parents=True, exist_ok=True)
        self.documents_dir.mkdir(parents=True, exist_ok=True)
        self.done: set[str] = set()
        self.next_part = 0
        if resume:
            self._repair()

    def _repair(self) -> None:
        import pyarrow.parquet as parquet

        for folder in (self.findings_dir, self.documents_dir):
            for leftover in folder.glob("*.tmp"):
                leftover.unlink()
        numbers = set()
        for part in sorted(self.documents_dir.glob("part-*.parquet")):
            numbers.add(part.name)
            self.done.update(parquet.read_table(part, columns=["id"]).column("id").to_pylist())
            self.next_part = max(self.next_part, int(part.stem.split("-")[1]) + 1)
        for part in self.findings_dir.glob("part-*.parquet"):
            if part.name not in numbers:  # its documents part was never written
                part.unlink()

    def write(self, documents: list[ScannedDocument]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as parquet

        name = f"part-{self.next_part:06d}.parquet"
        self.next_part += 1
        rows = [row for doc in documents for row in doc.findings]
        tables = ((self.findings_dir, pa.Table.from_pylist(rows, schema=_finding_schema())),
                  (self.documents_dir, pa.Table.from_pylist([d.summary() for d in documents],
                                                            schema=_document_schema())))
        for folder, table in tables:
            temporary = folder / (name + ".tmp")
            parquet.write_table(table, temporary)
            temporary.replace(folder / name)

    def close(self) -> None:
        pass


def open_output(output: Path, resume: bool) -> JsonLinesOutput | ParquetOutput:
    return ParquetOutput(output, resume) if is_parquet(output) else JsonLinesOutput(output, resume)


# Running a scan -----------------------------------------------------------------------

@dataclass
class ScanTotals:
    documents: int = 0  # checked in this run
    skipped: int = 0  # done by an earlier run (--resume)
    findings: int = 0
    errors: int = 0
    chars: int = 0

    def add(self, documents: list[ScannedDocument]) -> None:
        for doc in documents:
            self.documents += 1
            self.findings += len(doc.findings)
            self.chars += doc.chars
            self.errors += doc.error is not None


def _partitions(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    partition: list[Record] = []
    for record in records:
        partition.append(record)
        if len(partition) >= size:
            yield partition
            partition = []
    if partition:
        yield partition


def scan_locally(runner: Runner, config: Config, records: Iterable[Record], jobs: int,
                 ) -> Iterator[ScannedDocument]:
    """Each record checked in one of `jobs` worker processes (mtlint.parallel)."""
    from mtlint.running.parallel import check_stream

    unreadable: deque[ScannedDocument] = deque()

    def tasks() -> Iterator[tuple[Record, Document, Config]]:
        for record in records:
            if record.text is None:
                unreadable.append(scanned(record))
                continue
            try:
                doc = record_document(record, config)
            except Exception as error:
                unreadable.append(scanned(record, error=f"internal error: {error}"))
                continue
            yield record, doc, config

    for record, result in check_stream(runner, tasks(), jobs):
        while unreadable:
            yield unreadable.popleft()
        chars = len(result.document.text) if result.document is not None else 0
        yield scanned(record, result.findings, chars, result.error)
    yield from unreadable


def scan_on_dask(runner: Runner, config: Config, records: Iterable[Record], client: Any,
                 partition_size: int) -> Iterator[list[ScannedDocument]]:
    """Partitions of records checked as Dask tasks, at most two per worker thread at a
    time (so that the archive is read only as fast as it is checked); results in the
    order they finish."""
    from distributed import as_completed

    settings = pickle.dumps((runner, config))
    token = hashlib.sha256(settings).hexdigest()
    [settings_future] = client.scatter([settings], broadcast=True)
    threads = max(1, sum(client.nthreads().values()))
    partitions = _partitions(records, partition_size)
    inputs: dict[str, Any] = {}

    def submit(partition: list[Record]) -> Any:
        # The records go to a worker as scattered data, not inside the task: the scheduler
        # keeps its last thousand messages to each worker (for debugging), so records sent
        # in tasks would stay in its memory for the whole scan.
        [records_future] = client.scatter([partition], hash=False)
        future = client.submit(scan_partition, settings_future, token, records_future,
                               pure=False)
        inputs[future.key] = records_future
        return future

    running = as_completed()
    for _, partition in zip(range(2 * threads), partitions, strict=False):
        running.add(submit(partition))
    for future in running:
        yield future.result()
        future.release()
        inputs.pop(future.key).release()
        partition = next(partitions, None)
        if partition is not None:
            running.add(submit(partition))


@contextlib.contextmanager
def dask_client(address: str, workers: int) -> Iterator[Any]:
    """A client of the cluster at `address`, or of a new local cluster ("local") of
    `workers` processes with one thread each."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise missing_extra("dask.distributed") from None
    if address == "local":
        import dask

        # Dask's sampling profiler looks at every worker thread 100 times a second; a
        # scan never reads the profiles, so its CPU is better spent on checking.
        with dask.config.set({"distributed.worker.profile.enabled": False}), \
                LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                             dashboard_address=":0") as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client


def scan(source: Path, output: Path, runner: Runner, config: Config, *, jobs: int = 1,
         client: Any = None, resume: bool = False, partition_size: int = DEFAULT_PARTITION,
         progress: Callable[[int], None] | None = None,
         on_resume: Callable[[int], None] | None = None) -> ScanTotals:
    """Scan the archive at `source` into `output`: with worker processes, or on the Dask
    cluster of `client`. `progress(n)` is called as n more documents are done."""
    if not source.exists():
        raise ScanError(f"{source}: no such file or folder")
    sink = open_output(output, resume)
    totals = ScanTotals()
    try:
        done = sink.done
        if on_resume is not None:
            on_resume(len(done))

        def remaining() -> Iterator[Record]:
            for record in read_records(source, config.encoding, config.html,
                                       runner.config_for):
                if record.id in done:
                    totals.skipped += 1
                else:
                    yield record

        if client is not None:
            batches: Iterator[list[ScannedDocument]] = scan_on_dask(
                runner, config, remaining(), client, partition_size)
        else:
            batches = _partitions(scan_locally(runner, config, remaining(), jobs),
                                  partition_size)
        for batch in batches:
            sink.write(batch)
            totals.add(batch)
            if progress is not None:
                progress(len(batch))
    finally:
        sink.close()
    return totals


def progress_bar(total: int | None, initial: int, stream: IO[str]) -> Any:
    """A progress bar with rate and ETA on a terminal (tqdm); None elsewhere."""
    if not stream.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit=" docs", file=stream, smoothing=0.05,
                dynamic_ncols=True)


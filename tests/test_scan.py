"""mtlint scan and mtlint report: an archive's findings are those of `mtlint check` on the
same texts, whatever the engine and the partitioning; a killed scan resumes without
losing or repeating a document."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtlint.interfaces.cli import main
from mtlint.running import parallel, scan
from mtlint.running.runner import Runner

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Paragraphs of our own, some careful, some with the defects machine translation leaves.
PARAGRAPHS = [
    "Der Stadtrat hat am Dienstag beschlossen, die Brücke über den Kanal bis zum Herbst zu "
    "sanieren. Die Kosten trägt zur Hälfte das Land.",
    "Er nannte es „Bromance„ und lachte über den eigenen Witz.",
    "Die neue Software ist ab sofort verfügbar , und sie kostet nichts .",
    "Klicken Sie hier, um mehr zu erfahren!",
    "Im Jahr 2023 stieg der Umsatz auf 1,234.56 Euro pro Kopf.",
    "Die Ausstellung zeigt Gemälde aus drei Jahrhunderten; der Eintritt ist frei.",
    "Das Team arbeitet an einer Machine Learning Lösung für kleine Betriebe.",
    "Nach dem Regen blieb es kühl, und die Wanderer kehrten früher als geplant zurück.",
    "Inhaltsverzeichnis",
    "Die Bürgermeisterin dankte den Helferinnen und Helfern für ihren Einsatz.",
]


def make_records(count: int, seed: int = 7) -> list[dict]:
    """Varied records: seed articles, mixes of the paragraphs above, Markdown, HTML, an
    empty text and records that cannot be checked."""
    chooser = random.Random(seed)
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    records: list[dict] = []
    for number in range(count):
        kind = number % 6
        paragraphs = chooser.sample(PARAGRAPHS, chooser.randint(1, 5))
        if kind == 0:
            record = {"text": seeds[number // 6 % len(seeds)]}
        elif kind == 1:
            record = {"text": "# Meldung\n\n" + "\n\n".join(paragraphs) + "\n", "format": "md"}
        elif kind == 2:
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            record = {"text": f"<html><head><style>p {{}}</style></head><body><h1>Bericht</h1>"
                              f"{body}<script>var x = 1;</script></body></html>",
                      "format": "html"}
        else:
            record = {"text": "\n\n".join(paragraphs) + "\n", "format": "txt"}
        record["id"] = f"article-{number:04d}"
        record["url"] = f"https://zeitung.example/{number}"
        records.append(record)
    records.append({"id": "empty", "text": ""})
    records.append({"id": "no-text", "url": "https://zeitung.example/none"})
    return records


def write_json_lines(records: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def checked_by_check(records: list[dict], folder: Path) -> dict[str, list[dict]]:
    """What `mtlint check --format json` finds in each record's text, written as a file
    whose suffix says the record's format."""
    folder.mkdir()
    names = {}
    for record in records:
        if not isinstance(record.get("text"), str):
            continue
        suffix = {"md": ".md", "html": ".html"}.get(record.get("format"), ".txt")
        text = record["text"]
        path = folder / (record["id"] + suffix)
        path.write_text(text, encoding="utf-8")
        names[str(path)] = record["id"]
    status, out, _ = run_cli("check", str(folder), "--format", "json", "--languagetool", "off",
                             "--no-cache", "-j", "1")
    assert status in (0, 1)
    return {names[f["path"]]: f["findings"] for f in json.loads(out)["files"]}


def scanned_findings(output: Path) -> dict[str, list[dict]]:
    """Finding rows per document id (without the id), in the order check reports them;
    every document of the summary table appears, and only once."""
    documents, rows = _tables(output)
    ids = [doc["id"] for doc in documents]
    assert len(ids) == len(set(ids)), "a document was written twice"
    found: dict[str, list[dict]] = {doc_id: [] for doc_id in ids}
    for row in rows:
        found[row.pop("id")].append(row)
    for doc_id, items in found.items():
        items.sort(key=lambda r: (r["offset"], r["length"], r["rule"]))
        for row in items:
            if row["fix"] is None:
                del row["fix"]
        found[doc_id] = items
    return found


def _tables(output: Path) -> tuple[list[dict], list[dict]]:
    if scan.is_parquet(output):
        import pyarrow.parquet as parquet

        return (parquet.read_table(output / "documents").to_pylist(),
                parquet.read_table(output / "findings").to_pylist())

    def rows(path: Path) -> list[dict]:
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]

    return rows(scan.documents_path(output)), rows(output)


def same_order(expected: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {doc_id: sorted(items, key=lambda r: (r["offset"], r["length"], r["rule"]))
            for doc_id, items in expected.items()}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[dict]]]:
    """60 records as JSON Lines and what `mtlint check` finds in them."""
    folder = tmp_path_factory.mktemp("archive")
    records = make_records(60)
    expected = checked_by_check(records, folder / "files")
    return write_json_lines(records, folder / "archive.jsonl"), same_order(expected)


def test_local_scan_finds_what_check_finds(archive, tmp_path: Path) -> None:
    source, expected = archive
    output = tmp_path / "findings.jsonl"
    status, _, err = run_cli("scan", str(source), "-o", str(output), "-j", "2",
                             "--partition-size", "7")
    assert status == 2  # the record without text
    assert "1 documents could not be checked" in err
    found = scanned_findings(output)
    assert found.pop("no-text") == []
    assert found == expected
    assert sum(len(items) for items in found.values()) > 60  # the corpus has defects
    summary = {doc["id"]: doc for doc in _tables(output)[0]}
    assert summary["no-text"]["error"] == "no 'text' string"
    assert summary["empty"] == {**summary["empty"], "chars": 0, "findings": 0, "score": 0.0}
    article = summary["article-0003"]
    assert article["findings"] == len(expected["article-0003"])
    assert article["score"] == pytest.approx(article["findings"] * 1000 / article["chars"],
                                             abs=0.001)
    by_category = {c: sum(r["category"] == c for r in expected["article-0003"])
                   for c in scan.CATEGORY_COLUMNS}
    assert {c: article[c] for c in scan.CATEGORY_COLUMNS} == by_category


def test_dask_scan_finds_the_same_in_any_partitioning(archive, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    source, expected = archive
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        for size in (1, 13, 1000):
            output = tmp_path / f"findings-{size}.parquet"
            totals = scan.scan(source, output, Runner(), Runner().config_for(source),
                               client=client, partition_size=size)
            assert totals.documents == 62
            found = scanned_findings(output)
            found.pop("no-text")
            assert found == expected, f"partitions of {size}"
            parts = len(list((output / "documents").glob("part-*.parquet")))
            assert parts == -(-62 // size)  # one part per partition


def test_a_dask_scan_keeps_no_record_in_memory_once_written(archive, tmp_path: Path) -> None:
    """Memory stays flat as the archive grows: the scheduler logs its recent messages to
    workers, so records sent inside tasks stayed alive for the rest of the scan."""
    import gc
    import time

    from distributed import Client, LocalCluster

    source, _ = archive
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        totals = scan.scan(source, tmp_path / "findings.parquet", Runner(),
                           Runner().config_for(source), client=client, partition_size=5)
        assert totals.documents == 62
        for _ in range(50):  # workers drop released data a moment after the scan
            gc.collect()
            alive = sum(isinstance(o, scan.Record) for o in gc.get_objects())
            if not alive:
                break
            time.sleep(0.1)
        assert alive == 0


def test_folder_of_files_as_input(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    (folder / "news").mkdir(parents=True)
    (folder / "news" / "a.md").write_text("# Titel\n\nEr sagte „Hallo„ zu ihr.\n", "utf-8")
    (folder / "b.html").write_text("<p>Er sagte „Hallo„ zu ihr.</p>", "utf-8")
    (folder / "c.txt").write_bytes("Grüße\n".encode("latin-1"))
    status, _, _ = run_cli("scan", str(folder), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert status == 2
    summary = {doc["id"]: doc for doc in _tables(tmp_path / "out.jsonl")[0]}
    assert sorted(summary) == ["b.html", "c.txt", "news/a.md"]
    assert summary["news/a.md"]["punctuation"] == summary["b.html"]["punctuation"] == 1
    assert summary["c.txt"]["error"].startswith("not valid UTF-8")


def test_parquet_input(archive, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as parquet

    source, expected = archive
    rows = [json.loads(line) for line in source.read_text("utf-8").splitlines()][:20]
    columns = {name: [row.get(name) for row in rows] for name in ("id", "text", "format", "url")}
    parquet.write_table(pa.table(columns), tmp_path / "archive.parquet")
    output = tmp_path / "out.jsonl"
    status, _, _ = run_cli("scan", str(tmp_path / "archive.parquet"), "-o", str(output),
                           "-j", "1")
    assert status == 0
    assert scanned_findings(output) == {r["id"]: expected[r["id"]] for r in rows}


def test_killed_scan_resumes_without_losing_or_repeating(archive, tmp_path: Path) -> None:
    source, expected = archive
    output = tmp_path / "findings.jsonl"
    command = [sys.executable, "-m", "mtlint", "scan", str(source), "-o", str(output),
               "-j", "2", "--partition-size", "2"]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    summary = scan.documents_path(output)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if summary.exists() and summary.read_bytes().count(b"\n") >= 6:
                break
            time.sleep(0.01)
        assert process.poll() is None, "the scan ended before it could be killed"
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the scan and its worker processes
        process.wait()
    written = summary.read_bytes().count(b"\n")
    assert 6 <= written < 62
    status, _, err = run_cli("scan", str(source), "-o", str(output), "-j", "2", "--resume")
    assert status == 2  # the record without text
    assert "done before" in err
    found = scanned_findings(output)
    found.pop("no-text")
    assert found == expected


def test_resume_drops_what_a_killed_run_half_wrote(archive, tmp_path: Path) -> None:
    source, expected = archive
    output = tmp_path / "findings.jsonl"
    run_cli("scan", str(source), "-o", str(output), "-j", "1")
    documents, rows = _tables(output)
    # As if killed while writing: article-0007's summary torn, its finding rows written,
    # a finding row of the next document torn too.
    kept = [doc for doc in documents if doc["id"] != "article-0007"]
    lines = "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in kept)
    scan.documents_path(output).write_text(lines + '{"id": "article-0007", "ur', "utf-8")
    output.write_text(output.read_text("utf-8") + '{"id": "article-0008", "rule', "utf-8")
    assert any(row["id"] == "article-0007" for row in rows)
    _, _, err = run_cli("scan", str(source), "-o", str(output), "-j", "1", "--resume")
    assert "scanned 1 documents" in err
    found = scanned_findings(output)
    found.pop("no-text")
    assert found == expected


def test_parquet_resume_removes_parts_without_their_summary(archive, tmp_path: Path) -> None:
    source, expected = archive
    output = tmp_path / "findings.parquet"
    runner = Runner()
    scan.scan(source, output, runner, runner.config_for(source), partition_size=20)
    # As if killed between the two renames of the last part and while writing another.
    last = sorted((output / "documents").glob("part-*.parquet"))[-1]
    last.unlink()
    (output / "findings" / "part-000099.parquet.tmp").write_bytes(b"PAR1")
    totals = scan.scan(source, output, runner, runner.config_for(source), resume=True,
                       partition_size=20)
    assert totals.documents == 62 - 60 and totals.skipped == 60
    assert not list(output.glob("*/*.tmp"))
    found = scanned_findings(output)
    found.pop("no-text")
    assert found == expected


def test_existing_output_needs_resume(archive, tmp_path: Path) -> None:
    source, _ = archive
    output = tmp_path / "findings.jsonl"
    output.write_text("", "utf-8")
    status, _, err = run_cli("scan", str(source), "-o", str(output))
    assert status == 2
    assert f"{output} exists: --resume continues it" in err


def test_missing_scan_extra_is_named(archive, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    source, _ = archive
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    status, _, err = run_cli("scan", str(source), "-o", str(tmp_path / "out.parquet"))
    assert status == 2
    assert "pip install 'mtlint[scan]'" in err
    monkeypatch.setitem(sys.modules, "distributed", None)
    status, _, err = run_cli("scan", str(source), "-o", str(tmp_path / "out.jsonl"),
                             "--dask", "local")
    assert status == 2
    assert "dask.distributed is not installed; it comes with the scan extra" in err


def test_html_records_are_read_as_pages_with_positions_in_the_source(tmp_path: Path) -> None:
    page = ("<html><head><title>Kopf</title></head><body><nav>Start | Kontakt</nav>"
            "<p>Er sagte &bdquo;Hallo&bdquo; zu ihr.</p><script>var a = '„x„';</script>"
            "</body></html>")
    source = write_json_lines([{"id": "seite", "text": page, "format": "html"}],
                              tmp_path / "pages.jsonl")
    run_cli("scan", str(source), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    documents, rows = _tables(tmp_path / "out.jsonl")
    assert [row["rule"] for row in rows] == ["quote-low-closing"]
    finding = rows[0]
    assert page[finding["offset"]:finding["offset"] + finding["length"]] == "&bdquo;"
    # The characters of the page's text (and its closing block break), not of its markup.
    assert documents[0]["chars"] == len("Er sagte „Hallo„ zu ihr.\n\n")


def test_report_lists_worst_documents_rules_and_writes_html(archive, tmp_path: Path) -> None:
    source, expected = archive
    output = tmp_path / "findings.jsonl"
    run_cli("scan", str(source), "-o", str(output), "-j", "1")
    documents = [doc for doc in _tables(output)[0] if doc["chars"] >= 200 and doc["findings"]]
    worst = max(documents, key=lambda doc: (doc["score"], doc["findings"]))
    rules: dict[str, int] = {}
    for items in expected.values():
        for row in items:
            rules[row["rule"]] = rules.get(row["rule"], 0) + 1
    common = max(rules, key=rules.get)
    page = tmp_path / "report.html"
    status, out, _ = run_cli("report", str(output), "--top", "5", "--html", str(page))
    assert status == 0
    total = sum(rules.values())
    assert out.startswith("62 documents, ")
    assert f"{total:,} findings" in out
    assert "1 could not be checked" in out
    worst_line = out.split("worst documents")[1].splitlines()[1]
    assert worst["id"] in worst_line and f"{worst['score']:.2f}" in worst_line
    assert f"{rules[common]:8,d}  {common}" in out
    text = page.read_text("utf-8")
    assert text.count("<svg") == 3 and "Findings by rule" in text
    assert f"<td>{worst['id']}</td>" in text


def test_a_worker_thread_builds_the_rules_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    from mtlint.running import runner as runner_module

    built = []

    class CountingLinter(runner_module.Linter):
        def __init__(self, *args, **kwargs):
            built.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(runner_module, "Linter", CountingLinter)
    monkeypatch.setattr(scan, "_WORKER_STATE", type(scan._WORKER_STATE)())
    runner = Runner()
    settings = pickle.dumps((runner, runner.config_for(SEEDS)))
    records = [scan.Record(f"r{n}", "Er sagte „Hallo„ zu ihr.\n") for n in range(3)]
    first = scan.scan_partition(settings, "token", records)
    second = scan.scan_partition(settings, "token", records[:1])
    assert [len(doc.findings) for doc in first + second] == [1, 1, 1, 1]
    assert len(built) == 1


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the patch reaches the workers only through fork")
def test_a_worker_that_dies_costs_only_its_record(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Runner.check_document

    def dies_on_r3(self, doc, config=None):
        if doc.path == "r3":
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, doc, config)

    monkeypatch.setattr(Runner, "check_document", dies_on_r3)
    # Threads left by earlier tests would make the pool spawn, which drops the patch.
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("fork"))
    runner = Runner()
    records = [scan.Record(f"r{n}", "Er sagte „Hallo„ zu ihr.\n") for n in range(6)]
    results = {doc.id: doc for doc in scan.scan_locally(runner, runner.config_for(SEEDS),
                                                        records, jobs=2)}
    assert sorted(results) == [f"r{n}" for n in range(6)]
    assert "killed by SIGKILL" in results["r3"].error
    assert all(len(results[f"r{n}"].findings) == 1 for n in (0, 1, 2, 4, 5))

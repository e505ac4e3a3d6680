"""Archive benchmark for `mtlint scan` (issue 20): throughput, memory and cost per document.

Usage: ``python bench/scan.py [--sizes 10000,100000] [--check-sizes 10000] [--jobs 2]``

For each size N it generates N news-like documents (seeded; sentences built from word
lists of our own, a tenth of them with the defects machine translation leaves, every
sixth in Markdown, every ninth as HTML) into ``bench/.cache/scan/N.jsonl`` and runs

- ``mtlint scan N.jsonl -o out.jsonl -j JOBS`` (local worker processes),
- ``mtlint scan N.jsonl -o out.parquet --dask local -j JOBS`` (a Dask LocalCluster of JOBS
  worker processes, started and stopped inside the run),
- for sizes in --check-sizes, ``mtlint check FOLDER -j JOBS --format json --no-cache`` on the
  same texts written as files (.txt, .md, .html),

each from process start to exit, and prints characters per second, documents per
second, CPU and wall milliseconds per document, and the peak RSS summed over the process
and all its descendants (workers, Dask scheduler and nannies), sampled from /proc.
LanguageTool is off throughout (scan never uses it).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from run import TreeMemory, run  # noqa: E402 - bench/run.py's timed, memory-sampled runs

from mtlint.core.document import Document  # noqa: E402
from mtlint.running.scan import DEFAULT_PARTITION  # noqa: E402

WORK = BENCH / ".cache" / "scan"

SUBJECTS = ["Der Stadtrat", "Die Landesregierung", "Das Unternehmen", "Die Polizei",
            "Der Verein", "Die Forscherin", "Ein Sprecher der Bahn", "Die Gemeinde",
            "Der Vorstand", "Die Schulleitung", "Das Museum", "Die Feuerwehr",
            "Der Trainer", "Die Ministerin", "Ein Anwohner", "Die Klinik"]
VERBS = ["kündigte an", "bestätigte", "teilte mit", "kritisierte", "begrüßte",
         "erklärte", "betonte", "räumte ein", "wies darauf hin"]
CLAUSES = ["dass die Arbeiten an der Brücke bis zum Herbst dauern",
           "dass die Preise im kommenden Jahr steigen werden",
           "dass der Betrieb am Wochenende ruht",
           "dass mehr Personal eingestellt werden soll",
           "dass die Ergebnisse der Studie im Frühjahr erscheinen",
           "dass die Straße wegen Bauarbeiten gesperrt bleibt",
           "dass die Zahl der Besucher deutlich gestiegen ist",
           "dass die Förderung verlängert wird",
           "dass der Zeitplan nicht zu halten sei",
           "dass die Verhandlungen fortgesetzt werden"]
PLACES = ["in Augsburg", "im Landkreis Kassel", "am Bodensee", "in der Altstadt",
          "im Norden der Stadt", "an der Universität", "im Rathaus", "in Leipzig",
          "auf dem Marktplatz", "im Hafen"]
TIMES = ["am Montag", "am Dienstagabend", "in der vergangenen Woche", "seit Jahresbeginn",
         "im Sommer", "bis Ende März", "am frühen Morgen", "nach langer Diskussion"]
FACTS = ["Rund {n} Menschen nahmen an der Veranstaltung teil.",
         "Die Kosten belaufen sich auf etwa {n} Euro.",
         "Im Jahr {y} waren es noch {m} Fälle gewesen.",
         "Der Eintritt ist frei, eine Anmeldung ist nicht nötig.",
         "Weitere Informationen gibt es beim Bürgerbüro.",
         "Die nächste Sitzung findet {t} statt.",
         "Kritiker bemängeln seit Langem die fehlende Abstimmung.",
         "Die Ergebnisse sollen {t} vorgestellt werden."]
# What machine translation leaves behind (the rules' classes, in sentences of our own).
DEFECTS = ["Er nannte das Projekt „Gamechanger„ und lächelte.",
           "Die Umsätze stiegen auf 1,234.5 Millionen Euro .",
           "Klicken Sie hier, um mehr zu erfahren!",
           "Das Team setzt auf eine Cloud Computing Lösung für die Verwaltung.",
           "Die Studie wurde von Dr. Meyer geleitet , die seit {y} forscht.",
           "Inhaltsverzeichnis",
           "Teilen Sie diesen Artikel mit Ihren Freunden.",
           "Der Bürgermeister sagte, dass die Entscheidung 'eine gute sein' werde."]


def sentence(chooser: random.Random) -> str:
    if chooser.random() < 0.35:
        fact = chooser.choice(FACTS)
        return fact.format(n=chooser.randint(12, 98000), y=chooser.randint(1990, 2024),
                           m=chooser.randint(3, 900), t=chooser.choice(TIMES))
    return (f"{chooser.choice(SUBJECTS)} {chooser.choice(VERBS).split()[0]} "
            f"{chooser.choice(TIMES)} {chooser.choice(PLACES)} "
            f"{' '.join(chooser.choice(VERBS).split()[1:])}".strip()
            + f", {chooser.choice(CLAUSES)}.").replace("  ", " ")


def document(number: int, chooser: random.Random) -> dict:
    paragraphs = []
    for _ in range(chooser.randint(3, 9)):
        sentences = [sentence(chooser) for _ in range(chooser.randint(1, 4))]
        if chooser.random() < 0.1:
            sentences.insert(chooser.randrange(len(sentences) + 1),
                             chooser.choice(DEFECTS).format(y=chooser.randint(1990, 2024)))
        paragraphs.append(" ".join(sentences))
    record: dict = {"id": f"artikel/{number:07d}", "url": f"https://zeitung.example/{number}"}
    if number % 9 == 4:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        record.update(text=f"<html><body><h1>Meldung {number}</h1>{body}</body></html>",
                      format="html")
    elif number % 6 == 1:
        record.update(text=f"# Meldung {number}\n\n" + "\n\n".join(paragraphs) + "\n",
                      format="md")
    else:
        record.update(text=f"Meldung {number}\n\n" + "\n\n".join(paragraphs) + "\n",
                      format="txt")
    return record


def generate(count: int, seed: int = 20) -> Path:
    """`count` documents as JSON Lines (made once, then reused)."""
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"{count}.jsonl"
    if not path.exists():
        chooser = random.Random(seed)
        with path.with_suffix(".tmp").open("w", encoding="utf-8") as out:
            for number in range(count):
                out.write(json.dumps(document(number, chooser), ensure_ascii=False) + "\n")
        path.with_suffix(".tmp").replace(path)
    return path


def as_files(archive: Path) -> Path:
    """The archive's texts as files for `mtlint check`, the suffix saying the format."""
    folder = archive.with_suffix(".files")
    if folder.exists():
        shutil.rmtree(folder)
    for index, line in enumerate(archive.open(encoding="utf-8")):
        record = json.loads(line)
        sub = folder / f"{index // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        suffix = {"md": ".md", "html": ".html"}[record["format"]] if record["format"] != "txt" \
            else ".txt"
        (sub / f"{index % 1000:04d}{suffix}").write_text(record["text"], encoding="utf-8")
    # bench/.cache is git-ignored, and folder scans skip what git ignores.
    (folder / ".mtlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    return folder


def checked_chars(archive: Path) -> int:
    """The characters scan and check check (of an HTML page: its text)."""
    chars = 0
    with archive.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            chars += len(Document(record["text"], "x." + record["format"]).text)
    return chars


class Trace(TreeMemory):
    """Prints, every `every` seconds, the documents written so far and the summed RSS of
    the running scan's process tree at that moment: memory against corpus size."""

    def __init__(self, summary: Path, output: Path, every: float):
        self.summary, self.every, self.started = summary, every, time.perf_counter()
        self.marker = str(output).encode()  # this run's command line names its output
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.report, daemon=True)
        self.thread.start()

    def report(self) -> None:
        while not self.done.wait(self.every):
            try:
                if self.summary.is_dir():  # Parquet: parts of DEFAULT_PARTITION documents
                    written = len(list(self.summary.glob("part-*.parquet"))) * DEFAULT_PARTITION
                else:
                    written = self.summary.read_bytes().count(b"\n")
            except OSError:
                written = 0
            scans = [pid for pid in Path("/proc").iterdir() if pid.name.isdigit()
                     and b"mtlint\x00scan" in _cmdline(pid) and self.marker in _cmdline(pid)]
            rss = 0
            for pid in scans:
                self.pid = int(pid.name)
                rss = max(rss, sum(_rss(p) for p in self._tree()))
            print(f"    {time.perf_counter() - self.started:6.0f} s  {written:>8,} documents "
                  f"written  RSS {rss / 2**20:5.0f} MB", flush=True)

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def _cmdline(pid: Path) -> bytes:
    try:
        return (pid / "cmdline").read_bytes()
    except OSError:
        return b""


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measure(label: str, args: list[str], documents: int, chars: int,
            trace: Trace | None = None) -> dict:
    started = time.perf_counter()
    try:
        result = run(args, memory=True)
    finally:
        if trace is not None:
            trace.stop()
    wall = time.perf_counter() - started
    row = {"run": label, "documents": documents, "chars": chars, "wall": result.wall,
           "cpu": result.cpu, "rss": result.tree_rss}
    print(f"  {label:<28} {documents:>8,} docs {chars / result.wall / 1000:8.0f} k chars/s "
          f"{documents / result.wall:7.0f} docs/s {result.wall / documents * 1000:6.2f} ms/doc "
          f"wall {result.cpu / documents * 1000:6.2f} ms/doc CPU  "
          f"peak RSS {result.tree_rss / 2**20:6.0f} MB  ({wall:.0f} s)", flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--check-sizes", default="10000",
                        help="sizes at which to time `mtlint check -j` on the same texts")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engines", default="local,dask")
    parser.add_argument("--trace", type=float, metavar="SECONDS",
                        help="print documents written and RSS every SECONDS during a scan")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    check_sizes = {int(s) for s in args.check_sizes.split(",") if s}
    engines = args.engines.split(",")
    mtlint = [sys.executable, "-m", "mtlint"]
    jobs = ["-j", str(args.jobs)]
    rows = []
    for size in sizes:
        archive = generate(size)
        print(f"{size:,} documents ({archive.stat().st_size / 2**20:.0f} MB of JSON Lines):",
              flush=True)
        chars = checked_chars(archive)
        for engine in engines:
            dask = engine == "dask"
            output = WORK / f"{size}.out.{'parquet' if dask else 'jsonl'}"
            for old in (output, WORK / f"{size}.out.documents.jsonl"):
                if old.is_dir():
                    shutil.rmtree(old)
                elif old.exists():
                    old.unlink()
            label = f"scan {'--dask local ' if dask else ''}-j {args.jobs}"
            trace = None
            if args.trace:
                trace = Trace(output / "documents" if dask
                              else WORK / f"{size}.out.documents.jsonl", output, args.trace)
            rows.append(measure(label, [*mtlint, "scan", str(archive), "-o", str(output), *jobs,
                                        *(["--dask", "local"] if dask else [])], size, chars,
                                trace))
        if size in check_sizes:
            folder = as_files(archive)
            rows.append(measure(f"check -j {args.jobs} (files)",
                                [*mtlint, "check", str(folder), *jobs, "--format", "json",
                                 "--no-cache", "--languagetool", "off"], size, chars))
            shutil.rmtree(folder)
    (WORK / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

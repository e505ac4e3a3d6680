"""Command line: argument parsing, commands, exit codes. No linting logic lives here.

Exit status: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage error or a file that could not be checked (the other files still are).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mtlint import __version__
from mtlint.output import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, exit_status

if TYPE_CHECKING:
    from mtlint.running.runner import Runner

COMMANDS = ("check", "scan", "report", "rules", "explain", "test-rules", "hook", "lsp")
FORMATS = ("text", "json", "sarif", "github")


class UsageError(Exception):
    """Bad arguments or configuration: message on stderr, exit 2."""


def comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mtlint",
        description="Find machine-translation artifacts and text-quality problems in German text.",
    )
    parser.add_argument("--version", action="version", version=f"mtlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check files, folders or standard input (default)")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files, folders (searched for *.txt, *.md, *.markdown and *.html) "
                            "or - for standard input")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format")
    check.add_argument("--select", type=comma_list, action="extend",
                       help="only these rules or categories (comma-separated; globs like lt:*)")
    check.add_argument("--ignore", type=comma_list, action="extend",
                       help="leave out these rules or categories")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                       help="lowest severity that makes the exit status 1 (default: warning)")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when there are findings (2 still means an error)")
    check.add_argument("--show-config", action="store_true",
                       help="print the configuration that applies to each PATH and exit")
    check.add_argument("--baseline", type=Path, metavar="FILE",
                       help="report only findings not recorded in FILE (see --write-baseline)")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="record today's findings in FILE and exit 0")
    check.add_argument("--languagetool", default="auto", metavar="auto|configured|off|URL",
                       help="LanguageTool backend: auto (configured server or local install), "
                            "configured (a configured server only), off, or a server URL")
    check.add_argument("--no-color", action="store_true", help="no colour (also: NO_COLOR)")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="name to report for standard input (its suffix selects Markdown)")
    check.add_argument("--config", type=Path, metavar="FILE",
                       help="configuration file (default: nearest .mtlint.toml or pyproject.toml)")
    check.add_argument("--rules", type=Path, action="append", default=[], metavar="DIR",
                       help="also load the rule packs (*.toml) in this folder")
    check.add_argument("--encoding", metavar="NAME",
                       help="read files in this encoding (default: utf-8), e.g. cp1252, latin-1")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="one line per finding, no excerpts; nothing when clean")
    check.add_argument("--statistics", action="store_true",
                       help="print the number of findings and the time per rule on stderr")
    check.add_argument("-j", "--jobs", type=int, metavar="N",
                       help="check files in N processes (default: the number of cores; "
                            "a small run stays in one process)")
    check.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the result cache (also: MTLINT_NO_CACHE=1)")
    check.add_argument("--cache-dir", type=Path, metavar="DIR",
                       help="result cache folder (default: $MTLINT_CACHE_DIR, "
                            "$XDG_CACHE_HOME/mtlint or ~/.cache/mtlint)")
    check.add_argument("--list-unknown", action="store_true",
                       help="print the words the speller does not know, most frequent first "
                            "(names included), to build [spelling] words; checks nothing")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="write the safe fixes into the files, then report what remains "
                             "(standard input: print the fixed text)")
    fixing.add_argument("--diff", action="store_true",
                        help="print the safe fixes as a unified diff; write nothing")

    scan = commands.add_parser(
        "scan", help="check a whole archive (folder, JSON Lines or Parquet) into a findings table")
    scan.add_argument("input", metavar="INPUT",
                      help="a folder (*.txt, *.md, *.html), a JSON Lines file or a Parquet file "
                           "of records with id, text and optional format (md|txt|html) and url")
    scan.add_argument("-o", "--output", type=Path, required=True, metavar="FINDINGS",
                      help="FILE.jsonl (summary beside it as FILE.documents.jsonl) or "
                           "FOLDER.parquet (findings/ and documents/ parts)")
    scan.add_argument("--resume", action="store_true",
                      help="continue an interrupted scan: skip the documents already written")
    scan.add_argument("-j", "--jobs", type=int, metavar="N",
                      help="worker processes (default: the number of cores)")
    scan.add_argument("--dask", metavar="ADDRESS|local",
                      help="run on the Dask cluster whose scheduler is at ADDRESS, or on a new "
                           "local one (local: -j worker processes); needs mtlint[scan]")
    scan.add_argument("--partition-size", type=int, default=None, metavar="N",
                      help="records per Dask task and per written part (default: 500)")
    scan.add_argument("--no-progress", action="store_true",
                      help="no progress bar (it is shown only on a terminal anyway)")
    for option in ("--select", "--ignore"):
        scan.add_argument(option, type=comma_list, action="extend",
                          help=f"as for check: {option[2:]} rules or categories")
    scan.add_argument("--config", type=Path, metavar="FILE",
                      help="configuration file (default: nearest to INPUT)")
    scan.add_argument("--rules", type=Path, action="append", default=[], metavar="DIR",
                      help="also load the rule packs (*.toml) in this folder")
    scan.add_argument("--encoding", metavar="NAME",
                      help="encoding of a folder's files (default: utf-8)")

    report = commands.add_parser("report", help="summarise the findings of `mtlint scan`")
    report.add_argument("findings", type=Path, metavar="FINDINGS",
                        help="what `mtlint scan --output` wrote")
    report.add_argument("--top", type=int, default=20, metavar="N",
                        help="how many of the worst documents and rules to list (default: 20)")
    report.add_argument("--min-chars", type=int, default=200, metavar="N",
                        help="rank only documents of at least N characters (default: 200), "
                             "so that a one-line record with one finding does not top the list")
    report.add_argument("--html", type=Path, metavar="FILE",
                        help="also write an HTML report with charts to FILE")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                       help="markdown: the table the README's rule list is made of")
    rules.add_argument("--rules", type=Path, action="append", default=[], metavar="DIR")

    test_rules = commands.add_parser(
        "test-rules", help="run the bad and good examples of the rule packs in folders")
    test_rules.add_argument("folders", nargs="+", type=Path, metavar="DIR")

    explain = commands.add_parser("explain", help="show a rule's documentation and examples")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--rules", type=Path, action="append", default=[], metavar="DIR")

    hook = commands.add_parser(
        "hook", help="install or remove a plain git pre-commit hook that checks staged text")
    hook.add_argument("action", choices=("install", "uninstall", "run"),
                      help="install: keep an existing hook as pre-commit.local and run it "
                           "first; uninstall: restore it; run: what the hook runs")
    # As for `check`; `install` writes them into the hook, which passes them to `run`.
    hook.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                      help="lowest severity that refuses the commit (default: the config's)")
    hook.add_argument("--select", type=comma_list, action="extend", help="only these rules")
    hook.add_argument("--ignore", type=comma_list, action="extend", help="not these rules")
    hook.add_argument("--languagetool", default="configured",
                      metavar="configured|auto|off|URL",
                      help="LanguageTool: a configured server only (default), also a local "
                           "install (auto), none, or this URL")

    commands.add_parser("lsp", help="run the Language Server over standard input and output")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and args_list[0] not in
                         ("-h", "--help", "--version")):
        args_list.insert(0, "check")
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_CLEAN
    try:
        if args.command == "rules":
            return command_rules(args, stdout)
        if args.command == "test-rules":
            return command_test_rules(args, stdout)
        if args.command == "explain":
            return command_explain(args, stdout, stderr)
        if args.command == "hook":
            return command_hook(args, stdout, stderr)
        if args.command == "scan":
            return command_scan(args, stdout, stderr)
        if args.command == "report":
            return command_report(args, stdout)
        if args.command == "lsp":
            from mtlint.interfaces.lsp import main as serve

            return serve()
        return command_check(args, stdout, stderr, process=argv is None)
    except UsageError as error:
        print(f"mtlint: error: {error}", file=stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`mtlint ... | head`): no traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("mtlint: interrupted", file=stderr)
        return 130
    except Exception as error:
        # A bug must not read as "findings" (exit 1) in CI; MTLINT_DEBUG shows the traceback.
        if os.environ.get("MTLINT_DEBUG"):
            raise
        print(f"mtlint: internal error: {type(error).__name__}: {error} "
              "(set MTLINT_DEBUG=1 for the traceback)", file=stderr)
        return EXIT_ERROR


def load_registry(extra_dirs: Sequence[Path]) -> dict:
    from mtlint.lint.packs import PackError
    from mtlint.lint.registry import rules_for

    try:
        return rules_for(extra_dirs)
    except PackError as error:
        raise UsageError(str(error)) from None


def list_unknown_words(runner: Runner, paths: list[str], stdin_name: str | None, stdout: TextIO,
                       stderr: TextIO) -> int:
    """`mtlint check --list-unknown`: "count<TAB>word" for every word of the files the
    speller does not know, most frequent first."""
    from collections import Counter

    from mtlint.checks.unknown_words import list_unknown
    from mtlint.running.runner import STDIN, FileResult, discover

    stdin_data = sys.stdin.buffer.read() if STDIN in paths else None
    counts: Counter[str] = Counter()
    status = EXIT_CLEAN
    for target in discover(paths, runner.config_for):
        prepared = runner.prepare(target, stdin_data, stdin_name)
        if isinstance(prepared, FileResult):
            print(f"mtlint: {prepared.path}: {prepared.error}", file=stderr)
            status = EXIT_ERROR
            continue
        doc, config = prepared
        counts.update(list_unknown(doc, runner.linter_for(config).context))
    for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        stdout.write(f"{count}\t{word}\n")
    return status


def run_settings(args: argparse.Namespace, stderr: TextIO) -> tuple:
    """(config or None, overrides, rules) from the options check and scan share; a broken
    config or pack is a usage error before any file is read."""
    from mtlint.lint.config import ConfigError, load_config

    config = None
    if args.config is not None:
        try:
            config = load_config(args.config)
        except ConfigError as error:
            raise UsageError(str(error)) from None
    overrides: dict = {}
    if args.select:
        overrides["select"] = tuple(args.select)
    if args.ignore:
        overrides["ignore"] = tuple(args.ignore)
    if getattr(args, "fail_on", None):
        overrides["fail_on"] = args.fail_on
    if args.encoding:
        from mtlint.lint.config import known_encoding

        if not known_encoding(args.encoding):
            raise UsageError(f"unknown encoding {args.encoding!r}")
        overrides["encoding"] = args.encoding
    for folder in args.rules:
        if not folder.is_dir():
            raise UsageError(f"--rules {folder}: not a folder")
    registry = load_registry(args.rules)  # a broken pack is a usage error before any file is read
    if config is not None:
        from mtlint.lint.config import validate_selectors

        extended = load_registry([*args.rules, *config.extend_rules])
        try:
            validate_selectors(config, extended)
        except ConfigError as error:
            raise UsageError(str(error)) from None
    check_option_selectors(args, config, registry)

    return config, overrides, registry


@contextlib.contextmanager
def collector_paused(process: bool) -> Iterator[None]:
    """The cyclic garbage collector paused while a check starts up, in the mtlint process
    itself (`process`; not when a caller runs main in its own process): the imports and
    the rule registry make some 300,000 objects that live as long as the run, and the
    collector walked them 50 times (15-40 ms of a cold check).  Afterwards they are moved
    out of its sight (gc.freeze) and it runs as usual on what the check makes."""
    if not process:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def command_check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO,
                  process: bool = False) -> int:
    with collector_paused(process):
        from mtlint.core.cachedir import cache_disabled

        use_cache = not args.no_cache and not cache_disabled(os.environ)
        if args.languagetool == "off":
            from mtlint.backends.status import DisabledSession as Session
        else:
            from mtlint.backends.languagetool import Session  # type: ignore[assignment]
        from mtlint.output import Report, printable, write_report
        from mtlint.running.runner import STDIN, Runner, discover

        config, overrides, _ = run_settings(args, stderr)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j/--jobs must be at least 1")
    cache = None
    if use_cache:
        from mtlint.core.cachedir import default_cache_dir
        from mtlint.running.cache import ResultCache

        cache = ResultCache(args.cache_dir or default_cache_dir())
    runner = Runner(config, overrides=overrides, extra_rule_dirs=args.rules, cache=cache)
    try:
        languagetool = Session(args.languagetool, runner)
    except ValueError as error:
        raise UsageError(str(error)) from None
    # --stdin-filename names standard input: without paths, it is what is checked.
    paths = args.paths or (["-"] if args.stdin_filename else ["."])
    if args.show_config:
        return show_config(runner, paths, args.stdin_filename, stdout)
    if args.list_unknown:
        return list_unknown_words(runner, paths, args.stdin_filename, stdout, stderr)
    if args.diff and args.format != "text":
        raise UsageError("--diff prints a diff; it cannot be combined with --format")
    if (args.fix or args.diff) and (args.baseline or args.write_baseline):
        raise UsageError("--fix and --diff fix every finding; they cannot be combined with "
                         "a baseline")
    if args.fix and STDIN in paths and len(paths) > 1:
        raise UsageError("--fix on standard input prints the fixed text; give no other paths")
    stdin_data = None
    if STDIN in paths:
        from mtlint.core.document import DocumentError, read_stream

        try:
            stdin_data = read_stream(sys.stdin.buffer)
        except DocumentError as error:
            raise UsageError(f"standard input: {error}") from None
    results, fixed_files = [], []

    def fixing() -> Iterator:
        from mtlint.running.fix import fix_target

        for target in discover(paths, runner.config_for):
            fixed_files.append(fix_target(runner, target, stdin_data, args.stdin_filename,
                                          dry_run=args.diff))
            yield fixed_files[-1].result

    checked = fixing() if args.fix or args.diff else runner.check_all(
        discover(paths, runner.config_for), jobs=args.jobs, stdin_data=stdin_data,
        stdin_name=args.stdin_filename)
    for result in checked:
        if result.error:
            print(printable(f"mtlint: {result.path}: {result.error}"), file=stderr)
        for note in result.notes:
            print(printable(f"mtlint: {result.path}: note: {note}"), file=stderr)
        results.append(result)
        languagetool.submit(result)  # sent now, merged into the result by finish()

    status = languagetool.finish()
    if languagetool.note and args.format == "text":
        print(printable(f"mtlint: note: {languagetool.note}"), file=stderr)
    if args.write_baseline is not None or args.baseline is not None:
        from mtlint.running import baseline

        try:
            if args.write_baseline is not None:
                count = baseline.write(args.write_baseline, results)
                print(f"mtlint: recorded {count} finding{'s' if count != 1 else ''} in "
                      f"{args.write_baseline}", file=stderr)
                return exit_status(Report(results, status), exit_zero=True)
            results = baseline.without_known(results, args.baseline)
        except baseline.BaselineError as error:
            raise UsageError(str(error)) from None
    report = Report(results, status)
    if fixed_files:
        from mtlint.running.fix import report_fixes

        if report_fixes(fixed_files, stdout, stderr, diff=args.diff):
            return exit_status(report, exit_zero=args.exit_zero)  # the fixed text or diff

    color = (args.format == "text" and not args.no_color and "NO_COLOR" not in os.environ
             and stdout.isatty())
    if color:
        import colorama

        colorama.just_fix_windows_console()
    write_report(args.format, report, stdout, color=color, quiet=args.quiet,
                 rules=load_registry(args.rules))
    if args.statistics:
        print_statistics(report, stderr)
    return exit_status(report, exit_zero=args.exit_zero)


def show_config(runner, paths: Sequence[str], stdin_name: str | None, stdout: TextIO) -> int:
    """Which configuration file applies to each path, and the settings in effect (with
    the command line's overrides)."""
    from dataclasses import fields

    from mtlint.lint.config import DEFAULT_EXCLUDE, ConfigError

    for raw in paths:
        path = Path(stdin_name) if raw == "-" and stdin_name else Path(raw)
        try:
            config = runner.config_for(path)
        except ConfigError as error:
            raise UsageError(str(error)) from None
        source = (runner.explicit_config and runner.explicit_config.source) or config.source
        print(f"# {raw}: {source or 'no configuration file: the defaults'}", file=stdout)
        for item in fields(config):
            if item.name in ("source", "root"):
                continue
            value = getattr(config, item.name)
            if item.name == "exclude" and value is None:
                value = DEFAULT_EXCLUDE
            print(f"{item.name.replace('_', '-')} = {_shown(value)}", file=stdout)
    return EXIT_CLEAN


def _shown(value) -> str:
    """A setting in TOML-like notation."""
    import dataclasses
    import enum

    if dataclasses.is_dataclass(value):
        inner = ", ".join(f"{f.name.replace('_', '-')} = {_shown(getattr(value, f.name))}"
                          for f in dataclasses.fields(value))
        return "{ " + inner + " }"
    if isinstance(value, enum.Enum):
        return f'"{value.value}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | Path):
        return f'"{value}"'
    if value is None:
        return '""'
    return str(value)


def check_option_selectors(args: argparse.Namespace, config, registry: dict) -> None:
    """--select and --ignore name rules or categories: a misspelt one ("qoute-*") would
    check nothing and let every commit through, so it is a usage error. A rule may come
    from a pack that the config file of a checked path adds: those packs count too."""
    from mtlint.lint.config import ConfigError, find_config_file, load_config, unknown_selectors

    wanted = [(option, name) for option, selectors in (("--select", args.select),
                                                       ("--ignore", args.ignore))
              for name in selectors or ()]
    unknown = [(option, name) for option, name in wanted if unknown_selectors([name], registry)]
    if not unknown:
        return
    configs = [config] if config is not None else []
    if config is None:
        stdin_name = getattr(args, "stdin_filename", None)
        named = [stdin_name] if stdin_name else []
        paths = args.paths if "paths" in args else [args.input]  # check or scan
        for raw in {*(paths or ["."]), *named} - {"-"}:
            source = find_config_file(Path(raw))
            if source is not None:
                try:
                    configs.append(load_config(source))
                except ConfigError:
                    continue  # reported for each of its files
    packs = [folder for found in configs for folder in found.extend_rules]
    if packs:
        registry = load_registry([*args.rules, *packs])
    for option, name in unknown:
        if unknown_selectors([name], registry):
            raise UsageError(f"{option} {name!r} names no rule or category (see `mtlint rules`)")


def command_scan(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Check an archive into a findings table; 2 if a record could not be checked."""
    import contextlib

    from mtlint.running import scan
    from mtlint.running.runner import Runner, default_jobs

    config, overrides, _ = run_settings(args, stderr)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j/--jobs must be at least 1")
    if args.partition_size is not None and args.partition_size < 1:
        raise UsageError("--partition-size must be at least 1")
    source = Path(args.input)
    runner = Runner(config, overrides=overrides, extra_rule_dirs=args.rules)
    try:
        run_config = runner.config_for(source.resolve())
    except Exception as error:
        raise UsageError(str(error)) from None
    jobs = args.jobs or default_jobs()
    bar = None
    with contextlib.ExitStack() as stack:
        try:
            client = (stack.enter_context(scan.dask_client(args.dask, jobs))
                      if args.dask else None)

            def start_bar(done: int) -> None:
                nonlocal bar
                if not args.no_progress and stderr.isatty():
                    total = scan.count_records(source) if source.exists() else None
                    bar = stack.enter_context(scan.progress_bar(total, done, stderr))

            totals = scan.scan(
                source, args.output, runner, run_config, jobs=jobs, client=client,
                resume=args.resume, partition_size=args.partition_size or scan.DEFAULT_PARTITION,
                progress=lambda count: bar.update(count) if bar is not None else None,
                on_resume=start_bar)
        except scan.ScanError as error:
            raise UsageError(str(error)) from None
    skipped = f", {totals.skipped} done before" if totals.skipped else ""
    print(f"mtlint: scanned {totals.documents} documents ({totals.chars:,} characters{skipped}): "
          f"{totals.findings} findings -> {args.output}", file=stderr)
    if totals.errors:
        print(f"mtlint: {totals.errors} documents could not be checked (see the 'error' column "
              "of the summary)", file=stderr)
        return EXIT_ERROR
    return EXIT_CLEAN


def command_report(args: argparse.Namespace, stdout: TextIO) -> int:
    from mtlint.output import archive as scanreport
    from mtlint.running.scan import ScanError

    try:
        summary = scanreport.summarise(args.findings, top=args.top, min_chars=args.min_chars)
    except ScanError as error:
        raise UsageError(str(error)) from None
    stdout.write(scanreport.render_text(summary))
    if args.html:
        args.html.write_text(scanreport.render_html(summary), encoding="utf-8")
        stdout.write(f"HTML report: {args.html}\n")
    return EXIT_CLEAN


def print_statistics(report, stream: TextIO) -> None:
    """Findings and time per rule, then time per rule family (the id's first word)."""
    from collections import Counter, defaultdict

    counts = Counter(f.rule for r in report.results for f in r.findings)
    times: dict[str, float] = defaultdict(float)
    for result in report.results:
        for rule, seconds in result.timings.items():
            times[rule] += seconds
    rules = sorted(set(counts) | set(times), key=lambda r: (-counts[r], -times[r], r))
    print("findings      time  rule", file=stream)
    for rule in rules:
        print(f"{counts[rule]:8d} {times[rule] * 1000:7.1f} ms  {rule}", file=stream)
    families: dict[str, float] = defaultdict(float)
    for rule, seconds in times.items():
        families[rule if rule.startswith("(") else rule.split("-")[0].split(":")[0]] += seconds
    if families:
        print("time per rule family:", file=stream)
        for family, seconds in sorted(families.items(), key=lambda item: -item[1]):
            print(f"         {seconds * 1000:7.1f} ms  {family}", file=stream)
        checked = sum(1 for r in report.results if r.timings)
        print(f"         {sum(times.values()) * 1000:7.1f} ms  all rules, {checked} file"
              f"{'s' if checked != 1 else ''} checked (cached files take no rule time)",
              file=stream)


def command_rules(args: argparse.Namespace, stdout: TextIO) -> int:
    rules = load_registry(args.rules)
    if args.format == "json":
        import json

        data = [{"id": r.id, "category": r.category.value, "severity": r.severity.value,
                 "fixable": r.fixable, "summary": r.summary, "origin": r.origin}
                for r in sorted(rules.values(), key=lambda r: r.id)]
        stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_CLEAN
    if args.format == "markdown":
        from mtlint.lint.explain import rules_table

        stdout.write(rules_table(rules.values()))
        return EXIT_CLEAN
    width = max((len(r.id) for r in rules.values()), default=10)
    for rule in sorted(rules.values(), key=lambda r: (r.category.value, r.id)):
        fix = "*" if rule.fixable else " "
        stdout.write(f"{rule.id:<{width}}  {rule.category.value:<12} {rule.severity.value:<7} "
                     f"{fix} {rule.summary}\n")
    stdout.write(f"{len(rules)} rules; * = has a safe fix.\n")
    return EXIT_CLEAN


def command_hook(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from mtlint.interfaces import hook

    options: list[str] = []
    overrides: dict = {}
    for option, values, key in (("--select", args.select, "select"),
                                ("--ignore", args.ignore, "ignore")):
        if values:
            options += [option, ",".join(values)]
            overrides[key] = tuple(values)
    if args.fail_on:
        options += ["--fail-on", args.fail_on]
        overrides["fail_on"] = args.fail_on
    if args.languagetool != "configured":
        options += ["--languagetool", args.languagetool]
    if args.select or args.ignore:
        args.paths, args.rules, args.stdin_filename = ["."], [], None
        check_option_selectors(args, None, load_registry([]))
    try:
        if args.action == "run":
            return hook.run(stdout, stderr, overrides=overrides,
                            languagetool_setting=args.languagetool)
        install = args.action == "install"
        message = hook.install(options=options) if install else hook.uninstall()
    except hook.HookError as error:
        raise UsageError(str(error)) from None
    print(f"mtlint: {message}", file=stdout)
    return EXIT_CLEAN


def command_test_rules(args: argparse.Namespace, stdout: TextIO) -> int:
    """Each rule's examples in the packs of the folders, as the test suite runs the
    built-in ones: 0 if all pass, 1 if one fails, 2 if a pack cannot be loaded."""
    from mtlint.lint.examples import rule_problems
    from mtlint.lint.packs import PackError, load_pack, pack_files

    rules = []
    for folder in args.folders:
        if not folder.is_dir():
            raise UsageError(f"{folder}: not a folder")
        try:
            rules += [rule for pack in pack_files(folder) for rule in load_pack(pack)]
        except PackError as error:
            raise UsageError(str(error)) from None
    failed = 0
    examples = 0
    for rule in rules:
        examples += len(rule.bad) + len(rule.good)
        for problem in rule_problems(rule):
            failed += 1
            print(f"{rule.origin}: {rule.id}: {problem}", file=stdout)
    rule_word = "rule" if len(rules) == 1 else "rules"
    print(f"{len(rules)} {rule_word}, {examples} examples: "
          + (f"{failed} failed." if failed else "all pass."), file=stdout)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


def command_explain(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from mtlint.lint.explain import explain_rule

    rules = load_registry(args.rules)
    rule = rules.get(args.rule)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(args.rule, list(rules), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `mtlint rules`"
        raise UsageError(f"no such rule: {args.rule!r}{hint}")
    stdout.write(explain_rule(rule))
    return EXIT_CLEAN

"""The ``claimcheck`` command: a thin layer over the library.

Exit codes: 0 done (no finding at the ``--fail-on`` level); 1 findings at that level;
2 bad usage or an input that could not be read (one line on standard error says which and why).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence

from . import __version__
from ._check import Report, check
from ._errors import ClaimcheckError
from ._graph import write_graph
from ._linking import DEFAULT_MIN_SCORE
from ._quantities import DEFAULT_TOLERANCE
from ._render import claim_dict, render_json, render_markdown, render_text

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

_EPILOG = """\
examples:
  claimcheck check seeds/                     cross-check the bundled articles
  claimcheck check --format json a.txt b.html the JSON report (format claimcheck/1)
  claimcheck check --fail-on conflict corpus.jsonl
  claimcheck extract --format csv seeds/      the claims alone
  claimcheck extract --jobs 2 big.jsonl       claims as JSON Lines, streamed, on 2 processes
  claimcheck check --engine dask --scheduler tcp://host:8786 corpus/
  claimcheck graph seeds/ -o claims.graphml   the claim graph (.graphml .gexf .json .dot)

exit codes: 0 done, no finding at the --fail-on level; 1 findings at that level;
            2 bad usage or an unreadable input (named on standard error)
"""


def _share(upper_open: bool):
    """An argparse type for a number in [0, 1) (``upper_open``) or [0, 1]; anything else exits 2."""
    def convert(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if not (0 <= number < 1 if upper_open else 0 <= number <= 1):  # also refuses nan
            raise argparse.ArgumentTypeError(f"{value} is outside {'[0, 1)' if upper_open else '[0, 1]'}")
        return number
    return convert


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck", description="Find numeric claims in news articles and check them across sources.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    common.add_argument("-o", "--output", help="write here instead of standard output")
    common.add_argument("--tolerance", type=_share(upper_open=True), default=DEFAULT_TOLERANCE,
                        help="relative width of approximate figures (default %(default)s)")
    common.add_argument("--published", help="publication date (ISO) for documents that lack one")
    common.add_argument("--outlet", help="outlet name for documents that lack one")
    common.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    common.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="worker processes for extraction (default: every core for large inputs)")
    common.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="run here, or on a Dask cluster (needs claimcheck[dask] and --scheduler)")
    common.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786")
    run = commands.add_parser("check", parents=[common], help="cross-check claims across sources",
                              epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("--format", choices=["text", "json", "markdown", "html"], default="text")
    run.add_argument("--min-score", type=_share(upper_open=False), default=DEFAULT_MIN_SCORE,
                     help="least linking score for two claims to be one fact (default %(default)s)")
    run.add_argument("--fail-on", choices=["conflict", "discrepancy", "never"], default="never",
                     help="exit 1 when a finding of this level is present (default %(default)s)")
    extract = commands.add_parser("extract", parents=[common], help="list the claims alone")
    extract.add_argument("--format", choices=["table", "jsonl", "json", "csv"], default=None)
    graph = commands.add_parser("graph", parents=[common], help="write the claim graph")
    graph.add_argument("--min-score", type=_share(upper_open=False), default=DEFAULT_MIN_SCORE)
    for sub in (extract, graph):
        sub.set_defaults(fail_on="never")
    return parser


def _emit(text: str, output: str | None) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


class _ProgressBar:
    """A one-line bar on standard error, drawn only on a terminal, for runs of many documents."""

    WIDTH = 30
    SHOWN_FROM = 20

    def __init__(self) -> None:
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if total < self.SHOWN_FROM or (done % max(1, total // 100) and done != total):
            return
        filled = self.WIDTH * done // total
        sys.stderr.write(f"\rclaimcheck: [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} documents")
        self.drawn = True
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _run(args: argparse.Namespace) -> Report:
    progress = _ProgressBar() if sys.stderr.isatty() and not args.quiet else None
    return check(args.paths, min_score=getattr(args, "min_score", DEFAULT_MIN_SCORE), tolerance=args.tolerance,
                 published=args.published, outlet=args.outlet, jobs=args.jobs, engine=args.engine,
                 scheduler=args.scheduler, progress=progress)


def _stream_claims(args: argparse.Namespace) -> int:
    """``extract --format jsonl``: claims written as they are found, in bounded memory."""
    from ._parallel import iter_claims, iter_documents

    failed = []

    def documents() -> Iterator:
        for document in iter_documents(args.paths, on_error="record", published=args.published, outlet=args.outlet):
            if document.error:
                failed.append(document)
            yield document

    handle = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        for claim in iter_claims(documents(), args.jobs, tolerance=args.tolerance):
            if not args.quiet:
                handle.write(json.dumps(claim_dict(claim), ensure_ascii=False) + "\n")
    finally:
        if args.output:
            handle.close()
    for document in failed:
        print(f"claimcheck: {document.path or document.id}: {document.error}", file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK


def _csv_cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _claims_output(report: Report, fmt: str) -> str:
    rows = [claim_dict(c) for c in report.claims]
    if fmt == "json":
        return json.dumps(rows, indent=1, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    columns = ["id", "document", "start", "end", "figure", "low", "high", "qualifier", "kind", "subject",
               "predicate", "object", "when", "according_to"]
    flat = [{**{k: r[k] for k in columns if k in r}, "figure": r["quantity"]["text"], "low": r["quantity"]["low"],
             "high": r["quantity"]["high"], "qualifier": r["quantity"]["qualifier"]} for r in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in flat:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        return buffer.getvalue()
    widths = {"figure": 18, "subject": 28, "predicate": 12, "object": 28, "when": 10}
    lines = ["  ".join(f"{k:<{w}}" for k, w in widths.items())]
    for row in flat:
        lines.append("  ".join(f"{str(row[k] or '')[:w]:<{w}}" for k, w in widths.items()))
    return "\n".join(lines) + "\n"


def _exit_code(report: Report, fail_on: str) -> int:
    if any(d.error for d in report.documents):
        return EXIT_INPUT
    if fail_on == "conflict" and report.conflicts:
        return EXIT_FINDINGS
    if fail_on == "discrepancy" and report.findings:
        return EXIT_FINDINGS
    return EXIT_OK


def _render(report: Report, args: argparse.Namespace) -> str:
    if args.command == "extract":
        return _claims_output(report, args.format or ("table" if sys.stdout.isatty() else "jsonl"))
    if args.format == "json":
        return render_json(report)
    if args.format == "markdown":
        return render_markdown(report)
    if args.format == "html":
        from ._html_report import render_html

        return render_html(report)
    color = not args.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return render_text(report, color=color)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.engine == "dask" and not args.scheduler:
        parser.error("--engine dask needs --scheduler ADDRESS")
    if args.jobs is not None and args.jobs < 0:
        parser.error("--jobs must be 0 (every core) or more")
    try:
        if args.command == "extract" and args.engine == "local" and (
                args.format or ("table" if sys.stdout.isatty() else "jsonl")) == "jsonl":
            return _stream_claims(args)
        report = _run(args)
        if args.command == "graph":
            if not args.output:
                print("claimcheck graph: give the file to write with -o FILE", file=sys.stderr)
                return EXIT_INPUT
            write_graph(report.graph, args.output)
        elif not args.quiet:
            _emit(_render(report, args), args.output)
    except ClaimcheckError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        print(f"claimcheck: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return EXIT_INPUT
    except ImportError as exc:  # --engine dask without the dask extra
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_INPUT
    for document in report.documents:
        if document.error:
            print(f"claimcheck: {document.path or document.id}: {document.error}", file=sys.stderr)
    return _exit_code(report, args.fail_on)

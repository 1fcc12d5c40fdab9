"""``geopol lexicon``: where a coding comes from, and what the user's dictionaries changed.

Also the lexicon options shared by the pipeline commands (``--lexicon``, ``--verbs``,
``--actors``, ``--agents``, ``--no-builtin-lexicons``) and the one-line report of the
dictionaries' problems and conflicts they print on stderr. See ``docs/dictionaries.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from geopol.actors.lexicon import ActorLexicon, NameEntry, Office, builtin_files, default_tokenizer
from geopol.cli import EXIT_OK, EXIT_REJECTED, CliError
from geopol.dictionaries.provenance import Conflict, origin_path
from geopol.events.triggers import Trigger, TriggerLexicon
from geopol.pipeline import PipelineConfig, load_lexicons

SCOPE_WORDS = {"builtin": "with built-in entries", "user": "between user files", "file": "within a file"}


def add_lexicon_options(group: Any) -> None:
    """The options that choose the lexicons (an argparse parser or argument group)."""
    group.add_argument("--lexicon", action="append", type=Path, default=[], metavar="FILE",
                       help="an extra actor lexicon (countries*/groups*/roles*/people*.tsv, see "
                            "docs/lexicons.md); overrides built-in entries; repeatable")
    group.add_argument("--verbs", action="append", type=Path, default=[], metavar="FILE",
                       help="an extra trigger lexicon: geopol's verbs.tsv format or a PETRARCH verb "
                            "dictionary (told apart by content); repeatable")
    group.add_argument("--actors", action="append", type=Path, default=[], metavar="FILE",
                       help="a PETRARCH actor dictionary (*.actors.txt); overrides built-in names; repeatable")
    group.add_argument("--agents", action="append", type=Path, default=[], metavar="FILE",
                       help="a PETRARCH agent dictionary (*.agents.txt); overrides built-in roles; repeatable")
    group.add_argument("--no-builtin-lexicons", action="store_true",
                       help="code actors and events with the given files only (docs/dictionaries.md)")


def lexicon_config(config: PipelineConfig, args: argparse.Namespace) -> PipelineConfig:
    """``config`` with the lexicon options of ``args``; raises CliError for a missing file."""
    config = dataclasses.replace(
        config, lexicons=tuple(getattr(args, "lexicon", ())), verbs=tuple(getattr(args, "verbs", ())),
        actors=tuple(getattr(args, "actors", ())), agents=tuple(getattr(args, "agents", ())),
        builtin_lexicons=not getattr(args, "no_builtin_lexicons", False))
    for path in _user_files(config):
        if not path.is_file():
            raise CliError(f"lexicon {path} does not exist")
    return config


def _user_files(config: PipelineConfig) -> tuple[Path, ...]:
    return (*config.lexicons, *config.verbs, *config.actors, *config.agents)


def report(actors: ActorLexicon, triggers: TriggerLexicon, config: PipelineConfig, show_conflicts: bool,
           stream: IO[str]) -> None:
    """One line on stderr about the user's files (problems, unmapped patterns, conflicts); the
    conflicts themselves with ``show_conflicts``. Silent when only built-in lexicons are used."""
    if not _user_files(config):
        return
    problems = len(_user_problems(actors, triggers, config))
    conflicts = (*actors.conflicts, *triggers.conflicts)
    scopes = Counter(c.scope for c in conflicts)
    detail = ", ".join(f"{n} {SCOPE_WORDS[s]}" for s, n in sorted(scopes.items()))
    hint = "" if show_conflicts else "; list them with --show-conflicts or 'geopol lexicon conflicts|problems'"
    print(f"geopol: lexicons: {problems} malformed dictionary lines skipped, {len(triggers.unmapped)} "
          f"PETRARCH verbs/patterns not mapped, {len(conflicts)} conflicts"
          f"{f' ({detail})' if detail else ''} resolved in favour of the user files{hint}", file=stream)
    if show_conflicts:
        for conflict in conflicts:
            print(f"geopol: conflict: {conflict}", file=stream)


def _user_problems(actors: ActorLexicon, triggers: TriggerLexicon, config: PipelineConfig) -> list[str]:
    paths = {str(p) for p in _user_files(config)}
    found = [f"{p.origin}: {p.reason}" for p in actors.problems if origin_path(p.origin) in paths]
    found.extend(p for p in triggers.problems if origin_path(p.split(": ", 1)[0]) in paths)
    return found


# ---------------------------------------------------------------- geopol lexicon ...


def add_commands(commands: Any) -> None:
    parser = commands.add_parser(
        "lexicon", help="show where a coding comes from; list dictionary conflicts and problems",
        description="Inspect the lexicons a pipeline would use (built-in and user files).")
    sub = parser.add_subparsers(dest="lexicon_command", metavar="SUBCOMMAND", required=True)
    show = sub.add_parser("show", help="where an actor's, role's or verb's coding comes from",
                          description="Print the entries for NAME (actor name, role title or verb lemma/form) "
                                      "with their codes, dated offices, source file and line.")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                      help="mark the office that applies on this date")
    show.set_defaults(run=run_show)
    conflicts = sub.add_parser("conflicts", help="list the entries user files override with another code")
    conflicts.set_defaults(run=run_conflicts)
    problems = sub.add_parser("problems", help="list malformed dictionary lines (and, with --unmapped, the "
                                               "PETRARCH verbs and patterns with no geopol trigger)")
    problems.add_argument("--unmapped", action="store_true", help="also list unmapped verbs and patterns")
    problems.set_defaults(run=run_problems)
    for command in (show, conflicts, problems):
        add_lexicon_options(command.add_argument_group("lexicons"))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def _load(args: argparse.Namespace, tokenize: Any = None) -> tuple[PipelineConfig, ActorLexicon, TriggerLexicon]:
    config = lexicon_config(PipelineConfig(), args)
    try:
        actors, triggers = load_lexicons(config, tokenize)
    except (OSError, ValueError) as error:
        raise CliError(str(error)) from None
    return config, actors, triggers


def run_conflicts(args: argparse.Namespace) -> int:
    _, actors, triggers = _load(args)
    conflicts = (*actors.conflicts, *triggers.conflicts)
    for conflict in conflicts:
        print(conflict)
    print(f"{len(conflicts)} conflicts", file=sys.stderr)
    return EXIT_OK


def run_problems(args: argparse.Namespace) -> int:
    config, actors, triggers = _load(args)
    problems = _user_problems(actors, triggers, config) if _user_files(config) else [
        f"{p.origin}: {p.reason}" for p in actors.problems] + list(triggers.problems)
    for line in problems:
        print(line)
    unmapped = triggers.unmapped if args.unmapped else ()
    for line in unmapped:
        print(f"{line} (not mapped)")
    print(f"{len(problems)} problems, {len(triggers.unmapped)} verbs/patterns not mapped", file=sys.stderr)
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    tokenize = default_tokenizer()
    _, actors, triggers = _load(args, tokenize)
    builtin = frozenset(str(p) for p in builtin_files())
    tokens = tokenize(args.name)
    lines: list[str] = []
    entry = actors.lookup(tokens)
    if entry is not None:
        lines.extend(_actor_lines(entry, args.date, builtin))
    role = actors.roles.get(tuple(t.lower() for t in tokens))
    if role is not None:
        lines.append(f"role {role.term!r}: {role.role} ({role.kind}), from {_where(role.origin, builtin)}")
    verbs = triggers.entries_for(args.name)
    if verbs:
        lemma = verbs[0].lemma
        form = "" if lemma == args.name.strip().lower() else f" (a form of {lemma!r})"
        lines.append(f"trigger {args.name.strip()!r}{form}:")
        lines.extend(_trigger_line(t, builtin) for t in verbs)
    keys = {args.name.strip().lower(), *(t.lemma for t in verbs[:1])}
    lines.extend(f"  conflict: {c}" for c in _conflicts_for(keys, actors, triggers))
    if not lines:
        print(f"geopol: no actor, role or trigger {args.name!r} in these lexicons", file=sys.stderr)
        return EXIT_REJECTED
    print("\n".join(lines))
    return EXIT_OK


def _where(origin: str, builtin: frozenset[str]) -> str:
    return f"{origin} ({'built-in' if origin_path(origin) in builtin else 'user file'})"


def _actor_lines(entry: NameEntry, day: dt.date | None, builtin: frozenset[str]) -> list[str]:
    lines = [f"actor {entry.name!r}: {entry.kind}, from {_where(entry.origin, builtin)}"]
    if not entry.offices:
        lines.append(f"  code {entry.code}")
        return lines
    applies = entry.code_on(day)
    chosen = _office_applying(entry, day)
    for office in entry.offices:
        mark = "*" if office is chosen else " "
        lines.append(f"  {mark} {office.code:<10} {_span(office):<26} {office.title or ''}{' ' if office.title else ''}"
                     f"({office.origin or entry.origin})")
    when = f"on {day.isoformat()}" if day else "with no date"
    lines.append(f"  {when}: {applies}  (* marks the office applied)")
    return lines


def _office_applying(entry: NameEntry, day: dt.date | None) -> Office | None:
    code = entry.code_on(day)
    candidates = [o for o in entry.offices if o.code == code]
    covering = [o for o in candidates if day is not None and (o.start or o.end) and o.covers(day)]
    found = covering or candidates
    return found[0] if found else None


def _span(office: Office) -> str:
    if office.start is None and office.end is None:
        return "undated (default)"
    start = office.start.isoformat() if office.start else "…"
    end = office.end.isoformat() if office.end else "…"
    return f"{start} to {end}"


def _trigger_line(trigger: Trigger, builtin: frozenset[str]) -> str:
    words = " ".join(w for w in (trigger.lemma, trigger.particle) if w)
    objects = f" +{'|'.join(sorted(trigger.objects))}" if trigger.objects else ""
    flags = f" [{','.join(sorted(trigger.flags))}]" if trigger.flags else ""
    targets = "|".join(trigger.targets) or "-"
    return f"  {trigger.pos.lower():<4} {words}{objects}: {trigger.code}, target {targets}{flags}, " \
           f"from {_where(trigger.origin, builtin)}"


def _conflicts_for(keys: Iterable[str], actors: ActorLexicon, triggers: TriggerLexicon) -> list[Conflict]:
    wanted = set(keys)
    return [c for c in (*actors.conflicts, *triggers.conflicts)
            if c.key.lower() in wanted or (c.table == "verb" and _verb_lemma(c.key) in wanted)]


def _verb_lemma(key: str) -> str:
    """The lemma of a trigger key (``"meet with +people"`` -> ``"meet"``), ``""`` if it has none."""
    words = key.split("+")[0].split()
    return words[0] if words else ""

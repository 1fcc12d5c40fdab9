"""Time the PETRARCH dictionary readers, and loading the dictionaries into geopol's lexicons.

Usage: python benchmarks/bench_petrarch_load.py [DIR]
DIR defaults to ../shared/reference/petrarch relative to the repository root.

The target (issue 6) is under 5 s for the 54,000-line actor file; the second table
shows the whole Phoenix set read, converted and indexed as geopol lexicons (built-in
lexicons off), with spaCy's English tokenizer, as ``geopol extract --actors ...`` does.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))

from geopol.actors.lexicon import ActorLexicon, default_tokenizer  # noqa: E402
from geopol.dictionaries import read_actors, read_agents, read_verbs  # noqa: E402
from geopol.events.triggers import TriggerLexicon  # noqa: E402

TARGET_SECONDS = 5.0
FILES: tuple[tuple[str, Callable[[Path], object]], ...] = (
    ("Phoenix.Countries.actors.txt", read_actors),
    ("Phoenix.International.actors.txt", read_actors),
    ("Phoenix.MilNonState.actors.txt", read_actors),
    ("Phoenix.agents.txt", read_agents),
    ("CAMEO.2.0.txt", read_verbs),
)


def _best_of(reader: Callable[[Path], object], path: Path, repeats: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = reader(path)
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str]) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else REPO_ROOT.parent / "shared" / "reference" / "petrarch"
    if not directory.is_dir():
        print(f"no such directory: {directory}", file=sys.stderr)
        return 2
    print(f"{'file':36} {'seconds':>8} {'ratio to 5 s':>12} {'records':>8} {'problems':>8}")
    for name, reader in FILES:
        path = directory / name
        if not path.is_file():
            print(f"{name:36} missing")
            continue
        seconds, loaded = _best_of(reader, path)
        records = len(loaded)  # type: ignore[arg-type]
        problems = len(getattr(loaded, "problems", ()))
        print(f"{name:36} {seconds:8.3f} {seconds / TARGET_SECONDS:12.3f} {records:8d} {problems:8d}")
    if all((directory / name).is_file() for name, _ in FILES):
        _bench_lexicons(directory)
    return 0


def _bench_lexicons(directory: Path) -> None:
    """Read + convert + index into ActorLexicon / TriggerLexicon (what a pipeline build pays)."""
    start = time.perf_counter()
    tokenize = default_tokenizer()
    setup = time.perf_counter() - start
    actor_files = [directory / name for name, reader in FILES if reader is read_actors]
    cases: tuple[tuple[str, Callable[[], object]], ...] = (
        ("ActorLexicon: Countries only", lambda: ActorLexicon.load(
            builtin=False, tokenize=tokenize, actors=actor_files[:1])),
        ("ActorLexicon: 3 actor files + agents", lambda: ActorLexicon.load(
            builtin=False, tokenize=tokenize, actors=actor_files, agents=[directory / "Phoenix.agents.txt"])),
        ("ActorLexicon: built-ins + all of them", lambda: ActorLexicon.load(
            tokenize=tokenize, actors=actor_files, agents=[directory / "Phoenix.agents.txt"])),
        ("TriggerLexicon: CAMEO.2.0.txt", lambda: TriggerLexicon.load([directory / "CAMEO.2.0.txt"], builtin=False)),
    )
    print(f"\n{'into geopol lexicons':36} {'seconds':>8} {'ratio to 5 s':>12}   (tokenizer set-up {setup:.3f} s)")
    times: list[float] = []
    for label, load in cases:
        seconds, _ = _best_of(lambda _path, load=load: load(), directory)  # type: ignore[misc]
        times.append(seconds)
        print(f"{label:36} {seconds:8.3f} {seconds / TARGET_SECONDS:12.3f}")
    total = times[1] + times[3]
    print(f"{'all Phoenix files (rows 2 + 4)':36} {total:8.3f} {total / TARGET_SECONDS:12.3f}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

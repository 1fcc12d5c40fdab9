"""Time the PETRARCH dictionary readers on the reference files.

Usage: python benchmarks/bench_petrarch_load.py [DIR]
DIR defaults to ../shared/reference/petrarch relative to the repository root.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))

from geopol.dictionaries import read_actors, read_agents, read_verbs  # noqa: E402

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
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

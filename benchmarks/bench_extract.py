"""Extraction speed and memory on the seed articles (or any inputs): prints measured ratios.

    python benchmarks/bench_extract.py [INPUT ...] [--repeat N]

Prints words per second (whole pipeline: ingest, clean, parse, code), documents per second,
peak memory, and the ratio of each to geopol's targets (higher is better for speed, lower for
memory). Run it on a quiet machine; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from geopol.ingest import iter_inputs
from geopol.pipeline import DocumentResult, Pipeline

REPO = Path(__file__).resolve().parents[1]
TARGET_WORDS_PER_SECOND = 5_000
"""On one core of the 2-core CI machine, with the small English pipeline."""
TARGET_PEAK_MB = 1_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=[str(REPO.parent / "shared" / "corpus" / "seeds.jsonl")])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the inputs (default 5)")
    args = parser.parse_args()
    started = time.perf_counter()
    pipeline = Pipeline.build()
    load_seconds = time.perf_counter() - started
    words = documents = events = 0
    started = time.perf_counter()
    for _ in range(args.repeat):
        for result in pipeline.process(iter_inputs(args.inputs)):
            if isinstance(result, DocumentResult):
                words += result.words
                documents += 1
                events += len(result.events)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = words / seconds if seconds else 0.0
    print(f"pipeline load: {load_seconds:.2f} s")
    print(f"{documents} documents, {words} words (tokens), {events} events in {seconds:.2f} s")
    print(f"words per second: {rate:,.0f} (ratio to target {TARGET_WORDS_PER_SECOND:,}: "
          f"{rate / TARGET_WORDS_PER_SECOND:.2f})")
    print(f"documents per second: {documents / seconds:.1f}")
    print(f"peak memory: {peak_mb:.0f} MB (ratio to target {TARGET_PEAK_MB} MB: {peak_mb / TARGET_PEAK_MB:.2f})")


if __name__ == "__main__":
    main()

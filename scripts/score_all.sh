#!/usr/bin/env bash
# Score geopol on the three shared evaluation sets (../shared/eval) and on geopol's own held-out
# articles (tests/data/heldout to heldout4, written for geopol): prints P/R/F1 at L1-L3.
# Usage: scripts/score_all.sh [--per-doc]   (needs geopol installed, e.g. in .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${GEOPOL_SHARED:-../shared}
geopol=${GEOPOL:-.venv/bin/geopol}
py=${PYTHON:-.venv/bin/python}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {  # name docs gold [score options]
  local name=$1 docs=$2 gold=$3; shift 3
  "$geopol" extract "$docs" --format jsonl --no-progress >"$out/$name.jsonl" || true
  echo "== $name"
  "$py" "$shared/eval/score.py" "$gold" "$out/$name.jsonl" "$@"
}
run seeds "$shared/corpus/seeds.jsonl" "$shared/eval/seeds/gold.jsonl" "$@"
run petr2_gsr "$shared/eval/petr2_gsr/docs.jsonl" "$shared/eval/petr2_gsr/gold.jsonl" "$@"
run heldout tests/data/heldout/docs.jsonl tests/data/heldout/gold.jsonl "$@"
run heldout2 tests/data/heldout2/docs.jsonl tests/data/heldout2/gold.jsonl "$@"
run heldout3 tests/data/heldout3/docs.jsonl tests/data/heldout3/gold.jsonl "$@"
run heldout4 tests/data/heldout4/docs.jsonl tests/data/heldout4/gold.jsonl "$@"
run cameo_examples "$shared/eval/cameo_examples/docs.jsonl" "$shared/eval/cameo_examples/gold.jsonl" --ignore-actors "$@"

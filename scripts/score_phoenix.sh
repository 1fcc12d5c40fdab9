#!/usr/bin/env bash
# Score geopol on the three shared evaluation sets twice: with its own lexicons, and with ONLY the
# Phoenix (PETRARCH2) dictionaries of ../shared/reference/petrarch (built-in lexicons switched off).
# Prints P/R/F1 at L1-L3 for each set and configuration, scored as scripts/score_all.sh does.
# Usage: scripts/score_phoenix.sh [score.py options]   (needs geopol installed, e.g. in .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${GEOPOL_SHARED:-../shared}
geopol=${GEOPOL:-.venv/bin/geopol}
py=${PYTHON:-.venv/bin/python}
dicts=$shared/reference/petrarch
phoenix=(--no-builtin-lexicons
         --actors "$dicts/Phoenix.Countries.actors.txt" --actors "$dicts/Phoenix.International.actors.txt"
         --actors "$dicts/Phoenix.MilNonState.actors.txt" --agents "$dicts/Phoenix.agents.txt"
         --verbs "$dicts/CAMEO.2.0.txt")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {  # config name docs gold [score options]
  local config=$1 name=$2 docs=$3 gold=$4; shift 4
  local options=()
  [ "$config" = phoenix ] && options=("${phoenix[@]}")
  "$geopol" extract "$docs" --format jsonl --no-progress "${options[@]}" >"$out/$config-$name.jsonl" \
    2>"$out/$config-$name.err" || true
  echo "== $name ($config lexicons)"
  "$py" "$shared/eval/score.py" "$gold" "$out/$config-$name.jsonl" "$@"
}
for config in geopol phoenix; do
  run "$config" seeds "$shared/corpus/seeds.jsonl" "$shared/eval/seeds/gold.jsonl" "$@"
  run "$config" petr2_gsr "$shared/eval/petr2_gsr/docs.jsonl" "$shared/eval/petr2_gsr/gold.jsonl" "$@"
  run "$config" cameo_examples "$shared/eval/cameo_examples/docs.jsonl" "$shared/eval/cameo_examples/gold.jsonl" \
    --ignore-actors "$@"
done

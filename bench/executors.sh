#!/usr/bin/env bash
# Measures groupfit's executors on one generated table with skewed group sizes: sequential
# (one model at a time with every core), threads and processes over workers x threads-per-model
# 1x2, 2x1, 2x2 (2x2 oversubscribes a 2-core machine on purpose). Each configuration runs RUNS
# times, configurations alternating within each round so that machine noise spreads evenly;
# the table shows medians. Usage: bench/executors.sh [ROWS=200000] [RUNS=5] [ITERATIONS=300]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${GROUPFIT:-$here/../build/groupfit}
rows=${1:-200000}
runs=${2:-5}
iterations=${3:-300}
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" gen --rows "$rows" --groups 12 --seed 42 --out "$work/data.csv"
common=(train "$work/data.csv" --group Region --target IBD --id SamplingOperations_code
  --param "iterations=$iterations" --quiet)
configs=(
  "sequential 1x$cores|--executor sequential --threads-per-model $cores"
  "threads 1x2|--executor threads --workers 1 --threads-per-model 2"
  "threads 2x1|--executor threads --workers 2 --threads-per-model 1"
  "threads 2x2|--executor threads --workers 2 --threads-per-model 2"
  "processes 1x2|--executor processes --workers 1 --threads-per-model 2"
  "processes 2x1|--executor processes --workers 2 --threads-per-model 1"
  "processes 2x2|--executor processes --workers 2 --threads-per-model 2"
)
echo "# groupfit executors: $rows rows, 12 groups (skewed), iterations=$iterations, $cores cores, $runs runs" >&2
for ((r = 1; r <= runs; r++)); do
  for c in "${configs[@]}"; do
    label=${c%%|*}
    read -r -a flags <<<"${c#*|}"
    result=$(python3 "$here/measure.py" "$bin" "${common[@]}" --out "$work/out" "${flags[@]}")
    printf '%s\t%s\n' "$label" "$result" | tee -a "$work/runs.tsv" >&2
  done
done
python3 "$here/summarize.py" "$work/runs.tsv"

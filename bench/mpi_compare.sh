#!/usr/bin/env bash
# --executor mpi under `mpirun -n 3` (one coordinator, two training ranks) against the threads
# executor with 2 workers x 1 thread, on a bench/compare.sh workload, in alternating runs, each
# measured by `groupfit measure` (wall, CPU, peak PSS of the whole process tree, mpirun's
# included). Prints one JSON line per run; take medians.
# Usage: bench/mpi_compare.sh BUILD WORKLOAD RUNS   (WORKLOAD: skewed | many-small | few-large)
set -euo pipefail
build=$(cd "$1" && pwd); workload=$2; runs=$3
source "$(dirname "$0")/workloads.sh"
bench_workload "$workload"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
g="$build/groupfit"
"$g" gen "${flags[@]}" --seed 42 --out "$work/data.csv" >/dev/null
common=(train "$work/data.csv" --group Region --target IBD --id SamplingOperations_code
  --param "iterations=$rounds" --quiet)
for ((r = 1; r <= runs; r++)); do
  echo "run $r threads 2x1: $("$g" measure "$g" "${common[@]}" --executor threads --workers 2 \
    --threads-per-model 1 --out "$work/threads")"
  echo "run $r mpi -n 3: $("$g" measure mpirun --oversubscribe --allow-run-as-root --bind-to none \
    -n 3 "$g" "${common[@]}" --executor mpi --out "$work/mpi")"
done
cmp "$work/threads/predictions.csv" "$work/mpi/predictions.csv" && echo "predictions identical"

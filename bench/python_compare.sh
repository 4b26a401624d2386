#!/usr/bin/env bash
# groupfit's Python module against the Python reference, both run the way a pandas user runs
# them (each reads the CSV with pandas inside the measured run), in alternating runs, measured by
# `groupfit measure` (wall, CPU, peak PSS of the process tree).
# Usage: bench/python_compare.sh BUILD WORKLOAD RUNS REFERENCE_MODES...
#   WORKLOAD: skewed | many-small | few-large (as bench/compare.sh); modes: sequential threads
#   processes. Needs `make build` (the module in BUILD/python) and `make bench-setup`.
set -euo pipefail
build=$(cd "$1" && pwd); workload=$2; runs=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
source "$(dirname "$0")/workloads.sh"
bench_workload "$workload"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$build/groupfit" gen "${flags[@]}" --seed 42 --out "$work/data.csv"
for ((r = 1; r <= runs; r++)); do
  echo "run $r groupfit.train: $(PYTHONPATH="$build/python" "$build/groupfit" measure \
    /usr/bin/python3 "$here/python_module.py" "$work/data.csv" "$rounds" "$work/module")"
  for mode in "$@"; do
    echo "run $r reference $mode: $("$build/groupfit" measure /usr/bin/python3 \
      "$here/reference/reference_groups.py" "$work/data.csv" --mode "$mode" --rounds "$rounds" \
      --out "$work/ref-$mode")"
  done
done

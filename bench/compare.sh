#!/usr/bin/env bash
# groupfit against the Python reference (bench/reference/reference_groups.py) on the same
# table, in alternating runs: per mode, the median wall time of each and the ratio
# groupfit / reference, then whether both trained the same models (per-group RMSE within 1%).
# Usage: bench/compare.sh WORKLOAD|FILE.csv [RUNS=3] [ROUNDS]
#   WORKLOAD: skewed (200k rows, 12 skewed groups, 300 rounds), many-small (10,000 groups of
#   ~100 rows, 50 rounds), few-large (4 groups of 250k rows, 200 rounds).
# Needs `make bench-setup` once (python3-pandas, python3-xgboost); writes nothing outside a
# temporary folder except the report it prints.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/compare.py" "$@"

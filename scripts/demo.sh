#!/usr/bin/env bash
# `make demo`: generates a table shaped like the reference workload, inspects it, trains one
# model per region with fewer rounds than the reference's 8000, scores a few rows again with
# `predict`, and prints where everything went.
set -euo pipefail
bin=${1:-build/groupfit}
dir=${DEMO_DIR:-demo-out}
rows=${DEMO_ROWS:-100000}
mkdir -p "$dir"

echo "== groupfit gen: $rows rows, 12 regions with skewed sizes, ~10% unlabeled"
"$bin" gen --rows "$rows" --groups 12 --seed 42 --out "$dir/data.csv"

echo; echo "== groupfit inspect"
"$bin" inspect "$dir/data.csv" --group Region --target IBD --id SamplingOperations_code

echo; echo "== groupfit train (iterations=300, early stopping after 50 rounds)"
"$bin" train "$dir/data.csv" --group Region --target IBD --id SamplingOperations_code \
  --out "$dir/run" --param iterations=300 --param od_wait=50 --param learning_rate=0.1

echo; echo "== groupfit predict (models applied again to the same file)"
"$bin" predict "$dir/data.csv" --models "$dir/run/models" --out "$dir/scored.csv"

echo; echo "Outputs: $dir/run/{metrics.csv,predictions.csv,run.json,models/}"

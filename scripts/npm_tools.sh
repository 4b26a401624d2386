#!/usr/bin/env bash
# Installs the npm packages the tests and benchmarks use (tests/npm/package.json, versions pinned
# by its package-lock.json) into BUILD/npm: DuckDB, the speed to beat when reading, and
# independent Parquet writers (hyparquet-writer, parquet-wasm: arrow-rs's writer) that make the
# files the Parquet tests read. Never needed to build or run groupfit itself. Skipped when the
# installed lockfile is already the committed one.
# Usage: scripts/npm_tools.sh BUILD
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:?usage: npm_tools.sh BUILD}
into=$build/npm
mkdir -p "$into"
if [[ -d "$into/node_modules" ]] && cmp -s "$root/tests/npm/package-lock.json" "$into/package-lock.json"; then
  exit 0
fi
cp "$root/tests/npm/package.json" "$root/tests/npm/package-lock.json" "$into/"
echo "setup: installing npm packages into $into" >&2
(cd "$into" && npm ci --no-audit --no-fund --loglevel=error >&2)

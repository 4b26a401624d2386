#!/usr/bin/env bash
# Reading Parquet: groupfit's reader against DuckDB materializing the same file in memory, and
# against groupfit reading the same data as CSV.
#
# Files, made from `groupfit gen --seed 1` tables (shaped like the reference workload: a unique
# text id, 12 skewed regions with missing values, a float target with missing values, 6 numeric
# and 2 text features), converted by DuckDB:
#   gen10m.zstd.parquet, gen10m.snappy.parquet   ROWS rows (default 10 million), DuckDB's row
#                                                 groups (122,880 rows)
#   shaped3m.snappy.parquet                       3 million rows, as pandas/pyarrow writes them:
#                                                 SNAPPY, row groups of 1 Mi rows
# Each is read RUNS times per reader, alternating the order every round:
#   groupfit       `groupfit inspect FILE`: reads every column with every core, prints a summary
#   duckdb         `node duckdb_tool.mjs read FILE 2`: CREATE TABLE t AS SELECT * FROM
#                  read_parquet(FILE) with 2 threads (DuckDB from npm; Node's start included)
#   groupfit-csv   `groupfit inspect FILE.csv`: the same data as CSV (10-million-row table only)
# under `/usr/bin/time -f '%e %M'`: wall seconds and peak resident memory. Files are read from the
# page cache (they were just written): this measures decoding, not the disk.
#
# Output: one line per run on stderr, then per file a table of medians, the ratios to the targets
# (as fast as DuckDB, 5x faster than CSV) and groupfit's peak RSS over the decoded table's size
# (target: at most 1.5), the table's size computed from the data (duckdb_tool.mjs table-bytes).
#
# Usage: bench/parquet_read/run.sh [ROWS=10000000] [RUNS=3]
#   GROUPFIT=path/to/groupfit overrides the binary (default: build/groupfit here); NPM=folder
#   of node_modules (default: build/npm/node_modules, which `make bench-setup` installs).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${GROUPFIT:-$root/build/groupfit}
npm=${NPM:-$root/build/npm/node_modules}
rows=${1:-10000000}
runs=${2:-3}

die() {
  echo "parquet_read: $*" >&2
  exit 2
}
[[ "$rows" =~ ^[1-9][0-9]*$ ]] || die "ROWS must be a positive integer, not '$rows'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$runs'"
[[ -x "$bin" ]] || die "no groupfit binary at $bin (build it, or set GROUPFIT)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (make bench-setup)"
[[ -d "$npm/@duckdb/node-api" ]] || die "DuckDB is not installed in $npm (make bench-setup)"
duck() { node "$here/duckdb_tool.mjs" "$npm" "$@"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/groupfit-parquet-read.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "generating: $rows rows and 3000000 rows" >&2
"$bin" gen --rows "$rows" --seed 1 --out "$work/gen10m.csv"
"$bin" gen --rows 3000000 --seed 2 --out "$work/shaped3m.csv"
duck convert "$work/gen10m.csv" "$work/gen10m.zstd.parquet" zstd 122880
duck convert "$work/gen10m.csv" "$work/gen10m.snappy.parquet" snappy 122880
duck convert "$work/shaped3m.csv" "$work/shaped3m.snappy.parquet" snappy 1048576
rm "$work/shaped3m.csv"

# Runs one reader under /usr/bin/time; appends "file reader wall_s rss_kb" to $work/times.
measure() {
  local file=$1 reader=$2
  shift 2
  if ! /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >"$work/reader.out"; then
    cat "$work/time.out" >&2
    die "$reader failed: $*"
  fi
  local wall rss
  read -r wall rss <"$work/time.out"
  echo "$file $reader $wall $rss" | tee -a "$work/times" >&2
}

echo "file reader wall_s peak_rss_kb" >&2
for file in gen10m.zstd.parquet gen10m.snappy.parquet shaped3m.snappy.parquet; do
  readers=(groupfit duckdb)
  [[ $file == gen10m.zstd.parquet ]] && readers+=(groupfit-csv)
  for ((r = 1; r <= runs; r++)); do
    order=("${readers[@]}")
    ((r % 2 == 0)) && order=($(printf '%s\n' "${readers[@]}" | tac))
    for reader in "${order[@]}"; do
      case $reader in
        groupfit) measure "$file" groupfit "$bin" inspect "$work/$file" ;;
        duckdb) measure "$file" duckdb node "$here/duckdb_tool.mjs" "$npm" read "$work/$file" 2 ;;
        groupfit-csv) measure "$file" groupfit-csv "$bin" inspect "$work/gen10m.csv" ;;
      esac
    done
  done
done

# Median of column $3 of the lines of $work/times for file $1 and reader $2.
median() {
  awk -v file="$1" -v reader="$2" -v col="$3" '$1 == file && $2 == reader { print $col }' \
    "$work/times" | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

echo
echo "Parquet read: medians of $runs runs (2 threads for DuckDB; groupfit uses every core: $(nproc))"
printf '%-26s %-13s %8s %10s %12s\n' file reader "wall s" "peak MB" "vs table"
for file in gen10m.zstd.parquet gen10m.snappy.parquet shaped3m.snappy.parquet; do
  table_bytes=$(duck table-bytes "$work/$file")
  size_mb=$(($(stat -c %s "$work/$file") / 1000000))
  for reader in groupfit duckdb groupfit-csv; do
    wall=$(median "$file" "$reader" 3)
    [[ $wall == nan ]] && continue
    rss=$(median "$file" "$reader" 4)
    awk -v f="$file ($size_mb MB)" -v r="$reader" -v w="$wall" -v m="$rss" -v t="$table_bytes" \
      'BEGIN { printf "%-26s %-13s %8.2f %10.0f %11.2fx\n", f, r, w, m / 1024, m * 1024 / t }'
  done
  g=$(median "$file" groupfit 3)
  d=$(median "$file" duckdb 3)
  awk -v g="$g" -v d="$d" -v t="$table_bytes" \
    'BEGIN { printf "  decoded table %.0f MB; DuckDB time / groupfit time: %.2f (target >= 1)\n", t / 1e6, d / g }'
  c=$(median "$file" groupfit-csv 3)
  if [[ $c != nan ]]; then
    awk -v g="$g" -v c="$c" 'BEGIN { printf "  CSV time / Parquet time: %.2f (target >= 5)\n", c / g }'
  fi
done

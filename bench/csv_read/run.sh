#!/usr/bin/env bash
# Reading a large CSV: groupfit's reader against DuckDB and pandas on the same file.
#
# SHAPE chooses the table:
#   generated  `groupfit gen --seed 1` of about SIZE_MB megabytes (10^6 bytes), shaped like the
#              reference workload: a unique text id, 12 skewed regions, 6 numeric and 2 text
#              features
#   no-id      the same table without its id column (what the id alone costs)
#   flights    3 million rows shaped like the public US flights table (flights_table.js): an ISO
#              date-time column, two integer columns, two airport-code columns; SIZE_MB unused
#   gzip       the generated table compressed with gzip -6: groupfit reading it against
#              `zcat FILE > /dev/null` alone, which reports decompression speed in MB/s
# then times, RUNS times each and alternating the order (round r starts with reader r mod n, so
# no reader always runs on a warmer machine):
#   groupfit  `groupfit inspect FILE`: reads the whole table with every core, prints a summary
#   duckdb    `node duckdb_read.js FILE 2`: CREATE TABLE t AS SELECT * FROM read_csv(FILE),
#             DuckDB from npm with as many threads as groupfit (2 here)
#   pandas    `/usr/bin/python3 pandas_read.py FILE`: pd.read_csv with default options, one core
# each under `/usr/bin/time -f '%e %M %U %S'`: wall seconds, peak resident memory, CPU. Times
# include starting the program (Node ~0.1 s, `import pandas` ~0.5 s). The file was just written,
# so it is read from the page cache: this measures parsing, not the disk.
#
# Output: one line per run on stderr as it goes, then on stdout a table of medians per reader
# (wall s, peak RSS MB, CPU s) and each reader's time over groupfit's (above 1: groupfit faster).
#
# Usage: bench/csv_read/run.sh [SIZE_MB=1000] [RUNS=3] [SHAPE=generated] [READERS="groupfit duckdb pandas"]
#   GROUPFIT=path overrides the binary (default: build/groupfit); NPM_DIR the folder holding
#   node_modules (default: build/npm). `make bench-setup` installs pandas, time and DuckDB.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${GROUPFIT:-$root/build/groupfit}
npm_dir=${NPM_DIR:-$root/build/npm}
size_mb=${1:-1000}
runs=${2:-3}
shape=${3:-generated}
readers=(${4:-groupfit duckdb pandas})

die() {
  echo "csv_read: $*" >&2
  exit 2
}
[[ "$size_mb" =~ ^[1-9][0-9]*$ ]] || die "SIZE_MB must be a positive integer, not '$size_mb'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$runs'"
[[ -x "$bin" ]] || die "no groupfit binary at $bin (build it, or set GROUPFIT)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (make bench-setup)"
for reader in "${readers[@]}"; do
  case "$reader" in
    groupfit) ;;
    duckdb) [[ -d "$npm_dir/node_modules/@duckdb/node-api" ]] \
      || die "DuckDB is missing from $npm_dir (make bench-setup)" ;;
    pandas) /usr/bin/python3 -c 'import pandas' 2>/dev/null || die "pandas is missing (make bench-setup)" ;;
    *) die "unknown reader '$reader' (groupfit, duckdb, pandas)" ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/groupfit-csv-read.XXXXXX")
trap 'rm -rf "$work"' EXIT
data=$work/data.csv

# The generated table of about SIZE_MB, from the bytes per row of a sample of the generator.
generate() {
  local sample_rows=100000 sample_bytes rows
  sample_bytes=$("$bin" gen --rows "$sample_rows" --seed 1 --out - | wc -c)
  rows=$((size_mb * 1000000 * sample_rows / sample_bytes))
  ((rows > 0)) || rows=1
  "$bin" gen --rows "$rows" --seed 1 --out "$1"
}
case "$shape" in
  generated) generate "$data" ;;
  no-id)
    generate "$work/full.csv"
    cut -d, -f2- "$work/full.csv" >"$data"
    rm "$work/full.csv"
    ;;
  flights) node "$here/flights_table.js" 3000000 >"$data" ;;
  gzip)
    generate "$work/plain.csv"
    gzip -6 -c "$work/plain.csv" >"$data.gz"
    plain_bytes=$(stat -c %s "$work/plain.csv")
    rm "$work/plain.csv"
    data=$data.gz
    readers=(groupfit zcat)
    ;;
  *) die "unknown SHAPE '$shape' (generated, no-id, flights, gzip)" ;;
esac
bytes=$(stat -c %s "$data")
rows=$("$bin" inspect "$data" | awk 'NR == 1 { print $1 }')
echo "table: $shape, $rows rows, $((bytes / 1000000)) MB; $runs runs per reader, alternating" >&2

# Runs one reader under /usr/bin/time; appends "reader wall_s rss_kb cpu_s" to $work/times and
# checks the row count it printed.
measure() {
  local reader=$1
  shift
  if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time.out" "$@" >"$work/reader.out"; then
    cat "$work/time.out" >&2
    die "$reader failed: $*"
  fi
  local wall rss user sys
  read -r wall rss user sys <"$work/time.out"
  echo "$reader $wall $rss $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
    | tee -a "$work/times" >&2
  local seen
  seen=$(awk 'NR == 1 { print $1 }' "$work/reader.out")
  if [[ "$reader" != zcat && "$seen" != "$rows" ]]; then
    echo "csv_read: warning: $reader reported '$seen' rows, the table has $rows" >&2
  fi
}
run_reader() {
  case "$1" in
    groupfit) measure groupfit "$bin" inspect "$data" ;;
    duckdb) NODE_PATH="$npm_dir/node_modules" measure duckdb node "$here/duckdb_read.js" "$data" 2 ;;
    pandas) measure pandas /usr/bin/python3 "$here/pandas_read.py" "$data" ;;
    zcat) measure zcat sh -c 'zcat "$1" > /dev/null' zcat "$data" ;;
  esac
}

echo "reader wall_s peak_rss_kb cpu_s" >&2
n=${#readers[@]}
for ((r = 0; r < runs; r++)); do
  for ((k = 0; k < n; k++)); do run_reader "${readers[$(((r + k) % n))]}"; done
done

# Median of column $2 of the lines of $work/times whose reader is $1.
median() {
  awk -v reader="$1" -v col="$2" '$1 == reader { print $col }' "$work/times" | sort -g \
    | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

echo
echo "CSV read ($shape): $rows rows, $((bytes / 1000000)) MB, medians of $runs runs"
printf "%-10s %10s %14s %10s %16s\n" reader "wall s" "peak RSS MB" "cpu s" "time / groupfit"
g_wall=$(median groupfit 2)
for reader in "${readers[@]}"; do
  awk -v name="$reader" -v w="$(median "$reader" 2)" -v r="$(median "$reader" 3)" \
    -v c="$(median "$reader" 4)" -v g="$g_wall" \
    'BEGIN { printf "%-10s %10.2f %14.0f %10.2f %16.2f\n", name, w, r / 1024, c, (g > 0 ? w / g : 0) }'
done
if [[ "$shape" == gzip ]]; then
  awk -v b="$plain_bytes" -v g="$g_wall" -v z="$(median zcat 2)" 'BEGIN {
    printf "\nuncompressed text per second: groupfit (decompress + parse) %.0f MB/s, zcat alone %.0f MB/s\n",
      b / g / 1e6, b / z / 1e6 }'
fi

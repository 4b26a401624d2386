#!/usr/bin/env bash
# Reading a large CSV: groupfit's reader against pandas.read_csv on the same generated table.
#
# Generates a table of about SIZE_MB megabytes (10^6 bytes) with `groupfit gen --seed 1`, shaped
# like the reference workload (an id column, 12 skewed regions, 6 numeric and 2 text features),
# then times, RUNS times each and alternating (groupfit first in odd rounds, pandas first in even
# ones, so neither always runs on a warmer machine):
#   groupfit  `groupfit inspect FILE`: reads the whole table with every core, prints a summary
#   pandas    `/usr/bin/python3 pandas_read.py FILE`: pd.read_csv with default options, one core
# each under `/usr/bin/time -f '%e %M'`: wall seconds and peak resident memory. Both times include
# starting the program (Python's `import pandas` is ~0.5 s). The file was just written, so it is
# read from the page cache: this measures parsing, not the disk.
#
# Output: one line per run on stderr as it goes, then on stdout a table of the medians per reader
# (wall seconds, peak RSS in MB, and CPU seconds: user + system, which shows how much of
# groupfit's lead comes from using several cores) and two ratios:
#   pandas time / groupfit time   above 1: groupfit reads faster, by that factor
#   groupfit RSS / pandas RSS     below 1: groupfit needs that fraction of pandas's memory
#
# Usage: bench/csv_read/run.sh [SIZE_MB=1000] [RUNS=3]
#   GROUPFIT=path/to/groupfit overrides the binary (default: build/groupfit in this repository).
#   Needs /usr/bin/time and python3-pandas: `make bench-setup` installs them.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${GROUPFIT:-$root/build/groupfit}
size_mb=${1:-1000}
runs=${2:-3}

die() {
  echo "csv_read: $*" >&2
  exit 2
}
[[ "$size_mb" =~ ^[1-9][0-9]*$ ]] || die "SIZE_MB must be a positive integer, not '$size_mb'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$runs'"
[[ -x "$bin" ]] || die "no groupfit binary at $bin (build it, or set GROUPFIT)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (make bench-setup)"
/usr/bin/python3 -c 'import pandas' 2>/dev/null || die "pandas is missing (make bench-setup)"

work=$(mktemp -d "${TMPDIR:-/tmp}/groupfit-csv-read.XXXXXX")
trap 'rm -rf "$work"' EXIT
data=$work/data.csv

# Rows for the requested size, from the bytes per row of a sample of the same generator.
sample_rows=100000
sample_bytes=$("$bin" gen --rows "$sample_rows" --seed 1 --out - | wc -c)
rows=$((size_mb * 1000000 * sample_rows / sample_bytes))
((rows > 0)) || rows=1
"$bin" gen --rows "$rows" --seed 1 --out "$data"
bytes=$(stat -c %s "$data")
echo "table: $rows rows, $((bytes / 1000000)) MB; $runs runs per reader, alternating" >&2

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
  if [[ "$seen" != "$rows" ]]; then
    echo "csv_read: warning: $reader reported '$seen' rows, the table has $rows" >&2
  fi
}
run_groupfit() { measure groupfit "$bin" inspect "$data"; }
run_pandas() { measure pandas /usr/bin/python3 "$here/pandas_read.py" "$data"; }

echo "reader wall_s peak_rss_kb cpu_s" >&2
for ((r = 1; r <= runs; r++)); do
  if ((r % 2 == 1)); then
    run_groupfit
    run_pandas
  else
    run_pandas
    run_groupfit
  fi
done

# Median of column $2 of the lines of $work/times whose reader is $1.
median() {
  awk -v reader="$1" -v col="$2" '$1 == reader { print $col }' "$work/times" | sort -g \
    | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
g_wall=$(median groupfit 2)
g_rss=$(median groupfit 3)
g_cpu=$(median groupfit 4)
p_wall=$(median pandas 2)
p_rss=$(median pandas 3)
p_cpu=$(median pandas 4)

echo
echo "CSV read: $rows rows, $((bytes / 1000000)) MB, medians of $runs runs"
awk -v gw="$g_wall" -v gr="$g_rss" -v gc="$g_cpu" -v pw="$p_wall" -v pr="$p_rss" -v pc="$p_cpu" \
  'BEGIN {
    printf "%-10s %12s %18s %12s\n", "reader", "wall s", "peak RSS MB", "cpu s"
    printf "%-10s %12.2f %18.0f %12.2f\n", "groupfit", gw, gr / 1024, gc
    printf "%-10s %12.2f %18.0f %12.2f\n", "pandas", pw, pr / 1024, pc
    if (gw > 0) printf "\npandas time / groupfit time: %.2f   (above 1: groupfit is faster)\n", pw / gw
    else printf "\npandas time / groupfit time: n/a (groupfit took under 0.01 s)\n"
    printf "groupfit RSS / pandas RSS:   %.2f   (below 1: groupfit uses less memory)\n", gr / pr
  }'

# The three bench workloads (as bench/compare.py defines them), for the shell benches to source:
# `bench_workload NAME` sets `flags` (groupfit gen's) and `rounds`, or exits 2 on an unknown name.
bench_workload() {
  case "$1" in
    skewed) flags=(--rows 200000 --groups 12 --skew 1); rounds=300 ;;
    many-small) flags=(--rows 1000000 --groups 10000 --skew 0); rounds=50 ;;
    few-large) flags=(--rows 1000000 --groups 4 --skew 0); rounds=200 ;;
    *) echo "unknown workload $1" >&2; exit 2 ;;
  esac
}

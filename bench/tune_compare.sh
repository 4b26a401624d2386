#!/usr/bin/env bash
# Per-group tuning: `groupfit train --search max_depth=4,6,8 --search learning_rate=0.03,0.1
# --cv 3` (executor auto: every (group, candidate, fold) is a task of its own) against the same
# search done the Python way (bench/reference/tune_reference.py: a group's whole grid x folds in
# one worker) in its threads and processes modes, in alternating runs, each measured by
# `groupfit measure` (wall, CPU, peak PSS of the process tree). Prints one JSON line per run;
# take medians. Then checks, on the last run's outputs, that both chose the same parameters for
# every group and that each group's validation RMSE agrees within 1e-6 relative (and reports how
# far the fold scores and predictions are apart), one summary line per reference mode; exit
# status 1 when either disagrees.
# Usage: bench/tune_compare.sh BUILD WORKLOAD RUNS
#   WORKLOAD: skewed | many-small | few-large (bench/workloads.sh), or a CSV file with groupfit
#   gen's columns (rounds: $ROUNDS, default 300; ROUNDS also overrides a named workload's).
# Needs `make bench-setup` (python3-pandas, python3-xgboost for /usr/bin/python3).
set -euo pipefail
build=$(cd "$1" && pwd); workload=$2; runs=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/workloads.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
g="$build/groupfit"
if [[ -f $workload ]]; then
  data=$workload; rounds=300
else
  bench_workload "$workload"
  data="$work/data.csv"
  "$g" gen "${flags[@]}" --seed 42 --out "$data" >/dev/null
fi
rounds=${ROUNDS:-$rounds}
# shellcheck disable=SC2054  # the commas are inside the values
search=(--search max_depth=4,6,8 --search learning_rate=0.03,0.1 --cv 3)
for ((r = 1; r <= runs; r++)); do
  echo "run $r groupfit auto: $("$g" measure "$g" train "$data" --group Region --target IBD \
    --id SamplingOperations_code --param "iterations=$rounds" "${search[@]}" --executor auto \
    --quiet --out "$work/groupfit")"
  for mode in threads processes; do
    echo "run $r reference $mode: $("$g" measure /usr/bin/python3 \
      "$here/reference/tune_reference.py" "$data" --mode "$mode" --rounds "$rounds" \
      "${search[@]}" --out "$work/ref-$mode")"
  done
done

# Same choices and validation RMSE per group (standard library only).
/usr/bin/python3 - "$work/groupfit" "$work/ref-threads" "$work/ref-processes" <<'EOF'
import csv, math, os, sys

def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))

def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300) if a != b else 0.0

def same_value(a, b):  # "0.1" and "0.10" are one choice
    try:
        return float(a) == float(b)
    except ValueError:
        return a == b

ours = rows(os.path.join(sys.argv[1], "metrics.csv"))
dims = ["max_depth", "learning_rate"]
tuning = {(r["group"], r["candidate"]): r for r in rows(os.path.join(sys.argv[1], "tuning.csv"))}
pred = {(r["group"], r["SamplingOperations_code"]): r["prediction"]
        for r in rows(os.path.join(sys.argv[1], "predictions.csv"))}
bad = 0
for ref in sys.argv[2:]:
    mode = ref.rsplit("-", 1)[1]
    theirs = {r["group"]: r for r in rows(os.path.join(ref, "metrics_por_region.csv"))}
    groups, chosen_same, worst, worst_group, problems = 0, 0, 0.0, None, []
    for m in ours:
        t = theirs.pop(m["group"], None)
        if t is None:
            problems.append(f"group {m['group']!r} only in groupfit")
            continue
        if m["status"] != t["status"]:
            problems.append(f"group {m['group']!r}: status {m['status']} vs {t['status']}")
            continue
        if m["status"] != "ok":
            continue
        groups += 1
        if all(same_value(m[d], t[d]) for d in dims):
            chosen_same += 1
        else:
            problems.append(f"group {m['group']!r}: chose "
                            f"{[m[d] for d in dims]} vs {[t[d] for d in dims]}")
        d = rel(float(m["rmse"]), float(t["rmse"]))
        if d > worst:
            worst, worst_group = d, m["group"]
    problems += [f"group {k!r} only in the reference" for k in theirs]
    fold_worst = 0.0
    for t in rows(os.path.join(ref, "tuning_por_region.csv")):
        o = tuning.get((t["group"], t["candidate"]))
        if o is None:
            problems.append(f"tuning row {t['group']!r} #{t['candidate']} only in the reference")
            continue
        for k, v in t.items():
            if k.startswith("rmse_fold") and v and o.get(k):
                fold_worst = max(fold_worst, rel(float(o[k]), float(v)))
    pred_worst, pred_missing = 0.0, 0
    for r in rows(os.path.join(ref, "pred_sin_label_por_region.csv")):
        o = pred.get((r["group"], r["id"]))
        if o is None:
            pred_missing += 1
        elif o and r["prediction"]:
            pred_worst = max(pred_worst, rel(float(o), float(r["prediction"])))
    if pred_missing:
        problems.append(f"{pred_missing} predicted rows not in groupfit's predictions.csv")
    ok = not problems and worst <= 1e-6
    bad += not ok
    for p in problems[:10]:
        print(f"  {mode}: {p}")
    print(f"tuning agreement, reference {mode}: {groups} ok groups, same parameters chosen for "
          f"{chosen_same}; validation RMSE largest relative difference {worst:.1e}"
          + (f" (group '{worst_group}')" if worst_group else "")
          + f"; fold RMSEs {fold_worst:.1e}; predictions {pred_worst:.1e}; "
          + ("OK" if ok else "MISMATCH (choice, groups, or RMSE beyond 1e-6)"))
sys.exit(1 if bad else 0)
EOF

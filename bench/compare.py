#!/usr/bin/env python3
"""The engine of bench/compare.sh (see there). Standard library only: the reference itself runs
under Debian's /usr/bin/python3 with pandas and xgboost."""
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GROUPFIT = os.environ.get("GROUPFIT", os.path.join(HERE, "..", "build", "groupfit"))
REFERENCE = ["/usr/bin/python3", os.path.join(HERE, "reference", "reference_groups.py")]
MEASURE = [GROUPFIT, "measure"]  # wall, CPU and peak PSS of the process tree, as JSON

WORKLOADS = {  # gen flags, rounds
    "skewed": (["--rows", "200000", "--groups", "12", "--skew", "1"], 300),
    "many-small": (["--rows", "1000000", "--groups", "10000", "--skew", "0"], 50),
    "few-large": (["--rows", "1000000", "--groups", "4", "--skew", "0"], 200),
}


def measure(cmd):
    out = subprocess.run(MEASURE + cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def rmse_by_group(path, group_field):
    with open(path) as f:
        return {row[group_field]: float(row["rmse"]) for row in csv.DictReader(f)
                if row.get("rmse") not in (None, "")}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    target, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    cores = len(os.sched_getaffinity(0))
    pool, per_model = max(1, cores // 2), 2
    with tempfile.TemporaryDirectory() as work:
        if target in WORKLOADS:
            flags, rounds = WORKLOADS[target]
            data = os.path.join(work, f"{target}.csv")
            subprocess.run([GROUPFIT, "gen", *flags, "--seed", "42", "--out", data], check=True)
        else:
            data, rounds = target, 300
        if len(sys.argv) > 3:
            rounds = int(sys.argv[3])
        common = ["train", data, "--group", "Region", "--target", "IBD", "--id",
                  "SamplingOperations_code", "--param", f"iterations={rounds}", "--quiet"]
        configs = {  # label -> command
            "reference sequential": REFERENCE + [data, "--mode", "sequential", "--rounds", str(rounds)],
            "reference threads": REFERENCE + [data, "--mode", "threads", "--rounds", str(rounds)],
            "reference processes": REFERENCE + [data, "--mode", "processes", "--rounds", str(rounds)],
            "groupfit sequential": [GROUPFIT, *common, "--executor", "sequential",
                                    "--threads-per-model", str(cores)],
            "groupfit threads": [GROUPFIT, *common, "--executor", "threads", "--workers",
                                 str(pool), "--threads-per-model", str(per_model)],
            "groupfit processes": [GROUPFIT, *common, "--executor", "processes", "--workers",
                                   str(pool), "--threads-per-model", str(per_model)],
            "groupfit auto": [GROUPFIT, *common, "--executor", "auto"],
        }
        results = {label: [] for label in configs}
        for r in range(runs):
            for label, cmd in configs.items():
                out = os.path.join(work, label.replace(" ", "-"))
                full = cmd + (["--out", out])
                m = measure(full)
                results[label].append(m)
                print(f"run {r + 1} {label}: {json.dumps(m)}", file=sys.stderr)

        med = {k: statistics.median(x["wall_seconds"] for x in v) for k, v in results.items()}
        mem = {k: statistics.median(x["peak_pss_mb"] for x in v) for k, v in results.items()}
        cpu = {k: statistics.median(x["cpu_seconds"] for x in v) for k, v in results.items()}
        print(f"## {os.path.basename(target)}: {rounds} rounds, {cores} cores, {runs} runs each, "
              f"alternating (pool {pool} x {per_model} threads as in the reference)\n")
        print("| configuration | wall s (median) | CPU s | peak memory MB (PSS) |")
        print("|---|---|---|---|")
        for k in configs:
            print(f"| {k} | {med[k]:.2f} | {cpu[k]:.2f} | {mem[k]:.0f} |")
        print("\n| mode | groupfit / reference (wall) |")
        print("|---|---|")
        for mode in ("sequential", "threads", "processes"):
            print(f"| {mode} | {med['groupfit ' + mode] / med['reference ' + mode]:.2f} |")
        best_ref = min(med[f"reference {m}"] for m in ("sequential", "threads", "processes"))
        print(f"| auto vs reference processes | {med['groupfit auto'] / med['reference processes']:.2f} |")
        print(f"| auto vs reference's best mode | {med['groupfit auto'] / best_ref:.2f} |")

        ours = rmse_by_group(os.path.join(work, "groupfit-auto", "metrics.csv"), "group")
        theirs = rmse_by_group(os.path.join(work, "reference-processes", "metrics_por_region.csv"), "group")
        worst, worst_group = 0.0, None
        for g, v in theirs.items():
            if g in ours and v > 0:
                d = abs(ours[g] - v) / v
                if d > worst:
                    worst, worst_group = d, g
        missing = sorted(set(theirs) ^ set(ours))
        print(f"\nRMSE agreement on {len(set(theirs) & set(ours))} groups: largest relative "
              f"difference {worst:.2e}" + (f" (group '{worst_group}')" if worst_group else "")
              + ("; OK (< 1%)" if worst < 0.01 and not missing else "; NOT within 1%")
              + (f"; groups in one only: {missing[:5]}" if missing else ""))


if __name__ == "__main__":
    main()

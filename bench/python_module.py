#!/usr/bin/python3
"""groupfit from Python on a bench/compare.sh workload, the way a pandas user runs it: read the
table into pandas (a CSV with pandas.read_csv; Parquet with groupfit.read_parquet, since Debian
12's pandas has no Parquet engine), hand the DataFrame to groupfit.train (the hand-over is part
of the time), write the reference's two output files. Measured against
bench/reference/reference_groups.py by bench/python_compare.sh and the case study with
`groupfit measure` (wall, CPU, peak PSS of the process tree).
Usage: python_module.py DATA ROUNDS OUT_DIR
Prints phases={...} on stderr (where the time went, JSON; `groupfit measure` keeps stdout for
its own line) and then the times on one line."""
import json
import os
import sys
import time

import pandas as pd

import groupfit

start = time.monotonic()
data, rounds, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(data, "rb") as f:
    parquet = f.read(4) == b"PAR1"
full = groupfit.read_parquet(data) if parquet else pd.read_csv(data)
read = time.monotonic()
result = groupfit.train(full, "Region", "IBD", id="SamplingOperations_code",
                        params={"iterations": rounds}, progress=False)
trained = time.monotonic()
os.makedirs(out, exist_ok=True)
result.metrics.set_index("group").to_csv(os.path.join(out, "metrics_por_region.csv"))
result.predictions.to_csv(os.path.join(out, "pred_sin_label_por_region.csv"), index=False)
end = time.monotonic()
t = result.timings
print("phases=" + json.dumps({
    "read_seconds": read - start,
    # the DataFrame's columns copied into the engine's layout
    "handover_seconds": t["read_seconds"],
    # grouping, splitting and auto's calibration
    "plan_seconds": t.get("plan_seconds", 0),
    "train_seconds": t["train_seconds"],
    # the engine's outputs, then the result read back into DataFrames and written as CSV
    "collect_seconds": (trained - read) - t["read_seconds"] - t.get("plan_seconds", 0)
    - t["train_seconds"] + (end - trained)}), file=sys.stderr)
print(f"read_seconds={read - start:.2f} train_seconds={end - read:.2f} "
      f"wall_seconds={end - start:.2f}")

#!/usr/bin/python3
"""groupfit from Python on a bench/compare.sh workload, the way a pandas user runs it: read the
CSV with pandas, hand the DataFrame to groupfit.train (the hand-over is part of the time), write
the reference's two output files. Measured against bench/reference/reference_groups.py by
bench/python_compare.sh with `groupfit measure` (wall, CPU, peak PSS of the process tree).
Usage: python_module.py DATA.csv ROUNDS OUT_DIR"""
import os
import sys
import time

import pandas as pd

import groupfit

start = time.monotonic()
data, rounds, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
full = pd.read_csv(data)
read = time.monotonic()
result = groupfit.train(full, "Region", "IBD", id="SamplingOperations_code",
                        params={"iterations": rounds}, progress=False)
os.makedirs(out, exist_ok=True)
result.metrics.set_index("group").to_csv(os.path.join(out, "metrics_por_region.csv"))
result.predictions.to_csv(os.path.join(out, "pred_sin_label_por_region.csv"), index=False)
end = time.monotonic()
print(f"read_csv_seconds={read - start:.2f} train_seconds={end - read:.2f} "
      f"wall_seconds={end - start:.2f}")

"""The reference program (mp_groups.py: one CatBoost model per Region, trained in a
ProcessPoolExecutor) redone with groupfit: same table, groups, target, id, parameters and output
files. Usage: /usr/bin/python3 examples/mp_groups.py [tp_full.parquet | table.csv]"""
import sys

import pandas as pd

import groupfit

path = sys.argv[1] if len(sys.argv) > 1 else "tp_full.parquet"
try:  # pandas reads Parquet with pyarrow; without it, groupfit reads the file itself
    full = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
except ImportError:
    full = path
params = {"loss_function": "RMSE", "eval_metric": "RMSE", "depth": 7, "learning_rate": 0.03,
          "iterations": 8000, "l2_leaf_reg": 10, "min_data_in_leaf": 32}
result = groupfit.train(full, group="Region", target="IBD", id="SamplingOperations_code",
                        params=params)  # a missing Region is a group, as groupby(dropna=False)
result.metrics.set_index("group").to_csv("metrics_por_region.csv", index=True)
result.predictions.to_csv("pred_sin_label_por_region.csv", index=False)

#!/usr/bin/python3
"""The program groupfit replaces, ported faithfully to the xgboost Python package.

The user's mp_groups.py: pandas groupby(Region, dropna=False), one gradient-boosted model per
group, handed to concurrent.futures.ProcessPoolExecutor with thread_count=2 per model and a pool
of cpu_count() // 2, results gathered with as_completed and pd.concat. Here the engine is
XGBoost (the same library and version groupfit calls) so that both train the same models: same
hyperparameters, same split rule (split.py), same early stopping, same categorical coding.

Modes:
  sequential  one model at a time, each with every core (nthread = cores)
  threads     ThreadPoolExecutor, same pool size and threads per model as processes
  processes   ProcessPoolExecutor(max_workers = cores // 2), nthread = 2 per model

Run with Debian's Python (/usr/bin/python3) and python3-xgboost, python3-pandas. The input is a
CSV or a Parquet file (read by pandas, or by groupfit.read_parquet where pandas has no Parquet
engine). Writes metrics_por_region.csv and pred_sin_label_por_region.csv into --out, and prints the wall
time as `wall_seconds=...` on the last line.
"""
import argparse
import json
import os
import pickle
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed

import numpy as np
import pandas as pd
import xgboost as xgb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import split_rows  # noqa: E402

BASE_PARAMS = {
    "objective": "reg:squarederror", "eval_metric": "rmse", "tree_method": "hist",
    "max_depth": 7, "eta": 0.03, "lambda": 10, "seed": 0, "verbosity": 0,
}


def encode_features(full, group, target, id_col):
    """Numbers as float32; text as codes of the sorted distinct values over the whole table."""
    names, types, columns = [], [], []
    for name in full.columns:
        if name in (group, target, id_col):
            continue
        col = full[name]
        if col.dtype == object:
            categories = sorted(col.dropna().unique())
            codes = pd.Categorical(col, categories=categories).codes.astype(np.float32)
            codes[codes < 0] = np.nan
            columns.append(codes)
            types.append("c")
        else:
            columns.append(col.to_numpy(dtype=np.float32))
            types.append("q")
        names.append(name)
    return np.column_stack(columns), names, types


def reference_arguments(description):
    """The flags this program and tune_reference.py share (each adds its own and --out)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("data")
    ap.add_argument("--mode", choices=["sequential", "threads", "processes"], default="processes")
    ap.add_argument("--group", default="Region")
    ap.add_argument("--target", default="IBD")
    ap.add_argument("--id", default="SamplingOperations_code")
    ap.add_argument("--rounds", type=int, default=8000)
    ap.add_argument("--eta", type=float, default=0.03)
    ap.add_argument("--early-stopping-rounds", type=int, default=100)
    ap.add_argument("--valid-fraction", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-rows", type=int, default=20)
    ap.add_argument("--threads-per-model", type=int, default=2)
    ap.add_argument("--workers", type=int, default=0, help="default: cores // threads-per-model")
    return ap


def read_parquet_as_pandas_would(path):
    """pd.read_parquet(path), and where pandas cannot (pyarrow and fastparquet are not in Debian
    12) groupfit's reader (groupfit.read_parquet: PYTHONPATH=build/python), its columns made what
    pyarrow gives pandas by default: text as object, whole numbers with gaps as float64."""
    try:
        return pd.read_parquet(path)
    except ImportError:
        import groupfit
    frame = groupfit.read_parquet(path)
    for name in frame.columns:
        col = frame[name]
        if isinstance(col.dtype, pd.CategoricalDtype):
            frame[name] = col.astype(object).where(col.notna(), None)
        elif isinstance(col.dtype, (pd.Int64Dtype, pd.BooleanDtype)):
            frame[name] = col.to_numpy(dtype=np.float64 if col.isna().any() else None,
                                       na_value=np.nan)
    return frame


def read_input(path):
    """A CSV file (pd.read_csv) or a Parquet one, told apart by its first bytes."""
    with open(path, "rb") as f:
        parquet = f.read(4) == b"PAR1"
    return read_parquet_as_pandas_would(path) if parquet else pd.read_csv(path)


def load_table(args):
    """The table, its encoded features, target and ids, and the threads per model and workers
    the mode gives: (full, X, feature_types, y, ids, threads, workers)."""
    cores = len(os.sched_getaffinity(0))
    full = read_input(args.data)
    X, _, types = encode_features(full, args.group, args.target, args.id)
    y = full[args.target].to_numpy(dtype=np.float64)
    ids = full[args.id].to_numpy() if args.id in full.columns else np.arange(len(full))
    threads = cores if args.mode == "sequential" else args.threads_per_model
    workers = args.workers or max(1, cores // args.threads_per_model)
    return full, X, types, y, ids, threads, workers


def run_groups(mode, workers, fn, tasks):
    """fn over the groups' tasks: in a loop, or a ThreadPoolExecutor or ProcessPoolExecutor of
    `workers`, results as they complete (the user's as_completed)."""
    if mode == "sequential":
        return [fn(t) for t in tasks]
    pool_type = ThreadPoolExecutor if mode == "threads" else ProcessPoolExecutor
    with pool_type(max_workers=workers) as pool:
        futures = [pool.submit(fn, t) for t in tasks]
        return [f.result() for f in as_completed(futures)]


def predict_unlabeled(booster, X, unlabeled, feature_types, best):
    """The model's predictions for the rows `unlabeled` of X, with its trees 0..best."""
    if not len(unlabeled):
        return []
    dnew = xgb.DMatrix(X[unlabeled], missing=np.nan, feature_types=feature_types,
                       enable_categorical=True)
    return booster.predict(dnew, iteration_range=(0, best + 1))


def fit_one_group(args):
    """Top-level (picklable), as in the original: one group in, metrics and scored rows out."""
    started = time.perf_counter()
    metrics, scored = fit_group(args)
    metrics["fit_seconds"] = time.perf_counter() - started
    return metrics, scored


def fit_group(args):
    key, missing, X, y, ids, params, rounds, early, fraction, seed, min_rows = args
    labeled = np.flatnonzero(~np.isnan(y))
    unlabeled = np.flatnonzero(np.isnan(y))
    metrics = {"group": "" if missing else key, "rows": len(y)}
    if len(labeled) < max(min_rows, 2):
        metrics["status"] = "skipped"
        return metrics, pd.DataFrame({"id": ids[unlabeled], "group": metrics["group"],
                                      "prediction": np.nan})
    train_idx, valid_idx = split_rows(labeled.tolist(), fraction, seed, key, missing)
    feature_types = params.pop("_feature_types")
    # groupfit starts each model from its training rows' mean (XGBoost 1.7 would start at 0.5),
    # written as the shortest decimal that reads back as the same double, as groupfit writes it.
    params["base_score"] = repr(float(np.mean(y[train_idx].astype(np.float32), dtype=np.float64)))
    dtrain = xgb.DMatrix(X[train_idx], label=y[train_idx], missing=np.nan,
                         feature_types=feature_types, enable_categorical=True)
    dvalid = xgb.DMatrix(X[valid_idx], label=y[valid_idx], missing=np.nan,
                         feature_types=feature_types, enable_categorical=True)
    booster = xgb.train(params, dtrain, num_boost_round=rounds, evals=[(dvalid, "valid")],
                        early_stopping_rounds=early, verbose_eval=False)
    best = booster.best_iteration
    pred_valid = booster.predict(dvalid, iteration_range=(0, best + 1))
    err = pred_valid.astype(np.float64) - y[valid_idx]
    metrics.update(best_iteration=best, rmse=float(np.sqrt(np.mean(err ** 2))),
                   mae=float(np.mean(np.abs(err))), status="ok")
    scored = pd.DataFrame({"id": ids[unlabeled], "group": metrics["group"]})
    scored["prediction"] = predict_unlabeled(booster, X, unlabeled, feature_types, best)
    return metrics, scored


def main():
    ap = reference_arguments(__doc__.splitlines()[0])
    ap.add_argument("--out", default=".")
    ap.add_argument("--phases", action="store_true",
                    help="also print phases={...} on stderr: where the time went (JSON)")
    args = ap.parse_args()

    start = time.perf_counter()
    full, X, types, y, ids, threads, workers = load_table(args)
    read_done = time.perf_counter()
    params = dict(BASE_PARAMS, eta=args.eta, nthread=threads, _feature_types=types)

    tasks = []
    for key, df_g in full.groupby(args.group, dropna=False, sort=True):
        missing = pd.isna(key)
        rows = df_g.index.to_numpy()  # the slice of this group, as the original passes it
        tasks.append((None if missing else str(key), missing, X[rows].copy(), y[rows].copy(),
                      ids[rows], dict(params), args.rounds, args.early_stopping_rounds,
                      args.valid_fraction, args.seed, args.min_rows))

    split_done = time.perf_counter()
    results = run_groups(args.mode, workers, fit_one_group, tasks)
    pool_done = time.perf_counter()

    metrics = pd.DataFrame([m for m, _ in results]).sort_values("group")
    fit_seconds = metrics.pop("fit_seconds")
    scored = pd.concat([s for _, s in results], ignore_index=True)
    os.makedirs(args.out, exist_ok=True)
    metrics.to_csv(os.path.join(args.out, "metrics_por_region.csv"), index=False)
    scored.to_csv(os.path.join(args.out, "pred_sin_label_por_region.csv"), index=False)
    end = time.perf_counter()
    print(f"mode={args.mode} workers={workers} threads_per_model={threads} groups={len(tasks)}")
    if args.phases:
        print("phases=" + json.dumps(phases(args.mode, start, read_done, split_done, pool_done,
                                            end, fit_seconds.sum(), tasks, results)),
              file=sys.stderr)
    print(f"wall_seconds={end - start:.3f}")


def phases(mode, start, read_done, split_done, pool_done, end, fit_seconds, tasks, results):
    """Where the run's time went: reading (and encoding), slicing the groups, the pool (the
    groups' own training summed apart), collecting and writing; and, timed after the run so as
    not to slow it, what pickling every slice to a worker and every result back costs, which
    only processes pay."""
    out = {"read_seconds": read_done - start, "slice_seconds": split_done - read_done,
           "pool_seconds": pool_done - split_done, "fit_seconds_summed": fit_seconds,
           "collect_seconds": end - pool_done}
    if mode == "processes":
        t = time.perf_counter()
        sent = sum(len(pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL)) for task in tasks)
        back = sum(len(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)) for r in results)
        out.update(pickle_seconds=time.perf_counter() - t, pickled_mb=(sent + back) / 1e6)
    return out


if __name__ == "__main__":
    main()

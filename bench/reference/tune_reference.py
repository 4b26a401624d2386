#!/usr/bin/python3
"""Per-group tuning done the Python way: the baseline `groupfit train --search ... --cv K` replaces.

What a data scientist writes to tune each group's model, with the same engine groupfit calls
(XGBoost 1.7) and the same rules, so both choose the same parameters and train the same models:

  pandas groupby(group, dropna=False); for each group: split its labeled rows into training and
  validation rows (split.py, groupfit's rule); for each candidate of the grid (itertools.product
  of the --search dimensions, the first changing slowest) and each fold, xgboost.train on the
  other folds with early stopping on the fold, score = RMSE on the fold of the model cut at its
  best iteration; the candidate with the lowest mean fold RMSE wins (ties: the earlier); then the
  final model is trained with it on the group's training rows (early stopping on its validation
  rows), scored on them, and predicts the group's unlabeled rows.

The rules mirrored from groupfit (src/plan/cv_plan.hpp, src/train/group_trainer.cpp):
  folds   the i-th training row (ascending table order, as split.py returns them) goes to fold
          i mod K_g, K_g = min(K, n_train // 10); K_g < 2: not tuned, the run's parameters
  names   --search names are mapped as --param maps them (learning_rate -> eta, depth ->
          max_depth, l2_leaf_reg -> lambda, ...); values are passed as the strings given
  start   every model, fold or final, starts from the mean of its own training rows' labels
          (base_score), as groupfit does (XGBoost 1.7 alone would start at 0.5)
  score   RMSE against the float32 labels XGBoost trains on, as groupfit computes it
The features, base parameters and the run's flags are reference_groups.py's (imported from it).

Why it is slow, and what the comparison measures: the unit of parallel work is the group, as in
the user's mp_groups.py. One group's candidates x folds all run inside one worker, so with skewed
groups one worker grinds through the largest group's whole grid while the others sit idle;
groupfit makes every (group, candidate, fold) a task of its own.

Modes (as reference_groups.py):
  sequential  one group at a time, each model with every core (nthread = cores)
  threads     ThreadPoolExecutor over groups, same pool size and threads per model as processes
  processes   ProcessPoolExecutor(max_workers = cores // 2), nthread = 2 per model (the user's)

Run with Debian's Python (/usr/bin/python3) and python3-xgboost, python3-pandas. Writes into
--out: metrics_por_region.csv (per group, with the chosen value of each searched parameter, empty
when not tuned), pred_sin_label_por_region.csv, and tuning_por_region.csv (laid out as groupfit's
tuning.csv: every candidate of every tuned group, its fold RMSEs, mean, best iterations, chosen),
and prints the wall time as `wall_seconds=...` on the last line.
"""
import itertools
import os
import sys
import time

import numpy as np
import pandas as pd
import xgboost as xgb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_groups import (  # noqa: E402
    BASE_PARAMS, load_table, predict_unlabeled, reference_arguments, run_groups)
from split import split_rows  # noqa: E402

MIN_FOLD_ROWS = 10  # groupfit's kMinFoldRows: a fold validates at least this many rows

# groupfit's other spellings of XGBoost parameters (src/plan/param_names.cpp, aliases()).
ALIASES = {
    "depth": "max_depth", "l2_leaf_reg": "lambda", "random_seed": "seed", "random_state": "seed",
    "learning_rate": "eta", "reg_lambda": "lambda", "reg_alpha": "alpha",
    "min_split_loss": "gamma", "max_leaf_nodes": "max_leaves", "border_count": "max_bin",
}


def parse_search(specs):
    """--search name=v1,v2 (repeatable) -> [(name as given, [values as given])], in order."""
    space = []
    for spec in specs:
        name, sep, values = spec.partition("=")
        values = [v.strip() for v in values.split(",")]
        if not sep or not name or not all(values):
            sys.exit(f"--search {spec!r}: expected name=v1,v2,...")
        if name in (n for n, _ in space):
            sys.exit(f"--search {name!r} given twice")
        space.append((name.strip(), values))
    return space


def fit(params, X, y, train_idx, eval_idx, feature_types, rounds, early):
    """One xgboost.train on train_idx with early stopping on eval_idx; the booster and its best
    iteration, and the RMSE and MAE on eval_idx of the model cut at that iteration."""
    params = dict(params)
    # The model starts from its training rows' mean, written as the shortest decimal that reads
    # back as the same double (as groupfit writes it); groupfit's labels are float32.
    params["base_score"] = repr(float(np.mean(y[train_idx].astype(np.float32), dtype=np.float64)))
    dtrain = xgb.DMatrix(X[train_idx], label=y[train_idx], missing=np.nan,
                         feature_types=feature_types, enable_categorical=True)
    deval = xgb.DMatrix(X[eval_idx], label=y[eval_idx], missing=np.nan,
                        feature_types=feature_types, enable_categorical=True)
    booster = xgb.train(params, dtrain, num_boost_round=rounds, evals=[(deval, "valid")],
                        early_stopping_rounds=early, verbose_eval=False)
    best = booster.best_iteration
    # Scored against the labels as XGBoost holds them (float32), as groupfit scores: against
    # pandas' float64 labels the RMSE moves by ~1e-8 relative, enough to flip a near tie.
    labels = y[eval_idx].astype(np.float32).astype(np.float64)
    err = booster.predict(deval, iteration_range=(0, best + 1)).astype(np.float64) - labels
    return booster, best, float(np.sqrt(np.mean(err ** 2))), float(np.mean(np.abs(err)))


def tune_one_group(args):
    """Top-level (picklable): one group in; its metrics, scored rows and tuning rows out. The
    whole grid x folds of the group runs here, in this one worker."""
    (key, missing, X, y, ids, params, feature_types, space, cv, rounds, early, fraction, seed,
     min_rows) = args
    names = [name for name, _ in space]
    labeled = np.flatnonzero(~np.isnan(y))
    unlabeled = np.flatnonzero(np.isnan(y))
    group = "" if missing else key
    metrics = {"group": group, "rows": len(y), "train_rows": 0, "valid_rows": 0,
               "unlabeled_rows": len(unlabeled), "folds": 0, "best_iteration": ""}
    metrics.update({name: "" for name in names})
    if len(labeled) < max(min_rows, 2):
        metrics.update(status="skipped", note=f"{len(labeled)} labeled rows")
        return metrics, pd.DataFrame({"id": ids[unlabeled], "group": group,
                                      "prediction": np.nan}), []
    train_idx, valid_idx = split_rows(labeled.tolist(), fraction, seed, key, missing)
    train_idx, valid_idx = np.array(train_idx), np.array(valid_idx)
    metrics.update(train_rows=len(train_idx), valid_rows=len(valid_idx))

    # Cross-validation inside the training rows: row i to fold i mod k.
    k = min(cv, len(train_idx) // MIN_FOLD_ROWS)
    tuning, chosen, note = [], None, ""
    if k < 2:
        note = f"not tuned: {len(train_idx)} training rows are too few for 2 folds"
    else:
        if k < cv:
            note = f"tuned on {k} folds instead of {cv}"
        fold_of = np.arange(len(train_idx)) % k
        best_mean = np.inf
        for c, values in enumerate(itertools.product(*(v for _, v in space))):
            candidate = dict(params)
            candidate.update({ALIASES.get(n, n): v for n, v in zip(names, values)})
            scores, iterations = [], []
            for f in range(k):
                _, best, rmse, _ = fit(candidate, X, y, train_idx[fold_of != f],
                                       train_idx[fold_of == f], feature_types, rounds, early)
                scores.append(rmse)
                iterations.append(best)
            mean = sum(scores) / k  # in fold order, as groupfit sums
            if mean < best_mean:  # strictly lower: a tie keeps the earlier candidate
                best_mean, chosen = mean, c
            tuning.append({"group": group, "candidate": c + 1,
                           **dict(zip(names, values)), "folds": k,
                           **{f"rmse_fold{f + 1}": scores[f] if f < k else np.nan
                              for f in range(cv)},
                           "mean_rmse": mean,
                           "best_iterations": " ".join(map(str, iterations))})
        for row in tuning:
            row["chosen"] = "true" if row["candidate"] == chosen + 1 else "false"
        metrics["folds"] = k

    final = dict(params)
    if chosen is not None:
        values = list(itertools.product(*(v for _, v in space)))[chosen]
        final.update({ALIASES.get(n, n): v for n, v in zip(names, values)})
        metrics.update(dict(zip(names, values)))
    booster, best, rmse, mae = fit(final, X, y, train_idx, valid_idx, feature_types, rounds,
                                   early)
    metrics.update(best_iteration=best, rmse=rmse, mae=mae, status="ok", note=note)
    scored = pd.DataFrame({"id": ids[unlabeled], "group": group})
    scored["prediction"] = predict_unlabeled(booster, X, unlabeled, feature_types, best)
    return metrics, scored, tuning


def main():
    ap = reference_arguments(__doc__.splitlines()[0])
    ap.add_argument("--search", action="append", default=[], metavar="NAME=V1,V2",
                    help="a parameter and its candidate values (repeatable; the grid is searched)")
    ap.add_argument("--cv", type=int, default=3, help="folds inside each group's training rows")
    ap.add_argument("--out", default=".")
    args = ap.parse_args()
    space = parse_search(args.search)
    if not space:
        sys.exit("give at least one --search name=v1,v2")
    if args.cv < 2:
        sys.exit("--cv must be at least 2")

    start = time.perf_counter()
    full, X, types, y, ids, threads, workers = load_table(args)
    params = dict(BASE_PARAMS, eta=args.eta, nthread=threads)

    tasks = []
    for key, df_g in full.groupby(args.group, dropna=False, sort=True):
        missing = pd.isna(key)
        rows = df_g.index.to_numpy()  # the group's rows, in table order
        tasks.append((None if missing else str(key), missing, X[rows].copy(), y[rows].copy(),
                      ids[rows], dict(params), types, space, args.cv, args.rounds,
                      args.early_stopping_rounds, args.valid_fraction, args.seed, args.min_rows))

    results = run_groups(args.mode, workers, tune_one_group, tasks)

    metrics = pd.DataFrame([m for m, _, _ in results]).sort_values("group")
    scored = pd.concat([s for _, s, _ in results], ignore_index=True)
    tuning = pd.DataFrame([row for _, _, rows in results for row in rows])
    if len(tuning):
        tuning = tuning.sort_values(["group", "candidate"], kind="stable")
    os.makedirs(args.out, exist_ok=True)
    metrics.to_csv(os.path.join(args.out, "metrics_por_region.csv"), index=False)
    scored.to_csv(os.path.join(args.out, "pred_sin_label_por_region.csv"), index=False)
    tuning.to_csv(os.path.join(args.out, "tuning_por_region.csv"), index=False)
    grid = len(list(itertools.product(*(v for _, v in space))))
    fits = grid * sum(m["folds"] for m, _, _ in results)
    print(f"mode={args.mode} workers={workers} threads_per_model={threads} groups={len(tasks)} "
          f"candidates={grid} fold_fits={fits}")
    print(f"wall_seconds={time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()

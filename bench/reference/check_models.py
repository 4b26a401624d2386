#!/usr/bin/python3
"""Checks a groupfit training run against the xgboost Python package, group by group.

For every `ok` group of OUT/metrics.csv: rebuild the group's validation rows with groupfit's
split rule (split.py), encode the features as OUT/models/schema.json says, load the group's model
with xgboost.Booster, predict, and compute the run's metrics independently (numpy); they must
agree with metrics.csv, and the model's predictions for the unlabeled rows with predictions.csv.
With --quality, also compares each model with the constant its group's training rows give (the
mean) on the validation rows, and prints the distribution of R^2 and how many models are worse
than that constant beyond noise (a paired test on per-row squared errors: 2 standard errors, and
the same corrected for the number of groups tested).

Run with Debian's Python (/usr/bin/python3) and python3-xgboost, python3-pandas. Exit status 1
when something disagrees.
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import pandas as pd
import xgboost as xgb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import split_rows  # noqa: E402

EPS = 1e-16


def encode(df, schema):
    columns, types = [], []
    for f in schema["features"]:
        col = df[f["name"]]
        if f["type"] == "categorical":
            text = col.map(lambda v: None if pd.isna(v) else (v if isinstance(v, str) else
                                                               format_number(v)))
            codes = pd.Categorical(text, categories=f["categories"]).codes.astype(np.float32)
            codes[codes < 0] = np.nan
            columns.append(codes)
            types.append("c")
        else:
            columns.append(pd.to_numeric(col, errors="coerce").to_numpy(dtype=np.float32))
            types.append("q")
    return np.column_stack(columns), types


def format_number(v):
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def auc(p, y, w):
    order = np.argsort(p, kind="stable")
    p, y, w = p[order], y[order], w[order]
    area, neg_below, i = 0.0, 0.0, 0
    while i < len(p):
        j = i
        while j < len(p) and p[j] == p[i]:
            j += 1
        pos = w[i:j][y[i:j] > 0.5].sum()
        neg = w[i:j][y[i:j] <= 0.5].sum()
        area += pos * (neg_below + 0.5 * neg)
        neg_below += neg
        i = j
    pos_total, neg_total = w[y > 0.5].sum(), w[y <= 0.5].sum()
    return area / (pos_total * neg_total) if pos_total > 0 and neg_total > 0 else math.nan


def metrics(kind, pred, y, w):
    pred = pred.astype(np.float64)
    if kind == "regression":
        mean = np.sum(w * y) / w.sum()
        sq = np.sum(w * (pred - y) ** 2)
        total = np.sum(w * (y - mean) ** 2)
        return {"rmse": math.sqrt(sq / w.sum()), "mae": np.sum(w * np.abs(pred - y)) / w.sum(),
                "r2": 1 - sq / total if total > 0 else math.nan}
    if kind == "binary":
        p = np.clip(pred, EPS, 1 - EPS)
        loss = -np.sum(w * np.where(y > 0.5, np.log(p), np.log(1 - p))) / w.sum()
        acc = np.sum(w * ((pred > 0.5) == (y > 0.5))) / w.sum()
        return {"logloss": loss, "auc": auc(pred, y, w), "accuracy": acc}
    k = pred.shape[1]
    p = np.clip(pred[np.arange(len(y)), y.astype(int)], EPS, 1 - EPS)
    acc = np.sum(w * (np.argmax(pred, axis=1) == y.astype(int))) / w.sum()
    assert k > 1
    return {"mlogloss": -np.sum(w * np.log(p)) / w.sum(), "accuracy": acc}


def close(a, b, tol):
    if (a is None or (isinstance(a, float) and math.isnan(a))) and (b is None or math.isnan(b)):
        return True
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--group", required=True)
    ap.add_argument("--target", required=True)
    ap.add_argument("--weight")
    ap.add_argument("--out", required=True)
    ap.add_argument("--sep", default=",")
    ap.add_argument("--valid-fraction", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tolerance", type=float, default=1e-5)
    ap.add_argument("--quality", action="store_true")
    args = ap.parse_args()

    df = pd.read_csv(args.data, sep=args.sep, keep_default_na=True)
    schema = json.load(open(os.path.join(args.out, "models", "schema.json")))
    kind = {"binary:logistic": "binary", "multi:softprob": "multi"}.get(schema["objective"],
                                                                     "regression")
    X, types = encode(df, schema)
    target = df[args.target]
    if kind == "regression":
        y = target.to_numpy(dtype=np.float64)
    else:
        classes = schema["classes"]
        numeric = pd.api.types.is_numeric_dtype(target) or pd.api.types.is_bool_dtype(target)
        keys = [float(c) if numeric and c not in ("true", "false") else c for c in classes]
        index = {k: i for i, k in enumerate(keys)}
        y = np.array([np.nan if pd.isna(v) else index[float(v) if numeric else v]
                      for v in target], dtype=np.float64)
    w = (df[args.weight].to_numpy(dtype=np.float64) if args.weight
         else np.ones(len(df), dtype=np.float64))
    groups = {}
    for row, key in enumerate(df[args.group]):
        missing = pd.isna(key)
        groups.setdefault((missing, "" if missing else
                           (key if isinstance(key, str) else format_number(key))), []).append(row)
    files = {(g["missing"], g["group"]): g["file"] for g in schema["groups"]}
    report = pd.read_csv(os.path.join(args.out, "metrics.csv"), keep_default_na=False,
                         dtype={"group": str})
    predictions = pd.read_csv(os.path.join(args.out, "predictions.csv"), keep_default_na=False,
                              dtype={"group": str})

    worst, checked, bad, quality = 0.0, 0, 0, []
    names = [c for c in ("rmse", "mae", "r2", "logloss", "auc", "accuracy", "mlogloss")
             if c in report.columns]
    for _, line in report[report.status == "ok"].iterrows():
        group = line.group
        missing = group == "" and (True, "") in files
        rows = np.array(groups[(missing, "" if missing else group)])
        labeled = rows[~np.isnan(y[rows])]
        train, valid = split_rows(labeled.tolist(), args.valid_fraction, args.seed, group,
                                  missing)
        booster = xgb.Booster(model_file=os.path.join(args.out, "models", files[(missing, group)]))
        dvalid = xgb.DMatrix(X[valid], missing=np.nan, feature_types=types,
                             enable_categorical=True)
        pred = booster.predict(dvalid)
        ours = metrics(kind, pred, y[valid], w[valid])
        for name in names:
            value = float(line[name]) if line[name] != "" else math.nan
            worst = max(worst, 0 if close(ours[name], value, 0) else
                        abs(ours[name] - value) / max(1.0, abs(value)))
            if not close(ours[name], value, args.tolerance):
                bad += 1
                print(f"group {group!r}: {name} {value} in metrics.csv, {ours[name]} here")
        checked += 1
        if args.quality and kind == "regression":
            mean = np.sum(w[train] * y[train]) / w[train].sum()
            d = (pred.astype(np.float64) - y[valid]) ** 2 - (mean - y[valid]) ** 2
            se = d.std(ddof=1) / math.sqrt(len(d)) if len(d) > 1 else math.inf
            # z > 3.9: 2 standard errors, Bonferroni-corrected for 500 groups (one-sided 5%).
            quality.append((ours["r2"], d.mean() > 2 * se, line.warning, d.mean() > 3.9 * se))
    print(f"checked {checked} ok groups; largest relative difference {worst:.2e}; {bad} disagree")

    unlabeled = predictions.columns[2:]
    if len(predictions) and kind != "multi":
        for group, part in predictions.groupby("group", sort=False):
            if part.prediction.iloc[0] == "":
                continue
            missing = group == "" and (True, "") in files
            rows = np.array(groups[(missing, group)])
            rows = rows[np.isnan(y[rows])]
            booster = xgb.Booster(
                model_file=os.path.join(args.out, "models", files[(missing, group)]))
            pred = booster.predict(xgb.DMatrix(X[rows], missing=np.nan, feature_types=types,
                                               enable_categorical=True))
            written = part.prediction.astype(np.float32).to_numpy()
            if not np.array_equal(written, pred.astype(np.float32)):
                bad += 1
                print(f"group {group!r}: predictions.csv differs from the model's predictions")
    elif len(predictions):
        assert list(unlabeled)[0] == "prediction"

    if quality:
        r2 = np.array([q[0] for q in quality if not math.isnan(q[0])])
        worse = sum(q[1] for q in quality)
        warned = sum(1 for q in quality if q[2])
        unwarned = sum(1 for q in quality if q[1] and not q[2])
        corrected = sum(q[3] for q in quality)
        print(f"quality: {len(quality)} ok groups; R^2 median {np.median(r2):.3f}, "
              f"quartiles {np.percentile(r2, 25):.3f} / {np.percentile(r2, 75):.3f}, "
              f"{np.mean(r2 < -1) * 100:.1f}% below -1, {np.mean(r2 < 0) * 100:.1f}% below 0; "
              f"{worse} worse than the training mean beyond noise (2 s.e.; {unwarned} of them "
              f"without a warning; {corrected} at 2 s.e. corrected for {len(quality)} tests); "
              f"{warned} carry a warning")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

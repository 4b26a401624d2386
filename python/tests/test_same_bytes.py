"""The module's outputs are the CLI's bytes for the same data and options: on a generated table
(as a DataFrame and as a path), and on a table with missing groups, categories, nullable
numbers, dates and unlabeled rows written to CSV for the CLI."""

import numpy as np
import pandas as pd

import groupfit
from conftest import outputs, run_cli

OPTIONS = {"iterations": 40, "learning_rate": 0.3}
CLI_PARAMS = ["--param", "iterations=40", "--param", "learning_rate=0.3"]


def cli_train(data, out, *flags):
    run_cli("train", data, "--out", out, "--executor", "threads", "--workers", 2, "--quiet",
            *CLI_PARAMS, *flags)
    return outputs(out)


def test_generated_table_dataframe_and_path_give_the_cli_bytes(generated, tmp_path):
    expected = cli_train(generated, tmp_path / "cli", "--group", "Region", "--target", "IBD",
                         "--id", "SamplingOperations_code")
    frame = pd.read_csv(generated)
    for name, data in (("frame", frame), ("path", str(generated))):
        r = groupfit.train(data, "Region", "IBD", id="SamplingOperations_code", params=OPTIONS,
                           executor="threads", workers=2, out=tmp_path / name, progress=False)
        got = outputs(tmp_path / name)
        assert got["metrics"] == expected["metrics"], name
        assert got["predictions"] == expected["predictions"], name
        assert got["models"] == expected["models"], name
        assert len(r.predictions) == len(expected["predictions"].splitlines()) - 1
    # Predictions keep the input's index and its own id values.
    r = groupfit.train(frame, "Region", "IBD", id="SamplingOperations_code", params=OPTIONS,
                       progress=False)
    assert frame.loc[r.predictions.index, "IBD"].isna().all()
    assert (frame.loc[r.predictions.index, "SamplingOperations_code"]
            == r.predictions["SamplingOperations_code"]).all()


def mixed_table(rows=1500, seed=3):
    rng = np.random.default_rng(seed)
    region = rng.choice(["north", "south", "east", "west", "tiny"], rows,
                        p=[0.3, 0.3, 0.2, 0.19, 0.01]).astype(object)
    region[rng.random(rows) < 0.05] = None  # a missing group
    kind = pd.Categorical(rng.choice(["a", "b", "c"], rows), categories=["c", "b", "a", "unused"])
    count = pd.array(rng.integers(0, 50, rows), dtype="Int64")
    count[rng.random(rows) < 0.1] = pd.NA
    ratio = rng.normal(size=rows).astype(np.float32)
    flag = rng.random(rows) < 0.5
    when = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 86400 * 300, rows), "s")
    noise = rng.normal(size=rows)
    target = 3 * flag + count.to_numpy(dtype=float, na_value=0.0) / 10 + noise
    target[rng.random(rows) < 0.15] = np.nan  # unlabeled rows
    return pd.DataFrame({"key": [f"k{i:05d}" for i in range(rows)], "region": region,
                         "kind": kind, "count": count, "ratio": ratio, "flag": flag,
                         "when": when, "y": target},
                        index=pd.RangeIndex(1000, 1000 + rows))


def test_missing_groups_categories_and_unlabeled_rows_give_the_cli_bytes(tmp_path):
    frame = mixed_table()
    frame.to_csv(tmp_path / "mixed.csv", index=False)
    expected = cli_train(tmp_path / "mixed.csv", tmp_path / "cli", "--group", "region",
                         "--target", "y", "--id", "key", "--date-parts")
    r = groupfit.train(frame, "region", "y", id="key", params=OPTIONS, executor="threads",
                       workers=2, date_parts=True, out=tmp_path / "py", progress=False)
    got = outputs(tmp_path / "py")
    assert got == expected
    assert set(r.metrics["status"]) >= {"ok", "skipped"}
    assert r.metrics["group"].isna().sum() == 1  # the missing group
    assert set(r.predictions.index) == set(frame.index[frame["y"].isna()])
    assert r.predictions["group"].isna().any()  # the input's own values: None, not ""


def test_classification_with_text_classes_gives_the_cli_bytes(tmp_path):
    frame = mixed_table(seed=5)
    frame["label"] = np.where(frame["y"] > 2, "high", "low").astype(object)
    frame.loc[frame["y"].isna(), "label"] = None
    frame = frame.drop(columns=["y"])
    frame.to_csv(tmp_path / "labels.csv", index=False)
    expected = cli_train(tmp_path / "labels.csv", tmp_path / "cli", "--group", "region",
                         "--target", "label", "--param", "loss_function=Logloss")
    groupfit.train(frame, "region", "label", params={**OPTIONS, "loss_function": "Logloss"},
                   executor="threads", workers=2, out=tmp_path / "py", progress=False)
    assert outputs(tmp_path / "py") == expected

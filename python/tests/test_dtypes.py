"""Each dtype the module takes gives what the same values give in the engine's own reading: a
column's nullable, narrower, time-zone or categorical spelling trains the same models as its
plain one (same bytes), and numeric categories are the CLI's --categorical."""

import numpy as np
import pandas as pd
import pytest

import groupfit
from conftest import outputs, run_cli

PARAMS = {"iterations": 15, "learning_rate": 0.3}


def base(rows=800, seed=2):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "g": rng.choice(["a", "b", "c"], rows).astype(object),
        "n": rng.integers(0, 9, rows).astype(np.float64),
        "s": rng.integers(0, 4, rows),
        "when": pd.Timestamp("2023-05-01") + pd.to_timedelta(rng.integers(0, 10**7, rows), "s"),
    })
    frame.loc[rng.random(rows) < 0.1, "n"] = np.nan
    frame["y"] = frame["n"].fillna(3) + frame["s"] + rng.normal(size=rows)
    return frame


def run(frame, tmp_path, name, **kwargs):
    groupfit.train(frame, "g", "y", params=PARAMS, executor="sequential", out=tmp_path / name,
                   progress=False, **kwargs)
    return outputs(tmp_path / name)


@pytest.mark.parametrize("change", [
    lambda f: f.assign(n=f["n"].astype("Float64")),
    lambda f: f.assign(n=f["n"].astype("Int64")),
    lambda f: f.assign(n=f["n"].astype(np.float32)),
    lambda f: f.assign(s=f["s"].astype(np.int8)),
    lambda f: f.assign(s=f["s"].astype(np.int32)),
    lambda f: f.assign(s=f["s"].astype("UInt16")),
    lambda f: f.assign(when=f["when"].dt.tz_localize("UTC").dt.tz_convert("America/Lima")),
    lambda f: f.assign(g=f["g"].astype("category")),
    lambda f: f.assign(g=f["g"].astype("string")),
], ids=["Float64", "Int64", "float32", "int8", "int32", "UInt16", "tz", "category", "string"])
def test_another_spelling_of_the_same_values_trains_the_same_models(tmp_path, change):
    frame = base()
    assert run(change(frame), tmp_path, "changed") == run(frame, tmp_path, "plain")


def test_booleans_plain_and_nullable(tmp_path):
    frame = base()
    frame["b"] = frame["s"] > 1
    nullable = frame.assign(b=frame["b"].astype("boolean"))
    assert run(nullable, tmp_path, "nullable") == run(frame, tmp_path, "plain")


def test_numeric_categories_are_the_cli_categorical(tmp_path):
    frame = base()
    frame.to_csv(tmp_path / "t.csv", index=False)
    run_cli("train", tmp_path / "t.csv", "--group", "g", "--target", "y", "--categorical", "s",
            "--param", "iterations=15", "--param", "learning_rate=0.3", "--executor",
            "sequential", "--out", tmp_path / "cli", "--quiet")
    got = run(frame.assign(s=frame["s"].astype("category")), tmp_path, "py")
    assert got == outputs(tmp_path / "cli")


def test_inf_is_refused_as_in_a_file_and_empty_text_is_missing(tmp_path):
    frame = base()
    frame.loc[5, "n"] = np.inf
    with pytest.raises(groupfit.InputError, match=r"<DataFrame>: data row 6: column 'n'"):
        run(frame, tmp_path, "inf")
    frame = base()
    empty = frame.assign(g=frame["g"].where(frame.index % 7 != 0, ""))
    missing = frame.assign(g=frame["g"].where(frame.index % 7 != 0, None))
    assert run(empty, tmp_path, "empty") == run(missing, tmp_path, "missing")

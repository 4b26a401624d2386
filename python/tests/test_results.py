"""What a TrainResult gives: models as xgboost Boosters, model bytes, run.json's plan and
timings, save() as the CLI's folder, predict() on a result or a folder, resume with out=."""

import os

import numpy as np
import pandas as pd
import pytest

import groupfit
from conftest import folder_files, outputs, run_cli

PARAMS = {"iterations": 30, "learning_rate": 0.3}


@pytest.fixture(scope="module")
def trained(generated):
    frame = pd.read_csv(generated)
    return frame, groupfit.train(frame, "Region", "IBD", id="SamplingOperations_code",
                                 drop=["habitat", "substrate"], params=PARAMS,
                                 executor="threads", workers=2, progress=False)


def test_models_are_boosters_that_predict_what_the_run_predicted(trained):
    xgboost = pytest.importorskip("xgboost")
    frame, r = trained
    ok = r.metrics[r.metrics["status"] == "ok"]
    assert len(r.models) == len(ok)
    group = ok["group"].iloc[0]
    booster = r.models[group]
    assert isinstance(booster, xgboost.Booster)
    assert r.model_bytes(group).startswith(b"{")
    rows = r.predictions[r.predictions["group"] == group]
    features = frame.loc[rows.index].drop(
        columns=["Region", "IBD", "SamplingOperations_code", "habitat", "substrate"])
    assert booster.num_features() == features.shape[1]
    got = booster.predict(xgboost.DMatrix(features.astype("float32")))
    assert np.allclose(got, rows["prediction"], rtol=1e-5)


def test_plan_and_timings_come_from_run_json(trained):
    _, r = trained
    assert r.plan["executor"] == "threads"
    assert r.timings["wall_seconds"] > 0
    assert r.run["config"]["input"] == "<DataFrame>"


def test_save_writes_the_cli_folder_and_predict_reads_it(trained, generated, tmp_path):
    frame, r = trained
    r.save(tmp_path / "saved")
    assert folder_files(tmp_path / "saved") == folder_files(r.out)
    assert os.path.islink(tmp_path / "saved" / "metrics.csv")
    with pytest.raises(groupfit.OutputError):
        r.save(tmp_path / "saved")
    run_cli("predict", generated, "--models", tmp_path / "saved" / "models",
            "--out", tmp_path / "cli.csv")
    expected = pd.read_csv(tmp_path / "cli.csv")
    for models in (r, tmp_path / "saved", tmp_path / "saved" / "models"):
        got = groupfit.predict(frame, models)
        assert list(got.columns) == list(expected.columns)
        assert got.index.equals(frame.index)
        assert np.array_equal(got["prediction"].to_numpy(), expected["prediction"].to_numpy(),
                              equal_nan=True)
    from_path = groupfit.predict(str(generated), r)
    assert np.array_equal(from_path["prediction"].to_numpy(),
                          expected["prediction"].to_numpy(), equal_nan=True)


def test_an_interrupted_run_resumes_and_only_on_the_same_data(generated, tmp_path):
    frame = pd.read_csv(generated)

    def stop_after_two(p):
        if p.done >= 2:
            raise KeyboardInterrupt

    out = tmp_path / "run"
    with pytest.raises(KeyboardInterrupt):
        groupfit.train(frame, "Region", "IBD", params=PARAMS, executor="threads", workers=1,
                       out=out, progress=stop_after_two)
    assert (out / "checkpoint.gfc").exists()
    changed = frame.copy()
    changed.loc[0, "depth_m"] = 1e6
    with pytest.raises(ValueError, match="cannot resume"):
        groupfit.train(changed, "Region", "IBD", params=PARAMS, out=out, resume=True,
                       progress=False)
    r = groupfit.train(frame, "Region", "IBD", params=PARAMS, executor="threads", workers=1,
                       out=out, resume=True, progress=False)
    assert r.report["resumed"] >= 2
    groupfit.train(frame, "Region", "IBD", params=PARAMS, executor="threads", workers=1,
                   out=tmp_path / "whole", progress=False)
    assert outputs(out) == outputs(tmp_path / "whole")


def test_search_tunes_each_group_as_the_cli_does(generated, tmp_path):
    frame = pd.read_csv(generated)
    result = groupfit.train(frame, "Region", "IBD", id="SamplingOperations_code",
                            drop=["habitat", "substrate"], params=PARAMS,
                            search={"max_depth": [2, 4], "learning_rate": [0.1, 0.3]}, cv=2,
                            executor="threads", workers=2, progress=False, out=tmp_path / "py")
    run_cli("train", generated, "--group", "Region", "--target", "IBD",
            "--id", "SamplingOperations_code", "--drop", "habitat,substrate",
            "--param", "iterations=30", "--param", "learning_rate=0.3",
            "--search", "max_depth=2,4", "--search", "learning_rate=0.1,0.3", "--cv", "2",
            "--out", tmp_path / "cli", "--quiet")
    assert outputs(tmp_path / "py") == outputs(tmp_path / "cli")
    with open(tmp_path / "cli" / "tuning.csv", "rb") as f:
        assert open(tmp_path / "py" / "tuning.csv", "rb").read() == f.read()
    assert list(result.metrics.columns[6:8]) == ["max_depth", "learning_rate"]
    assert set(result.tuning["chosen"]) == {"true", "false"}
    assert (result.tuning.groupby("group")["chosen"].apply(lambda c: (c == "true").sum()) == 1).all()
    assert result.run["plan"]["tuning"]["cv"] == 2
    untuned = groupfit.train(frame, "Region", "IBD", params=PARAMS, drop=["habitat", "substrate"],
                             progress=False)
    assert untuned.tuning is None


def test_fallback_global_predicts_for_skipped_groups(generated, tmp_path):
    frame = pd.read_csv(generated)
    result = groupfit.train(frame, "Region", "IBD", id="SamplingOperations_code", params=PARAMS,
                            drop=["habitat", "substrate"], min_rows=400, fallback="global",
                            progress=False, out=tmp_path / "py")
    fell_back = result.metrics[result.metrics["status"] == "fallback"]
    assert len(fell_back) > 0
    assert fell_back["rmse"].notna().all()
    groups = set(fell_back["group"].fillna(""))
    rows = result.predictions[result.predictions["group"].fillna("").isin(groups)]
    assert len(rows) > 0 and rows["prediction"].notna().all()
    with pytest.raises(groupfit.InputError):
        groupfit.train(frame, "Region", "IBD", fallback="pooled", progress=False)

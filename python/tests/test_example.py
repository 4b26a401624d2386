"""examples/mp_groups.py, the reference program redone, runs and writes its two files."""

import os
import subprocess
import sys

import pandas as pd

from conftest import run_cli

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "mp_groups.py")


def test_reference_program_writes_metrics_and_unlabeled_predictions(tmp_path):
    run_cli("gen", "--rows", 1500, "--groups", 4, "--seed", 11, "--out", tmp_path / "t.csv")
    subprocess.run([sys.executable, os.path.abspath(EXAMPLE), str(tmp_path / "t.csv")],
                   cwd=tmp_path, check=True, env=os.environ, capture_output=True)
    metrics = pd.read_csv(tmp_path / "metrics_por_region.csv")
    predictions = pd.read_csv(tmp_path / "pred_sin_label_por_region.csv")
    table = pd.read_csv(tmp_path / "t.csv")
    assert len(metrics) == table["Region"].nunique(dropna=False)
    assert {"group", "rmse", "status"} <= set(metrics.columns)
    assert len(predictions) == table["IBD"].isna().sum()
    assert list(predictions.columns[:3]) == ["SamplingOperations_code", "group", "prediction"]

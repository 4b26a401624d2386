"""Shared fixtures: the `groupfit` program (GROUPFIT_BINARY, set by ctest) and generated tables."""

import os
import subprocess

import pytest

BINARY = os.environ.get("GROUPFIT_BINARY", "groupfit")


def run_cli(*args, check=True):
    """Runs the groupfit program; returns the CompletedProcess (text output)."""
    result = subprocess.run([BINARY, *map(str, args)], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"groupfit {' '.join(map(str, args))}: {result.stderr}")
    return result


def folder_files(folder):
    """{relative path: bytes} of every file under folder (symlinks followed)."""
    files = {}
    for root, _, names in os.walk(os.path.realpath(folder)):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, os.path.realpath(folder))] = f.read()
    return files


def outputs(out):
    """The outputs a run's bytes are compared on: metrics.csv without its train_seconds column (a
    timing), predictions.csv and every file of models/."""
    with open(os.path.join(out, "metrics.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    # train_seconds comes before the only columns that may hold quoted commas (message, warning).
    at = lines[0].split(",").index("train_seconds")
    metrics = [line.split(",", at + 1) for line in lines]
    metrics = [",".join(cells[:at] + cells[at + 1:]) for cells in metrics]
    with open(os.path.join(out, "predictions.csv"), "rb") as f:
        predictions = f.read()
    return {"metrics": metrics, "predictions": predictions,
            "models": folder_files(os.path.join(out, "models"))}


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """A table from `groupfit gen`: 3,000 rows, 6 regions, missing regions and targets."""
    path = tmp_path_factory.mktemp("gen") / "data.csv"
    run_cli("gen", "--rows", 3000, "--groups", 6, "--seed", 7, "--out", path)
    return path

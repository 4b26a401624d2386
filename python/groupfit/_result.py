"""TrainResult: a training run's outputs as pandas objects, over the folder the run wrote.

The engine writes the CLI's output folder (metrics.csv, predictions.csv, run.json, models/) —
into ``out`` when given, else into a temporary folder that lives as long as the result — and
this reads it back: the tables as DataFrames, the models on access. So the module's outputs are
the CLI's bytes, and ``save`` copies them as they are.
"""

import json
import math
import os
import shutil
import tempfile
import weakref
from collections.abc import Mapping

import pandas as pd

from . import _groupfit
from ._frame import value_text


def read_table(path, text_columns=()):
    """A CSV output as a DataFrame: empty cells missing, any other text (even "NA") as it is."""
    return pd.read_csv(
        path,
        keep_default_na=False,
        na_values=[""],
        dtype={name: str for name in text_columns},
    )


def group_key(group):
    """(missing, text) of a group as the engine names it: None and NaN are the missing group."""
    if group is None or (isinstance(group, float) and math.isnan(group)) or group is pd.NaT:
        return (True, "")
    if isinstance(group, str):
        return (False, group)
    return (False, value_text(group))


class Models(Mapping):
    """The run's models by group: ``models[group]`` loads an ``xgboost.Booster`` (once; needs the
    xgboost package). Groups are keyed by their value (``"north"``, ``3``) or the text in
    metrics.csv; None or NaN is the missing group. Groups without a model (skipped, failed) are
    not in it."""

    def __init__(self, folder):
        self._folder = folder
        with open(os.path.join(folder, "schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        self._files = {(g["missing"], g["group"]): g["file"] for g in schema["groups"]}
        self._loaded = {}

    def path(self, group):
        key = group_key(group)
        if key not in self._files:
            raise KeyError(group)
        return os.path.join(self._folder, self._files[key])

    def __getitem__(self, group):
        key = group_key(group)
        if key not in self._loaded:
            import xgboost

            self._loaded[key] = xgboost.Booster(model_file=self.path(group))
        return self._loaded[key]

    def __iter__(self):
        return (None if missing else text for missing, text in self._files)

    def __len__(self):
        return len(self._files)

    def __contains__(self, group):
        return group_key(group) in self._files


class TrainResult:
    """What ``groupfit.train`` returns.

    metrics      DataFrame, metrics.csv: one row per group (status ok, skipped or failed).
    predictions  DataFrame, predictions.csv: the rows without a target, indexed like the input,
                 so ``df.loc[r.predictions.index, "pred"] = r.predictions["prediction"]`` works.
    models       Models: ``models[group]`` is an ``xgboost.Booster``.
    tuning       DataFrame, tuning.csv (every group x candidate with its fold scores), or None
                 when the run did not tune (no ``search``).
    plan, timings  as in run.json ("plan", "timings"); ``run`` is the whole of run.json.
    report       counts: ok, skipped, failed, resumed, interrupted; read/train/wall seconds.
    out          the folder holding the outputs (a temporary one, removed with the result,
                 unless ``out`` was given).
    """

    def __init__(self, out, report, predictions, temporary):
        self.out = out
        self.report = report
        self._temporary = temporary
        if temporary:
            self._cleanup = weakref.finalize(self, shutil.rmtree, out, True)
        self.metrics = read_table(
            os.path.join(out, "metrics.csv"), ("group", "status", "message", "warning")
        )
        self.predictions = predictions
        tuning = os.path.join(out, "tuning.csv")
        self.tuning = (
            read_table(tuning, ("group", "best_iterations", "chosen")) if os.path.exists(tuning)
            else None
        )
        with open(os.path.join(out, "run.json"), encoding="utf-8") as f:
            self.run = json.load(f)
        self.plan = self.run.get("plan")
        self.timings = self.run.get("timings")
        self.models = Models(os.path.realpath(os.path.join(out, "models")))

    def model_bytes(self, group):
        """The JSON model of ``group`` as the run saved it (``xgboost.Booster().load_model``
        takes it as a bytearray)."""
        with open(self.models.path(group), "rb") as f:
            return f.read()

    def save(self, folder):
        """Writes the CLI's output folder (metrics.csv, predictions.csv, run.json, models/, laid
        out as ``groupfit train --out`` lays them out) into ``folder``, which must be new or
        empty. ``groupfit predict --models folder/models`` and ``groupfit.predict`` read it."""
        folder = os.fspath(folder)
        if os.path.exists(folder) and os.path.realpath(folder) == os.path.realpath(self.out):
            return
        if os.path.exists(folder) and (not os.path.isdir(folder) or os.listdir(folder)):
            raise _groupfit.OutputError(
                f"{folder}: not an empty folder: save() writes a new output folder "
                "(train(out=...) replaces an earlier run's)"
            )
        parent = os.path.dirname(os.path.abspath(folder))
        staging = tempfile.mkdtemp(prefix=".groupfit-save-", dir=parent)
        try:
            shutil.copytree(
                self.out,
                os.path.join(staging, "out"),
                symlinks=True,
                ignore=shutil.ignore_patterns(".lock", "checkpoint*.gfc"),
            )
            if os.path.isdir(folder):
                os.rmdir(folder)
            os.rename(os.path.join(staging, "out"), folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def __repr__(self):
        r = self.report
        return (
            f"<TrainResult: {r['ok']} ok, {r['skipped']} skipped, {r['failed']} failed; "
            f"{len(self.predictions)} predictions; {self.out}>"
        )

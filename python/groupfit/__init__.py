"""groupfit: one XGBoost model per group of a table, from pandas.

    import pandas as pd, groupfit
    df = pd.read_csv("data.csv")
    r = groupfit.train(df, group="Region", target="IBD", id="SamplingOperations_code")
    print(r.metrics)
    df.loc[r.predictions.index, "IBD_pred"] = r.predictions["prediction"]

The same engine as the ``groupfit`` program, with the same options and byte-identical outputs
(``r.save(folder)`` writes the CLI's output folder). The DataFrame's columns are read in place
where their dtype allows; training runs with the GIL released (other Python threads keep
running); Ctrl-C stops the run within about a second and raises KeyboardInterrupt, leaving no
worker behind; worker processes (executor="processes") are a program shipped beside this module,
never a fork of the interpreter. Bad input or options raise groupfit.InputError (a ValueError)
with the CLI's one-line message.
"""

import os
import shutil
import tempfile
import warnings

import pandas as pd

from . import _groupfit
from ._frame import table_from_frame
from ._progress import Progress, ProgressReporter
from ._reading import read_parquet
from ._result import Models, TrainResult, read_table

Error = _groupfit.Error
InputError = _groupfit.InputError
OutputError = _groupfit.OutputError
__version__ = _groupfit.__version__

__all__ = [
    "train",
    "predict",
    "read_parquet",
    "TrainResult",
    "Models",
    "Progress",
    "GroupfitWarning",
    "Error",
    "InputError",
    "OutputError",
]


class GroupfitWarning(UserWarning):
    """What the CLI prints as ``groupfit: warning: ...``."""


def _warn(message):
    # 1: here; 2: groupfit.train or predict (the engine calls this in between); 3: the caller.
    warnings.warn(message, GroupfitWarning, stacklevel=3)


def worker_executable():
    """The program worker processes run: $GROUPFIT_WORKER, the groupfit-worker shipped beside
    this module, or a ``groupfit`` program on PATH."""
    given = os.environ.get("GROUPFIT_WORKER")
    if given:
        return given
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)), "groupfit-worker")
    if os.access(beside, os.X_OK):
        return beside
    return shutil.which("groupfit") or beside


def _param_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _search_entries(search):
    """--search's "name=v1,v2" strings from {"name": [values]} (or such strings already)."""
    if search is None:
        return []
    if hasattr(search, "items"):
        entries = []
        for name, values in search.items():
            if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
                values = [values]
            entries.append(f"{name}=" + ",".join(_param_text(v) for v in values))
        return entries
    return [str(e) for e in search]


def _param_pairs(params):
    if params is None:
        return []
    items = params.items() if hasattr(params, "items") else params
    pairs = []
    for item in items:
        if isinstance(item, str):  # "name=value", as --param takes it
            name, sep, value = item.partition("=")
            if not sep or not name:
                raise InputError(f"a parameter must be name=value, got {item!r}")
            pairs.append((name, value))
        else:
            name, value = item
            pairs.append((str(name), _param_text(value)))
    return pairs


def _names(value):
    if value is None:
        return None
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _is_path(data):
    return isinstance(data, (str, os.PathLike))


def _columns_used(frame, options):
    """Which columns of ``frame`` the run reads: its roles, then features or all (dropped ones
    too: the engine checks they exist). All columns when a named one is absent, so the engine's
    message can suggest the closest."""
    roles = {options[k] for k in ("group", "target", "id", "weight") if options.get(k)}
    labels = {str(c) for c in frame.columns}
    named = roles | set(options.get("features") or ()) | set(options.get("drop") or ())
    named |= set(options.get("categorical") or ())
    if not named <= labels:
        return None
    if options.get("features"):
        return named
    return labels


def _read_parquet_fallback(path, error):
    """A Parquet file the engine cannot read itself, read by pandas when it can."""
    if "looks like Parquet" not in str(error):
        return None
    try:
        return pd.read_parquet(path)
    except ImportError:
        return None


def _prediction_frame(path, frame, rows, text_columns):
    """predictions.csv, indexed like the input; with a DataFrame input, its id and group columns
    hold the input's own values (the CSV holds their text)."""
    table = read_table(path, text_columns)
    if frame is not None:
        for name, source in text_columns.items():
            if source is not None and source in frame.columns:
                table[name] = frame[source].iloc[rows].to_numpy()
        table.index = frame.index[rows]
    else:
        table.index = pd.Index(rows)
    return table


def train(
    data,
    group,
    target,
    *,
    id=None,
    features=None,
    drop=None,
    categorical=None,
    weight=None,
    params=None,
    fallback="none",
    search=None,
    search_trials=0,
    cv=3,
    executor="auto",
    workers=None,
    threads_per_model=None,
    valid_fraction=0.2,
    seed=0,
    min_rows=20,
    early_stopping_rounds=100,
    max_categories=1024,
    date_parts=False,
    group_timeout=None,
    worker_memory_limit=None,
    out=None,
    resume=False,
    progress=None,
):
    """Trains one model per group of ``data`` and returns a TrainResult.

    data        a pandas DataFrame, or the path of a CSV file (plain, gzip or zstd) the engine
                reads itself, as the CLI does
    group, target, id, weight   column names (--group, --target, --id, --weight)
    features, drop, categorical  lists of column names (--features, --drop, --categorical)
    params      model parameters by XGBoost or CatBoost name: {"iterations": 2000,
                "loss_function": "RMSE", "depth": 7} (or "name=value" strings, as --param)
    fallback    "none", or "global": a pooled model predicts for the groups skipped or failed
                (their metrics row says "fallback"), as --fallback
    search      per-group tuning, as --search: {"max_depth": [4, 6, 8], "learning_rate": [0.03,
                0.1]} (or "name=v1,v2" strings); cv folds (3) and search_trials (0: the whole
                grid) as --cv and --search-trials; the result's ``tuning`` is tuning.csv
    executor    "auto", "sequential", "threads" or "processes"; workers, threads_per_model as
                --workers and --threads-per-model
    valid_fraction, seed, min_rows, early_stopping_rounds, max_categories, date_parts,
    group_timeout (seconds), worker_memory_limit (bytes): as the CLI's flags
    out         a folder to write the CLI's outputs into, with a checkpoint as groups finish;
                ``resume=True`` continues an interrupted run there (same data and options)
    progress    None or True: a tqdm bar when tqdm is installed; False: none; or a callable
                taking a groupfit.Progress

    Raises InputError (a ValueError) for bad input, options or parameters, OutputError (an
    OSError) when ``out`` cannot be written, TypeError for a column dtype groupfit cannot take,
    and KeyboardInterrupt on Ctrl-C (with ``out``, the finished groups are kept for resume).
    A group that fails is not an error: its row in ``metrics`` says why, and a warning counts
    them.
    """
    options = {
        "group": group,
        "target": target,
        "id": id,
        "weight": weight,
        "features": _names(features),
        "drop": _names(drop),
        "categorical": _names(categorical),
        "max_categories": max_categories,
        "date_parts": date_parts,
        "valid_fraction": valid_fraction,
        "seed": seed,
        "min_rows": min_rows,
        "early_stopping_rounds": early_stopping_rounds,
        "params": _param_pairs(params),
        "fallback": fallback,
        "search": _search_entries(search),
        "search_trials": search_trials,
        "cv": cv,
        "executor": executor,
        "workers": workers,
        "threads_per_model": threads_per_model,
        "group_timeout": group_timeout,
        "worker_memory_limit": worker_memory_limit,
        "worker_executable": worker_executable(),
        "resume": resume,
    }
    for name in ("workers", "threads_per_model", "min_rows", "max_categories"):
        if options[name] is not None and options[name] < 0:
            raise InputError(f"{name} must not be negative, got {options[name]}")
    frame = None if _is_path(data) else data
    if frame is not None and not isinstance(frame, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame or a path, not {type(data).__name__}")
    temporary = out is None
    options["out"] = tempfile.mkdtemp(prefix="groupfit-") if temporary else os.fspath(out)
    reporter = ProgressReporter(progress)
    try:
        if frame is None:
            try:
                report = _groupfit.train(os.fspath(data), options, _warn, reporter)
            except InputError as e:
                frame = _read_parquet_fallback(os.fspath(data), e)
                if frame is None:
                    raise
        if frame is not None:
            dropped = set(options["drop"] or ()) - {group, target, id, weight}
            table, skipped = table_from_frame(
                frame, _columns_used(frame, options), dropped, fingerprint=not temporary
            )
            # A dropped column of a dtype groupfit cannot take is not handed over at all.
            options["drop"] = [d for d in options["drop"] or () if d not in skipped]
            report = _groupfit.train(table, options, _warn, reporter)
    except BaseException:
        reporter.close()
        if temporary:
            shutil.rmtree(options["out"], ignore_errors=True)
        raise
    reporter.close()
    if report["failed"]:
        _warn(f"{report['failed']} groups failed: see the status and message columns of metrics")
    rows = report["prediction_rows"].astype("int64")
    # Output column -> input column whose values it holds (the id's, the group's).
    sources = {id: id, "group": group} if id else {"group": group}
    predictions = _prediction_frame(
        os.path.join(options["out"], "predictions.csv"), frame, rows, sources
    )
    return TrainResult(options["out"], report, predictions, temporary)


def _models_folder(models):
    if isinstance(models, TrainResult):
        return os.path.join(models.out, "models")
    folder = os.fspath(models)
    if not os.path.exists(os.path.join(folder, "schema.json")) and os.path.exists(
        os.path.join(folder, "models", "schema.json")
    ):
        return os.path.join(folder, "models")
    return folder


def predict(data, models, *, keep=None):
    """Predictions of a training run's models for the rows of ``data`` (a DataFrame or a CSV
    path): a DataFrame indexed like ``data`` with the columns of ``groupfit predict``'s output —
    the id (or ``row``, counting from 1), ``group``, the ``keep`` columns and the prediction
    columns; a row whose group has no model has empty predictions (NaN). ``models`` is a
    TrainResult or a folder written by either interface (the ``--out`` folder or its models/).
    """
    folder = _models_folder(models)
    keep = _names(keep) or []
    try:
        with open(os.path.join(folder, "schema.json"), encoding="utf-8") as f:
            import json

            schema = json.load(f)
    except OSError as e:
        raise InputError(f"{folder}: not a groupfit models folder ({e.strerror})") from None
    id_column = schema.get("id_column") or None
    group_column = schema["group_column"]
    frame = None if _is_path(data) else data
    if frame is not None and not isinstance(frame, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame or a path, not {type(data).__name__}")
    scratch = tempfile.mkdtemp(prefix="groupfit-predict-")
    try:
        output = os.path.join(scratch, "predictions.csv")
        if frame is None:
            _groupfit.predict(os.fspath(data), folder, output, keep, _warn)
        else:
            needed = {group_column, *keep}
            if id_column:
                needed.add(id_column)
            for feature in schema["features"]:
                needed.add(feature.get("column") or feature["name"])
            labels = {str(c) for c in frame.columns}
            table, _ = table_from_frame(frame, needed if needed <= labels else None)
            _groupfit.predict(table, folder, output, keep, _warn)
        first = id_column if id_column and (frame is None or id_column in frame.columns) else "row"
        text = {"group": group_column, **{k: k for k in keep}}
        if first != "row":
            text[first] = first
        table = read_table(output, text)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if frame is not None:
        for name, source in text.items():
            if source in frame.columns:
                table[name] = frame[source].to_numpy()
        table.index = frame.index
    return table

"""DataFrame columns as the engine's in-memory input (include/groupfit/input_table.hpp).

Each column is handed over as numpy arrays the engine reads in place, with the GIL released:
numeric numpy columns (float64, float32, int64, int32, bool) as they are; pandas' nullable
Int64/Float64/boolean through their values and masks; Categorical through its codes and
categories; object and string columns as codes and distinct values from ``pandas.factorize``;
datetime64 as int64 nanoseconds, which become the date features a CSV file's ISO 8601 dates
give. Copies are made only where a dtype has no layout of its own in the engine (small integers
widened to int64, float16 to float32). Anything else is a TypeError naming the column and dtype.
"""

import hashlib
import math

import numpy as np
import pandas as pd

from . import _groupfit

_SUPPORTED = (
    "numbers (float64, float32, int64, int32 and smaller integers), bool, pandas' nullable "
    "Int/Float/boolean, datetime64, Categorical, or text (object/string columns of str)"
)


def value_text(value):
    """A value as the engine writes it: what the CSV reader would have read for it."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, pd.Timestamp):
        if value.tzinfo is not None:
            value = value.tz_convert("UTC").tz_localize(None)
        if value == value.normalize():
            return value.strftime("%Y-%m-%d")
        return value.isoformat()
    return str(value)


def _type_error(name, dtype, why=""):
    return TypeError(
        f"column {name!r} has dtype {dtype}{why}: groupfit takes {_SUPPORTED}"
    )


def _factorize(values):
    try:
        return pd.factorize(values, use_na_sentinel=True)
    except TypeError:  # pandas < 1.5
        return pd.factorize(values, na_sentinel=-1)


def _text_column(name, series):
    codes, uniques = _factorize(series)
    categories = list(uniques)
    for value in categories:
        if type(value) is not str:
            if isinstance(value, str):
                continue
            raise _type_error(
                name, series.dtype, f" and holds a {type(value).__name__} ({value!r}), not text"
            )
    return (name, "text", np.ascontiguousarray(codes), None, categories)


def _integers(name, dtype, values):
    if values.dtype in (np.int64, np.int32):
        return values
    if values.dtype == np.uint64 and values.size and values.max() > np.iinfo(np.int64).max:
        raise _type_error(name, dtype, " with values past int64")
    return values.astype(np.int64)


def _numpy_column(name, series):
    dtype = series.dtype
    values = series.to_numpy()
    if dtype.kind == "b":
        return (name, "bool", np.ascontiguousarray(values), None, None)
    if dtype.kind in "iu":
        values = np.ascontiguousarray(_integers(name, dtype, values))
        return (name, "int64" if values.dtype == np.int64 else "int32", values, None, None)
    if dtype.kind == "f":
        if dtype not in (np.float64, np.float32):
            values = values.astype(np.float64 if dtype.itemsize > 8 else np.float32)
        kind = "float64" if values.dtype == np.float64 else "float32"
        return (name, kind, np.ascontiguousarray(values), None, None)
    if dtype.kind == "M":
        if values.dtype != np.dtype("datetime64[ns]"):
            values = values.astype("datetime64[ns]")
        return (name, "timestamp", np.ascontiguousarray(values).view(np.int64), None, None)
    if dtype.kind in "OSU":
        return _text_column(name, series)
    raise _type_error(name, dtype)


def _masked_column(name, series):
    """pandas' nullable Int*, UInt*, Float* and boolean: values and mask, as they are."""
    array = series.array
    values, mask = array._data, array._mask  # pandas' own layout (BaseMaskedArray)
    dtype = series.dtype
    if values.dtype.kind == "b":
        kind = "bool"
    elif values.dtype.kind in "iu":
        values = _integers(name, dtype, values)
        kind = "int64" if values.dtype == np.int64 else "int32"
    else:
        if values.dtype not in (np.float64, np.float32):
            values = values.astype(np.float64)
        kind = "float64" if values.dtype == np.float64 else "float32"
    return (name, kind, np.ascontiguousarray(values), np.ascontiguousarray(mask), None)


def column_spec(name, series):
    """One column as (name, kind, values, missing, categories) for _groupfit.Table."""
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        categories = dtype.categories
        if categories.dtype.kind in "OSU" and all(type(c) is str for c in categories):
            texts = list(categories)
        else:  # numbers or dates as categories: their text, as a CSV file would hold them
            texts = [value_text(c) for c in categories]
        codes = np.ascontiguousarray(series.cat.codes.to_numpy())
        return (name, "text", codes, None, texts)
    if isinstance(dtype, pd.DatetimeTZDtype):
        utc = series.dt.tz_convert("UTC").dt.tz_localize(None)
        return _numpy_column(name, utc)
    if isinstance(dtype, pd.StringDtype):
        return _text_column(name, series)
    if isinstance(series.array, pd.arrays.BooleanArray) or isinstance(
        series.array, (pd.arrays.IntegerArray, pd.arrays.FloatingArray)
    ):
        return _masked_column(name, series)
    if isinstance(dtype, np.dtype):
        return _numpy_column(name, series)
    raise _type_error(name, dtype)


def _fingerprint(rows, specs):
    """A hash of the values handed over: what --resume compares instead of a file's mtime."""
    h = hashlib.sha256(str(rows).encode())
    for name, kind, values, missing, categories in specs:
        h.update(f"\0{name}\0{kind}\0".encode())
        h.update(memoryview(values).cast("B"))
        if missing is not None:
            h.update(memoryview(missing.view(np.uint8)).cast("B"))
        if categories is not None:
            h.update("\0".join(categories).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def table_from_frame(frame, names=None, skippable=(), fingerprint=False):
    """The DataFrame's columns (those in ``names``, when given) as a _groupfit.Table, and the
    names in ``skippable`` left out because their dtype is one groupfit cannot take (columns to
    drop need not be convertible)."""
    specs = []
    skipped = []
    for position, label in enumerate(frame.columns):
        if not isinstance(label, str):
            if isinstance(label, tuple):
                raise TypeError(
                    f"column {label!r}: groupfit needs one level of column names (flatten a "
                    "MultiIndex first)"
                )
            label_text = str(label)
        else:
            label_text = label
        if names is not None and label_text not in names:
            continue
        try:
            specs.append(column_spec(label_text, frame.iloc[:, position]))
        except TypeError:
            if label_text not in skippable:
                raise
            skipped.append(label_text)
    rows = len(frame)
    table = _groupfit.Table(rows, specs, _fingerprint(rows, specs) if fingerprint else "")
    return table, skipped

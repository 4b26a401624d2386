"""groupfit.read_parquet: a Parquet (or CSV) file into a DataFrame with the engine's own reader.

pandas reads Parquet only through pyarrow or fastparquet, and Debian 12 packages neither; the
engine reads Parquet anyway (it trains on it). Reading through it also gives the DataFrame the
exact values and types a run on the file sees, so ``train(read_parquet(p), ...)`` and
``train(p, ...)`` give the same bytes. Columns come over as numpy arrays that own the engine's
buffers (no copy); text columns become pandas Categoricals (the file's dictionary, as codes:
``.astype(str)`` for plain strings), whole-number columns with missing values pandas' nullable
``Int64`` (``boolean`` for booleans), dates naive ``datetime64[ns]`` in UTC.
"""

import warnings

import numpy as np
import pandas as pd

from . import _groupfit


def _series(column):
    values, missing = column["values"], column["missing"].astype(bool)
    kind = column["type"]
    if kind == "text":
        return pd.Categorical.from_codes(values, categories=pd.Index(column["categories"], dtype=object))
    if kind == "timestamp":
        stamps = values.copy() if missing.any() else values
        stamps[missing] = np.iinfo(np.int64).min  # NaT
        return stamps.view("datetime64[ns]")
    if kind == "bool":
        flags = values.astype(bool)
        return pd.arrays.BooleanArray(flags, missing) if missing.any() else flags
    if kind == "int64":
        return pd.arrays.IntegerArray(values, missing) if missing.any() else values
    return values  # float64, NaN where missing


def read_parquet(path, columns=None):
    """The table in ``path`` (Parquet, or CSV plain, gzip or zstd) as a DataFrame, read as
    ``groupfit.train`` reads it. ``columns``: only these, in this order (from Parquet, only these
    are decoded). Raises groupfit.InputError for a file it cannot read or a column it lacks;
    the reader's notes (decimal commas, say) are GroupfitWarnings."""
    from . import GroupfitWarning

    def warn(message):
        warnings.warn(message, GroupfitWarning, stacklevel=3)

    if isinstance(columns, str):
        columns = [columns]
    loaded = _groupfit.load(str(path), list(columns or []), warn)
    return pd.DataFrame({c["name"]: _series(c) for c in loaded}, copy=False)

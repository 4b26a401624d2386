"""groupfit.read_parquet: a Parquet file (written by DuckDB, an independent writer) or a CSV file
read into a DataFrame by the engine's reader, with the types a run sees; training on that
DataFrame gives the CLI's bytes for the file. Debian 12's pandas cannot read Parquet itself."""

import os
import subprocess

import numpy as np
import pandas as pd
import pytest

import groupfit
from conftest import outputs, run_cli

NODE = os.environ.get("GROUPFIT_NODE", "")
NPM = os.environ.get("GROUPFIT_NPM_DIR", "")
WRITER = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "table", "parquet_writers",
                      "write_parquet.mjs")

# A messy table as real files hold it: a missing group, whole numbers with gaps, booleans with
# gaps, dates, text with gaps, unlabeled rows.
MESSY_CSV = "\n".join(
    ["site,visits,open,day,kind,y"]
    + [f"{['north', 'south', '', 'east'][i % 4]},{'' if i % 7 == 0 else i % 13},"
       f"{'' if i % 11 == 0 else ('true' if i % 3 else 'false')},"
       f"2024-{1 + i % 12:02d}-{1 + i % 28:02d},{'' if i % 5 == 0 else 'abc'[i % 3]},"
       f"{'' if i % 9 == 0 else round((i % 13) * 0.7 + (i % 3), 3)}"
       for i in range(400)]) + "\n"


def to_parquet(csv, out):
    """The CSV as Parquet, written by DuckDB through the npm test writers (make test installs
    them); DuckDB infers the types: BIGINT, BOOLEAN, DATE, VARCHAR with NULLs."""
    if not NODE or not os.path.exists(os.path.join(NPM, "@duckdb")):
        pytest.fail("Node.js or the npm test writers are missing: run `make test`")
    spec = out.with_suffix(".json")
    spec.write_text(f'[{{"writer": "duckdb", "from_csv": "{csv}", "out": "{out}", "options": {{}}}}]')
    subprocess.run([NODE, WRITER, str(spec), NPM], check=True)


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("messy")
    csv = folder / "messy.csv"
    csv.write_text(MESSY_CSV)
    parquet = folder / "messy.parquet"
    to_parquet(csv, parquet)
    return csv, parquet


def test_types_and_missing_values(messy):
    csv, parquet = messy
    for path in (csv, parquet):
        df = groupfit.read_parquet(path)
        assert list(df.columns) == ["site", "visits", "open", "day", "kind", "y"], path
        assert len(df) == 400
        assert str(df["visits"].dtype) == "Int64" and df["visits"].isna().sum() == 58
        assert str(df["open"].dtype) == "boolean" and df["open"].isna().sum() == 37
        assert df["day"].dtype == np.dtype("datetime64[ns]")
        assert df["day"].iloc[13] == pd.Timestamp("2024-02-14")
        assert df["kind"].dtype == "category" and df["kind"].isna().sum() == 80
        assert df["site"].isna().sum() == 100  # the empty group value is missing
        assert df["y"].dtype == np.float64 and df["y"].isna().sum() == 45
    pd.testing.assert_frame_equal(groupfit.read_parquet(csv), groupfit.read_parquet(parquet),
                                  check_categorical=False)


def test_columns_are_chosen_in_order_and_unknown_ones_named(messy):
    _, parquet = messy
    df = groupfit.read_parquet(parquet, columns=["y", "site"])
    assert list(df.columns) == ["y", "site"]
    with pytest.raises(groupfit.InputError, match="'sites'.*site"):
        groupfit.read_parquet(parquet, columns=["sites"])
    with pytest.raises(groupfit.InputError, match="twice"):
        groupfit.read_parquet(parquet, columns=["y", "y"])
    with pytest.raises(groupfit.InputError):
        groupfit.read_parquet(parquet.with_name("absent.parquet"))


def test_training_on_what_it_read_gives_the_cli_bytes_for_the_file(messy, tmp_path):
    csv, parquet = messy
    flags = ["--group", "site", "--target", "y", "--min-rows", 10, "--param", "iterations=30",
             "--executor", "threads", "--workers", 2, "--quiet"]
    run_cli("train", parquet, "--out", tmp_path / "cli", *flags)
    expected = outputs(tmp_path / "cli")
    df = groupfit.read_parquet(parquet)
    groupfit.train(df, "site", "y", min_rows=10, params={"iterations": 30}, executor="threads",
                   workers=2, out=tmp_path / "module", progress=False)
    got = outputs(tmp_path / "module")
    assert got == expected

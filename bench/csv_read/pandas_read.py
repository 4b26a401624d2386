#!/usr/bin/python3
"""The pandas side of bench/csv_read/run.sh: reads a CSV with pandas.read_csv, default options
(the C parser, one thread, types inferred), as an analyst would, and prints its row count so the
script can check that both readers saw the same table."""
import sys

import pandas as pd


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: pandas_read.py FILE.csv")
    print(len(pd.read_csv(sys.argv[1])))


if __name__ == "__main__":
    main()

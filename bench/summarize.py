#!/usr/bin/env python3
"""Summarizes measurement lines into a Markdown table of medians (and min-max of wall time).

Input (stdin or a file): lines "LABEL<TAB>{json from measure.py}". Output: one row per label in
first-seen order: runs, median wall seconds (min-max), median CPU seconds, median peak PSS MB.
"""
import json
import statistics
import sys


def main():
    source = open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin
    runs = {}
    for line in source:
        if "\t" not in line:
            continue
        label, data = line.rstrip("\n").split("\t", 1)
        runs.setdefault(label, []).append(json.loads(data))
    print("| configuration | runs | wall s, median (min–max) | CPU s | peak memory MB (PSS) |")
    print("|---|---|---|---|---|")
    for label, rs in runs.items():
        wall = [r["wall_seconds"] for r in rs]
        bad = sum(1 for r in rs if r["exit_status"] != 0)
        note = f" ({bad} failed)" if bad else ""
        print(f"| {label}{note} | {len(rs)} | {statistics.median(wall):.2f} "
              f"({min(wall):.2f}–{max(wall):.2f}) | "
              f"{statistics.median(r['cpu_seconds'] for r in rs):.2f} | "
              f"{statistics.median(r['peak_pss_mb'] for r in rs):.0f} |")


if __name__ == "__main__":
    main()

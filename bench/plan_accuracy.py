#!/usr/bin/env python3
"""How well an `--executor auto` run's plan held: reads OUT/run.json files and prints, for each,
the expected makespan (every round), the same redone with the rounds each group trained (early
stopping), the measured makespan (last group's end), and the calibration's share of the run.
Usage: bench/plan_accuracy.py LABEL=OUT/run.json ...   (standard library only)"""
import json
import sys


def main(args):
    print("| table | expected | expected, rounds trained | measured | calibration | of the run |")
    print("|---|---|---|---|---|---|")
    for arg in args:
        label, path = arg.split("=", 1)
        with open(path) as f:
            run = json.load(f)
        plan, timings = run["plan"], run["timings"]
        measured = max(g["end_seconds"] for g in run["groups"])
        expected = plan["expected_makespan_seconds"]
        redone = plan.get("expected_makespan_for_rounds_trained_seconds", float("nan"))
        calibration = plan["calibration"]["seconds"]
        print(f"| {label} | {expected:.2f} s ({expected / measured:.2f}) "
              f"| {redone:.2f} s ({redone / measured:.2f}) | {measured:.2f} s "
              f"| {calibration:.3f} s | {100 * calibration / timings['wall_seconds']:.1f}% |")


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Runs one command and reports what it cost: wall seconds, CPU seconds (user + system, the
command and every descendant it waited for) and peak memory of the whole process tree.

Peak memory is sampled every 100 ms as the sum of PSS (proportional set size, from
/proc/PID/smaps_rollup) over the command and all its descendants. PSS rather than RSS because
worker processes map one shared matrix: RSS would count those pages once per worker, PSS splits
them among the processes that share them, so the sum is what the machine really holds.
A run shorter than the sampling period can be under-measured; our runs last seconds.

Prints one line of JSON: {"wall_seconds", "cpu_seconds", "peak_pss_mb", "exit_status"}.
Uses only the standard library, so any python3 runs it.
"""
import json
import os
import subprocess
import sys
import threading
import time


def children_of():
    """pid -> list of child pids, for every process on the machine."""
    tree = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree_pss_kb(root):
    tree = children_of()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(tree.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: measure.py COMMAND [ARGS...]")
    start = time.perf_counter()
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_kb(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    print(json.dumps({
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_pss_mb": round(peak[0] / 1024, 1),
        "exit_status": os.waitstatus_to_exitcode(status),
    }))


if __name__ == "__main__":
    main()

"""A good citizen of the interpreter: the GIL is released while the engine works, Ctrl-C raises
KeyboardInterrupt quickly and leaves no worker process behind, worker processes are the shipped
program (never a fork of the interpreter), errors are Python exceptions with the CLI's message."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pandas as pd
import pytest

import groupfit
from conftest import BINARY, outputs, run_cli


def slow_table(rows=40000, groups=4, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 8))
    frame = pd.DataFrame(x, columns=[f"x{i}" for i in range(8)])
    frame["g"] = rng.integers(0, groups, rows).astype(str).astype(object)
    frame["y"] = x @ rng.normal(size=8) + rng.normal(size=rows)
    return frame


def test_other_python_threads_keep_running_while_it_trains():
    frame = slow_table()
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.monotonic())
            sum(range(2000))  # Python work, which needs the GIL

    thread = threading.Thread(target=tick)
    thread.start()
    start = time.monotonic()
    try:
        groupfit.train(frame, "g", "y", params={"iterations": 150, "max_depth": 6},
                       executor="threads", workers=1, early_stopping_rounds=1000, progress=False)
    finally:
        end = time.monotonic()
        done.set()
        thread.join()
    during = [t for t in ticks if start <= t <= end]
    assert end - start > 0.5, "the run is too short to tell"
    gaps = np.diff([start, *during, end])
    assert gaps.max() < 0.25, f"the ticking thread stalled {gaps.max():.2f} s of {end - start:.2f} s"


CHILD = textwrap.dedent("""
    import os, sys, time
    import numpy as np, pandas as pd
    import groupfit
    sys.path.insert(0, {tests!r})
    from test_interpreter import slow_table

    def children():
        mine = []
        for pid in os.listdir("/proc"):
            try:
                with open(f"/proc/{{pid}}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if pid.isdigit() and int(fields[1]) == os.getpid() and fields[0] != "Z":
                mine.append(int(pid))
        return mine

    seen = set()
    def progress(p):
        seen.update(children())
    frame = slow_table(rows=200000, groups=8)
    print("ready", flush=True)
    try:
        groupfit.train(frame, "g", "y", params={{"iterations": 100000}}, executor={executor!r},
                       workers=2, early_stopping_rounds=100000, progress=progress)
        print("finished")
    except KeyboardInterrupt:
        print("interrupted", time.monotonic(), flush=True)
        print("children", len(children()), flush=True)
""")


@pytest.mark.parametrize("executor", ["threads", "processes"])
def test_ctrl_c_raises_keyboard_interrupt_within_a_second_and_leaves_no_worker(executor):
    script = CHILD.format(tests=os.path.dirname(__file__), executor=executor)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env=os.environ)
    assert child.stdout.readline().strip() == "ready"
    time.sleep(3)  # reading, planning and the first rounds
    if executor == "processes":
        workers = [p for p in os.listdir("/proc") if p.isdigit() and _parent(p) == child.pid]
        assert workers, "no worker process was started"
        for pid in workers:
            assert os.path.basename(os.readlink(f"/proc/{pid}/exe")) != os.path.basename(
                os.readlink(f"/proc/{child.pid}/exe")), "a worker is the interpreter"
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=30)
    lines = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    assert "interrupted" in lines, out
    assert float(lines["interrupted"]) - sent < 1.0
    assert lines["children"] == "0"


def _parent(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError):
        return None


def test_processes_executor_gives_the_threads_bytes(generated, tmp_path):
    frame = pd.read_csv(generated)
    for executor in ("threads", "processes"):
        groupfit.train(frame, "Region", "IBD", params={"iterations": 30}, executor=executor,
                       workers=2, out=tmp_path / executor, progress=False)
    assert outputs(tmp_path / "processes") == outputs(tmp_path / "threads")


def cli_error(*args):
    result = run_cli(*args, check=False)
    assert result.returncode == 2
    return result.stderr.strip().removeprefix("groupfit: error: ")


@pytest.mark.parametrize(
    "kwargs, flags",
    [({"group": "Regoin"}, {"--group": "Regoin"}),
     ({"params": {"depth": -1}}, {"--param": "depth=-1"}),
     ({"valid_fraction": 1.5}, {"--valid-fraction": "1.5"})])
def test_errors_are_value_errors_with_the_cli_message(generated, tmp_path, kwargs, flags):
    args = {"group": "Region", "target": "IBD", **kwargs}
    cli_flags = {"--group": "Region", "--target": "IBD", "--out": tmp_path / "cli", **flags}
    expected = cli_error("train", generated, *[x for kv in cli_flags.items() for x in kv])
    with pytest.raises(ValueError) as error:
        groupfit.train(pd.read_csv(generated), args.pop("group"), args.pop("target"),
                       progress=False, **args)
    assert isinstance(error.value, groupfit.InputError)
    assert str(error.value) == expected.replace(str(generated), "<DataFrame>")


def test_a_dtype_it_cannot_take_is_a_type_error_naming_column_and_dtype():
    frame = slow_table(rows=100)
    frame["z"] = frame["x0"] + 1j
    with pytest.raises(TypeError, match="column 'z' has dtype complex128"):
        groupfit.train(frame, "g", "y", progress=False)
    frame = slow_table(rows=100)
    frame["z"] = [1, "a"] * 50
    with pytest.raises(TypeError, match="column 'z' has dtype object and holds a int"):
        groupfit.train(frame, "g", "y", progress=False)
    # Unless it is not used.
    groupfit.train(frame, "g", "y", drop=["z"], params={"iterations": 5}, progress=False)


def test_progress_reaches_a_callable_and_a_tqdm_bar(capsys):
    frame = slow_table(rows=2000, groups=5)
    seen = []
    groupfit.train(frame, "g", "y", params={"iterations": 20}, progress=seen.append)
    assert seen and seen[-1].done == seen[-1].total == 5
    pytest.importorskip("tqdm")
    groupfit.train(frame, "g", "y", params={"iterations": 20}, progress=True)
    assert "5/5" in capsys.readouterr().err

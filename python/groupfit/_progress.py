"""Progress of a training run as a tqdm bar, a callable of the user's, or nothing.

The engine reports progress to the C++ binding, which hands it on from the calling Python thread
(never from the engine's own), so these run like any Python code.
"""

from collections import namedtuple

Progress = namedtuple("Progress", "done failed total elapsed_seconds eta_seconds")
Progress.__doc__ = "Groups finished (ok or failed) of `total` to train, seconds so far and to go."


class ProgressReporter:
    """``progress``: None (a tqdm bar when tqdm is installed), True (the same), False (nothing),
    or a callable taking a Progress."""

    def __init__(self, progress):
        self._callback = progress if callable(progress) else None
        self._bar_wanted = progress is None or progress is True
        self._bar = None

    def __call__(self, done, failed, total, elapsed_seconds, eta_seconds):
        if self._callback is not None:
            self._callback(Progress(done, failed, total, elapsed_seconds, eta_seconds))
            return
        if not self._bar_wanted:
            return
        if self._bar is None:
            try:
                from tqdm.auto import tqdm
            except ImportError:
                self._bar_wanted = False
                return
            self._bar = tqdm(total=total, unit="group", desc="groupfit", leave=True)
        self._bar.total = total
        self._bar.n = done
        if failed:
            self._bar.set_postfix(failed=failed, refresh=False)
        self._bar.refresh()

    def close(self):
        if self._bar is not None:
            self._bar.close()
            self._bar = None

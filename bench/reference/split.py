"""The train/validation split rule of groupfit (src/plan/split.hpp), in Python.

rng = SplitMix64(seed ^ fnv1a(key)); Fisher-Yates over the group's labeled rows in table order;
the first round(n * fraction) rows (at least 1, at most n - 1; halves round away from zero) are
validation, the rest train; both are returned in table order.
"""

MASK = (1 << 64) - 1


def fnv1a_key(text, missing):
    h = 1469598103934665603
    for byte in bytes([0 if missing else 1]) + (b"" if missing else text.encode("utf-8")):
        h ^= byte
        h = (h * 1099511628211) & MASK
    return h


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def split_rows(labeled, valid_fraction, seed, key_text, key_missing):
    rows = list(labeled)
    rng = SplitMix64(seed ^ fnv1a_key(key_text, key_missing))
    for i in range(len(rows), 1, -1):
        j = rng.next() % i
        rows[i - 1], rows[j] = rows[j], rows[i - 1]
    n = len(rows)
    n_valid = int(n * valid_fraction + 0.5)
    n_valid = min(max(n_valid, 1), n - 1 if n > 1 else 1)
    return sorted(rows[n_valid:]), sorted(rows[:n_valid])

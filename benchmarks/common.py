"""What the benchmarks share: running on one core."""
from __future__ import annotations

import os


def pin_to_one_core() -> None:
    """Run this process on the first CPU it may use (so ``taskset -c N`` picks the core)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

"""Real-clock runs that hold up on a loaded machine.

A real-clock example prints loop times rounded to 0.1 s. With every core busy,
a run can be late by a step (seen: `t=0.4` instead of `t=0.3` at load 8), so a
mismatch is run again *alone* (up to RETRIES times): every real-clock run holds a shared lock, and
the retry takes it exclusively, so no other run of this suite (in any
pytest-xdist worker) competes with it. The retry must match; the report lists
every retry, so a slow machine is visible, never hidden.

Our own lock, not `filelock`: that library has no shared (reader) locks.
"""

from __future__ import annotations

import fcntl
from contextlib import contextmanager

from verify.project import REPO

LOCK = REPO / ".cache" / "real-clock.lock"
# Retries of a mismatch, each alone. One was not always enough when the machine ran
# another whole test suite beside this one (a 0.04 s busy step on 3.10 came late twice).
RETRIES = 2
_held = False  # this process holds a slot already (a retry's run inside its exclusive slot)


@contextmanager
def slot(alone: bool = False):
    """Hold a shared slot for one run, or (alone) the whole machine's share of this suite."""
    global _held
    if _held:  # flock on a second descriptor would wait for our own lock
        yield
        return
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        _held = True
        try:
            yield
        finally:
            _held = False
            fcntl.flock(handle, fcntl.LOCK_UN)

"""Run an unmodified asyncio script on a virtual clock (loaded by the test harness only).

The harness puts this folder on PYTHONPATH, so Python imports this module at
start-up, before the snippet. It gives every selector event loop (however it
is made: `asyncio.run`, `Runner`, `new_event_loop`, `EventLoop`, a
`loop_factory`) a selector that never waits for a timer: when the loop would
sleep until its next timer and nothing else can happen meanwhile, the clock
jumps to that timer instead. So
`await asyncio.sleep(3600)` costs nothing, and `loop.time()`,
`time.monotonic()`, `time.perf_counter()` and `time.time()` advance by exactly
the time slept: a print like `t=1.0` is reproducible, and identical to a run
on the real clock.

The clock does not jump while something outside the loop could act: a thread
other than the loop's own, or a job running in a thread pool. Then the loop
waits for real, in short slices, and the clock advances by the real time
spent. That keeps `run_in_executor`, `to_thread`, `run_coroutine_threadsafe`
and `threading.Timer` examples correct, at real-time speed.

Not virtualised (a snippet that depends on them starts with `# Real clock`):
I/O that completes in real time while timers are pending (subprocesses,
sockets to other processes), `datetime.now()`, and busy-waiting on a clock.

looptime (PyPI) was considered: it installs only an old release on 3.9 and
fast-forwards timers while threads still run, which changes outputs.

No event-loop policy is involved: the policy API warns from Python 3.14 and
goes in 3.16. The loop finds its selector through `selectors.DefaultSelector`,
a public name it reads each time a loop is made, so replacing that one name is
the whole installation, and the loop keeps its own class (and repr).
"""

import atexit
import concurrent.futures.thread
import os
import selectors
import sys
import threading
import time
import warnings

_real_monotonic = time.monotonic
_real_sleep = time.sleep
_lock = threading.Lock()
_now = _real_monotonic()
_perf_offset = time.perf_counter() - _now
_wall_offset = time.time() - _now
_pending_jobs = 0
_skipped = 0.0  # seconds the clock jumped instead of waiting: what a real run would sleep
_real = 0.0  # seconds the clock advanced by real time (threads ran): the timeline rounds then


def _advance(seconds, skipped=False):
    global _now, _skipped, _real
    with _lock:
        _now += max(seconds, 0.0)
        if skipped:
            _skipped += max(seconds, 0.0)
        else:
            _real += max(seconds, 0.0)


def _monotonic():
    return _now


def _perf_counter():
    return _now + _perf_offset


def _time():
    return _now + _wall_offset


def _busy():
    """Could anything outside the event loop act while the loop waits?"""
    if _pending_jobs:
        return True
    me = threading.current_thread()
    pool_workers = concurrent.futures.thread._threads_queues
    # Idle pool workers are harmless; any other live thread may wake the loop.
    return any(t is not me and t not in pool_workers for t in threading.enumerate())


def _sleep(seconds):
    """time.sleep: when nothing else runs, blocking the only thread is just time passing."""
    if threading.current_thread() is threading.main_thread() and not _busy():
        _advance(seconds, skipped=True)
        return
    start = _real_monotonic()
    _real_sleep(seconds)
    if threading.current_thread() is threading.main_thread():
        _advance(_real_monotonic() - start)


_real_submit = concurrent.futures.ThreadPoolExecutor.submit
_real_invoke_callbacks = concurrent.futures.Future._invoke_callbacks


def _submit(self, fn, /, *args, **kwargs):
    global _pending_jobs
    with _lock:
        _pending_jobs += 1
    try:
        future = _real_submit(self, fn, *args, **kwargs)
    except BaseException:
        _job_finished()
        raise
    with _lock:
        # On a loaded machine the job can finish before submit() returns: then
        # its callbacks have run already and it is no longer pending.
        if getattr(future, "_virtual_clock_done", False):
            _pending_jobs -= 1
        else:
            future._virtual_clock_job = True
    return future


def _invoke_callbacks(self):
    # A job counts as pending until its done-callbacks have run: one of them is
    # asyncio's call_soon_threadsafe that wakes the loop with the result.
    global _pending_jobs
    _real_invoke_callbacks(self)
    with _lock:
        if getattr(self, "_virtual_clock_job", False):
            self._virtual_clock_job = False
            _pending_jobs -= 1
        else:
            self._virtual_clock_done = True


def _job_finished():
    global _pending_jobs
    with _lock:
        _pending_jobs -= 1


_RealDefaultSelector = selectors.DefaultSelector


class _VirtualSelector:
    """Wraps the loop's selector: the one place where the loop waits."""

    def __new__(cls):
        # Only asyncio's event loops get virtual waits; any other user of
        # DefaultSelector (multiprocessing's forkserver, pdb) waits for real.
        if sys._getframe(1).f_globals.get("__name__") != "asyncio.selector_events":
            return _RealDefaultSelector()
        return super().__new__(cls)

    def __init__(self):
        self._selector = _RealDefaultSelector()
        if _recorder is not None:  # a loop is being made: record its tasks from now on
            _recorder.start()

    def __getattr__(self, name):
        return getattr(self._selector, name)

    def select(self, timeout=None):
        # Ask "busy?" before polling: a thread that is gone by now has already
        # written its wake-up byte, so the poll below sees it.
        busy = timeout != 0 and _busy()
        events = self._selector.select(0)
        if events or timeout == 0:
            return events
        if busy:
            # Another thread is working: wait for real, a slice at a time.
            start = _real_monotonic()
            slice_ = 0.01 if timeout is None else min(timeout, 0.01)
            events = self._selector.select(slice_)
            _advance(_real_monotonic() - start)
            return events
        if timeout is None:
            # No timer at all: only I/O can wake the loop.
            start = _real_monotonic()
            events = self._selector.select(None)
            _advance(_real_monotonic() - start)
            return events
        _advance(timeout, skipped=True)  # nothing can happen before the next timer: jump
        return []


def _report():
    with open(os.environ["VIRTUAL_CLOCK_REPORT"], "w") as report:
        report.write(f"{_skipped:.3f}")


_recorder = None
if os.environ.get("TIMELINE_TRACE"):  # the harness asks for a timeline (tests/timeline.py)
    import timeline_recorder

    _recorder = timeline_recorder.install(_monotonic, lambda: _real)

if os.environ.get("VIRTUAL_CLOCK_REPORT"):  # `make bench` asks how much sleeping was skipped
    atexit.register(_report)

# Installing must not warn on any Python (the harness's own code stays clean of
# deprecations): any warning raised here is an error, on every snippet run.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    concurrent.futures.ThreadPoolExecutor.submit = _submit
    concurrent.futures.Future._invoke_callbacks = _invoke_callbacks
    time.monotonic = _monotonic
    time.perf_counter = _perf_counter
    time.time = _time
    time.sleep = _sleep
    selectors.DefaultSelector = _VirtualSelector

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
the whole installation, and the loop keeps its own class (and repr). That
selector is in virtual_selector.py; this module holds the clock and the
thread-side waits.
"""

import atexit
import concurrent.futures.thread
import os
import queue
import selectors
import threading
import time
import warnings

_real_monotonic = time.monotonic
_real_sleep = time.sleep
_lock = threading.RLock()
# The clock starts at the same value on every run and machine. Timers due at
# the same moment computed two ways (0.5 + 0.2 and 0.6 + 0.1) can differ in
# their last bit, and which one fires first then depended on the machine's
# uptime, which the real monotonic clock counts from.
_now = 1000.0
_real_perf_counter = time.perf_counter
_real_time = time.time
_perf_offset = _wall_offset = 0.0  # set by start_run()
_skipped = 0.0  # seconds the clock jumped instead of waiting: what a real run would sleep
_real = 0.0  # seconds the clock advanced by real time (threads ran): the timeline rounds then

# Every thread that waits through us (time.sleep, Condition.wait and so Event,
# Future.result, Queue.get, Thread.join, the loop's select) is registered here
# while it waits. The clock jumps only when every live thread is such a waiter
# and none is about to wake: then nothing can happen before the earliest deadline.
_INF = float("inf")
_SLICE = 0.005  # real seconds between a waiter's looks at the clock
# A thread that runs (computes, or blocks where we cannot see) keeps the clock
# still, since waking and starting threads takes real time that a reader's run
# would not show; past this much real time it is real work, and the clock
# follows real time from the start of it. Generous, because a machine loaded
# to the hilt (CI workers plus a stress run) can take that long to schedule a
# woken thread, and a late wake-up must not move the clock.
_GRACE = 2.0
_waits = {}  # thread ident -> _Wait
_unstarted = {}  # thread pool -> its jobs submitted and not yet started
_submitting = threading.local()  # the pool whose submit() is making a work item
_in_job = set()  # idents of pool threads running a job
_starting = 0  # threads being started (not yet listed by threading.enumerate)
_starters = set()  # idents of the threads inside Thread.start()
_busy_since = None  # real time at which a waiter first saw a thread running
_counted_until = None  # real time up to which a busy spell is on the clock


class _Wait:
    __slots__ = ("deadline", "notified", "joining")

    def __init__(self, deadline, joining=None):
        self.deadline = deadline
        self.notified = False  # woken (notify, a byte to the loop): runs next
        self.joining = joining  # Thread.join: wakes when that thread is gone


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


def _someone_runs():
    """Could a thread act now (run, or wake without the clock moving)? Under _lock."""
    if _starting:
        return True
    pool_workers = concurrent.futures.thread._threads_queues
    for pool, count in _unstarted.items():
        # A queued job starts as soon as one of its pool's threads is free; behind
        # jobs that all wait (a sleep in each), it waits too.
        if count and any(t.is_alive() and t.ident not in _in_job for t in list(pool._threads)):
            return True
    for thread in threading.enumerate():
        wait = _waits.get(thread.ident)
        if wait is not None:
            if wait.notified or wait.deadline <= _now:
                return True
            joining = wait.joining
            if joining is not None and (joining.ident not in _waits or not joining.is_alive()):
                return True  # joins a thread that runs (an idle pool worker told to exit)
        elif thread in pool_workers and thread.ident not in _in_job:
            continue  # an idle pool worker: waits for a job, which _unstarted counts
        else:
            return True  # running, or blocked where we cannot see (I/O, a C lock)
    return False


def _tick():
    """A waiter looks at the clock: jump to the earliest deadline if nobody can
    act before it, or follow real time through a long busy spell. Under _lock."""
    global _busy_since, _counted_until
    real = _real_monotonic()
    if _someone_runs():
        if _busy_since is None:
            _busy_since = _counted_until = real
        elif real - _busy_since > _GRACE:
            _advance(real - _counted_until)
            _counted_until = real
        return
    _busy_since = None
    target = min((w.deadline for w in _waits.values()), default=_INF)
    if _now < target < _INF:
        _advance(target - _now, skipped=True)


def _wait_until(deadline, try_once, joining=None):
    """Block the calling thread until try_once(real_seconds) is true (-> True)
    or the clock reaches `deadline` (-> False), letting the clock jump meanwhile."""
    me = threading.get_ident()
    wait = _Wait(deadline, joining)
    with _lock:
        outer = _waits.get(me)
        _waits[me] = wait
    try:
        # Registered first, then looked: a wake-up before registering is seen
        # by this first try, one after it marks the wait as notified.
        if try_once(0):
            return True
        while True:
            with _lock:
                if _now >= deadline:
                    break
                _tick()
                if _now >= deadline:
                    break
            if try_once(_SLICE):
                return True
    finally:
        with _lock:
            if outer is None:
                _waits.pop(me, None)
            else:
                _waits[me] = outer
    return try_once(0)


def _sleep(seconds):
    """time.sleep on the clock: alone, blocking a thread is just time passing."""
    if seconds <= 0:
        _real_sleep(0)
        return
    _wait_until(_now + seconds, lambda real: _real_sleep(real) or False)


def _condition_wait(self, timeout=None):
    """threading.Condition.wait (3.9-3.15 are the same) with the wait on the clock."""
    if not self._is_owned():
        raise RuntimeError("cannot wait on un-acquired lock")
    waiter = threading._allocate_lock()
    waiter.acquire()
    self._waiters.append(waiter)
    saved_state = self._release_save()
    gotit = False
    try:
        if timeout is not None and timeout <= 0:
            gotit = waiter.acquire(False)
        else:
            deadline = _INF if timeout is None else _now + timeout
            _notifiable[waiter] = threading.get_ident()
            try:
                gotit = _wait_until(deadline, lambda real: waiter.acquire(True, real))
            finally:
                _notifiable.pop(waiter, None)
        return gotit
    finally:
        self._acquire_restore(saved_state)
        if not gotit:
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass


_notifiable = {}  # a waiting Condition's lock -> its thread's ident
_real_notify = threading.Condition.notify


def _notify(self, n=1):
    # Mark the threads about to be woken as running before they are: no jump
    # may happen between their wake-up and their first look at the clock.
    if self._is_owned():
        with _lock:
            for waiter in list(self._waiters)[:n]:
                wait = _waits.get(_notifiable.get(waiter))
                if wait is not None:
                    wait.notified = True
    return _real_notify(self, n)


def _notify_all(self):
    return _notify(self, len(self._waiters))


_real_join = threading.Thread.join


def _join(self, timeout=None):
    if timeout is not None or self is threading.current_thread() or not self._started.is_set():
        return _real_join(self, timeout)  # a real wait (or the error it raises)
    _wait_until(_INF, lambda real: _real_join(self, real) or not self.is_alive(), joining=self)


_real_start = threading.Thread.start


def _start(self):
    global _starting
    me = threading.get_ident()
    with _lock:
        _starting += 1
        _starters.add(me)
    try:
        return _real_start(self)
    finally:
        with _lock:
            _starting -= 1
            _starters.discard(me)


_real_submit = concurrent.futures.ThreadPoolExecutor.submit
_real_work_init = concurrent.futures.thread._WorkItem.__init__
_real_work_run = concurrent.futures.thread._WorkItem.run


def _submit(self, fn, /, *args, **kwargs):
    _submitting.pool = self
    try:
        return _real_submit(self, fn, *args, **kwargs)
    finally:
        _submitting.pool = None


def _work_init(self, *args, **kwargs):
    _real_work_init(self, *args, **kwargs)
    self._virtual_clock_submitter = threading.current_thread()
    pool = self._virtual_clock_pool = getattr(_submitting, "pool", None)
    if pool is not None:
        with _lock:
            _unstarted[pool] = _unstarted.get(pool, 0) + 1


def _after_submitter_waits(submitter):
    """Start a job once the thread that submitted it waits (for at most _GRACE).

    A job that runs at once can finish before the coroutine that submitted it
    has even suspended, or after: a race that changes the run's timeline (and
    on 3.13+ whether a wait shows at all). Starting it when the submitter waits
    (the loop in its select, a thread in result()) is one order a real run
    has too, and always the same."""
    if submitter is None:
        return
    ident = submitter.ident
    give_up = _real_monotonic() + _GRACE
    while _real_monotonic() < give_up and submitter.is_alive():
        with _lock:
            wait = _waits.get(ident)
            if wait is not None and not wait.notified and ident not in _starters:
                return
        _real_sleep(0.0005)


def _work_run(self, *args):
    # A job runs from here to the end of its done-callbacks (one of them is
    # asyncio's call_soon_threadsafe that wakes the loop with the result).
    me = threading.get_ident()
    _after_submitter_waits(getattr(self, "_virtual_clock_submitter", None))
    with _lock:
        pool = getattr(self, "_virtual_clock_pool", None)
        if pool is not None:
            self._virtual_clock_pool = None
            _unstarted[pool] -= 1
            if not _unstarted[pool]:
                del _unstarted[pool]
        _in_job.add(me)
    job = None
    if _recorder is not None:
        # The function: `fn` up to 3.13, the first of the `task` triple from 3.14.
        task = getattr(self, "task", None)
        fn = getattr(self, "fn", None) or (task[0] if isinstance(task, tuple) else task)
        job = _recorder.job_started(fn)
    try:
        return _real_work_run(self, *args)
    finally:
        if job is not None:
            _recorder.job_finished(job, self.future)
        with _lock:
            _in_job.discard(me)


def _report():
    with open(os.environ["VIRTUAL_CLOCK_REPORT"], "w") as report:
        report.write(f"{_skipped:.3f}")


_recorder = None


def start_run():
    """What each run reads from its environment: at start-up, or in a child of
    the warm interpreter (forkserver.py) once the run's variables are set."""
    global _recorder, _perf_offset, _wall_offset
    _perf_offset = _real_perf_counter() - _now
    _wall_offset = _real_time() - _now
    if os.environ.get("TIMELINE_TRACE"):  # the harness asks for a timeline (verify/timeline.py)
        import timeline_recorder

        _recorder = timeline_recorder.install(_monotonic, lambda: _real)
    if os.environ.get("VIRTUAL_CLOCK_REPORT"):  # `make bench` asks how much sleeping was skipped
        atexit.register(_report)


start_run()

# Installing must not warn on any Python (the harness's own code stays clean of
# deprecations): any warning raised here is an error, on every snippet run.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    concurrent.futures.ThreadPoolExecutor.submit = _submit
    concurrent.futures.thread._WorkItem.__init__ = _work_init
    concurrent.futures.thread._WorkItem.run = _work_run
    threading.Condition.wait = _condition_wait
    threading.Condition.notify = _notify
    threading.Condition.notify_all = _notify_all
    threading.Thread.join = _join
    threading.Thread.start = _start
    time.monotonic = _monotonic
    time.perf_counter = _perf_counter
    time.time = _time
    time.sleep = _sleep
    # Bound at their import (before this runs): timeouts in Condition.wait_for,
    # Queue.get and Timer must count on the same clock.
    threading._time = _monotonic
    queue.time = _monotonic
    from virtual_selector import VirtualSelector

    selectors.DefaultSelector = VirtualSelector

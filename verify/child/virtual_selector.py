"""The loop's side of the virtual clock (sitecustomize.py installs it).

Every selector event loop asks `selectors.DefaultSelector` for its selector,
the one place where a loop waits; this one never waits for a timer when
nothing else can act before it: the clock jumps instead.
"""

import selectors
import sys
import threading

import sitecustomize as clock  # the clock's state, read at call time

_RealDefaultSelector = selectors.DefaultSelector
_patched_loops = False


def _patch_loops():
    """Once asyncio is imported: a byte written to a loop's self-pipe (every
    call_soon_threadsafe) marks the loop as woken before it sees the byte."""
    global _patched_loops
    import asyncio.selector_events

    _patched_loops = True
    cls = asyncio.selector_events.BaseSelectorEventLoop
    real_write = cls._write_to_self

    def _write_to_self(self):
        selector = getattr(self, "_selector", None)
        wait = getattr(selector, "_virtual_wait", None)
        if wait is not None:
            with clock._lock:
                wait.notified = True
        return real_write(self)

    cls._write_to_self = _write_to_self


class VirtualSelector:
    """Wraps the loop's selector: the one place where the loop waits."""

    def __new__(cls):
        # Only asyncio's event loops get virtual waits; any other user of
        # DefaultSelector (multiprocessing's forkserver, pdb) waits for real.
        if sys._getframe(1).f_globals.get("__name__") != "asyncio.selector_events":
            return _RealDefaultSelector()
        return super().__new__(cls)

    def __init__(self):
        self._selector = _RealDefaultSelector()
        self._virtual_wait = None
        if not _patched_loops:
            _patch_loops()
        if clock._recorder is not None:  # a loop is being made: record its tasks from now on
            clock._recorder.start()

    def __getattr__(self, name):
        return getattr(self._selector, name)

    def select(self, timeout=None):
        if timeout == 0:
            return self._selector.select(0)
        if threading.active_count() == 1 and not clock._starting:
            # The only thread (most examples): nothing else can act. Kept to a
            # few calls: on 3.11 each call under the timeline profiler makes a
            # frame object, and a snippet that shows what gc.collect() finds
            # can be sensitive to when collections happen.
            events = self._selector.select(0)
            if events:
                return events
            if timeout is None:
                # No timer: only I/O from outside (a child process) can wake the
                # loop, and that takes real time; like a busy thread, a short
                # spell (a thread that has just gone) does not move the clock.
                start = clock._real_monotonic()
                events = self._selector.select(None)
                elapsed = clock._real_monotonic() - start
                if elapsed > clock._GRACE:
                    clock._advance(elapsed)
                return events
            clock._advance(timeout, skipped=True)
            return []
        deadline = clock._INF if timeout is None else clock._now + timeout
        me = threading.get_ident()
        # Registered first, then polled: a byte written before this is seen by
        # the poll, one written after it marks the wait as notified (_patch_loops).
        wait = self._virtual_wait = clock._Wait(deadline)
        with clock._lock:
            clock._waits[me] = wait
        try:
            events = self._selector.select(0)
            while not events:
                with clock._lock:
                    if clock._now >= deadline:
                        return []
                    clock._tick()
                    if clock._now >= deadline:
                        return []  # jumped: nothing else could act before this timer
                events = self._selector.select(clock._SLICE)
            return events
        finally:
            self._virtual_wait = None
            with clock._lock:
                clock._waits.pop(me, None)

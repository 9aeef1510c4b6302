"""Record who ran when, for the timeline drawn under each example (verify/timeline.py).

Loaded by sitecustomize.py only when TIMELINE_TRACE names a file; the trace is
written there as JSON at exit. It is a profiler (`sys.setprofile`), turned on
in the loop's thread when a loop is made, so importing asyncio costs nothing:

- a task step starts when a coroutine frame is resumed with no step running
  (or by another task: an eager task's first step runs inside create_task);
  `asyncio.current_task()` says which task. It ends when that frame returns
  (which is how the profiler reports a coroutine suspending).
- what it waits on: the object the step yielded (the future, task or None)
  and the innermost coroutine frame that suspended (sleep, Queue.get, ...).
- creation: the return of BaseEventLoop.create_task, through which every task
  is made (asyncio.create_task, TaskGroup, gather, ensure_future, asyncio.run).
- how it ended: checked when the loop's Handle._run returns, while the handle
  still holds the task (done(), cancelled(), and in `_outcome` the one private
  attribute, `_exception`, that tells an exception from a result without
  marking it retrieved).
- cancel requests: the C-level call of Task.cancel ('c_call'), by the running
  task or, outside any task, by the function calling it (_on_timeout, _abort).

It must not change what a snippet prints: no callbacks, no new tasks, no
strong references kept to tasks or futures (weak ones only), no result() or
exception() or get_coro(), and every error is swallowed (a profiler that
raises would be removed and the error raised in the snippet).
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import weakref

from timeline_names import (  # noqa: F401
    _API,
    _CANCELS,
    _api,
    _caller,
    _job_name,
    _outcome,
    _public,
    _short_repr,
)
from timeline_notes import RunNotes, _watch_writes

_COROUTINE_FLAGS = 0x80 | 0x100 | 0x200  # CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR
_PRIVATE_FAILURES: list[str] = []


class Recorder(RunNotes):
    """The tasks' steps and waits, seen through a profiler; what else the run did
    (printed lines, thread-pool jobs, cancels the loop calls back) is RunNotes'."""

    def __init__(self, clock, real_seconds):
        self.clock = clock
        self.real_seconds = real_seconds
        self.t0 = None
        self.tasks = []  # records, in order of first sight
        self.by_task = weakref.WeakKeyDictionary()  # task -> record
        self.cancels = []  # cancel requests, and uncancel() calls ("kind": "uncancel")
        # When each line the program printed (stdout and stderr) started: loop time and
        # sequence number. Two lists of numbers, not a list per line: what this adds
        # while the program runs must allocate no container the garbage collector
        # tracks (an example that shows what gc.collect() finds saw its order change).
        self.line_times = []
        self.line_ticks = []
        # Thread-pool jobs (to_thread, run_in_executor): [name, start, end, start seq, end seq].
        self.jobs = []
        self.local = threading.local()
        self.asyncio = None
        self.seq = 0  # order of events: on the virtual clock many happen at the same instant

    # -- setup ------------------------------------------------------------------

    def start(self):
        """Called when a loop is made (its selector): profile this thread from now on."""
        try:
            import asyncio
            import asyncio.base_events
            import asyncio.events

            self.asyncio = asyncio
            self.create_code = asyncio.base_events.BaseEventLoop.create_task.__code__
            self.executor_code = asyncio.base_events.BaseEventLoop.run_in_executor.__code__
            self.handle_code = asyncio.events.Handle._run.__code__
            self.timer_type = asyncio.events.TimerHandle
            loop = asyncio.base_events.BaseEventLoop
            self.schedule_codes = (loop.call_soon.__code__, loop.call_at.__code__)
            self.cancel_handles = {}  # handle -> its task, for a task.cancel the loop will call
            self.task_type = asyncio.Task
            self.executor_futures = weakref.WeakSet()
            if sys.getprofile() is not self.profile:
                sys.setprofile(self.profile)
        except Exception:
            pass

    def tick(self):
        self.seq += 1
        return self.seq

    def now(self):
        t = self.clock()
        if self.t0 is None:
            self.t0 = t
        return round(t - self.t0, 6)

    def state(self):
        local = self.local
        if not hasattr(local, "steps"):
            local.steps = []  # records of the running steps, innermost last (eager steps nest)
            local.inner = None  # (frame, yielded) of the deepest frame suspending
            local.api = None  # the outermost asyncio frame the program's code awaited
            local.done_checks = []  # weakrefs of tasks whose step just ended
        return local

    def record_for(self, task):
        record = self.by_task.get(task)
        if record is None:
            record = {
                "id": len(self.tasks),
                "name": task.get_name(),
                "created": None,
                "creator": None,
                "steps": [],
                "waits": [],
                "end": None,
            }
            self.tasks.append(record)
            self.by_task[task] = record
            # A task collected while pending ("Task was destroyed but it is
            # pending!"): a weak reference's callback, invisible to the program.
            record["ref"] = weakref.ref(task, lambda _, record=record: self.destroyed(record))
        return record

    def destroyed(self, record):
        try:
            record.pop("ref", None)
            if record["end"] is None and record["steps"]:
                record["end"] = {"t": self.now(), "kind": "destroyed", "detail": ""}
        except Exception:
            pass

    # -- the profiler -----------------------------------------------------------

    def profile(self, frame, event, arg):
        try:
            if event == "call" or event == "return":
                if frame.f_code.co_flags & _COROUTINE_FLAGS:
                    if event == "call":
                        self.resumed(frame)
                    else:
                        self.suspended(frame, arg)
                elif event == "return":
                    code = frame.f_code
                    if code is self.handle_code:
                        self.close_open_steps()
                        self.check_done()
                        if self.cancel_handles:
                            self.check_cancel_handles()
                    elif code in self.schedule_codes:
                        self.scheduled(arg)
                    elif code is self.create_code:
                        self.created(arg)
                        self.check_done()
                    elif code is self.executor_code and arg is not None:
                        self.executor_futures.add(arg)
            elif event == "c_call" and getattr(arg, "__name__", "") in _CANCELS:
                target = getattr(arg, "__self__", None)
                if isinstance(target, self.task_type) and (
                    arg.__name__ == "cancel" or not self.from_asyncio(frame.f_code)
                ):  # an uncancel() the program calls, not a timeout's bookkeeping
                    self.cancel_requested(frame, target, arg.__name__)
        except BaseException:
            pass

    def current_task(self):
        try:
            return self.asyncio.current_task()
        except RuntimeError:
            return None

    def resumed(self, frame):
        state = self.state()
        state.inner = None
        state.api = None
        if state.steps:
            if not _outermost(frame):
                return  # an await inside the running step
            task = self.current_task()
            if task is None or self.by_task.get(task) is state.steps[-1]:
                return
        else:
            # The first frame resumed: the outermost one, or, when an exception is
            # thrown in (a cancel), the innermost first.
            task = self.current_task()
            if task is None:
                return  # a coroutine driven by hand, outside any task
        if _SNAPSHOTS_LOCALS:
            _refresh_callers(frame)
        record = self.record_for(task)
        record["name"] = task.get_name()
        if not record["steps"]:  # its first step enters its own coroutine: say which
            code = frame.f_code
            record["coro"] = code.co_name
            record["internal"] = "/asyncio/" in code.co_filename.replace("\\", "/")
        record["steps"].append([self.now(), None, self.tick()])
        state.steps.append(record)

    def suspended(self, frame, yielded):
        state = self.state()
        if not state.steps:
            return
        if not _outermost(frame):
            # Suspending unwinds innermost first, every frame passing up the same
            # object; a different object means the previous frame really returned.
            if state.inner is None or state.inner[1] is not yielded:
                state.inner = (frame, yielded)
                state.api = None
            if self.from_asyncio(frame.f_code) and not self.from_asyncio(frame.f_back.f_code):
                state.api = frame  # the API the program called (as_completed, not Queue.get)
            return
        record = state.steps.pop()
        record["steps"][-1][1] = self.now()
        inner = state.inner
        if inner is None or inner[1] is not yielded:
            inner = (frame, yielded)
            state.api = None
        if state.api is not None:
            inner = (state.api, yielded)
        elif self.from_asyncio(frame.f_code):
            inner = (frame, yielded)  # the task runs asyncio's own coroutine
        state.inner = state.api = None
        record["waits"].append(self.describe(inner[0], yielded))
        task = self.current_task()
        if task is not None:
            state.done_checks.append(weakref.ref(task))

    def close_open_steps(self):
        """End a step whose outermost frame never reported suspending.

        A cancel thrown into a task runs the innermost coroutine first; if a
        frame inside catches it and awaits again, the outer frames are never
        re-entered, so no outermost 'return' ends the step. When the loop's
        callback (the step) returns, no step can still be running.
        """
        state = self.state()
        while state.steps:
            record = state.steps.pop()
            record["steps"][-1][1] = self.now()
            inner, state.inner = state.inner, None
            if inner is not None:
                if state.api is not None:
                    inner = (state.api, inner[1])
                record["waits"].append(self.describe(*inner))
            state.api = None
            for task, other in list(self.by_task.items()):
                if other is record:
                    state.done_checks.append(weakref.ref(task))

    def from_asyncio(self, code, _cache={}):  # noqa: B006 (a cache by code object)
        known = _cache.get(code)
        if known is None:
            known = _cache[code] = "/asyncio/" in code.co_filename.replace("\\", "/")
        return known

    def describe(self, frame, yielded):
        """[label, id of the awaited task or None] for what a step suspended on."""
        code = frame.f_code
        name = code.co_name
        from_asyncio = self.from_asyncio(code)
        # Only asyncio's own frames: on 3.11-3.12 reading f_locals leaves a snapshot
        # in the frame, which would keep a user's deleted local alive until the next.
        local = frame.f_locals if from_asyncio else {}
        if isinstance(yielded, self.task_type):
            awaited = self.record_for(yielded)
            label = yielded.get_name()
            if from_asyncio and name not in ("sleep",):
                owner = local.get("self")
                label = f"{_api(type(owner).__name__ if owner is not None else '', name)}: {label}"
            return [label, awaited["id"]]
        if from_asyncio:
            if name == "sleep":
                delay = local.get("delay", "")
                if isinstance(delay, float):
                    # A delay computed from the clock (next_tick - loop.time()) carries
                    # float noise that depends on the clock's absolute value: 0.69999.
                    delay = round(delay, 3)
                return [f"sleep({delay!r})", None]
            if name == "__sleep0":
                return ["sleep(0)", None]
            if name == "to_thread":
                func = local.get("func")
                return [f"to_thread({getattr(func, '__name__', '?')})", None]
            owner = local.get("self")
            return [_api(type(owner).__name__ if owner is not None else "", name), None]
        if yielded is None:
            return ["sleep(0)" if name == "__sleep0" else "yield", None]
        if yielded in self.executor_futures:
            return ["run_in_executor", None]
        kind = type(yielded).__name__
        if kind == "_GatheringFuture":
            return ["gather", None]
        return ["future", None]

    def created(self, task):
        if not isinstance(task, self.task_type):
            return
        record = self.record_for(task)
        if record["created"] is None:
            record["created"] = self.now()
            record["created_seq"] = self.tick()
            steps = self.state().steps
            if steps and steps[-1] is not record:
                record["creator"] = steps[-1]["id"]
            elif len(steps) > 1:  # an eager task, created after its first step ran
                record["creator"] = steps[-2]["id"]

    def check_done(self):
        state = self.state()
        checks, state.done_checks = state.done_checks, []
        for ref in checks:
            task = ref()
            if task is None:
                continue
            record = self.by_task.get(task)
            if record is None or record["end"] is not None:
                continue
            record["name"] = task.get_name()
            if task.done():
                kind, detail = _outcome(task)
                t = record["steps"][-1][1] if record["steps"] else self.now()
                record["end"] = {"t": t, "kind": kind, "detail": detail}
                if record["waits"]:
                    record["waits"].pop()  # it did not wait: it finished

    def cancel_requested(self, frame, target, kind="cancel", via=None):
        steps = self.state().steps
        by = steps[-1]["id"] if steps and frame is not None else None
        cancel = {
            "t": self.now(),
            "seq": self.tick(),
            "from": by,
            "to": self.record_for(target)["id"],
            "via": via or (_caller(frame) if by is None else _public(frame.f_code.co_name)),
        }
        if kind != "cancel":
            cancel["kind"] = kind
        self.cancels.append(cancel)


_SNAPSHOTS_LOCALS = sys.version_info < (3, 11)


def _refresh_callers(frame):
    """Re-take the snapshots of the loop frames calling a step: current values only."""
    back = frame.f_back
    while back is not None:
        back.f_locals  # noqa: B018 (reading it is what refreshes it)
        back = back.f_back


def _outermost(frame):
    """Is this the task's own coroutine (called by the loop, not awaited by a coroutine)?"""
    back = frame.f_back
    return back is None or not back.f_code.co_flags & _COROUTINE_FLAGS


_recorder = None


def install(clock, real_seconds):
    """Make the recorder; sitecustomize calls recorder.start() whenever a loop is made."""
    global _recorder
    _recorder = Recorder(clock, real_seconds)
    path = os.environ["TIMELINE_TRACE"]
    atexit.register(_recorder.write, path)
    _recorder.at_line_start = True
    for stream in (sys.stdout, sys.stderr):
        _watch_writes(stream, _recorder)
    return _recorder

"""A recorded run, read and shaped into lanes for the timeline (verify/timeline.py)."""

from __future__ import annotations

import math

# Threads ran: the clock advanced by real time, always late by a few ms (more on a
# busy machine), so times are rounded down to this grid.
REAL_TIME_GRID = 0.1
# Tasks asyncio.run() makes after the example's own coroutine returned.
RUNNER_TASKS = ("shutdown_asyncgens", "shutdown_default_executor")


def read_trace(path) -> dict | None:
    """The trace the recorder wrote (a Python literal), or None if it wrote nothing."""
    import ast

    with open(path, encoding="utf-8") as f:
        return ast.literal_eval(f.read() or "None")


def needs_timeline(trace: dict | None) -> bool:
    """Two or more tasks, or time passing: then a timeline shows something."""
    if not trace:
        return False
    tasks = _visible(trace)
    return len(tasks) >= 2 or (bool(tasks) and _span(trace, tasks) > 0)


def _visible(trace: dict) -> list[dict]:
    return [t for t in trace["tasks"] if t.get("coro") not in RUNNER_TASKS and t["steps"]]


def _snap(trace: dict, t: float) -> float:
    if trace.get("real_time"):
        return round(math.floor(t / REAL_TIME_GRID + 1e-6) * REAL_TIME_GRID, 6)
    return round(t, 6)


def _span(trace: dict, tasks: list[dict]) -> float:
    times = [_snap(trace, t) for task in tasks for step in task["steps"] for t in step[:2] if t]
    return max(times, default=0.0)


def _lanes(trace: dict) -> list[dict]:
    """Visible tasks with snapped times; on a real-time run, waits that round to
    nothing are merged away (whether a thread finished before its await is a race)."""
    lanes = []
    for task in _visible(trace):
        steps = [
            [_snap(trace, a), _snap(trace, b if b is not None else a), seq]
            for a, b, seq in task["steps"]
        ]
        waits = list(task["waits"])
        if trace.get("real_time"):
            merged_steps, merged_waits = [steps[0]], []
            for i, step in enumerate(steps[1:]):
                if i < len(waits) and step[0] <= merged_steps[-1][1]:
                    merged_steps[-1][1] = max(merged_steps[-1][1], step[1])
                    continue
                merged_steps.append(step)
                if i < len(waits):
                    merged_waits.append(waits[i])
            if len(waits) >= len(steps):
                merged_waits.append(waits[-1])
            steps, waits = merged_steps, merged_waits
        created = task["created"]
        end = task["end"]
        lanes.append(
            {
                "id": task["id"],
                "name": task["name"],
                "created": _snap(trace, created) if created is not None else steps[0][0],
                "created_seq": task.get("created_seq", steps[0][2]),
                "creator": task["creator"],
                "steps": steps,
                "waits": waits,
                "end": dict(end, t=_snap(trace, end["t"])) if end else None,
                "coro": task.get("coro"),
                "internal": task.get("internal"),
            }
        )
    # A thread-pool job (to_thread, run_in_executor) gets a lane of its own: one bar,
    # the time its worker thread ran it.
    for i, (name, start, end, start_seq, _, ended) in enumerate(trace.get("jobs", [])):
        a, b = _snap(trace, start), _snap(trace, end)
        lanes.append(
            {
                "id": f"job-{i}",
                "name": f"thread: {name}",
                "created": a,
                "created_seq": start_seq,
                "creator": None,
                "steps": [[a, b, start_seq]],
                "waits": [],
                "end": {"t": b, "kind": ended, "detail": ""},
                "coro": None,
                "internal": False,
                "thread": True,
            }
        )
    return lanes


def _cancels(trace: dict) -> list[dict]:
    """Cancel requests by time, then by who and whom: several at one instant often
    come from iterating a set of tasks, whose order varies with memory layout."""
    return sorted(
        trace["cancels"],
        key=lambda c: (_snap(trace, c["t"]), c["from"] is None, c["from"] or 0, c["to"]),
    )

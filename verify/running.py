"""Running a snippet as a reader would: `python snippets/x/y.py` from the repo root."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from verify import timeline
from verify.environment import normalise, run_env
from verify.project import ROOT
from verify.snippets import Snippet
from verify.warm import forkserver

TIMEOUT = 20.0  # seconds per run; a virtual-clock run takes well under one
REAL_CLOCK_TIMEOUT = 120.0
TIMELINE_ID = "@TIMELINE-ID@"  # drawn with this, replaced by the id of the file it is stored in


@dataclass
class Run:
    output: str
    returncode: int | None  # None: killed after the timeout
    seconds: float
    timeline: str | None = None  # the SVG drawn from this run (placeholder id), if it ran a task
    needs_timeline: bool = False  # two or more tasks, or time passing (verify/timeline.py)


def run_fresh(python, script: str, env: dict, timeout: float) -> tuple[bytes, int | None]:
    """`python script` in a new interpreter; None for the exit code: killed after the timeout."""
    proc = subprocess.Popen(
        [str(python), script],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
        return out, proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: threads, children
        out, _ = proc.communicate()
        return out, None


def run_snippet(
    snippet: Snippet,
    python: Path | str,
    *,
    real_clock: bool = False,
    timeout: float | None = None,
    record: bool = False,
    fresh: bool = False,
    _gc_split: bool = True,
) -> Run:
    """Run the file as a reader would: `python snippets/x/y.py` from the repo root.

    With `record`, the virtual clock also records the run's tasks and the
    timeline is drawn from that record (verify/timeline.py). A virtual-clock run
    forks from a warm interpreter (verify/child/forkserver.py) unless
    `fresh` or the snippet imports gc; real-clock runs always start a new one.

    A snippet that drives the garbage collector is run twice when recording: its
    output comes from a run without the recorder, its picture from a second run.
    The recorder allocates, and what a collection finds can depend on when the
    previous one ran (seen: creating/unreferenced_task_can_disappear.py on 3.9)."""
    if _gc_split and record and snippet.uses_gc and not snippet.no_timeline:
        plain = run_snippet(
            snippet, python, real_clock=real_clock, timeout=timeout, record=False, fresh=True
        )
        drawn = run_snippet(
            snippet,
            python,
            real_clock=real_clock,
            timeout=timeout,
            record=True,
            fresh=True,
            _gc_split=False,
        )
        plain.timeline, plain.needs_timeline = drawn.timeline, drawn.needs_timeline
        return plain
    virtual = not (real_clock or snippet.real_clock)
    extra = {}
    trace_file = None
    if virtual:
        if record and not snippet.no_timeline:
            handle, trace_file = tempfile.mkstemp(suffix=".timeline-trace")
            os.close(handle)
            extra["TIMELINE_TRACE"] = trace_file
        if os.environ.get("VIRTUAL_CLOCK_REPORT"):
            extra["VIRTUAL_CLOCK_REPORT"] = os.environ["VIRTUAL_CLOCK_REPORT"]
    if timeout is None:
        timeout = REAL_CLOCK_TIMEOUT if real_clock else TIMEOUT
    start = time.monotonic()
    if virtual and not fresh and not snippet.uses_gc:
        out, returncode = forkserver(python).run(snippet.rel, extra, timeout)
    else:
        out, returncode = run_fresh(python, snippet.rel, run_env(virtual, extra), timeout)
    text = out.decode("utf-8", errors="replace")
    seconds = time.monotonic() - start
    if trace_file:
        try:
            trace = timeline.read_trace(trace_file)
        finally:
            os.unlink(trace_file)
        # Drawn whenever a task ran: if another version needs a picture, this one shows too.
        svg = timeline.draw_run(trace, TIMELINE_ID, snippet.rel)
        needs = timeline.needs_timeline(trace)
        return Run(normalise(text), returncode, seconds, svg, needs)
    return Run(normalise(text), returncode, seconds)

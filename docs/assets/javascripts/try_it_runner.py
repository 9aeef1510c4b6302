"""Run one example in Pyodide as `python snippets/<page>/<name>.py` would run it.

Loaded once per Web Worker (docs/assets/javascripts/try-it-worker.mjs), in the
browser and in `make update-browser` (tools/pyodide/run_all.mjs). Each run
starts from the state the interpreter had before the first one:

* modules an example may change are imported afresh: asyncio (Task-N names
  count from 1 again), logging (no handler left by an earlier run),
  threading, concurrent.futures, queue, selectors, and anything the previous
  run imported;
* the clock functions, os.environ, sys.argv/path/hooks, warning filters, the
  garbage collector's settings and atexit's list are put back;
* the project's virtual clock (the unchanged verify/child/sitecustomize.py,
  shipped next to the runtime in try_it_modules.zip) is loaded afresh, so the
  clock starts at 1000.0 and `asyncio.sleep(60)` costs nothing;
* with a recording, a fresh timeline recorder (verify/child/timeline_recorder.py)
  records the run, as the harness's does (verify/running.py run_snippet), and
  the unchanged verify/timeline.py draws its SVG.

Pyodide's own event loop (WebLoop) is not used: asyncio.run() makes CPython's
selector loop, whose self-pipe (a socketpair, which Pyodide cannot make) is
turned off: nothing in a worker writes to it, since no thread can start.
At the end, as at interpreter exit: atexit functions run (the recorder
writes its trace then), the example's globals are cleared and the garbage
collector runs (a task destroyed while pending, an exception never retrieved:
CPython prints those at exit).
"""

import atexit
import builtins
import gc
import importlib.util
import io
import os
import pathlib
import sys
import time
import types
import warnings
import zipimport

ROOT = "/home/pyodide/repo"  # the "repository root" examples run from
LIB = "/home/pyodide/lib"  # try_it_modules.zip: verify/..., at their repository paths
CHILD = LIB + "/verify/child"  # on a run's sys.path, as the harness's PYTHONPATH
CLOCK = CHILD + "/sitecustomize.py"
SELECTOR = CHILD + "/virtual_selector.py"
TRACE = "/tmp/timeline-trace"  # TIMELINE_TRACE: where the recorder writes at exit
TIMELINE_ID = "@TIMELINE-ID@"  # verify/running.py's placeholder id, the default
FRESH = (
    "asyncio",
    "_asyncio",
    "logging",
    "concurrent",
    "threading",
    "queue",
    "selectors",
    "sitecustomize",
    "virtual_selector",  # the clock's loop side, bound to this run's clock
    "timeline_recorder",  # a new recorder for every run
    "timeline_names",
    "timeline_notes",
)

_path = list(sys.path)
sys.path.insert(0, LIB)
import verify.timeline  # noqa: E402 - drawing is pure: loaded once, kept across runs
from verify.snippets import Snippet  # noqa: E402 - its `# No timeline` rule

_baseline = set(sys.modules)
_main = sys.modules["__main__"]
_time = {name: getattr(time, name) for name in ("monotonic", "perf_counter", "time", "sleep")}
_sys = {
    name: getattr(sys, name)
    for name in ("stdout", "stderr", "excepthook", "unraisablehook", "displayhook", "argv")
}
_environ = dict(os.environ)
_recursion = sys.getrecursionlimit()
_thresholds = gc.get_threshold()
os.makedirs(ROOT, exist_ok=True)

# The standard library is a zip of sources (no .pyc): each import compiles the
# module again, about 0.3 s for asyncio on a quiet machine. A module's code
# object is the same every time, so it is kept: a fresh import only executes it.
_compiled = {}
_get_code = zipimport.zipimporter.get_code


def _cached_get_code(self, fullname):
    key = (self.archive, self.prefix, fullname)
    if key not in _compiled:
        _compiled[key] = _get_code(self, fullname)
    return _compiled[key]


zipimport.zipimporter.get_code = _cached_get_code


class _Output(io.TextIOBase):
    """stdout and stderr in one stream, in the order written (as the site shows them)."""

    def __init__(self, write):
        self._write = write

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if text:
            # Paths as the site shows them (the harness's rule): snippets/<page>/...
            self._write(str(text).replace(ROOT + "/", ""))
        return len(text)


def _reset():
    for name in list(sys.modules):
        if name not in _baseline or name.split(".")[0] in FRESH:
            del sys.modules[name]
    for name, value in _time.items():
        setattr(time, name, value)
    for name, value in _sys.items():
        setattr(sys, name, value)
    sys.setprofile(None)  # the recorder's, if a run ended before it wrote its trace
    sys.path[:] = _path
    os.environ.clear()
    os.environ.update(_environ)
    sys.setrecursionlimit(_recursion)
    gc.enable()
    gc.set_debug(0)
    gc.set_threshold(*_thresholds)
    atexit._clear()
    os.chdir(ROOT)


def _load_clock():
    spec = importlib.util.spec_from_file_location("sitecustomize", CLOCK)
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitecustomize"] = module
    # The clock's loop side first, by path: it reads the clock's state only when
    # called, and must see the real selectors.DefaultSelector, which the clock replaces.
    selector_spec = importlib.util.spec_from_file_location("virtual_selector", SELECTOR)
    selector = importlib.util.module_from_spec(selector_spec)
    sys.modules["virtual_selector"] = selector
    selector_spec.loader.exec_module(selector)
    spec.loader.exec_module(module)
    # No self-pipe: socket.socketpair() fails in Pyodide (EINVAL).
    import asyncio.selector_events

    # Pyodide marks its own loop as running in this thread (the thread's
    # state keeps it, not the asyncio module): asyncio.run() would refuse.
    asyncio.events._set_running_loop(None)
    loop = asyncio.selector_events.BaseSelectorEventLoop
    loop._make_self_pipe = loop._close_self_pipe = loop._write_to_self = lambda self: None


def _exit_status(code):
    """What `python x.py` exits with after SystemExit(code), printing as it does."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def run(rel_path, source, write, timeline_id=None, record=True):
    """Run `source` as the file `rel_path` (snippets/<page>/<name>.py); every
    piece of output goes to write(text). Returns (exit status, timeline): the
    SVG drawn from the run's record with the id `timeline_id`, or None where
    the harness draws none (no task ran, or the example opts out) or not `record`."""
    _reset()
    path = os.path.join(ROOT, rel_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(source)
    # As run_snippet: an example that opts out (or runs on the real clock) is not recorded.
    record = record and not Snippet(pathlib.Path(path)).no_timeline
    if record:
        os.environ["TIMELINE_TRACE"] = TRACE  # read by the clock's start_run()
        open(TRACE, "w").close()  # a run that records nothing leaves it empty
    # Two streams, one writer: the recorder watches each stream's writes.
    out, err = _Output(write), _Output(write)
    sys.stdout, sys.stderr = out, err
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = builtins
    main.__cached__ = None
    sys.modules["__main__"] = main
    sys.argv = [path]
    # As `python x.py` with PYTHONPATH=verify/child: the script's folder, then the clock's.
    sys.path[0:1] = [os.path.dirname(path), CHILD]
    status = 0
    try:
        with warnings.catch_warnings():
            try:
                _load_clock()
                exec(compile(source, path, "exec"), main.__dict__)
            except SystemExit as exc:
                status = _exit_status(exc.code)
            except BaseException as exc:  # noqa: BLE001 - printed as python would
                tb = exc.__traceback__
                # Skip this function's frame (and the clock's, for an error in it).
                while tb is not None and tb.tb_frame.f_code.co_filename != path:
                    tb = tb.tb_next
                sys.excepthook(type(exc), exc, tb)
                status = 1
            # As at interpreter exit: atexit functions, then the module's globals go.
            try:
                atexit._run_exitfuncs()
            except SystemExit as exc:
                status = _exit_status(exc.code)
            main.__dict__.clear()
            del main
            gc.collect()
    finally:
        out.flush()
        err.flush()
        sys.modules["__main__"] = _main
        for name, value in _sys.items():
            setattr(sys, name, value)
    return status, _timeline(rel_path, timeline_id or TIMELINE_ID) if record else None


def _timeline(rel_path, ident):
    """Drawn by the harness's own rule (verify/timeline.py draw_run)."""
    return verify.timeline.draw_run(verify.timeline.read_trace(TRACE), ident, rel_path)


def version():
    import platform

    return platform.python_version()

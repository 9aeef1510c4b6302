"""A warm interpreter that runs snippets in forked children (the harness's fast path).

Started once per interpreter and test worker as `python -c "import forkserver;
forkserver.serve()"`, on the virtual clock (sitecustomize.py is already loaded).
It imports asyncio once; then, for each request, a forked child becomes what
`python snippets/x/y.py` would be at that point, runs the file and exits the
way the interpreter does. That saves the interpreter's start and the import of
asyncio on every run (about 0.1 s of the 0.15 s a run costs on CI's machines).

What a reader could tell apart, and why it does not matter here:
- asyncio and the modules it imports are already in sys.modules;
- every child of one server has the same string hash seed (a fresh interpreter
  picks a new one), so an output that depends on set order would pass here;
- the garbage collector's state differs (what start-up allocated, and when the
  next automatic collection comes), and with it the order in which objects in
  a cycle are finalised: a snippet that imports gc runs in a fresh interpreter
  (Snippet.uses_gc). One did print differently here: task_destroyed_while_pending.
The real-clock run (`pytest --real-clock`, in CI), `--update-snippets` and
`pytest --fresh` start a fresh interpreter for every run, exactly as a reader
does, and must print the same.

Protocol on the server's stdin/stdout, one line each, tab-separated:
request `script<TAB>output file<TAB>NAME=value...`; replies: the child's pid,
then its exit code (negative: killed by that signal).
"""

import os
import sys


def serve():
    import asyncio  # noqa: F401 - the point: imported once, before the forks

    requests = sys.stdin.buffer
    while True:
        line = requests.readline()
        if not line:
            return  # the harness has gone
        script, output, *assignments = line.decode("utf-8").rstrip("\n").split("\t")
        # No gc.freeze() here, though fork servers often do: frozen objects are
        # never collected, and a frozen __main__ kept a pending task from being
        # reported at exit (test_forkserver.py, shutdown_order).
        pid = os.fork()
        if pid == 0:
            _become(script, output, assignments)  # never returns: the child exits
        os.write(1, f"{pid}\n".encode())
        _, status = os.waitpid(pid, 0)
        os.write(1, f"{os.waitstatus_to_exitcode(status)}\n".encode())


def _become(script, output, assignments):
    os.setsid()  # its own process group: a timeout kills it and all it started
    out = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    # stdout and stderr into one file, in the order written (PYTHONUNBUFFERED is
    # set); this also closes the server's protocol pipes in the child.
    os.dup2(null, 0)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.close(out)
    os.close(null)
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        os.environ[name] = value
    import sitecustomize

    sitecustomize.start_run()
    sys.exit(_run_main(script))


def _run_main(script):
    """Run the file as `__main__`, as the interpreter's own `python script` does."""
    import importlib.machinery

    path = os.path.abspath(script)  # __file__ and sys.path[0] are absolute since 3.9
    # The interpreter's own __main__ (made for `-c`) has what start-up gives it
    # on this version (__builtins__, and __annotations__ before 3.14); drop what
    # `-c` ran (`import forkserver`) and add what a script run adds.
    main = sys.modules["__main__"].__dict__
    for name in [name for name in main if not name.startswith("__")]:
        del main[name]
    main["__file__"] = path
    if sys.version_info < (3, 15):
        main["__cached__"] = None
    main["__loader__"] = importlib.machinery.SourceFileLoader("__main__", path)
    sys.argv[:] = [script]
    sys.path[0] = os.path.dirname(path)
    with open(path, "rb") as file:
        code = compile(file.read(), path, "exec", dont_inherit=True)
    try:
        exec(code, main)
    except SystemExit:
        raise  # the interpreter handles it at the top, as for a script
    except BaseException as error:
        error.__traceback__ = error.__traceback__.tb_next  # drop this frame
        sys.last_type, sys.last_value, sys.last_traceback = (
            type(error),
            error,
            error.__traceback__,
        )
        if sys.version_info >= (3, 12):
            sys.last_exc = error
        sys.excepthook(type(error), error, error.__traceback__)
        return 1
    return 0

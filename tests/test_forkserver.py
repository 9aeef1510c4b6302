"""The warm interpreter (verify/child/forkserver.py) behaves as `python script` does.

Each probe runs twice on every Python, once forked from the warm interpreter and
once in a fresh one, and must print the same and exit the same way; the
asserts on the output say what each probe is about.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from verify.interpreters import interpreter_or_skip
from verify.project import VERSIONS
from verify.running import run_snippet
from verify.snippets import Snippet
from verify.warm import ForkServer

PROBES = {
    "main_module": """
        import os, sys
        print(__name__, __file__ == os.path.abspath(sys.argv[0]), __spec__)
        print(type(__loader__).__name__, __builtins__ is __import__("builtins"))
        print(sorted(globals()))
        print(sys.path[0] == os.path.dirname(__file__), sys.argv == [__file__])
        print(repr(sys.stdin.read()), sys.stdout.encoding, sys.stdout.isatty())
        print(sorted(k for k in os.environ if k.startswith(("PYTHON", "TIMELINE"))))
    """,
    "uncaught_exception": """
        def inner():
            raise KeyError("missing")

        try:
            inner()
        except KeyError as error:
            raise RuntimeError("while handling") from error
    """,
    "exit_with_message": """
        import sys
        print("before")
        sys.exit("stopped: bad input")
    """,
    "exit_status": """
        import sys
        sys.exit(3)
    """,
    "shutdown_order": """
        import asyncio, atexit, threading, time

        atexit.register(print, "atexit handler")

        def late():
            time.sleep(5)
            print("non-daemon thread done")

        async def forever():
            await asyncio.sleep(3600)

        loop = asyncio.new_event_loop()
        loop.create_task(forever())
        loop.run_until_complete(asyncio.sleep(0))
        threading.Thread(target=late).start()
        print("end of script")
    """,
    "warning": """
        import warnings
        warnings.warn("from __main__", DeprecationWarning)
        for _ in range(2):
            warnings.warn("once per line", UserWarning)
    """,
}


def probe(tmp_path: Path, name: str) -> Snippet:
    path = tmp_path / f"{name}.py"
    path.write_text("# No timeline: a probe\n" + textwrap.dedent(PROBES[name]))
    return Snippet(path)


@pytest.mark.parametrize("name", sorted(PROBES))
@pytest.mark.parametrize("version", VERSIONS)
def test_warm_run_is_a_fresh_run(tmp_path, version, name):
    python = interpreter_or_skip(version)
    snippet = probe(tmp_path, name)
    warm = run_snippet(snippet, python)
    fresh = run_snippet(snippet, python, fresh=True)
    assert (warm.output, warm.returncode) == (fresh.output, fresh.returncode)
    expected = {
        "main_module": (0, "__main__ True None\nSourceFileLoader True"),
        "uncaught_exception": (1, "The above exception was the direct cause"),
        "exit_with_message": (1, "before\nstopped: bad input"),
        "exit_status": (3, ""),
        "shutdown_order": (0, "end of script\nnon-daemon thread done\natexit handler"),
        "warning": (0, "DeprecationWarning: from __main__"),
    }[name]
    assert warm.returncode == expected[0]
    assert expected[1] in warm.output
    if name == "uncaught_exception":
        assert warm.output.startswith("Traceback (most recent call last):\n  File ")
        assert "forkserver" not in warm.output
    if name == "warning":
        assert warm.output.count("UserWarning: once per line") == 1


@pytest.mark.parametrize("version", VERSIONS)
def test_warm_run_that_hangs_is_killed_with_what_it_printed(tmp_path, version):
    python = interpreter_or_skip(version)
    path = tmp_path / "hang.py"
    path.write_text(
        "# No timeline: a probe\nimport threading\nprint('started')\nthreading.Event().wait()\n"
    )
    run = run_snippet(Snippet(path), python, timeout=3)
    assert run.returncode is None
    assert run.output == "started\n"
    # The server survives its child's death and runs the next one.
    assert run_snippet(probe(tmp_path, "exit_status"), python).returncode == 3


def test_a_child_that_ended_before_its_pid_was_read_is_not_a_hang(tmp_path):
    """Both reply lines (pid, exit code) can be waiting when the harness reads
    the first: a buffered read then took both, select() waited for a second
    line already read, and a run of milliseconds was killed as a hang (7 of
    1,157 runs once, on a busy machine)."""
    import time

    snippet = probe(tmp_path, "exit_status")
    server = ForkServer(interpreter_or_skip(VERSIONS[-1]))
    try:
        server.send(snippet.rel, str(tmp_path / "output"), {})
        time.sleep(1)  # the child has exited, and the server has written both lines
        start = time.monotonic()
        pid = server._reply()
        assert server.finish(pid, timeout=10) == 3
        assert time.monotonic() - start < 5
    finally:
        server.close()

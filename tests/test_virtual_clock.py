"""The virtual clock itself, on every supported Python: it is installed without
any deprecated API (warnings are errors here), it skips sleeps, and it leaves
the event loop's own class alone (so a snippet that prints its loop prints what
a reader sees)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from verify.environment import reader_env
from verify.interpreters import interpreter_or_skip
from verify.project import VERSIONS

PROGRAM = """\
import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(3600)
    # A pool job's sleep is on the clock too (to_thread is 3.9+).
    await asyncio.to_thread(time.sleep, 1.0)
    print(type(loop).__name__, round(loop.time() - start))

asyncio.run(main())
loop = asyncio.new_event_loop()
print(type(loop).__name__, loop.run_until_complete(asyncio.sleep(60, "slept")))
loop.close()
"""


@pytest.mark.parametrize("version", VERSIONS)
def test_virtual_clock_installs_without_warnings_and_skips_sleeps(version, tmp_path):
    python = interpreter_or_skip(version)
    script = tmp_path / "clock.py"
    script.write_text(PROGRAM, encoding="utf-8")
    env = reader_env(virtual_clock=True)
    start = time.monotonic()
    # -W error: any warning, from the clock's installation or from asyncio while
    # the clock drives it, is an exception and a non-zero exit.
    result = subprocess.run(
        [str(python), "-W", "error", str(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, (
        f"Python {version}: the virtual clock failed under -W error "
        f"(verify/child/sitecustomize.py):\n{result.stderr}"
    )
    assert result.stderr == ""
    # The loop keeps its own class: _UnixSelectorEventLoop, as for a reader.
    assert result.stdout == "_UnixSelectorEventLoop 3601\n_UnixSelectorEventLoop slept\n"
    assert time.monotonic() - start < 30, "the clock did not skip the hour-long sleep"


THREADS = """\
import asyncio, queue, threading, time
from concurrent.futures import ThreadPoolExecutor

def worker(results):
    start = time.monotonic()
    time.sleep(2.5)  # on the clock
    stop = threading.Event()
    results.append(("event", stop.wait(timeout=1.0), time.monotonic() - start))
    try:
        queue.Queue().get(timeout=1.5)
    except queue.Empty:
        results.append(("queue", "empty", time.monotonic() - start))

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = []
    await asyncio.gather(asyncio.to_thread(worker, results), asyncio.sleep(4))
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(time.sleep, 600)
        # The main thread blocks in result(): every thread waits, the clock jumps.
        job.result()
    timer = threading.Timer(30, lambda: None)
    timer.start()
    timer.join()
    for name, value, at in results:
        print(name, value, round(at, 6))
    print("total", round(loop.time() - start, 6))

asyncio.run(main())
"""


@pytest.mark.parametrize("version", VERSIONS)
def test_threads_wait_on_the_virtual_clock(version, tmp_path):
    """time.sleep, Event.wait, Queue.get, Future.result, Thread.join and
    threading.Timer in threads: exact virtual times, no real waiting."""
    python = interpreter_or_skip(version)
    script = tmp_path / "threads.py"
    script.write_text(THREADS, encoding="utf-8")
    start = time.monotonic()
    result = subprocess.run(
        [str(python), "-W", "error", str(script)],
        env=reader_env(virtual_clock=True),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"Python {version}:\n{result.stderr}"
    assert result.stdout == "event False 3.5\nqueue empty 5.0\ntotal 635.0\n", (
        f"Python {version}: threads did not wait on the virtual clock "
        f"(verify/child/sitecustomize.py):\n{result.stdout}{result.stderr}"
    )
    assert time.monotonic() - start < 30, "threads waited in real time"


def test_plain_interpreter_has_no_virtual_clock():
    """Without the harness's PYTHONPATH nothing is virtual (a reader's run)."""
    env = reader_env()
    code = "import selectors; print(selectors.DefaultSelector.__name__)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    ).stdout
    assert out.strip() != "_VirtualSelector"

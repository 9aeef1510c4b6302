"""The virtual clock itself, on every supported Python: it is installed without
any deprecated API (warnings are errors here), it skips sleeps, and it leaves
the event loop's own class alone (so a snippet that prints its loop prints what
a reader sees)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from harness import VERSIONS, interpreter_or_skip, reader_env

PROGRAM = """\
import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(3600)
    # A pool job: the clock waits for real meanwhile (to_thread is 3.9+).
    await asyncio.to_thread(time.sleep, 0.01)
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
        f"(tests/virtualtime/sitecustomize.py):\n{result.stderr}"
    )
    assert result.stderr == ""
    # The loop keeps its own class: _UnixSelectorEventLoop, as for a reader.
    assert result.stdout == "_UnixSelectorEventLoop 3600\n_UnixSelectorEventLoop slept\n"
    assert time.monotonic() - start < 30, "the clock did not skip the hour-long sleep"


def test_plain_interpreter_has_no_virtual_clock():
    """Without the harness's PYTHONPATH nothing is virtual (a reader's run)."""
    env = reader_env()
    code = "import selectors; print(selectors.DefaultSelector.__name__)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    ).stdout
    assert out.strip() != "_VirtualSelector"

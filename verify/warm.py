"""The client of a warm interpreter: one per Python, on the virtual clock.

The server side (child/forkserver.py) has imported asyncio once and forks a
child per snippet run, which saves most of an interpreter's start-up
(tests/test_forkserver.py proves a forked run prints what a fresh one does).
"""

from __future__ import annotations

import atexit
import os
import select
import signal
import subprocess
import tempfile

from verify.environment import run_env
from verify.project import ROOT


class ForkServer:
    """One warm interpreter on the virtual clock (verify/child/forkserver.py)."""

    def __init__(self, python):
        self.python = str(python)
        self.proc = subprocess.Popen(
            [self.python, "-c", "import forkserver; forkserver.serve()"],
            cwd=ROOT,
            env=run_env(virtual_clock=True),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # Unbuffered: a buffered reader could take both reply lines at once,
            # and select() would then wait for a second line already read.
            bufsize=0,
            start_new_session=True,
        )

    def _reply(self) -> int:
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(
                f"the warm interpreter {self.python} (verify/child/forkserver.py) "
                f"exited with status {self.proc.wait()}.\nFix: run that Python on "
                f"verify/child/forkserver.py by hand to see why, or run pytest "
                f"with --fresh to start a new interpreter for every run."
            )
        return int(line)

    def run(self, script: str, env: dict[str, str], timeout: float) -> tuple[bytes, int | None]:
        handle, output = tempfile.mkstemp(suffix=".snippet-output")
        os.close(handle)
        try:
            returncode = self.finish(self.start(script, output, env), timeout)
            with open(output, "rb") as file:
                return file.read(), returncode
        finally:
            os.unlink(output)

    def start(self, script: str, output: str, env: dict[str, str]) -> int:
        """Fork a child that runs `script` into the file `output`; its pid."""
        self.send(script, output, env)
        return self._reply()

    def send(self, script: str, output: str, env: dict[str, str]) -> None:
        fields = [script, output, *(f"{k}={v}" for k, v in env.items())]
        request = memoryview(("\t".join(fields) + "\n").encode())
        while request:
            request = request[self.proc.stdin.write(request) :]  # unbuffered: may be partial

    def finish(self, pid: int, timeout: float) -> int | None:
        """The child's exit code; None: it was still running after `timeout`, and is killed."""
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            try:
                os.killpg(pid, signal.SIGKILL)  # the child's group: threads, children
            except ProcessLookupError:
                pass  # it ended just now
        returncode = self._reply()
        return returncode if ready else None

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()
        self.proc.stdout.close()


_FORKSERVERS: dict[str, ForkServer] = {}


def forkserver(python) -> ForkServer:
    server = _FORKSERVERS.get(str(python))
    if server is None or server.proc.poll() is not None:
        if not _FORKSERVERS:
            atexit.register(_close_forkservers)
        server = _FORKSERVERS[str(python)] = ForkServer(python)
    return server


def _close_forkservers() -> None:
    """At exit: each server sees its stdin close and ends."""
    for server in _FORKSERVERS.values():
        server.close()

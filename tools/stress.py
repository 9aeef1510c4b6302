"""Run a test suite N times while other processes keep every core busy.

`python -m tools.stress N [TESTS...]`: TESTS are pytest paths, the snippet suite
(tests/test_snippets.py) by default. `make stress` runs the snippets 20 times,
`make stress-browser` the browser tests 3 times (a CI run once failed on a
timing the browser tests met only on a busy machine).

Proves the suite is not flaky under load; prints one line per run and the details
of any failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from verify.project import ROOT

COUNTS = re.compile(r"\d+ (passed|failed|errors?)\b.* in [\d.]+s")


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    tests = sys.argv[2:] or ["tests/test_snippets.py"]
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    failures = 0
    try:
        print(
            f"{len(burners)} busy-loop processes keep the cores busy; {runs} runs of "
            f"pytest {' '.join(tests)}"
        )
        for run in range(1, runs + 1):
            start = time.perf_counter()
            result = subprocess.run(
                [
                    Path(sys.executable).parent / "pytest",
                    *tests,
                    "-p",
                    "no:cacheprovider",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            # pytest's count line ("12 passed in 3.4s"); plugins may print after it.
            counts = [line for line in result.stdout.splitlines() if COUNTS.search(line)]
            summary = counts[-1] if counts else f"exit code {result.returncode}, no count line"
            print(f"run {run:2}: {time.perf_counter() - start:5.1f} s  {summary}", flush=True)
            for line in result.stdout.splitlines():  # real-clock retries (verify/realclock.py)
                if ", alone, " in line:
                    print(f"        {line.strip()}")
            if result.returncode != 0:
                failures += 1
                print(result.stdout[-5000:])
    finally:
        for burner in burners:
            burner.kill()
    print(f"{failures} failed run(s) out of {runs}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

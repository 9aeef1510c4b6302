"""Run the snippet suite N times while other processes keep every core busy (`make stress`).

Proves the suite is not flaky under load; prints one line per run and the details
of any failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 20


def main() -> int:
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    failures = 0
    try:
        print(
            f"{len(burners)} busy-loop processes keep the cores busy; {RUNS} runs of "
            f"pytest tests/test_snippets.py"
        )
        for run in range(1, RUNS + 1):
            start = time.perf_counter()
            result = subprocess.run(
                [
                    Path(sys.executable).parent / "pytest",
                    "tests/test_snippets.py",
                    "-p",
                    "no:cacheprovider",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            summary = result.stdout.strip().splitlines()[-1]
            print(f"run {run:2}: {time.perf_counter() - start:5.1f} s  {summary}", flush=True)
            if result.returncode != 0:
                failures += 1
                print(result.stdout[-5000:])
    finally:
        for burner in burners:
            burner.kill()
    print(f"{failures} failed run(s) out of {RUNS}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

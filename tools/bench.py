"""Print the speed figures of the snippet suite and the site build (`make bench`).

Figures, not assertions: targets are judged by reading them (README, "Benchmark").
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from verify.interpreters import find_interpreters
from verify.project import ROOT
from verify.running import run_snippet
from verify.site.build import default_config
from verify.snippets import discover_snippets

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list, cwd: Path = ROOT, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env or ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def floor(python: Path) -> float:
    """A bare interpreter that imports asyncio: the least a snippet run can cost."""
    return statistics.median(timed([python, "-c", "import asyncio"]) for _ in range(7))


def snippet_figures() -> None:
    snippets = discover_snippets()
    pythons = {v: p for v, p in find_interpreters().items() if p}
    print(f"snippets: {len(snippets)}; interpreters: {', '.join(pythons) or 'none'}")
    print(
        "\nper run, serial (median over the snippets, forked from the warm interpreter; "
        "floor = a fresh python -c 'import asyncio'):"
    )
    print(
        f"  {'python':<8}{'runs':>6}{'median s':>10}{'floor s':>9}{'ratio':>7}{'max s':>8}  slowest"
    )
    slept = 0.0
    runs = 0
    floor_cost = 0.0  # the floors' sum over every run: what the runs cost at the least
    for version, python in pythons.items():
        base = floor(python)
        times = []
        for snippet in snippets:
            if version not in snippet.versions:
                continue
            with tempfile.NamedTemporaryFile() as report:
                os.environ["VIRTUAL_CLOCK_REPORT"] = report.name
                run = run_snippet(snippet, python)
                text = Path(report.name).read_text() or "0"
            times.append((run.seconds, snippet.rel))
            if version == max(pythons, key=lambda v: tuple(map(int, v.split(".")))):
                slept += float(text)
        os.environ.pop("VIRTUAL_CLOCK_REPORT", None)
        runs += len(times)
        floor_cost += base * len(times)
        median = statistics.median(t for t, _ in times)
        worst = max(times)
        print(
            f"  {version:<8}{len(times):>6}{median:>10.3f}{base:>9.3f}{median / base:>7.2f}"
            f"{worst[0]:>8.2f}  {worst[1]}"
        )
    print(f"\nreal-clock time skipped by the virtual clock, newest Python: {slept:.1f} s")

    start = time.perf_counter()
    result = subprocess.run(
        # No -q: addopts has it, and a second one hides the summary line.
        [BIN / "pytest", "tests/test_snippets.py", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    summary = next(
        (
            line
            for line in reversed(result.stdout.splitlines())
            if " passed" in line or " failed" in line
        ),
        "?",
    )
    cores = os.cpu_count() or 1
    print(f"\nwhole snippet suite (pytest -n 4, {runs} runs): {wall:.1f} s wall  [{summary}]")
    print(
        f"  per 100 snippet runs: {wall * 100 / max(runs, 1):.2f} s (target <= 6 s); "
        f"a fresh interpreter for every run would cost at least "
        f"{floor_cost * 100 / max(runs, 1) / cores:.2f} s per 100 ({runs} bare starts on "
        f"{cores} cores): the warm interpreter (verify/child/forkserver.py) saves that"
    )


def build_figures(runs: int = 5) -> None:
    """`mkdocs build` of our config against a default Material config that
    expands the same snippets (same nav and Markdown extensions: the pages
    come out the same, only the theme configuration differs). Alternating
    runs from the repo root, medians of wall time."""
    times: dict = {"ours": [], "default": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        configs = {"ours": ROOT / "mkdocs.yml", "default": default_config(tmp)}
        for run in range(runs):
            for who in ("ours", "default") if run % 2 == 0 else ("default", "ours"):
                out = tmp / f"site-{who}"
                times[who].append(
                    timed([BIN / "mkdocs", "build", "-q", "-f", configs[who], "-d", out])
                )
    ours, default = (statistics.median(times[k]) for k in ("ours", "default"))
    print(
        f"\nmkdocs build, median of {runs} alternating: ours {ours:.2f} s; same pages "
        f"(same snippets expanded) on a default Material config {default:.2f} s; "
        f"ratio {ours / default:.2f} (target <= 1.3)"
    )


def print_tool(module: str) -> None:
    """Run one of the site tools (python -m tools.X) and print what it printed."""
    command = [sys.executable, "-m", module]
    result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)
    print("\n" + (result.stdout.strip() or f"{module}: failed\n{result.stderr.strip()}"))


def site_figures() -> None:
    """Lighthouse beside the default build, save-to-reload under `mkdocs serve`,
    and the Run buttons' figures (about two minutes, a small part of Lighthouse's)."""
    print_tool("tools.lighthouse")
    print_tool("tools.serve_reload")
    print_tool("tools.bench_try_it")


def timeline_figures() -> None:
    """Recording timelines on vs off: each snippet run twice per interpreter, in
    alternating order (so drift in machine load hits both), medians and totals;
    then the stored pictures' sizes."""
    import gzip

    on, off = [], []
    for version, python in find_interpreters().items():
        if python is None:
            continue
        for i, snippet in enumerate(discover_snippets()):
            if version not in snippet.versions:
                continue
            order = (True, False) if i % 2 else (False, True)
            for record in order:
                seconds = run_snippet(snippet, python, record=record).seconds
                (on if record else off).append(seconds)
    if not on:
        print("\ntimeline recording: no interpreter found")
        return
    print(
        f"\ntimeline recording, {len(on)} runs each, alternating: median per run "
        f"{statistics.median(on):.3f} s on vs {statistics.median(off):.3f} s off; total "
        f"{sum(on):.1f} s vs {sum(off):.1f} s: +{(sum(on) / sum(off) - 1) * 100:.1f} % "
        f"(target <= 10 %)"
    )
    svgs = sorted((ROOT / "snippets").rglob("*.timeline.svg"))
    if svgs:
        sizes = [(len(gzip.compress(p.read_bytes(), 9)), p.stat().st_size, p) for p in svgs]
        worst = max(sizes)
        print(
            f"timelines: {len(svgs)} files, {sum(s[1] for s in sizes) / 1024:.0f} KB; "
            f"gzipped median {statistics.median(s[0] for s in sizes) / 1024:.1f} KB, max "
            f"{worst[0] / 1024:.1f} KB ({worst[2].relative_to(ROOT)}; target <= 6 KB)"
        )


if __name__ == "__main__":
    # `--timelines`: only the cost of recording timelines and the pictures' sizes.
    if "--timelines" in sys.argv:
        timeline_figures()
        sys.exit(0)
    # `--site`: only the site figures (build, page weight, Lighthouse, reload, Try it).
    if "--site" not in sys.argv:
        snippet_figures()
        timeline_figures()
    build_figures()
    print_tool("tools.page_weight")
    site_figures()

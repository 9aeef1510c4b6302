"""Try it here (issue 25): how long a Run takes, and what the feature adds to a first load.

    .venv/bin/python -m tools.bench_try_it [--repeats 5] [--later 10] [--against REV]
                                           [--json] [--check]      (make bench-try-it)

Figures, not assertions: it prints them beside the issue's targets and exits
with status 0 either way, unless `--check` (then 1 when a target is missed).

The site is built strictly into a temporary directory and served as GitHub
Pages serves it (`verify.site.lighthouse.pages_server`: gzip, `max-age=600`),
so the browser's HTTP cache keeps the runtime as it does for a reader. Chromium
(Debian's, headless) runs at the machine's own speed, not throttled; the load
average is printed before and after, since this machine is shared.

* First Run, cold cache: Chromium with a new, empty profile (its HTTP cache
  on disk, as a reader's is: a `browser.new_context()` keeps its cache in
  memory, which never held the 9.6 MB WebAssembly file) opens an example's
  page and clicks its Run button, the steps of tests/browser/test_try_it.py.
  The time is taken in the page: from the click event to the status saying
  "Done" (the output complete). Playwright's own waiting polls at growing
  intervals, which made a 0.3 s run measure 0.9 s from Python.
* First Run, warm cache: a new page of the same profile (a new Web Worker,
  the runtime in the HTTP cache) opens another example's page and runs it.
  The server counts the runtime files it sends meanwhile: a warm Run that
  fetched any was not warm, and the output says so.
* Later runs: on that page, `--later` more Runs of its first three visible
  examples; median and range.
  The cold/warm pair is repeated `--repeats` times, the two examples trading
  places each time; medians and ranges. Every Run's output is compared with
  the example's stored Python 3.14 output.
* First-load bytes: a cold load of the home page and of the heaviest guide
  page (`verify.site.lighthouse.heaviest_page`), measured by
  `tools.page_weight.measure` (response bodies as served, and gzip -6),
  on two builds. By default both are this checkout, one with
  `assets/javascripts/try-it.js` in `extra_javascript` and one without
  (the setting overridden at build time; mkdocs.yml is not touched): what
  listing the script costs every page. The room extra.css keeps in title
  rows for the buttons (one rule, about 140 B) is in both builds, so it is
  not counted (the controls' own styles, try-it.css, load with try-it.mjs);
  `--against REV` compares this checkout with a git revision instead, which
  counts it, and every other change since REV.
  Also checked: no request under assets/pyodide/
  (nor the worker) on a first load.

Lighthouse mobile is not run here (minutes per
page); the output says how to compare it with `make bench-against`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from tools.page_weight import measure
from verify.project import REPO
from verify.pyodide_runs import BROWSER_PYTHON
from verify.site.browser import chromium, chromium_profile, reach_example
from verify.site.browser import example_page as page_of
from verify.site.browser import try_it_bar as bar
from verify.site.build import build_site, checkout, extra_javascript, site_prefix, wait_build
from verify.site.lighthouse import heaviest_page, pages_server
from verify.snippets import Snippet

TRY_IT = "assets/javascripts/try-it.js"
RUNTIME = REPO / "docs" / "assets" / "pyodide" / "pyodide.mjs"
# Two examples on two pages: one where time passes (two tasks), one callback.
EXAMPLES = (
    "snippets/futures/set_result_later_with_call_later.py",
    "snippets/callbacks/call_soon_queues_a_callback.py",
)
RUNTIME_URL = re.compile(r"/assets/pyodide/|try-it-worker")
LOAD_TIMEOUT_MS = 120_000  # a cold load on a loaded 2-core machine
FIRST_RUN_TARGET = 6.0  # seconds, click to output, cold or warm
LATER_TARGET = 0.5  # seconds, median
BYTES_TOLERANCE = 1024  # first-load bytes: unchanged within 1 KB


# ---------------------------------------------------------------------------
# Run timings


def open_page(context, url: str, path: str):
    """A new page of `context` at `url`, the example `path` reached as a reader does."""
    page = context.new_page()
    page.goto(url)
    reach_example(page, path)
    return page


# Timed in the page, from the click event to the status saying the run ended
# (Playwright's own waiting polls at growing intervals).
_WATCH = """(tools, timeout) => {
  const path = tools.dataset.path;
  const block = tools.closest(".highlight");
  window.__tryItRun = new Promise((resolve, reject) => {
    let clicked = null;
    tools.querySelector(".try-it-run").addEventListener(
      "click", () => { clicked = performance.now(); }, { once: true, capture: true });
    // The status (made on the first Run) says "Running…" as the click is
    // handled, then "Done"/"Exited" when the run ends.
    const watch = new MutationObserver(() => {
      const status = block.querySelector(".try-it-status");
      if (clicked === null || !status || !/^(Done|Exited)/.test(status.textContent)) return;
      watch.disconnect();
      resolve({ ms: performance.now() - clicked, status: status.textContent });
    });
    watch.observe(block, { childList: true, characterData: true, subtree: true });
    setTimeout(() => reject(new Error(`${path}: no end of run in ${timeout} ms`)), timeout);
  });
}"""


def run_and_time(page, path: str) -> tuple[float, str]:
    """Click the example's Run; seconds from the click until its status says
    the run ended, and the output."""
    tools = bar(page, path)
    button = tools.locator(".try-it-run")
    button.wait_for(timeout=LOAD_TIMEOUT_MS)
    tools.evaluate(_WATCH, LOAD_TIMEOUT_MS)
    button.click()
    result = page.evaluate("() => window.__tryItRun")
    output = page.locator(".highlight", has=tools).locator(".try-it-output code")
    text = output.text_content()
    if not result["status"].startswith("Done"):
        raise RuntimeError(f"{path}: {result['status']}\n{text}")
    return result["ms"] / 1000, text


def visible_examples(page, count: int = 3) -> list[str]:
    """The first `count` examples of the page whose Run button is visible."""
    paths = page.locator(".try-it").evaluate_all(
        "bars => bars.filter(b => b.offsetParent !== null).map(b => b.dataset.path)"
    )
    return paths[:count]


def runtime_hits(server) -> list[str]:
    """Record the path of every request `server` answers (its handler is
    replaced before it starts); returns the live list."""
    hits: list[str] = []

    class Counting(server._handler):
        def log_request(self, code="-", size="-"):
            hits.append(self.path)

    server._handler = Counting
    return hits


def time_runs(base_url: str, hits: list[str], repeats: int, later: int) -> dict:
    figures: dict = {"cold": [], "warm": [], "later": [], "warm_runtime_fetches": []}
    figures.update(wrong_output=[], later_examples=set())
    expected = {}

    def check(path, text):
        if path not in expected:
            expected[path] = Snippet(REPO / path).expected_file(BROWSER_PYTHON).read_text("utf-8")
        if text != expected[path]:
            figures["wrong_output"].append(path)

    for repeat in range(repeats):
        first, second = EXAMPLES if repeat % 2 == 0 else EXAMPLES[::-1]
        # A new profile: an empty HTTP cache, on disk.
        with tempfile.TemporaryDirectory() as profile, chromium_profile(profile) as context:
            page = open_page(context, base_url + page_of(first), first)
            seconds, text = run_and_time(page, first)
            figures["cold"].append(seconds)
            check(first, text)
            page.close()
            del hits[:]
            page = open_page(context, base_url + page_of(second), second)
            seconds, text = run_and_time(page, second)
            figures["warm"].append(seconds)
            figures["warm_runtime_fetches"].append([h for h in hits if RUNTIME_URL.search(h)])
            check(second, text)
            paths = visible_examples(page)
            figures["later_examples"].update(paths)
            for run in range(later):
                path = paths[run % len(paths)]
                seconds, text = run_and_time(page, path)
                figures["later"].append(seconds)
                check(path, text)
        print(
            f"  repeat {repeat + 1}/{repeats}: cold {figures['cold'][-1]:.2f} s, "
            f"warm {figures['warm'][-1]:.2f} s, later median "
            f"{statistics.median(figures['later'][-later:] or [0]):.2f} s",
            file=sys.stderr,
            flush=True,
        )
    figures["later_examples"] = sorted(figures["later_examples"])
    return figures


# ---------------------------------------------------------------------------
# First-load bytes


def first_loads(browser, sites: dict[str, str], pages: list[str]) -> dict:
    """`measure` (a cold load) of each page on each site, the sites taking turns."""
    measure(browser, next(iter(sites.values())), settle_ms=0)  # Chromium's own start-up
    figures: dict = {}
    for index, page in enumerate(pages):
        order = list(sites) if index % 2 == 0 else list(sites)[::-1]
        for site in order:
            figures.setdefault(page, {})[site] = measure(browser, sites[site] + page)
    return figures


def file_differences(with_: dict, without: dict) -> list[tuple[int, str]]:
    """(bytes as served, path) of every file whose size differs between two loads."""

    def sizes(load):
        base = urllib.parse.urlsplit(load["url"])
        prefix = base.scheme + "://" + base.netloc
        return {row["url"].removeprefix(prefix): row["bytes"] for row in load["files"]}

    mine, theirs = sizes(with_), sizes(without)
    changed = [(mine.get(p, 0) - theirs.get(p, 0), p) for p in set(mine) | set(theirs)]
    return sorted((d for d in changed if d[0]), key=lambda d: -abs(d[0]))


# ---------------------------------------------------------------------------


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout


def lighthouse_advice(listed: bool) -> str:
    """How to compare Lighthouse mobile with and without the Run buttons."""
    command = "`make bench-against REV={}` (tools/compare_revisions.py; minutes)"
    if not listed:
        return (
            f"mkdocs.yml does not list {TRY_IT}: list it in the working tree, then run "
            + command.format("HEAD")
        )
    listing = rf"^[[:space:]]*- {TRY_IT.replace('.', '[.]')}"
    if not re.search(listing.replace("[[:space:]]", r"\s"), git("show", "HEAD:mkdocs.yml"), re.M):
        return "run " + command.format("HEAD") + " (try-it.js is listed, not committed)"
    added = git("log", "-G", listing, "--format=%h", "--", "mkdocs.yml").split()
    # Newest first: the commit that last listed it (an earlier one was reverted).
    rev = f"{added[0]}^" if added else "<the commit before try-it.js was listed>"
    return "run " + command.format(rev) + " (the commit before try-it.js was listed)"


def run(repeats: int, later: int, against: str | None) -> dict:
    scripts = extra_javascript()
    listed = TRY_IT in scripts
    figures: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "cores": os.cpu_count(),
        "load_before": os.getloadavg(),
        "listed": listed,
        "against": against,
    }
    if against:
        labels = ("this checkout", against)
    else:
        labels = ("with try-it.js", "without try-it.js")
        lists = (scripts if listed else [*scripts, TRY_IT], [s for s in scripts if s != TRY_IT])
    timed = labels[0] if against or listed else labels[1]
    figures.update(labels=labels, timed=timed)
    revision = checkout(against) if against else contextlib.nullcontext()
    with tempfile.TemporaryDirectory(prefix="bench-try-it-") as tmp, revision as before:
        tmp = Path(tmp)
        servers = {label: pages_server(site_prefix()) for label in labels}
        hits = runtime_hits(servers[timed])
        dirs = {label: tmp / f"site{i}" for i, label in enumerate(labels)}
        if against:
            jobs = [
                build_site(dirs[labels[0]], site_url=servers[labels[0]].base_url),
                build_site(
                    dirs[labels[1]],
                    config_file=before / "mkdocs.yml",
                    site_url=servers[labels[1]].base_url,
                    cwd=before,
                ),
            ]
        else:
            jobs = [
                build_site(
                    dirs[label],
                    site_url=servers[label].base_url,
                    overrides={"extra_javascript": scripts},
                )
                for label, scripts in zip(labels, lists)
            ]
        print("building the two sites ...", file=sys.stderr, flush=True)
        for job, label in zip(jobs, labels):
            wait_build(job, label)
        for label, server in servers.items():
            server.start(dirs[label])
        try:
            pages = ["", heaviest_page(dirs[labels[0]])]
            with chromium() as browser:
                print("first loads ...", file=sys.stderr, flush=True)
                sites = {label: servers[label].base_url for label in labels}
                figures["first_load"] = first_loads(browser, sites, pages)
            if RUNTIME.exists():
                print(f"Runs ({repeats} cold/warm pairs) ...", file=sys.stderr, flush=True)
                figures["runs"] = time_runs(servers[timed].base_url, hits, repeats, later)
        finally:
            for server in servers.values():
                server.stop()
    figures["load_after"] = os.getloadavg()
    return figures


def spread(values: list[float], unit: str = " s") -> str:
    return f"{min(values):.2f}–{max(values):.2f}{unit}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(figures: dict) -> tuple[str, list[str]]:
    """The table, and the targets missed."""
    missed: list[str] = []
    with_, without = figures["labels"]
    load = " / ".join(f"{x:.2f}" for x in figures["load_before"])
    after = " / ".join(f"{x:.2f}" for x in figures["load_after"])
    lines = [
        f"Try it here, {figures['date']}: site served as GitHub Pages serves it (gzip, "
        "max-age=600), Debian Chromium headless, CPU not throttled",
        f"machine: {figures['cores']} cores; load average (1/5/15 min) {load} before, "
        f"{after} after",
    ]
    if not figures["listed"]:
        lines.append(f"mkdocs.yml does not list {TRY_IT}: the pages have no Run buttons.")
    lines += ["", f"{'figure':44}{'median':>9}  {'range':>13}  target"]
    runs = figures.get("runs")
    if runs is None:
        lines.append(f"Runs: not timed: {RUNTIME.relative_to(REPO)} is missing (make pyodide)")
    else:
        for key, what in (("cold", "cold cache"), ("warm", "warm cache")):
            median = statistics.median(runs[key])
            ok = median <= FIRST_RUN_TARGET
            missed += [] if ok else [f"first Run, {what}: {median:.2f} s"]
            lines.append(
                f"{f'first Run, {what}, click to output (n={len(runs[key])})':44}"
                f"{median:>7.2f} s  {spread(runs[key]):>13}  ≤ {FIRST_RUN_TARGET:g} s  "
                + verdict(ok)
            )
        median, n = statistics.median(runs["later"]), len(runs["later"])
        ok = median <= LATER_TARGET
        missed += [] if ok else [f"later runs: median {median:.2f} s"]
        lines.append(
            f"{f'later runs (n={n})':44}{median:>7.2f} s  "
            f"{spread(runs['later']):>13}  ≤ {LATER_TARGET:g} s median  {verdict(ok)}"
        )
        fetched = runs["warm_runtime_fetches"]
        lines.append(
            f"  warm Runs that fetched runtime files from the server: "
            f"{sum(1 for n in fetched if n)} of {len(fetched)}"
            + (
                ""
                if not any(fetched)
                else "  (NOT warm: "
                + ", ".join(sorted({u.rsplit("/", 1)[-1] for f in fetched for u in f}))
                + ")"
            )
        )
        lines.append(f"  later runs cycled through: {', '.join(runs['later_examples'])}")
        wrong = sorted(set(runs["wrong_output"]))
        lines.append(
            "  every Run printed the stored Python 3.14 output"
            if not wrong
            else f"  WRONG OUTPUT from: {', '.join(wrong)}"
        )
        missed += [f"wrong output: {path}" for path in wrong]
    lines += ["", f"First load, cold cache: {with_} against {without}"]
    lines.append(
        f"  {'page':28}{'bytes as served':>22}{'gzip -6':>18}{'requests':>12}  "
        f"±{BYTES_TOLERANCE:,} B"
    )
    for page, loads in figures["first_load"].items():
        a, b = loads[with_], loads[without]
        delta, gz = a["bytes"] - b["bytes"], a["gzip"] - b["gzip"]
        ok = abs(delta) <= BYTES_TOLERANCE
        missed += [] if ok else [f"first load of /{page}: {delta:+,} B"]
        lines.append(
            f"  {'/' + page:28}{delta:>+12,} ({a['bytes']:,}){gz:>+9,} ({a['gzip']:,})"
            f"{a['requests'] - b['requests']:>+8} ({a['requests']})  {verdict(ok)}"
        )
        for change, path in file_differences(a, b)[:6]:
            lines.append(f"      {change:>+9,} B  {path}")
    runtime = [
        row["url"]
        for loads in figures["first_load"].values()
        for load in loads.values()
        for row in load["files"]
        if RUNTIME_URL.search(row["url"])
    ]
    missed += [f"runtime fetched on a first load: {url}" for url in runtime]
    lines.append(
        f"  requests under assets/pyodide/ (or the worker) on a first load: {len(runtime)}  "
        + verdict(not runtime)
    )
    if not figures["against"]:
        lines.append(
            "  (extra.css's room for the buttons, about 140 B, is in both builds: "
            "`--against REV` counts it, and every other change since REV)"
        )
    lines += [
        "",
        "Lighthouse mobile, home and heaviest page, no lower than without the feature:",
        "  " + lighthouse_advice(figures["listed"]),
    ]
    return "\n".join(lines), missed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="cold/warm pairs (default 5)")
    parser.add_argument("--later", type=int, default=10, help="later runs per pair (default 10)")
    parser.add_argument("--against", metavar="REV", help="compare first loads with a revision")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    figures = run(args.repeats, args.later, args.against)
    text, missed = report(figures)
    if args.json:
        print(json.dumps(figures, indent=2, default=str))
    else:
        print(text)
        print(f"\nmeasured in {time.perf_counter() - start:.0f} s", flush=True)
    for problem in missed:
        print("MISSED:", problem, file=sys.stderr)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Lighthouse mobile performance of this checkout against another revision, side by side.

    .venv/bin/python -m tools.compare_revisions REV [--runs 8]    (make bench-against REV=...)

Builds the working tree and REV (a git worktree in a temporary directory) with
the same packages, serves both as GitHub Pages serves them, and runs Lighthouse's
mobile preset on the home page and the heaviest guide page, the two builds taking
turns. Prints the medians and how often the working tree's TBT was the higher,
with the Mann-Whitney p-value: a change is a drop only when the runs rank it so.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from verify.site.browser import find_chromium
from verify.site.build import build_site, checkout, site_prefix, wait_build
from verify.site.lighthouse import (
    ensure_lighthouse,
    heaviest_page,
    pages_server,
    rank_comparison,
    run_jobs,
)


def measure(rev: str, runs: int) -> dict:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("compare_revisions: no Chromium (sudo apt-get install -y chromium)")
    ensure_lighthouse()
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp, checkout(rev) as before:
        tmp = Path(tmp)
        servers = {"now": pages_server(site_prefix()), "before": pages_server(site_prefix())}
        try:
            jobs = [
                build_site(tmp / "now", site_url=servers["now"].base_url),
                build_site(
                    tmp / "before",
                    config_file=before / "mkdocs.yml",
                    site_url=servers["before"].base_url,
                    cwd=before,
                ),
            ]
            for job, what in zip(jobs, ("working tree", rev)):
                wait_build(job, what)
            for name, server in servers.items():
                server.start(tmp / name)
            pages = ["", heaviest_page(tmp / "now")]
            perf = []
            for run in range(runs):
                order = ("now", "before") if run % 2 == 0 else ("before", "now")
                perf += [
                    {
                        "key": f"{site}|{page}",
                        "url": servers[site].base_url + page,
                        "preset": "mobile",
                        "categories": ["performance"],
                    }
                    for page in pages
                    for site in order
                ]
            rows = run_jobs(perf, chromium)
        finally:
            for server in servers.values():
                server.stop()
    figures: dict = {}
    for row in rows:
        site, page = row["key"].split("|")
        entry = figures.setdefault(page, {}).setdefault(site, {"score": [], "tbt": []})
        entry["score"].append(row["categories"]["performance"])
        entry["tbt"].append(round(row["timings"]["total-blocking-time"]))
    return figures


def report(rev: str, figures: dict) -> str:
    lines = [f"Lighthouse mobile, working tree against {rev}, alternating runs (medians):"]
    for page, sites in figures.items():
        now, before = sites["now"], sites["before"]
        higher, p = rank_comparison(now["tbt"], before["tbt"])
        lines.append(
            f"  /{page}: performance {statistics.median(now['score']):.0f} against "
            f"{statistics.median(before['score']):.0f}; TBT {statistics.median(now['tbt']):.0f} "
            f"against {statistics.median(before['tbt']):.0f} ms (ours higher in {higher:.0%} "
            f"of run pairs, p = {p:.2f}); runs: {now['tbt']} / {before['tbt']}"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the revision to compare with (e.g. HEAD~5, a commit)")
    parser.add_argument("--runs", type=int, default=8, help="runs per page and build")
    args = parser.parse_args(argv)
    print(report(args.rev, measure(args.rev, args.runs)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

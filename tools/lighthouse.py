"""Lighthouse figures of the site beside a default Material build of the same
pages, measured in the same run (`make bench`).

    .venv/bin/python -m tools.lighthouse [--runs 5] [--no-categories] [--json]

Every site is built strictly from the same Markdown with the same Markdown
extensions (so the same snippets are expanded); the default one has
`theme: {name: material}` and nothing else, the no-fonts one adds
`font: false` (verify.site.build.default_config). Each is served from 127.0.0.1
as GitHub Pages serves it (gzip, max-age=600; _GitHubPagesHeaders).
Lighthouse (npm, installed into .cache/lighthouse/ on first use) drives
Debian's Chromium; nothing downloads a browser.

* Performance, mobile preset (simulated throttling): the home page and the
  heaviest guide page (the largest HTML), `--runs` runs each (5: on the
  home page one run's TBT ranges from 0 to 200 ms), ours, the default and
  the default with `font: false` (PERF_SITES) taking turns; the medians are
  printed, and how often ours' TBT is above the other's across run pairs
  with the Mann-Whitney p-value. On a 2-core machine one run varies by
  +-10 points: read the comparison, not one absolute.
* Accessibility, best practices and SEO: every page, mobile and desktop, once
  per site (they do not depend on timing); every audit that lost points.
* When the search index was requested (from the performance runs).

`--check` exits with status 1 when a category other than performance is
below 100 on one of our pages.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from verify.project import PHONE
from verify.site.browser import chromium as launch_chromium
from verify.site.browser import find_chromium
from verify.site.browser import style_work as count_style_work
from verify.site.build import build_site, default_config, page_paths, site_prefix, wait_build
from verify.site.lighthouse import (
    CATEGORIES,
    ensure_lighthouse,
    heaviest_page,
    pages_server,
    rank_comparison,
    run_jobs,
)

# Performance is measured on three sites: ours; the default Material build of
# the same pages (the issue's baseline); and that default with `font: false`.
# The default links a Google Fonts stylesheet in <head>. This machine cannot
# reach Google, yet in Lighthouse's simulation the default still paints
# later than without it (1.5 s against 0.9 s on the heaviest page), and TBT
# counts only what follows the first paint. "no-fonts" is the default as our
# site must be (no third-party request): it shows how much of the default's
# TBT comes from that request (the git history of docs/contributing.md, "Served compressed").
PERF_SITES = ("ours", "default", "no-fonts")


def phone_style_work(urls: dict) -> dict:
    """verify.site.browser.style_work of each URL at phone size (a touch screen,
    as Lighthouse's mobile preset emulates)."""
    counts = {}
    with launch_chromium() as browser:
        for key, url in urls.items():
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
            counts[key] = count_style_work(browser, context.new_page(), url)
            context.close()
    return counts


def measure(runs: int, categories: bool) -> dict:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("lighthouse: no Chromium (sudo apt-get install -y chromium)")
    version = ensure_lighthouse()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        tmp = Path(tmp)
        ours_srv = pages_server(site_prefix())
        default_srv = pages_server("/")
        no_fonts_srv = pages_server("/")
        (tmp / "no-fonts-config").mkdir()
        jobs = [
            # site_url where it is served, as `mkdocs serve` does: instant
            # navigation only handles links whose address is in sitemap.xml.
            (build_site(tmp / "ours", site_url=ours_srv.base_url), "site"),
            (
                build_site(tmp / "default", config_file=default_config(tmp)),
                "default Material site",
            ),
            (
                build_site(
                    tmp / "no-fonts",
                    config_file=default_config(tmp / "no-fonts-config", fonts=False),
                ),
                "default Material site with font: false",
            ),
        ]
        for proc, what in jobs:
            wait_build(proc, what)
        ours_srv.start(tmp / "ours")
        default_srv.start(tmp / "default")
        no_fonts_srv.start(tmp / "no-fonts")
        bases = {
            "ours": ours_srv.base_url,
            "default": default_srv.base_url,
            "no-fonts": no_fonts_srv.base_url,
        }
        heavy = heaviest_page(tmp / "ours")
        perf_pages = ["", heavy]
        try:
            perf_jobs = []
            for run in range(runs):
                order = PERF_SITES if run % 2 == 0 else PERF_SITES[::-1]
                for page in perf_pages:
                    for site in order:
                        perf_jobs.append(
                            {
                                "key": f"{site}|{page}|perf",
                                "url": bases[site] + page,
                                "preset": "mobile",
                                "categories": ["performance"],
                            }
                        )
            started = time.perf_counter()
            work = phone_style_work(
                {
                    f"{site}|{page}": bases[site] + page
                    for page in perf_pages
                    for site in ("ours", "default")
                }
            )
            perf = run_jobs(perf_jobs, chromium)
            cat = []
            if categories:
                cat_jobs = [
                    {
                        "key": f"{site}|{page}|{preset}",
                        "url": bases[site] + page,
                        "preset": preset,
                        "categories": CATEGORIES,
                    }
                    for page in page_paths(tmp / "ours")
                    for preset in ("mobile", "desktop")
                    for site in ("ours", "default")
                ]
                cat = run_jobs(cat_jobs, chromium)
            seconds = time.perf_counter() - started
        finally:
            ours_srv.stop()
            default_srv.stop()
            no_fonts_srv.stop()
    return {
        "lighthouse": version,
        "chromium": chromium,
        "runs": runs,
        "heaviest": heavy,
        "perf": perf,
        "style_work": work,
        "categories": cat,
        "seconds": seconds,
    }


def _median(rows: list[dict], get) -> float:
    return statistics.median(get(r) for r in rows)


def perf_summary(figures: dict) -> dict:
    """{page: {site: {score, tbt, fcp, lcp, scores}}} from the runs."""
    out: dict = {}
    for row in figures["perf"]:
        site, page, _ = row["key"].split("|")
        out.setdefault(page, {}).setdefault(site, []).append(row)
    summary: dict = {}
    for page, sites in out.items():
        for site, rows in sites.items():
            summary.setdefault(page, {})[site] = {
                "score": _median(rows, lambda r: r["categories"]["performance"]),
                "tbt": _median(rows, lambda r: r["timings"]["total-blocking-time"]),
                "fcp": _median(rows, lambda r: r["timings"]["first-contentful-paint"]),
                "lcp": _median(rows, lambda r: r["timings"]["largest-contentful-paint"]),
                "tti": _median(rows, lambda r: r["timings"]["interactive"]),
                "bytes": _median(rows, lambda r: r["timings"]["total-byte-weight"]),
                "main": _median(rows, lambda r: r["timings"]["mainthread-work-breakdown"]),
                "scores": [r["categories"]["performance"] for r in rows],
                "tbts": [round(r["timings"]["total-blocking-time"]) for r in rows],
                "index_ms": [r["searchIndexRequestedMs"] for r in rows],
                "early": [r.get("paintBeforeBundle") for r in rows],
            }
    return summary


def category_problems(figures: dict, site: str = "ours") -> list[str]:
    problems = []
    for row in figures["categories"]:
        who, page, preset = row["key"].split("|")
        if who != site:
            continue
        low = {k: v for k, v in row["categories"].items() if v != 100}
        if low or row["runtimeError"]:
            problems.append(
                f"/{page} {preset}: {low or row['runtimeError']} {'; '.join(row['lost'])}"
            )
    return problems


def report(figures: dict) -> str:
    summary = perf_summary(figures)
    lines = [
        f"Lighthouse {figures['lighthouse']} on {figures['chromium']}, mobile preset "
        f"(simulated throttling), median of {figures['runs']} alternating runs; "
        "every site served from 127.0.0.1 with gzip and max-age=600, like GitHub Pages; "
        "no-fonts: the default with font: false (no Google Fonts request)",
        f"  {'page':<22}{'site':<9}{'perf':>5}{'TBT ms':>8}{'main s':>8}{'FCP s':>7}"
        f"{'LCP s':>7}{'TTI s':>7}{'KB':>6}  runs (perf; TBT)",
    ]
    verdicts = []
    for page in ["", figures["heaviest"]]:
        label = "home" if page == "" else f"{page.rstrip('/')} (heaviest)"
        for site in PERF_SITES:
            s = summary[page][site]
            lines.append(
                f"  {label if site == 'ours' else '':<22}{site:<9}{s['score']:>5.0f}"
                f"{s['tbt']:>8.0f}{s['main'] / 1000:>8.2f}{s['fcp'] / 1000:>7.1f}"
                f"{s['lcp'] / 1000:>7.1f}{s['tti'] / 1000:>7.1f}"
                f"{s['bytes'] / 1000:>6.0f}  {s['scores']}; {s['tbts']}"
            )
        ours, default = summary[page]["ours"], summary[page]["default"]
        met = ours["score"] >= default["score"] and ours["tbt"] <= default["tbt"]
        higher, p = rank_comparison(ours["tbts"], default["tbts"])
        verdicts.append(
            f"  {label}: perf {ours['score']:.0f} vs {default['score']:.0f}, "
            f"TBT {ours['tbt']:.0f} vs {default['tbt']:.0f} ms: "
            + ("met" if met else "NOT MET")
            + (" (>= 95)" if ours["score"] >= 95 else "")
            + f"; ours' TBT higher in {higher:.0%} of run pairs (Mann-Whitney p = {p:.2f})"
        )
        no_fonts = summary[page]["no-fonts"]
        higher, p = rank_comparison(ours["tbts"], no_fonts["tbts"])
        verdicts.append(
            f"  {label}, beside the default with font: false: perf {ours['score']:.0f} vs "
            f"{no_fonts['score']:.0f}, TBT {ours['tbt']:.0f} vs {no_fonts['tbt']:.0f} ms; ours' "
            f"TBT higher in {higher:.0%} of run pairs (Mann-Whitney p = {p:.2f})"
        )
    lines.append(
        "style work while loading (Chromium trace, phone size; independent of machine load):"
    )
    for page in ["", figures["heaviest"]]:
        for site in ("ours", "default"):
            w = figures["style_work"][f"{site}|{page}"]
            lines.append(
                f"  /{page:<20} {site:<8} {w['restyled']:>7,} elements restyled "
                f"({w['elements']:,} on the page, {w['full_restyles']} whole-page restyles)"
            )
    lines.append(
        "main s: all main-thread work of the load (Lighthouse's mainthread-work-breakdown, "
        "CPU slowed 4x), steadier than TBT, which counts only the part of each task that lies "
        "between FCP and TTI and exceeds 50 ms: where FCP and TTI fall beside the bundle's "
        "two long tasks decides most of a short page's TBT"
    )
    lines.append(
        "first paint before the bundle ran, in the load Lighthouse recorded (then its "
        "simulated FCP does not wait for the bundle, and TBT counts both bundle tasks):"
    )
    for page in ["", figures["heaviest"]]:
        for site in PERF_SITES:
            early = summary[page][site]["early"]
            known = [e for e in early if e is not None]
            lines.append(
                f"  /{page:<20} {site:<8} {sum(known)} of {len(known)} runs"
                + (f" ({len(early) - len(known)} unknown)" if len(known) < len(early) else "")
            )
    lines.append("target: perf >= default's and TBT <= default's")
    lines += verdicts
    index = [
        (site, ms)
        for page in summary
        for site in ("ours", "default")
        for ms in summary[page][site]["index_ms"]
    ]
    for site in ("ours", "default"):
        times = [ms for who, ms in index if who == site and ms is not None]
        if times:
            lines.append(
                f"search index ({site}): requested on every load, "
                f"{min(times):.0f}-{max(times):.0f} ms after navigation start, "
                "with nobody searching"
            )
        else:
            lines.append(f"search index ({site}): not requested on load")
    if figures["categories"]:
        lines.append(
            "\naccessibility / best practices / SEO, every page "
            "(mobile | desktop; lighthouse, once per site):"
        )
        table: dict = {}
        for row in figures["categories"]:
            site, page, preset = row["key"].split("|")
            c = row["categories"]
            table.setdefault(page, {})[(site, preset)] = "/".join(
                str(c.get(k, "?")) for k in CATEGORIES
            )
        lines.append(f"  {'page':<18}{'ours':<26}default")
        for page in sorted(table):
            t = table[page]
            lines.append(
                f"  {('/' + page):<18}"
                f"{t.get(('ours', 'mobile'), '?') + ' | ' + t.get(('ours', 'desktop'), '?'):<26}"
                f"{t.get(('default', 'mobile'), '?')} | {t.get(('default', 'desktop'), '?')}"
            )
        problems = category_problems(figures)
        lines.append(
            "  ours: 100/100/100 on every page, mobile and desktop"
            if not problems
            else "  ours below 100:\n" + "\n".join("    " + p for p in problems)
        )
        lost = sorted(
            {
                item
                for r in figures["categories"]
                if r["key"].startswith("default|")
                for item in r["lost"]
            }
        )
        if lost:
            lines.append(
                "  the default loses points on: " + "; ".join(x.split(" (")[0] for x in lost)
            )
    lines.append(f"\nlighthouse runs took {figures['seconds']:.0f} s")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="performance runs per page and site")
    parser.add_argument(
        "--no-categories", action="store_true", help="skip accessibility/best practices/SEO"
    )
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a category is below 100 on our pages"
    )
    args = parser.parse_args(argv)
    figures = measure(args.runs, categories=not args.no_categories)
    print(json.dumps(figures, indent=2) if args.json else report(figures), flush=True)
    return 1 if args.check and category_problems(figures) else 0


if __name__ == "__main__":
    sys.exit(main())

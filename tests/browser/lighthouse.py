"""Lighthouse figures of the site beside a default Material build of the same
pages, measured in the same run (`make bench`).

    .venv/bin/python tests/browser/lighthouse.py [--runs 5] [--no-categories] [--json]

Every site is built strictly from the same Markdown with the same Markdown
extensions (so the same snippets are expanded); the default one has
`theme: {name: material}` and nothing else, the no-fonts one adds
`font: false` (page_weight.default_config). Each is served from 127.0.0.1
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
import functools
import gzip
import http.server
import io
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_support import (  # noqa: E402
    CHROMIUM_ARGS,
    REPO,
    StaticServer,
    build_site,
    find_chromium,
    page_paths,
    site_prefix,
    wait_build,
)
from page_weight import default_config  # noqa: E402

LIGHTHOUSE_DIR = REPO / ".cache" / "lighthouse"
LIGHTHOUSE_SPEC = "lighthouse@13"
RUNNER = Path(__file__).resolve().parent / "lighthouse_runner.mjs"
CATEGORIES = ["accessibility", "best-practices", "seo"]
NOT_GUIDE = {"", "404.html", "api/", "contributing/"}
# Performance is measured on three sites: ours; the default Material build of
# the same pages (the issue's baseline); and that default with `font: false`.
# The default links a Google Fonts stylesheet in <head>. This machine cannot
# reach Google, yet in Lighthouse's simulation the default still paints
# later than without it (1.5 s against 0.9 s on the heaviest page), and TBT
# counts only what follows the first paint. "no-fonts" is the default as our
# site must be (no third-party request): it shows how much of the default's
# TBT comes from that request (Contributing, "Served compressed").
PERF_SITES = ("ours", "default", "no-fonts")


def ensure_lighthouse() -> str:
    """Install Lighthouse from the npm registry into .cache/lighthouse once;
    return its version."""
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    if not package.exists():
        if not shutil.which("npm"):
            raise SystemExit("lighthouse: npm not found (sudo apt-get install -y npm)")
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        manifest = LIGHTHOUSE_DIR / "package.json"
        if not manifest.exists():
            manifest.write_text('{"private": true}\n', encoding="utf-8")
        print(f"installing {LIGHTHOUSE_SPEC} into {LIGHTHOUSE_DIR} ...", flush=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", LIGHTHOUSE_SPEC],
            cwd=LIGHTHOUSE_DIR,
            check=True,
        )
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def run_jobs(jobs: list[dict], chromium: str) -> list[dict]:
    """Run Lighthouse jobs in one Chromium (lighthouse_runner.mjs)."""
    if not jobs:
        return []
    result = subprocess.run(
        ["node", str(RUNNER)],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "CHROME_PATH": chromium,
            "LIGHTHOUSE_DIR": str(LIGHTHOUSE_DIR),
            # The same quiet flags as the browser tests (browser_support.CHROMIUM_ARGS).
            "CHROME_FLAGS": json.dumps(["--headless=new", "--no-sandbox", *CHROMIUM_ARGS]),
        },
        cwd=REPO,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or len(rows) != len(jobs):
        raise RuntimeError(f"lighthouse failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return rows


class _GitHubPagesHeaders:
    """Served as GitHub Pages serves a site, in the two ways that change what
    Lighthouse measures:

    * cache headers (`max-age=600`), instead of the test server's `no-store`.
      Instant navigation rewrites every relative `href` on load, stylesheets
      included, and with `no-store` the browser downloads and applies each
      stylesheet a second time, which no reader of the deployed site pays
      for. Lighthouse empties the cache before each run, so every run is
      still a first visit;
    * text files gzip-compressed when the browser accepts it. Lighthouse's
      simulated slow network times each file by the bytes it transferred:
      uncompressed, Material's stylesheet and bundle (138 KB and 114 KB)
      put every site's simulated first paint about a second later than a
      reader of the deployed site sees it (Contributing, "Served compressed").
    """

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        http.server.SimpleHTTPRequestHandler.end_headers(self)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urllib.parse.urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or os.path.splitext(path)[1] not in _COMPRESSED
            or not os.path.isfile(path)
        ):
            return http.server.SimpleHTTPRequestHandler.send_head(self)
        body = _gzipped(path, os.stat(path).st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


# What GitHub Pages compresses, of the file types a built site has.
_COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """The file gzip-compressed, once per version (not on every request)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def pages_server(prefix: str) -> StaticServer:
    server = StaticServer(prefix)
    server._handler = type("Handler", (_GitHubPagesHeaders, server._handler), {})
    return server


def heaviest_page(site_dir: Path) -> str:
    """The guide page with the most HTML (not home, 404, API index, contributing)."""

    def size(path: str) -> int:
        return (site_dir / path / "index.html").stat().st_size

    guide = [p for p in page_paths(site_dir) if p not in NOT_GUIDE and p.endswith("/")]
    return max(guide, key=size)


def style_work(urls: dict) -> dict:
    """browser_support.style_work of each URL at phone size (a touch screen,
    as Lighthouse's mobile preset emulates)."""
    from browser_support import chromium
    from browser_support import style_work as count

    counts = {}
    with chromium() as browser:
        for key, url in urls.items():
            context = browser.new_context(
                viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True
            )
            counts[key] = count(browser, context.new_page(), url)
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
            work = style_work(
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


def rank_comparison(ours: list[float], default: list[float]) -> tuple[float, float]:
    """How often ours is above the default, and whether that is chance.

    Returns the share of (ours, default) run pairs in which ours is higher
    (ties count half; 0.5 means no difference) and the two-sided p-value of
    the Mann-Whitney U test for it (normal approximation, tie-corrected).
    Five runs a side cannot give p below about 0.01, and one run's TBT on the
    home page ranges over 200 ms, so a difference of medians alone decides
    little: this says whether the runs rank the two sites at all.
    """
    n1, n2 = len(ours), len(default)
    if not n1 or not n2:
        raise ValueError("rank_comparison needs runs on both sides")
    u = sum((a > b) + 0.5 * (a == b) for a in ours for b in default)
    n = n1 + n2
    counts: dict = {}
    for value in [*ours, *default]:
        counts[value] = counts.get(value, 0) + 1
    ties = sum(t**3 - t for t in counts.values())
    variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
    if variance == 0:  # every run the same value
        return u / (n1 * n2), 1.0
    z = (abs(u - n1 * n2 / 2) - 0.5) / math.sqrt(variance)  # continuity-corrected
    return u / (n1 * n2), min(1.0, math.erfc(max(z, 0.0) / math.sqrt(2)))


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

"""Page weight of a cold first load of the home page, measured in Chromium.

Prints the bytes and the number of requests of our home page beside the same
figures for a default Material site built from the same pages (same nav and
Markdown extensions, but `theme: {name: material}` and nothing else), so a
change that makes our pages heavier than stock Material shows up.

    .venv/bin/python -m tools.page_weight [--json] [--check]

Both sites are built strictly into temporary directories, served from
127.0.0.1, and loaded with an empty cache. The default site is measured twice:
"offline", with its requests to Google Fonts blocked (and counted), and
"online", with Google Fonts answered by a local replica of its files
(google_fonts_replica.py; the lighter of its two models is kept, so the figure
errs low). Online is what a default site costs its readers; ours
uses system fonts and makes no third-party request either way.
"Bytes" are response bodies as served (no compression, like
`python -m http.server`); "gzip" is what the same bodies weigh compressed
(gzip -6), close to what GitHub Pages sends. `--check` exits with status 1
when ours is heavier (bytes or requests) than the default.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from tools.google_fonts_replica import MODELS, GoogleFontsReplica
from verify.site.browser import chromium
from verify.site.build import build_site, default_config, site_prefix, wait_build
from verify.site.serve import StaticServer


def measure(browser, url: str, settle_ms: int = 700, fonts: GoogleFontsReplica | None = None):
    """Load `url` in a fresh context (cold cache) and tally every request.

    Requests to other hosts are blocked, except Google Fonts' when `fonts`
    (a replica) is given: those are answered by it and counted.
    """
    context = browser.new_context()
    origin = urllib.parse.urlsplit(url).netloc
    rows: dict = {}
    blocked: list[str] = []

    def route(route):
        if urllib.parse.urlsplit(route.request.url).netloc == origin:
            route.continue_()
        elif fonts and fonts.handles(route.request.url):
            fonts.fulfil(route)
        else:
            blocked.append(route.request.url)
            route.abort()

    def finished(request):
        response = request.response()
        body = response.body() if response else b""
        rows[request.url] = {
            "url": request.url,
            "status": response.status if response else None,
            "bytes": len(body),
            "gzip": len(gzip.compress(body, 6)) if body else 0,
        }

    context.route("**/*", route)
    context.on("requestfinished", finished)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(settle_ms)
    context.close()
    local = sorted(rows.values(), key=lambda r: -r["bytes"])
    elsewhere = [r for r in local if urllib.parse.urlsplit(r["url"]).netloc != origin]
    return {
        "url": url,
        "requests": len(local) + len(blocked),
        "third_party": len(elsewhere) + len(blocked),
        "third_party_urls": [r["url"] for r in elsewhere] + blocked,
        "blocked_requests": blocked,
        "bytes": sum(r["bytes"] for r in local),
        "gzip": sum(r["gzip"] for r in local),
        "files": local,
    }


def measure_online(browser, url: str) -> dict:
    """The default site with its Google Fonts, under the lighter replica model;
    `{"error": ...}` when the replica cannot be fetched (no npm registry)."""
    results = []
    for model in MODELS:
        try:
            figures = measure(browser, url, fonts=GoogleFontsReplica(model))
        except OSError as error:
            return {"error": f"font replica unavailable ({error})"}
        results.append({**figures, "fonts_model": model})
    return min(results, key=lambda r: r["bytes"])


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        tmp = Path(tmp)
        ours_dir, default_dir = tmp / "ours", tmp / "default"
        jobs = [
            (build_site(ours_dir), "site"),
            (build_site(default_dir, config_file=default_config(tmp)), "default Material site"),
        ]
        for proc, what in jobs:
            wait_build(proc, what)
        ours_srv = StaticServer(site_prefix()).start(ours_dir)
        default_srv = StaticServer("/").start(default_dir)
        try:
            with chromium() as browser:
                # One warm-up load so the first measurement does not pay for
                # Chromium's own start-up work.
                measure(browser, default_srv.base_url, settle_ms=0)
                figures = {
                    "ours": measure(browser, ours_srv.base_url),
                    "default": measure(browser, default_srv.base_url),
                }
                figures["default_online"] = measure_online(browser, default_srv.base_url)
                return figures
        finally:
            ours_srv.stop()
            default_srv.stop()


def _name(url: str) -> str:
    path = urllib.parse.urlsplit(url).path
    return path.rsplit("/", 2)[-1] or path.rsplit("/", 2)[-2] + "/" or "/"


def _kind(url: str) -> str:
    """A file's name without its content hash; the page itself is `page`."""
    name = _name(url)
    if name.endswith("/") or "." not in name:
        return "page (HTML)"
    return re.sub(r"\.[0-9a-f]{8}(\.min)?\.", ".", name)


COLUMNS = (("ours", "ours"), ("default", "default offline"), ("default_online", "default online"))


def report(figures: dict) -> str:
    ours, default = figures["ours"], figures["default"]
    columns = [(key, label) for key, label in COLUMNS if "error" not in figures[key]]

    def row(label, value):
        return f"{label:30}" + "".join(f"{value(figures[key]):>17,}" for key, _ in columns)

    lines = [
        "Cold first load of the home page (Chromium, empty cache)",
        f"{'':30}" + "".join(f"{label:>17}" for _, label in columns),
        row("requests", lambda f: f["requests"]),
        row("  of them to other hosts", lambda f: f["third_party"]),
        row("bytes (as served)", lambda f: f["bytes"]),
        row("bytes (gzip -6)", lambda f: f["gzip"]),
        "",
        "default offline: its requests to Google Fonts blocked (what it weighs with no network).",
    ]
    online = figures["default_online"]
    if "error" in online:
        lines.append(f"default online: not measured: {online['error']}.")
    else:
        lines.append(
            "default online: Google Fonts answered by a local replica of its files "
            f"({online['fonts_model']} fonts, the lighter of two models)."
        )
        lines.append(_versus(ours, online, "default online"))
    lines.append(_versus(ours, default, "default offline"))
    lines += ["", "difference from default offline, file by file (bytes as served):"]
    mine = {_kind(r["url"]): r["bytes"] for r in ours["files"]}
    theirs = {_kind(r["url"]): r["bytes"] for r in default["files"]}
    for name in sorted(
        set(mine) | set(theirs), key=lambda n: -abs(mine.get(n, 0) - theirs.get(n, 0))
    ):
        delta = mine.get(name, 0) - theirs.get(name, 0)
        if delta:
            where = (
                f" ({WHY[name]})"
                if name in WHY
                else ""
                if name in mine and name in theirs
                else (" (ours only)" if name in mine else " (default only)")
            )
            lines.append(f"  {delta:>+9,}  {name}{where}")
    for url in default["blocked_requests"]:
        lines.append(f"  {'+?':>9}  {url} (default only, blocked: third party)")
    for key, label in columns:
        lines.append(f"\n{label}: {figures[key]['url']}")
        for file in figures[key]["files"]:
            lines.append(f"  {file['bytes']:>9,} B  {file['status']}  {_name(file['url'])}")
        for url in figures[key]["blocked_requests"]:
            lines.append(f"  {'blocked':>11}  ---  {url}")
    return "\n".join(lines)


# What the files only we load are for (see mkdocs.yml).
WHY = {
    "palette.css": "ours only: light/dark toggle",
    "sitemap.xml": "ours only: instant navigation reads it",
    "extra.css": "ours only: contrast and focus fixes for accessibility",
    "page (HTML)": "toggle, edit link, description, canonical link",
}


def _versus(ours: dict, other: dict, label: str) -> str:
    bytes_, requests = ours["bytes"] - other["bytes"], ours["requests"] - other["requests"]
    return (
        f"ours vs {label}: {bytes_:+,} bytes ("
        + ("lighter or equal" if bytes_ <= 0 else "HEAVIER")
        + f"), {requests:+} requests ("
        + ("as many or fewer" if requests <= 0 else "MORE")
        + ")"
    )


def baseline(figures: dict) -> tuple[str, dict]:
    """What the target compares against: the default site as its readers
    get it (online), or offline when the font replica was unavailable."""
    if "error" in figures["default_online"]:
        return "default offline", figures["default"]
    return "default online", figures["default_online"]


def heavier(figures: dict) -> list[str]:
    ours = figures["ours"]
    label, default = baseline(figures)
    problems = []
    for key in ("bytes", "requests"):
        if ours[key] > default[key]:
            problems.append(f"ours has more {key} ({ours[key]}) than {label} ({default[key]})")
    if ours["third_party"]:
        problems.append(f"ours asks other hosts: {ours['third_party_urls']}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--check", action="store_true", help="fail if ours is heavier")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    figures = run()
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    if not args.json:
        print(f"\nmeasured in {time.perf_counter() - start:.1f} s", flush=True)
    problems = heavier(figures)
    for problem in problems:
        print("HEAVIER:", problem, file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())

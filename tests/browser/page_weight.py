"""Page weight of a cold first load of the home page, measured in Chromium.

Prints the bytes and the number of requests of our home page beside the same
figures for a default Material site built from the same pages (same nav and
Markdown extensions, but `theme: {name: material}` and nothing else), so a
change that makes our pages heavier than stock Material shows up.

    .venv/bin/python tests/browser/page_weight.py [--json] [--check]

Both sites are built strictly into temporary directories, served from
127.0.0.1, and loaded with an empty cache; every request to another host is
blocked and counted (the default theme asks Google Fonts for Roboto).
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_support import (  # noqa: E402
    CONFIG,
    REPO,
    StaticServer,
    build_site,
    chromium,
    site_prefix,
    wait_build,
)


def _top_level_block(text: str, key: str) -> str:
    """The `key:` block of a YAML file, verbatim (keeps its tags)."""
    match = re.search(rf"^{key}:.*?(?=^\S|\Z)", text, re.S | re.M)
    return match.group(0) if match else ""


def default_config(directory: Path) -> Path:
    """A minimal mkdocs.yml rendering our pages with stock Material."""
    ours = CONFIG.read_text(encoding="utf-8")
    parts = [
        "site_name: Default Material",
        f"docs_dir: {json.dumps(str(REPO / 'docs'))}",
        "theme:\n  name: material",
        _top_level_block(ours, "nav"),
        _top_level_block(ours, "markdown_extensions"),
    ]
    path = directory / "mkdocs.yml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def measure(browser, url: str, settle_ms: int = 700) -> dict:
    """Load `url` in a fresh context (cold cache) and tally every request."""
    context = browser.new_context()
    origin = urllib.parse.urlsplit(url).netloc
    rows: dict = {}
    blocked: list[str] = []

    def route(route):
        if urllib.parse.urlsplit(route.request.url).netloc == origin:
            route.continue_()
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
    return {
        "url": url,
        "requests": len(local) + len(blocked),
        "local_requests": len(local),
        "blocked_requests": blocked,
        "bytes": sum(r["bytes"] for r in local),
        "gzip": sum(r["gzip"] for r in local),
        "files": local,
    }


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
                return {
                    "ours": measure(browser, ours_srv.base_url),
                    "default": measure(browser, default_srv.base_url),
                }
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


def report(figures: dict) -> str:
    ours, default = figures["ours"], figures["default"]
    lines = [
        "Cold first load of the home page (Chromium, empty cache, no network)",
        f"{'':24}{'ours':>12}{'default':>12}",
        f"{'requests':24}{ours['requests']:>12}{default['requests']:>12}",
        f"{'  of them blocked (3rd party)':24}{len(ours['blocked_requests']):>8}"
        f"{len(default['blocked_requests']):>12}",
        f"{'bytes (as served)':24}{ours['bytes']:>12,}{default['bytes']:>12,}",
        f"{'bytes (gzip -6)':24}{ours['gzip']:>12,}{default['gzip']:>12,}",
    ]
    lines += ["", "difference, file by file (bytes as served):"]
    mine = {_kind(r["url"]): r["bytes"] for r in ours["files"]}
    theirs = {_kind(r["url"]): r["bytes"] for r in default["files"]}
    for name in sorted(
        set(mine) | set(theirs), key=lambda n: -abs(mine.get(n, 0) - theirs.get(n, 0))
    ):
        delta = mine.get(name, 0) - theirs.get(name, 0)
        if delta:
            where = (
                ""
                if name in mine and name in theirs
                else (" (ours only)" if name in mine else " (default only)")
            )
            lines.append(f"  {delta:>+9,}  {name}{where}")
    for url in default["blocked_requests"]:
        lines.append(f"  {'+?':>9}  {url} (default only, blocked: third party)")
    for key in ("ours", "default"):
        lines.append(f"\n{key}: {figures[key]['url']}")
        for row in figures[key]["files"]:
            lines.append(f"  {row['bytes']:>9,} B  {row['status']}  {_name(row['url'])}")
        for url in figures[key]["blocked_requests"]:
            lines.append(f"  {'blocked':>11}  ---  {url}")
    return "\n".join(lines)


def heavier(figures: dict) -> list[str]:
    ours, default = figures["ours"], figures["default"]
    problems = []
    for key in ("bytes", "requests"):
        if ours[key] > default[key]:
            problems.append(f"ours has more {key} ({ours[key]}) than default ({default[key]})")
    if ours["blocked_requests"]:
        problems.append(f"ours asks third-party hosts: {ours['blocked_requests']}")
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

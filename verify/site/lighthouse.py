"""Lighthouse, run on Debian's Chromium against a site served as GitHub Pages serves it.

Shared by the Lighthouse test (tests/browser/test_lighthouse.py) and the
measuring tool (tools/lighthouse.py). Lighthouse itself comes from npm,
installed into .cache/lighthouse/ on first use.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import math
import os
import shutil
import subprocess
import urllib.parse
from pathlib import Path

from verify.project import REPO
from verify.site.browser import CHROMIUM_ARGS
from verify.site.build import page_paths
from verify.site.serve import StaticServer

LIGHTHOUSE_DIR = REPO / ".cache" / "lighthouse"
LIGHTHOUSE_SPEC = "lighthouse@13"
RUNNER = REPO / "tools" / "lighthouse_runner.mjs"
CATEGORIES = ["accessibility", "best-practices", "seo"]
NOT_GUIDE = {"", "404.html", "api/", "contributing/"}


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
            # The same quiet flags as the browser tests (verify.site.browser.CHROMIUM_ARGS).
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
      reader of the deployed site sees it (the git history of docs/contributing.md, "Served compressed").
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

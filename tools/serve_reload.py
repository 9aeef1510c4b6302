"""Save-to-reload time of `mkdocs serve` for a snippet edit (`make bench`).

Measures the README's command, `mkdocs serve --dirty` (which rebuilds only
the pages an edit changes; hooks/reload_includes.py), and beside it
a plain `mkdocs serve`, which rebuilds every page.

Copies the site's sources (mkdocs.yml, docs/, snippets/, includes/, overrides/
and the hook hooks/reload_includes.py) into a
temporary directory, runs `mkdocs serve` there on a free port, opens the page
that includes one snippet in Chromium, then edits that snippet (appends a
comment line) several times. For each edit it measures, from the moment the
file is written, until the browser shows the page with the edited code: the
file watch, the rebuild, live reload's poll and the page load. The working
tree is never touched.

    .venv/bin/python -m tools.serve_reload [--edits 3] [--page model] [--dirty-only]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from verify.project import REPO
from verify.site.browser import chromium

SOURCES = ["mkdocs.yml", "docs", "snippets", "includes", "overrides", "hooks"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_snippet(page: str) -> str:
    text = (REPO / "docs" / f"{page}.md").read_text(encoding="utf-8")
    match = re.search(r'--8<-- "(snippets/[^"]+\.py)"', text)
    if not match:
        raise SystemExit(f"docs/{page}.md includes no snippet")
    return match.group(1)


def measure(edits: int = 3, page: str = "model", dirty: bool = True) -> dict:
    snippet = first_snippet(page)
    with tempfile.TemporaryDirectory(prefix="serve-reload-") as tmp:
        tmp = Path(tmp)
        for name in SOURCES:
            src = REPO / name
            if src.is_dir():
                shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                (tmp / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, tmp / name)
        port = free_port()
        log = (tmp / "serve.log").open("w")
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                *(["--dirty"] if dirty else []),
                "-a",
                f"127.0.0.1:{port}",
            ],
            cwd=tmp,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            deadline = time.monotonic() + 120
            while "Serving on" not in (tmp / "serve.log").read_text():
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "mkdocs serve did not start:\n" + (tmp / "serve.log").read_text()
                    )
                time.sleep(0.1)
            times = []
            with chromium() as browser:
                tab = browser.new_page()
                # The server redirects / to the site_url path.
                tab.goto(base, wait_until="load")
                url = tab.url.rstrip("/") + f"/{page}/"
                tab.goto(url, wait_until="load")
                tab.wait_for_timeout(1500)
                target = tmp / snippet
                original = target.read_text(encoding="utf-8")
                for n in range(edits):
                    marker = f"# reload check {n} {time.time_ns()}"
                    started = time.perf_counter()
                    target.write_text(original + marker + "\n", encoding="utf-8")
                    while True:
                        try:
                            if tab.evaluate("m => document.body.innerText.includes(m)", marker):
                                break
                        except Exception:  # the page is reloading
                            pass
                        if time.perf_counter() - started > 60:
                            raise RuntimeError("the page did not reload within 60 s")
                        time.sleep(0.02)
                    times.append(time.perf_counter() - started)
                    tab.wait_for_load_state("load")
                    tab.wait_for_timeout(1000)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        builds = re.findall(
            r"Documentation built in ([\d.]+) seconds", (tmp / "serve.log").read_text()
        )
    return {
        "command": "mkdocs serve --dirty" if dirty else "mkdocs serve",
        "page": page,
        "snippet": snippet,
        "seconds": times,
        "median": statistics.median(times),
        "rebuilds": [float(b) for b in builds[1:]],
    }


def report(figures: dict, target: bool = True) -> str:
    runs = ", ".join(f"{t:.2f}" for t in figures["seconds"])
    rebuilds = ", ".join(f"{t:.2f}" for t in figures["rebuilds"])
    return (
        f"{figures['command']}, save-to-reload for an edit of {figures['snippet']} "
        f"(page /{figures['page']}/): median {figures['median']:.2f} s [{runs}]"
        + (" (target <= 1.5 s)" if target else "")
        + f"; of which the rebuild: [{rebuilds}] s"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--page", default="model")
    parser.add_argument(
        "--dirty-only", action="store_true", help="skip the plain `mkdocs serve` comparison"
    )
    args = parser.parse_args(argv)
    print(report(measure(args.edits, args.page)), flush=True)
    if not args.dirty_only:
        print(
            "  beside it, " + report(measure(args.edits, args.page, dirty=False), target=False),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Building the site for the browser tests and the measuring tools, and its page list."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import yaml

from verify.project import REPO

CONFIG = REPO / "mkdocs.yml"

# `mkdocs build --strict` with settings overridden (`site_url`, `extra_javascript`),
# which the command line cannot do (`mkdocs serve` does the same through this API).
_BUILD_WITH_OVERRIDES = """
import json, logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
config_file, site_dir, overrides = sys.argv[1:4]
config = load_config(config_file, site_dir=site_dir, strict=True, **json.loads(overrides))
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""


class BuildFailed(RuntimeError):
    pass


def build_site(
    site_dir: Path,
    *,
    config_file: Path = CONFIG,
    site_url: str | None = None,
    env: dict | None = None,
    cwd: Path = REPO,
    overrides: dict | None = None,
) -> subprocess.Popen:
    """Start `mkdocs build --strict` of `config_file` into `site_dir` (with
    `site_url` and any other setting in `overrides` replaced); finish it with
    `wait_build`.

    Runs from the repository root (`cwd`: another checkout's), because
    pymdownx.snippets resolves `--8<-- "snippets/..."` against the working directory.
    """
    overrides = {**(overrides or {}), **({"site_url": site_url} if site_url else {})}
    if overrides:
        command = ["-c", _BUILD_WITH_OVERRIDES, str(config_file), str(site_dir)]
        command.append(json.dumps(overrides))
    else:
        command = ["-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    return subprocess.Popen(
        [sys.executable, *command],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_build(proc: subprocess.Popen, what: str = "site") -> None:
    out, _ = proc.communicate(timeout=180)
    if proc.returncode != 0:
        raise BuildFailed(f"strict build of the {what} failed:\n{out[-4000:]}")


@contextlib.contextmanager
def checkout(rev: str):
    """Yield a temporary checkout of `rev` (a detached git worktree), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="checkout-") as tmp:
        where = Path(tmp) / "checkout"
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", where, rev], cwd=REPO, check=True
        )
        try:
            yield where
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", where], cwd=REPO)


def extra_javascript() -> list[str]:
    """The scripts `mkdocs.yml` lists under `extra_javascript` (their paths)."""
    block = _top_level_block(CONFIG.read_text(encoding="utf-8"), "extra_javascript")
    entries = (yaml.safe_load(block) or {}).get("extra_javascript") or []
    return [entry if isinstance(entry, str) else entry["path"] for entry in entries]


def site_url() -> str:
    """The configured `site_url` (read without loading plugins)."""
    for line in CONFIG.read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    raise ValueError("mkdocs.yml has no site_url")


def site_prefix() -> str:
    """Path part of `site_url`, e.g. `/tasks-and-futures/` (GitHub Pages)."""
    path = urllib.parse.urlsplit(site_url()).path or "/"
    return path if path.endswith("/") else path + "/"


def page_paths(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths relative to its root.

    `model/index.html` becomes `model/`, `index.html` becomes ``, other files
    keep their name (`404.html`, or `model.html` in an offline build).
    Theme assets and the search index are not pages.
    """
    pages = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        pages.append(rel)
    return pages


# ---------------------------------------------------------------------------
# Pages, discovered from the sources (collection time) and checked against
# the build (test_browser_static.py), so a new page is tested without editing a list.


def docs_page_paths() -> list[str]:
    """URL path of every page under docs/, as MkDocs builds it, plus 404."""
    paths = []
    for md in sorted((REPO / "docs").rglob("*.md")):
        rel = md.relative_to(REPO / "docs")
        if any(part.startswith(".") for part in rel.parts):
            continue
        stem = rel.with_suffix("").as_posix()
        if rel.name in ("index.md", "README.md"):
            stem = rel.parent.as_posix()
            paths.append("" if stem == "." else stem + "/")
        else:
            paths.append(stem + "/")
    return sorted(set(paths)) + ["404.html"]


def page_id(path: str) -> str:
    return path.rstrip("/") or "home"


def _top_level_block(text: str, key: str) -> str:
    """The `key:` block of a YAML file, verbatim (keeps its tags)."""
    match = re.search(rf"^{key}:.*?(?=^\S|\Z)", text, re.S | re.M)
    return match.group(0) if match else ""


def default_config(directory: Path, fonts: bool = True) -> Path:
    """A minimal mkdocs.yml rendering our pages with stock Material; with
    `fonts=False`, also `font: false` (no Google Fonts, as on our site)."""
    ours = CONFIG.read_text(encoding="utf-8")
    parts = [
        "site_name: Default Material",
        f"docs_dir: {json.dumps(str(REPO / 'docs'))}",
        "theme:\n  name: material" + ("" if fonts else "\n  font: false"),
        _top_level_block(ours, "nav"),
        _top_level_block(ours, "markdown_extensions"),
    ]
    path = directory / "mkdocs.yml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path

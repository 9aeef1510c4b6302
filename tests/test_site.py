"""The site builds, strictly and warning-free, with MkDocs and with Zensical."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from verify.fences import all_fences, parse_fences
from verify.project import ROOT

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_site_sources(dest: Path) -> Path:
    """A scratch copy of what a build reads, so tests never touch the checkout's site/."""
    for name in ("docs", "snippets", "includes"):  # includes/: mkdocs.yml auto_append
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def mkdocs_build(src: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BIN / "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=src,
        env=ENV,
        capture_output=True,
        text=True,
    )


def an_included_snippet() -> tuple[str, str]:
    """(page name, a line of code) of some snippet shown on a page."""
    for fence in all_fences():
        if fence.lang == "python" and fence.includes:
            code = (ROOT / fence.includes[0]).read_text(encoding="utf-8")
            line = next(line for line in code.splitlines() if "asyncio" in line)
            return fence.page.stem, line
    pytest.fail("no page includes a snippet", pytrace=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One strict build of the checkout for this module's tests: (result, site dir)."""
    site = tmp_path_factory.mktemp("built") / "site"
    return mkdocs_build(ROOT, site), site


def test_mkdocs_build_is_strict_and_warning_free(built):
    result, _ = built
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    warnings = [line for line in log.splitlines() if "WARNING" in line]
    assert not warnings, "mkdocs build printed warnings:\n" + "\n".join(warnings)


def test_included_snippets_are_rendered(built):
    result, site = built
    assert result.returncode == 0, result.stderr
    page, line = an_included_snippet()
    rendered = (site / page / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert line.strip() in text, f"docs/{page}.md: the included code {line!r} is not in the page"
    assert "--8<--" not in text.replace(";--8<--", ""), (
        f"docs/{page}.md: an include was not expanded"
    )


def test_every_code_block_on_a_guide_page_has_a_title(built):
    """On a guide page every code block is a titled include: the example's path,
    or "Output". A block without a title is typed into the page, or is text
    indented inside an admonition or a tab that something at column 0 (a
    figure, say) had closed, which Markdown renders as code. (Contributing
    shows commands and Markdown without titles.)"""
    result, site = built
    assert result.returncode == 0, result.stderr
    problems = []
    for page in sorted(site.rglob("index.html")):
        name = page.relative_to(site).parent.as_posix()
        if name == "contributing":
            continue
        rendered = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<div class="highlight">(?!<span class="filename">)', rendered):
            text = html.unescape(re.sub(r"<[^>]+>", "", rendered[match.end() : match.end() + 300]))
            problems.append(f"docs/{name or 'index'}.md: {text.strip()[:80]!r}")
    assert not problems, (
        "Code blocks without a title (an example must be a titled include; indented "
        "text after a figure or tab at column 0 renders this way too, so check the "
        "indentation before it):\n" + "\n".join(problems)
    )


def test_pages_link_our_palette_copy_and_it_is_derived_from_materials(built):
    """docs/stylesheets/palette.css replaces Material's palette stylesheet
    (verify/site/palette.py says why); after a Material upgrade it must be
    re-derived, and the page must still link it instead of Material's."""
    from verify.site import palette as palette_css

    fix = "run `python -m tools.palette_css` and update the file name in overrides/main.html"
    assert palette_css.OURS.read_text(encoding="utf-8") == palette_css.derived(), (
        f"docs/stylesheets/palette.css is not what tools/palette_css.py derives from "
        f"{palette_css.materials().name} and mkdocs.yml's colours: {fix}"
    )
    result, site = built
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="stylesheets/palette.css"' in page, (
        f"the home page does not link docs/stylesheets/palette.css: {fix}"
    )
    assert palette_css.materials().name not in page, (
        f"the home page still links Material's {palette_css.materials().name}: {fix}"
    )


def test_zensical_builds_the_same_config(tmp_path):
    src = copy_site_sources(tmp_path)
    result = subprocess.run(
        [BIN / "zensical", "build", "--clean"], cwd=src, env=ENV, capture_output=True, text=True
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"zensical build failed:\n{log}"
    page, line = an_included_snippet()
    rendered = html.unescape((src / "site" / page / "index.html").read_text(encoding="utf-8"))
    words = [w for w in line.replace("(", " ").replace(")", " ").split() if w.isidentifier()]
    assert words and all(w in rendered for w in words), (
        f"zensical: docs/{page}.md does not show its included code {line!r}"
    )


def test_a_missing_include_fails_the_build(tmp_path):
    src = copy_site_sources(tmp_path / "src")
    page = src / "docs" / "model.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n```python\n--8<-- "snippets/model/no_such_example.py"\n```\n'
    )
    result = mkdocs_build(src, tmp_path / "site")
    assert result.returncode != 0, "a page including a missing file still built"
    assert "snippets/model/no_such_example.py" in result.stdout + result.stderr


# (message a reader pastes into the search box, page that explains it)
PITFALL_MESSAGES = [
    ("was never awaited", "pitfalls"),
    ("Task was destroyed but it is pending!", "pitfalls"),
    ("Task exception was never retrieved", "pitfalls"),
    ("Result is not set", "pitfalls"),
    ("no running event loop", "pitfalls"),
    ("cannot be called from a running event loop", "pitfalls"),
    ("cannot be called from a running event loop", "edge-cases"),
    ("This event loop is already running", "edge-cases"),
    ("Cannot run the event loop while another loop is running", "edge-cases"),
    ("got Future <Future pending> attached to a different loop", "edge-cases"),
    ("is bound to a different event loop", "edge-cases"),
    ("There is no current event loop in thread 'MainThread'.", "edge-cases"),
    ("DeprecationWarning: There is no current event loop", "edge-cases"),
    ("Task exception was never retrieved", "edge-cases"),
    ("Event loop is closed", "edge-cases"),
    ("Task exception was never retrieved", "real-programs"),
    ("Can't pickle local object", "real-programs"),
    ("Can't get local object", "real-programs"),
    ("KeyboardInterrupt", "real-programs"),
    ("cannot reuse already awaited coroutine", "real-programs"),
    ("TaskGroup <TaskGroup> has not been entered", "many-tasks"),
    ("TaskGroup <TaskGroup entered> is finished", "many-tasks"),
    ("has not been entered", "many-tasks"),
    ("is finished", "many-tasks"),
    ("is shutting down", "many-tasks"),
    ("The executor did not finishing joining its threads", "threads"),
    ("The executor did not finishing joining its threads", "pitfalls"),
]


@pytest.mark.parametrize(("message", "page"), PITFALL_MESSAGES)
def test_search_finds_each_pitfall_by_its_error_message(built, message, page):
    """The site's search index has the message in a section of the page that explains it."""
    import json

    result, site = built
    assert result.returncode == 0, result.stderr
    index = json.loads((site / "search" / "search_index.json").read_text())
    found = [
        doc["location"]
        for doc in index["docs"]
        if message in html.unescape(doc["title"] + " " + doc["text"])
    ]
    assert any(loc.startswith(f"{page}/") for loc in found), (
        f"Searching {message!r} does not reach docs/{page}.md (found in: {found}). "
        f"Fix: name the message in the section's heading or text."
    )


def test_dirty_rebuilds_follow_includes(tmp_path, monkeypatch):
    """`make serve` runs `mkdocs serve --dirty`, where MkDocs rebuilds only
    pages whose Markdown changed; hooks/reload_includes.py adds the
    pages whose included snippets changed, and everything when a page or the
    config changed. Rebuilds the way `mkdocs serve --dirty` does: a fresh
    config each time, on_startup once, build(dirty=True)."""
    import json
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    src = copy_site_sources(tmp_path / "src")
    site = tmp_path / "site"
    monkeypatch.chdir(src)  # include paths are relative to the working directory

    def rebuild(first=False):
        config = load_config(config_file=str(src / "mkdocs.yml"), site_dir=str(site))
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)
        pages = {p.parent.relative_to(site).as_posix(): p for p in site.glob("**/index.html")}
        stamps = {name: p.stat().st_mtime_ns for name, p in pages.items()}
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        return pages, stamps, sorted(d["location"] for d in index["docs"])

    def edit(path: Path) -> str:
        marker = f"edited {time.time_ns()}"
        time.sleep(0.01)  # a later mtime than the last build's files
        path.write_text(path.read_text(encoding="utf-8") + f"# {marker}\n", encoding="utf-8")
        return marker

    def first_include(page: str) -> Path:

        fences = parse_fences(src / "docs" / f"{page}.md")
        included = [inc for fence in fences for inc in fence.includes if inc.endswith(".py")]
        assert included, f"docs/{page}.md includes no snippet"
        return src / included[0]

    pages, before, full_index = rebuild(first=True)
    fix = "see hooks/reload_includes.py"

    marker = edit(first_include("model"))
    pages, after, index = rebuild()
    assert marker in pages["model"].read_text(encoding="utf-8"), (
        f"an edited snippet did not show on its page after a --dirty rebuild: {fix}"
    )
    rebuilt = sorted(name for name in after if after[name] != before[name])
    assert rebuilt == ["model"], f"a snippet edit rebuilt {rebuilt}, not only model/: {fix}"
    assert index == full_index, f"the search index lost or doubled entries: {fix}"

    # The home page's search entries would replace every other page's: all pages.
    edit(first_include("index"))
    pages, again, index = rebuild()
    assert all(again[name] != after[name] for name in again), f"not every page was rebuilt: {fix}"
    assert index == full_index, f"the search index lost or doubled entries: {fix}"

    # A page changed: navigation and headings may change on every page.
    edit(src / "docs" / "versions.md")
    pages, last, _ = rebuild()
    assert all(last[name] != again[name] for name in last), f"not every page was rebuilt: {fix}"

    # A template changed: every page shows it (compiled templates are cached).
    template = src / "overrides" / "main.html"
    marker = f"template {time.time_ns()}"
    time.sleep(0.01)
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{% block extrahead %}",
            f'{{% block extrahead %}}<meta name="x-test" content="{marker}">',
        ),
        encoding="utf-8",
    )
    pages, _, _ = rebuild()
    stale = sorted(n for n, p in pages.items() if marker not in p.read_text(encoding="utf-8"))
    assert not stale, f"pages built without the edited template: {stale}: {fix}"

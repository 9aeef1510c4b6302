"""Every page, in Chromium: clean load, accessibility light and dark, phone
width, and copy buttons that copy exactly the included snippet."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import REPO, REPORT, docs_page_paths, page_id

AXE = Axe()
FAILING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 375, "height": 740}

# Wait for CSS transitions (the palette switch fades colours), at most 2 s.
SETTLE = """() => Promise.race([
  Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
  new Promise(r => setTimeout(r, 2000)),
])"""


def axe_findings(page, label: str, path: str) -> list[str]:
    """Serious/critical axe violations as readable lines; others are noted."""
    page.evaluate(SETTLE)
    violations = AXE.run(page).response["violations"]
    lines = []
    for v in violations:
        if v["impact"] in FAILING_IMPACTS:
            for node in v["nodes"][:5]:
                summary = (node.get("failureSummary") or "").replace("\n", " ")
                lines.append(f"[{label}] {v['id']} ({v['impact']}) {node['target']}: {summary}")
            if len(v["nodes"]) > 5:
                lines.append(f"[{label}] {v['id']}: ... {len(v['nodes']) - 5} more")
        else:
            REPORT["axe_minor"].setdefault(f"{v['id']} ({v['impact']})", set()).add(page_id(path))
    return lines


def switch_palette(page) -> str:
    """Click the visible light/dark toggle; return the new scheme."""
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== {before!r}")
    return page.evaluate("document.body.dataset.mdColorScheme")


# --- snippet includes in the Markdown source ------------------------------

FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$')
TITLE = re.compile(r'title="([^"]*)"')


def snippet_blocks(markdown: str) -> list[tuple[str, str]]:
    """(title, included file) of every fence whose body is one include line."""
    blocks, lines, i = [], markdown.splitlines(), 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, info = match.group(1), match.group(2)
        body, i = [], i + 1
        while i < len(lines):
            stripped = lines[i].strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                break
            body.append(lines[i])
            i += 1
        i += 1
        content = [b for b in body if b.strip()]
        title = TITLE.search(info)
        if title and len(content) == 1 and INCLUDE.match(content[0]):
            blocks.append((title.group(1), INCLUDE.match(content[0]).group(1)))
    return blocks


def source_of(path: str):
    if path.endswith(".html"):
        return None
    md = REPO / "docs" / (path.rstrip("/") + ".md" if path else "index.md")
    return md if md.is_file() else None


def check_copy_buttons(page, path: str) -> tuple[int, list[str]]:
    """Click the copy button of every included Python snippet; compare the
    clipboard with the file under snippets/. Returns (checked, problems)."""
    md = source_of(path)
    if md is None:
        return 0, []
    blocks = [
        (title, inc)
        for title, inc in snippet_blocks(md.read_text(encoding="utf-8"))
        if inc.endswith(".py")
    ]
    problems, checked = [], 0
    for title in sorted({t for t, _ in blocks}):
        files = [inc for t, inc in blocks if t == title]
        rendered = page.locator(".highlight").filter(
            has=page.locator("span.filename", has_text=re.compile(rf"^{re.escape(title)}$"))
        )
        if rendered.count() != len(files):
            problems.append(
                f"{title!r}: {len(files)} include(s) in the source, {rendered.count()} on the page"
            )
            continue
        for n, inc in enumerate(files):
            block = rendered.nth(n)
            if not block.is_visible():
                # Inside an inactive content tab: select that tab first.
                block.evaluate(
                    """el => {
                      const panel = el.closest('.tabbed-block');
                      const set = panel.closest('.tabbed-set');
                      const i = [...panel.parentElement.children].indexOf(panel);
                      set.querySelectorAll(':scope > .tabbed-labels > label')[i].click();
                    }"""
                )
            page.evaluate("navigator.clipboard.writeText('')")
            block.locator("button.md-code__button[data-md-type=copy]").click()
            copied = page.evaluate("navigator.clipboard.readText()")
            expected = (REPO / inc).read_text(encoding="utf-8").rstrip("\n")
            checked += 1
            if copied != expected:
                problems.append(f"copy button of {inc} copied {copied[:120]!r}...")
    return checked, problems


@pytest.mark.parametrize("path", docs_page_paths(), ids=page_id)
def test_page(open_context, site, path):
    context = open_context()
    page = context.new_page()
    response = page.goto(site.url(path))
    assert response.status == 200
    assert page.title().strip()
    problems = []

    # Accessibility: light (the default for a light-preferring reader), then
    # dark through the toggle, as a reader would switch.
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    problems += axe_findings(page, "light", path)
    assert switch_palette(page) == "slate"
    problems += axe_findings(page, "dark", path)

    # Copy buttons copy exactly the snippet file.
    checked, copy_problems = check_copy_buttons(page, path)
    problems += copy_problems

    # Phone: nothing may scroll sideways at 375 px.
    page.set_viewport_size(PHONE)
    page.evaluate(SETTLE)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = page.evaluate(
            """w => [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > w + 1)
                 .filter(e => !e.closest('pre, .md-typeset__scrollwrap, .md-sidebar'))
                 .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)""",
            PHONE["width"],
        )
        problems.append(f"scrollWidth {width} > {PHONE['width']} at phone width: {wide}")

    # Let late requests (search worker and index) finish, then collect.
    page.wait_for_load_state("networkidle")
    problems += context.watch.problems()
    assert not problems, f"{len(problems)} problem(s) on /{path}:\n" + "\n".join(problems)

"""Every page, in Chromium: clean load, accessibility light and dark, phone
width, and copy buttons that copy exactly the included snippet."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.fences import parse_fences
from verify.project import PHONE, REPO
from verify.site.axe import COLOUR_RULES, SETTLE, axe_findings
from verify.site.build import docs_page_paths, page_id

KEY_PAGES = ["", "many-tasks/", "contributing/"]  # screenshots of these


def switch_palette(page) -> str:
    """Click the visible light/dark toggle; return the new scheme."""
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== {before!r}")
    # Colours fade to the new scheme (our palette.css keeps transitions on while
    # switching; tools/palette_css.py): judge them once they have arrived.
    page.evaluate(SETTLE)
    return page.evaluate("document.body.dataset.mdColorScheme")


# --- snippet includes in the Markdown source ------------------------------


def snippet_blocks(page: Path) -> list[tuple[str, str]]:
    """(title, included file) of every titled fence that is one include (the
    page contract's own parser, tests/test_pages.py)."""
    return [
        (fence.title, fence.includes[0])
        for fence in parse_fences(page)
        if fence.title and fence.only_includes and len(fence.includes) == 1
    ]


def source_of(path: str):
    if path.endswith(".html"):
        return None
    md = REPO / "docs" / (path.rstrip("/") + ".md" if path else "index.md")
    return md if md.is_file() else None


# Copy the code of the `.highlight` block at `index` with its copy button,
# as a script (for a block in an inactive content tab: its tab is selected
# first); return what the clipboard then holds.
COPY_BLOCK = """async (index) => {
  const block = document.querySelectorAll('.highlight')[index];
  const panel = block.closest('.tabbed-block');
  if (panel && !block.checkVisibility()) {
    const n = [...panel.parentElement.children].indexOf(panel);
    panel.closest('.tabbed-set').querySelectorAll(':scope > .tabbed-labels > label')[n].click();
  }
  await navigator.clipboard.writeText('\\u0000');
  block.querySelector('button.md-code__button[data-md-type=copy]').click();
  return await (READ_CLIPBOARD)();
}"""
READ_CLIPBOARD = """async () => {
  let text = '\\u0000';
  for (let t = 0; t < 100 && text === '\\u0000'; t++) {
    await new Promise(r => setTimeout(r, 10));
    text = await navigator.clipboard.readText();
  }
  return text;
}"""
COPY_BLOCK = COPY_BLOCK.replace("READ_CLIPBOARD", READ_CLIPBOARD)


def check_copy_buttons(page, path: str) -> tuple[int, list[str]]:
    """Every included Python snippet shows exactly the file under snippets/,
    and the copy button copies exactly that.

    The copy button of the page's first snippet is clicked as a reader does
    (visible, scrolled into view, a real mouse click) and the clipboard
    compared with the file; every snippet's code text is compared with its
    file too (what the copy button copies: it is the same code element).
    Returns (snippets checked, problems)."""
    md = source_of(path)
    if md is None:
        return 0, []
    blocks = [(title, inc) for title, inc in snippet_blocks(md) if inc.endswith(".py")]
    # A title's own text: the Run and Edit buttons of "Try it" (try-it.mjs)
    # join the title row once the reader scrolls or points.
    shown = page.locator(".highlight").evaluate_all(
        """els => els.map(e => [
             e.querySelector(':scope > span.filename')?.firstChild?.textContent.trim(),
             e.querySelector('pre > code')?.textContent])"""
    )
    problems, targets = [], []  # targets: (index of the .highlight, snippet file)
    for title in sorted({t for t, _ in blocks}):
        files = [inc for t, inc in blocks if t == title]
        where = [i for i, (t, _) in enumerate(shown) if t == title]
        if len(where) != len(files):
            problems.append(f"{title!r}: {len(files)} include(s) in the source, {len(where)} shown")
            continue
        targets += zip(where, files)
    targets.sort()
    for index, inc in targets:
        expected = (REPO / inc).read_text(encoding="utf-8").rstrip("\n")
        if (shown[index][1] or "").rstrip("\n") != expected:
            problems.append(f"the page shows {inc} as {shown[index][1][:120]!r}...")
    if not targets:
        return 0, problems
    first, inc = targets[0]
    block = page.locator(".highlight").nth(first)
    if block.is_visible():
        page.evaluate("navigator.clipboard.writeText('\\u0000')")
        block.locator("button.md-code__button[data-md-type=copy]").click()
        copied = page.evaluate(READ_CLIPBOARD)
        # Close the "Copied to clipboard" toast and let it fade out. Left up,
        # Material hides it on a 2 s timer, which on a busy machine fell inside
        # the dark axe run: axe judged the half-faded toast's contrast (1.6 to 2.8:1).
        page.evaluate(
            "document.querySelectorAll('.md-dialog--active')"
            ".forEach(d => d.classList.remove('md-dialog--active'))"
        )
        page.evaluate(SETTLE)
    else:
        copied = page.evaluate(COPY_BLOCK, first)
    if copied != (REPO / inc).read_text(encoding="utf-8").rstrip("\n"):
        problems.append(f"the copy button of {inc} copied {copied[:120]!r}...")
    return len(targets), problems


def screenshot(page, directory, path: str, variant: str, full_page: bool) -> None:
    name = page_id(path).replace("/", "-")
    page.evaluate(SETTLE)
    page.screenshot(
        path=directory / f"{name}-{variant}.png",
        full_page=full_page,
        animations="disabled",
        caret="hide",
    )


@pytest.mark.parametrize("path", docs_page_paths(), ids=page_id)
def test_page(open_context, site, path, record_property, screenshots_dir):
    """One page, loaded once: no console error, failed or third-party
    request; axe light and dark; copy buttons; no sideways scroll at 375 px.
    Key pages also get screenshots in screenshots/ (whole page in light,
    first screen in dark and at phone width)."""
    context = open_context()
    page = context.new_page()
    response = page.goto(site.url(path))
    assert response.status == 200
    assert page.title().strip()
    shots = path in KEY_PAGES
    problems = []

    # Accessibility: light (the default for a light-preferring reader), then
    # dark through the toggle, as a reader would switch.
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    minor: dict = {}
    problems += axe_findings(page, "light", path, minor)
    if shots:
        screenshot(page, screenshots_dir, path, "light", full_page=True)

    # Copy buttons copy exactly the snippet file.
    checked, copy_problems = check_copy_buttons(page, path)
    problems += copy_problems
    md = source_of(path)
    if md is not None and (REPO / "snippets" / md.stem).is_dir() and not checked:
        problems.append(f"{md.name} has examples in snippets/{md.stem}/ but none was checked")

    assert switch_palette(page) == "slate"
    # The dark scheme changes colours only (same DOM): the colour rules.
    problems += axe_findings(page, "dark", path, minor, rules=COLOUR_RULES)
    record_property("axe_minor", minor)  # listed in the terminal summary
    if shots:
        screenshot(page, screenshots_dir, path, "dark", full_page=False)

    # Phone: nothing may scroll sideways at 375 px.
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:  # look again once transitions have finished
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
    if shots:
        assert switch_palette(page) == "default"
        screenshot(page, screenshots_dir, path, "phone", full_page=False)

    # Let every request of the load finish (the search index is not one of
    # them: it waits for search to open), then collect what went wrong.
    page.wait_for_load_state("networkidle")
    problems += context.watch.problems()
    assert not problems, f"{len(problems)} problem(s) on /{path}:\n" + "\n".join(problems)


def test_axe_sampling_catches_low_contrast(open_context, site):
    """The sampled colour-contrast check still fails on a colour that is too
    light, wherever it is used: navigation links (many elements share the
    look), the header title and the page heading."""
    context = open_context()
    page = context.new_page()
    page.goto(site.url("404.html"))
    page.add_style_tag(
        content=".md-nav__link, .md-typeset h1 { color: #bbb !important; }"
        ".md-header__topic { color: #aaf !important; }"
    )
    found = axe_findings(page, "light", "404.html", {}, rules=COLOUR_RULES)
    text = "\n".join(found)
    assert all("color-contrast" in line for line in found), text
    for where in ("md-nav__link", "h1", "md-header__topic"):
        assert where in text, f"no contrast failure reported for {where}:\n{text}"

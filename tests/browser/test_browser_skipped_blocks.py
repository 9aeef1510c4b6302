"""Code blocks and timelines use `content-visibility: auto` (extra.css): the
browser skips their style and layout until they come near the screen. The
reading features that depend on positions must behave exactly as without it:
a link to `page/#section` and a click in the table of contents land on the
heading, toc.follow marks that heading, copy buttons and tabs work far down
the page. The control is the same page with the rule turned off."""

from __future__ import annotations

import pytest
from browser_support import page_paths

# Turns the rule off: the control, what a stock Material page does.
CONTROL_CSS = """
.md-typeset div.highlight, .md-typeset figure.timeline {
  content-visibility: visible !important;
}
"""

HEADINGS = """() => [...document.querySelectorAll(
  '.md-content h2[id], .md-content h3[id]')].map((h) => h.id)"""
TOP = "(id) => document.getElementById(id).getBoundingClientRect().top"
ACTIVE = """() => {
  const a = document.querySelector('.md-nav--secondary .md-nav__link--active');
  return a ? a.hash.slice(1) : null;
}"""
SETTLED = """async () => {  // until the page stops scrolling (smooth scroll)
  let last = -1;
  while (last !== scrollY) {
    last = scrollY;
    await new Promise((r) => setTimeout(r, 150));
  }
}"""


def heaviest(site) -> str:
    """The page with the largest HTML: the most code blocks."""
    sizes = {
        p: (site.served / p / "index.html").stat().st_size
        for p in page_paths(site.served)
        if p.endswith("/")
    }
    return max(sizes, key=sizes.get)


def sample(ids: list[str], n: int = 5) -> list[str]:
    """`n` headings spread over the lower half of the page."""
    lower = ids[len(ids) // 2 :]
    step = max(1, len(lower) // n)
    return lower[::step][:n]


def new_page(open_context, control: bool, **options):
    context = open_context(**options)
    if control:

        def strip(route):
            response = route.fetch()
            route.fulfill(response=response, body=response.text() + CONTROL_CSS)

        context.route("**/stylesheets/extra.css", strip)
    return context, context.new_page()


def skipped_count(page) -> int:
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset div.highlight')]
        .filter((el) => getComputedStyle(el).contentVisibility === 'auto')
        .length"""
    )


@pytest.mark.parametrize("width", [412, 1280], ids=["phone", "desktop"])
def test_anchor_in_address_lands_on_the_heading(open_context, site, width):
    path = heaviest(site)
    tops = {}
    for control in (False, True):
        context, page = new_page(open_context, control, viewport={"width": width, "height": 900})
        page.goto(site.url(path))
        assert (skipped_count(page) == 0) == control  # the rule is on, or off
        ids = sample(page.evaluate(HEADINGS))
        for id_ in ids:
            page.goto("about:blank")
            page.goto(site.url(f"{path}#{id_}"))
            page.wait_for_load_state("load")
            page.evaluate(SETTLED)
            page.wait_for_timeout(300)
            tops[control, id_] = page.evaluate(TOP, id_)
        assert not context.watch.problems()
    for id_ in ids:
        ours, stock = tops[False, id_], tops[True, id_]
        assert abs(ours - stock) <= 2, f"#{id_}: heading at {ours} px, stock {stock} px"
        assert 0 <= ours <= 200, f"#{id_}: heading at {ours} px from the top"


def test_toc_click_lands_and_follows(open_context, site):
    path = heaviest(site)
    landed = {}
    for control in (False, True):
        context, page = new_page(open_context, control)
        page.goto(site.url(path))
        page.wait_for_load_state("load")
        ids = sample(page.evaluate(HEADINGS))
        for id_ in ids:
            page.locator(f'.md-sidebar--secondary a[href$="#{id_}"]').click()
            page.evaluate(SETTLED)
            page.wait_for_timeout(300)
            landed[control, id_] = (page.evaluate(TOP, id_), page.evaluate(ACTIVE))
        assert not context.watch.problems()
    for id_ in ids:
        (ours, active), (stock, stock_active) = landed[False, id_], landed[True, id_]
        assert abs(ours - stock) <= 2, f"#{id_}: heading at {ours} px, stock {stock} px"
        assert active == stock_active == id_, (id_, active, stock_active)


def test_copy_button_and_tabs_far_down_the_page(open_context, site):
    path = heaviest(site)
    context, page = new_page(open_context, False)
    page.goto(site.url(path))
    page.wait_for_load_state("load")
    block = page.locator(".md-content div.highlight:visible").last
    block.scroll_into_view_if_needed()
    block.hover()
    button = block.locator("button.md-code__button, button.md-clipboard").first
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == block.locator("code").inner_text().strip()
    # Tabs: the last tab set with two tabs; its second tab shows its block.
    sets = page.locator(".md-content .tabbed-set:has(.tabbed-labels > label:nth-of-type(2))")
    if sets.count():
        tabs = sets.last
        tabs.scroll_into_view_if_needed()
        tabs.locator(".tabbed-labels > label").nth(1).click()
        shown = tabs.locator(".tabbed-block").nth(1)
        assert shown.is_visible()
        assert shown.inner_text().strip()
        assert not tabs.locator(".tabbed-block").nth(0).is_visible()
    assert not context.watch.problems()

"""Every timeline on the site, in a real browser at phone width, light and dark:
it renders, has an accessible name, fits 375 px without sideways scroll, and
its text and bars stand out from the page (Contributing, "Timelines")."""

from __future__ import annotations

import pytest

from verify.project import INCLUDE_RE, PHONE, REPO

pytestmark = pytest.mark.browser


def pages_with_timelines() -> list[str]:
    """Site paths ('cancellation/') of the pages that include a timeline."""
    found = []
    for page in sorted((REPO / "docs").glob("*.md")):
        includes = INCLUDE_RE.finditer(page.read_text(encoding="utf-8"))
        if any(m.group("path").endswith(".timeline.svg") for m in includes):
            found.append("" if page.stem == "index" else page.stem + "/")
    return found


# Every timeline's size, accessible name and colours, measured in the page.
MEASURE = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 4).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const bg = rgb(getComputedStyle(document.body).backgroundColor);
  return [...document.querySelectorAll("figure.timeline svg")].map((svg) => {
    const box = svg.getBoundingClientRect();
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\\s+/);
    const name = ids.map((id) => document.getElementById(id)?.textContent || "").join(" ");
    const text = svg.querySelector("text.tl-name");
    const step = svg.querySelector(".tl-step");
    const textColour = rgb(getComputedStyle(text).fill);
    const stepColour = rgb(getComputedStyle(step).fill);
    return {
      id: ids[0], role: svg.getAttribute("role"), name: name.trim(),
      left: box.left, right: box.right, width: box.width, height: box.height,
      text: contrast(textColour.slice(0, 3), bg), step: contrast(stepColour.slice(0, 3), bg),
      fontPx: parseFloat(getComputedStyle(text).fontSize) * box.width / svg.viewBox.baseVal.width,
    };
  });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", pages_with_timelines())
def test_timelines_render_named_and_fit_a_phone(open_context, path, scheme):
    context = open_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(path)
    # Variants sit in content tabs; show every tab's content to measure them all.
    page.add_style_tag(content=".tabbed-set > .tabbed-content > * { display: block !important }")
    figures = page.evaluate(MEASURE)
    assert figures, f"/{path}: the page includes a timeline but none rendered"
    problems = []
    for f in figures:
        where = f"/{path} {f['id']} ({scheme})"
        if f["role"] != "img" or not f["name"].startswith("Timeline of"):
            problems.append(f"{where}: no accessible name (role=img + <title>/<desc>)")
        if f["width"] < 200 or f["height"] < 40:
            problems.append(f"{where}: drawn {f['width']:.0f}x{f['height']:.0f} px")
        if f["left"] < 0 or f["right"] > PHONE["width"]:
            problems.append(f"{where}: sticks out of the 375 px screen")
        if f["text"] < 4.5:
            problems.append(f"{where}: lane text contrast {f['text']:.1f}:1 (< 4.5)")
        if f["step"] < 3:
            problems.append(f"{where}: step bar contrast {f['step']:.1f}:1 (< 3)")
        if f["fontPx"] < 11:
            problems.append(f"{where}: lane text drawn at {f['fontPx']:.1f} px (< 11)")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > PHONE["width"]:
        problems.append(f"/{path} ({scheme}): the page scrolls sideways ({scroll} px)")
    assert not problems, "\n".join(problems)
    assert not context.watch.problems(), context.watch.problems()


# ---------------------------------------------------------------------------
# Every stored picture, laid out without collisions (issue 23). The pictures
# are put in one page of our own (no site build needed): each in a
# <figure class="timeline"> styled by the site's extra.css, in the site's font.

DESKTOP = {"width": 1280, "height": 900}
PICTURES = sorted((REPO / "snippets").glob("**/*.timeline.svg"))

# Every <text>'s box in the SVG's own units (getBBox), and the picture's box.
BOXES = """() => [...document.querySelectorAll("figure[data-file]")].map((figure) => {
  const svg = figure.querySelector("svg");
  const view = svg.viewBox.baseVal;
  const texts = [...svg.querySelectorAll("text")].map((t) => {
    const b = t.getBBox();
    return { text: t.textContent.trim(), x: b.x, y: b.y, w: b.width, h: b.height };
  });
  // Points along every arrow, to find one drawn through a label.
  const arrows = [...svg.querySelectorAll(".tl-await, .tl-cancel, path.tl-uncancel")]
    .filter((a) => a.tagName === "path")
    .map((a) => {
      const length = a.getTotalLength();
      const points = [];
      for (let d = 0; d <= length; d += 1) {
        const p = a.getPointAtLength(d);
        points.push([p.x, p.y]);
      }
      return { kind: a.getAttribute("class"), points };
    });
  return { file: figure.dataset.file, width: view.width, height: view.height, texts, arrows };
})"""


def picture_page() -> str:
    css = (REPO / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    figures = "\n".join(
        f'<figure class="timeline" data-file="{p.relative_to(REPO)}">\n'
        f"{p.read_text(encoding='utf-8')}</figure>"
        for p in PICTURES
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<style>{css}\nbody {{ margin: 0 0.8rem; font-family: var(--md-text-font-family);"
        " font-size: 16px }</style></head>"
        f"<body><div class='md-typeset'>{figures}</div></body></html>"
    )


def collisions(figure: dict, slack: float = 0.5) -> list[str]:
    """Two texts whose boxes overlap, or a text outside the picture (SVG units)."""
    problems = []
    texts = [t for t in figure["texts"] if t["text"] and t["w"] > 0]
    for t in texts:
        if (
            t["x"] < -slack
            or t["y"] < -slack
            or t["x"] + t["w"] > figure["width"] + slack
            or t["y"] + t["h"] > figure["height"] + slack
        ):
            problems.append(f"{t['text']!r} runs off the picture")
    for arrow in figure["arrows"]:
        for t in texts:
            inside = [
                (x, y)
                for x, y in arrow["points"]
                if t["x"] + slack < x < t["x"] + t["w"] - slack
                and t["y"] + 2 < y < t["y"] + t["h"] - 2
            ]
            if inside:
                problems.append(f"a {arrow['kind']} arrow is drawn through {t['text']!r}")
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > slack and dy > slack:
                problems.append(f"{a['text']!r} overlaps {b['text']!r}")
    return problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_timeline_text_overlaps_or_runs_off_the_picture(browser, viewport):
    assert PICTURES, "no snippets/**/*.timeline.svg found"
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.set_content(picture_page())
        figures = page.evaluate(BOXES)
    finally:
        context.close()
    assert len(figures) == len(PICTURES)
    problems = [f"{f['file']}: {p}" for f in figures for p in collisions(f)]
    assert not problems, (
        f"{len(problems)} timeline text collision(s) at {viewport['width']} px "
        "(fix the layout in verify/timeline.py, then `make update`):\n" + "\n".join(problems)
    )


def test_an_output_line_and_its_moment_light_each_other(open_context):
    """timeline-links.js: hovering or focusing an Output line lights its moment in
    the picture below, and focusing the moment lights the line; a figure is linked
    as it nears the screen."""
    context = open_context()
    page = context.new_page()
    page.goto("model/")
    figure = page.locator("figure.timeline").first
    figure.scroll_into_view_if_needed()
    line = page.locator(".tl-out-line").first
    line.wait_for(timeout=10_000)
    line.hover()
    lit = page.locator("figure.timeline .tl-printed path.is-linked")
    assert lit.count() == 1, "hovering an Output line lit no moment in its picture"
    line.focus()
    assert lit.count() == 1, "focusing an Output line lit no moment in its picture"
    mark = page.locator("figure.timeline .tl-printed path").first
    mark.focus()
    assert page.locator(".tl-out-line.is-linked").count() >= 1, "a focused moment lit no line"
    assert not context.watch.problems(), context.watch.problems()

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
    const text = svg.querySelector(".tl-lane text");
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

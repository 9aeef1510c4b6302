"""axe accessibility checks in a Playwright page, shared by the browser tests."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from verify.site.build import page_id

AXE = Axe()
# The bar. Lesser findings are listed in the terminal summary; the one
# left on every page with code, landmark-unique (moderate), is Material's own
# JavaScript wrapping each code block's copy button in an unlabelled <nav>.
FAILING_IMPACTS = {"serious", "critical"}

# Wait for CSS transitions (the palette switch fades colours), at most 2 s.
SETTLE = """() => Promise.race([
  Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
  new Promise(r => setTimeout(r, 2000)),
])"""


# axe's colour-contrast rule is most of its run time: it works out the
# background behind every text element, and a page of code has thousands of
# Pygments spans. Text elements that look the same (same colour, size,
# weight, shadow, and the same backgrounds and opacities behind them) have
# the same contrast, so colour-contrast checks the first visible element of
# each distinct look (a few dozen per page), marked data-axe-sample; every
# other rule checks the whole page. test_axe_sampling_catches_low_contrast
# proves a bad colour still fails.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_SETUP = """() => axe.configure({
  rules: [{id: 'color-contrast', selector: '[data-axe-sample]'}],
})"""
AXE_RUN = """async (rules) => {
  const looks = new Set();
  const lookOf = (el) => {
    const cs = getComputedStyle(el);
    const parts = [cs.color, cs.fontSize, cs.fontWeight, cs.textShadow];
    for (let a = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.backgroundImage !== 'none'
          || s.opacity !== '1')
        parts.push(`${s.backgroundColor} ${s.backgroundImage} ${s.opacity}`);
    }
    return parts.join('|');
  };
  for (const el of document.querySelectorAll('[data-axe-sample]'))
    el.removeAttribute('data-axe-sample');
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = texts.nextNode(); t; t = texts.nextNode()) {
    const el = t.parentElement;
    if (!t.nodeValue.trim() || el.hasAttribute('data-axe-sample')
        || !el.checkVisibility({visibilityProperty: true})) continue;
    const look = lookOf(el);
    if (!looks.has(look)) { looks.add(look); el.setAttribute('data-axe-sample', ''); }
  }
  const options = {resultTypes: ['violations'], ...(rules ? {runOnly: rules} : {})};
  return (await axe.run(document, options)).violations;
}"""


def axe_findings(page, label: str, path: str, minor: dict, rules=None) -> list[str]:
    """Serious/critical axe violations as readable lines; others go to `minor`.
    `rules`: run only these axe rules (None: all)."""
    page.evaluate(SETTLE)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.axe_script)
        page.evaluate(AXE_SETUP)
    lines = []
    for v in page.evaluate(AXE_RUN, rules):
        if v["impact"] in FAILING_IMPACTS:
            for node in v["nodes"][:5]:
                summary = (node.get("failureSummary") or "").replace("\n", " ")
                lines.append(f"[{label}] {v['id']} ({v['impact']}) {node['target']}: {summary}")
            if len(v["nodes"]) > 5:
                lines.append(f"[{label}] {v['id']}: ... {len(v['nodes']) - 5} more")
        else:
            minor[f"{v['id']} ({v['impact']})"] = [page_id(path)]
    return lines

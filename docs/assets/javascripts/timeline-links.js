/* A timeline and its output, linked: hovering or focusing an output line
   shows the moment it was printed, and the reverse (Contributing, "Timelines"). */
(function () {
  "use strict";

  // The Output block a picture belongs to: the last one before it, and inside
  // version tabs, the output tab labelled like the picture's tab.
  function tabLabel(element) {
    const block = element.closest(".tabbed-block");
    if (!block) return null;
    const set = block.closest(".tabbed-set");
    const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
    const labels = set.querySelectorAll(":scope > .tabbed-labels > label");
    const label = labels[blocks.indexOf(block)];
    return label ? label.textContent.trim() : null;
  }

  function outputFor(figure) {
    const wanted = tabLabel(figure);
    const outputs = [...document.querySelectorAll(".highlight")].filter((block) => {
      const name = block.querySelector(".filename");
      return name && name.textContent.trim() === "Output";
    });
    let best = null;
    for (const block of outputs) {
      if (!(block.compareDocumentPosition(figure) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      const label = tabLabel(block);
      if (best && wanted && label && label !== wanted && tabLabel(best) === wanted) continue;
      best = block;
    }
    if (best && wanted) {  // in tabs: the matching tab of the same set, if there is one
      const set = best.closest(".tabbed-set");
      if (set) {
        for (const block of set.querySelectorAll(".highlight")) {
          if (tabLabel(block) === wanted) return block;
        }
      }
    }
    return best;
  }

  // The code's text, one focusable span per line (its text unchanged: copy still copies it).
  function splitLines(code) {
    if (code.dataset.tlLines) return [...code.querySelectorAll(".tl-out-line")];
    const lines = code.textContent.replace(/\n$/, "").split("\n");
    code.textContent = "";
    const spans = lines.map((text, index) => {
      const span = document.createElement("span");
      span.className = "tl-out-line";
      span.textContent = text;
      span.dataset.line = String(index);
      span.tabIndex = 0;
      code.append(span, index < lines.length - 1 ? "\n" : "");
      return span;
    });
    code.append("\n");
    code.dataset.tlLines = "1";
    return spans;
  }

  function link(figure) {
    const svg = figure.querySelector("svg");
    const group = svg && svg.querySelector(".tl-printed");
    // A run in the page (try-it.mjs) draws its picture inside its own output.
    const output = group && (figure.closest(".try-it-output") || outputFor(figure));
    const code = output && output.querySelector("pre code");
    if (!code || figure.dataset.tlLinked) return;
    figure.dataset.tlLinked = "1";
    const spans = splitLines(code);
    const marks = [...group.querySelectorAll("[data-line]")];
    group.setAttribute("visibility", "visible");
    const show = (index, on) => {
      for (const mark of marks) {
        if (mark.dataset.line === index) mark.classList.toggle("is-linked", on);
      }
      for (const span of spans) {
        if (span.dataset.line === index) span.classList.toggle("is-linked", on);
      }
    };
    for (const element of [...spans, ...marks]) {
      const index = element.dataset.line;
      if (element instanceof SVGElement) {
        element.setAttribute("tabindex", "0");
        element.setAttribute("role", "img");
        const text = spans[Number(index)] ? spans[Number(index)].textContent : "";
        element.setAttribute("aria-label", `printed: ${text}`);
      }
      for (const [on, off] of [["mouseenter", "mouseleave"], ["focus", "blur"]]) {
        element.addEventListener(on, () => show(index, true));
        element.addEventListener(off, () => show(index, false));
      }
    }
  }

  // Each figure is linked as it nears the screen, not all as the page loads: a
  // long page has dozens, and linking them at once was main-thread work that
  // Lighthouse counted as blocking time on a phone.
  let observer = null;
  function linkAll() {
    const figures = document.querySelectorAll("figure.timeline");
    if (!("IntersectionObserver" in window)) {
      figures.forEach(link);
      return;
    }
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          link(entry.target);
        }
      },
      { rootMargin: "50% 0px" },
    );
    figures.forEach((figure) => observer.observe(figure));
  }

  // Now (linking twice is a no-op), and after each page that Material's
  // instant navigation swaps in without a load event.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", linkAll);
  } else {
    linkAll();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(linkAll);
  }
  document.addEventListener("timeline-drawn", (event) => link(event.target));
})();

"""Text in a timeline: its width, and a place for each label where no other text or
arrow is (verify/timeline.py)."""

from __future__ import annotations

from html import escape as _escape

WIDTH = 360  # viewBox units; drawn at 100 % of the column, up to 36rem (extra.css)
X0, X1 = 8.0, WIDTH - 14.0
FONT = 13  # about the body text at 375 px, where the picture is drawn at 0.95 scale
SMALL = 11

# Characters Markdown reads as markup (`__aexit__` would become <strong>aexit</strong>
# where the page's Markdown processes the inlined SVG, e.g. inside content tabs,
# and an HTML element inside SVG ends the SVG in the browser).
_MARKDOWN = str.maketrans({"_": "&#95;", "*": "&#42;", "`": "&#96;", "[": "&#91;", "]": "&#93;"})


def escape(text: str) -> str:
    """Text for an SVG text node: HTML-escaped, Markdown-inert."""
    return _escape(text).translate(_MARKDOWN)


def _fmt(x: float) -> str:
    """Coordinates with one decimal, no trailing zeros: stable and short."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


_GLYPHS = {
    0.27: "'",
    0.28: "ijl",
    0.29: "IJ",
    0.32: " ,.\u00b7",
    0.34: "/:;\\f|",
    0.36: "-",
    0.39: "()[]t",
    0.4: "!r",
    0.46: '"',
    0.5: "*_`\u2013",
    0.52: "sz",
    0.53: "?",
    0.55: "c",
    0.56: "L",
    0.58: "Fk",
    0.59: "vxy",
    0.6: "PT",
    0.61: "Yao",
    0.62: "e",
    0.63: "ESbdghnpqu",
    0.64: "0123456789${}",
    0.66: "K",
    0.68: "V",
    0.69: "BRXZ",
    0.7: "C",
    0.71: "A",
    0.73: "U",
    0.75: "HN",
    0.77: "DG",
    0.78: "&",
    0.79: "OQ",
    0.82: "w",
    0.84: "#+<=>^~",
    0.86: "M",
    0.95: "%",
    0.97: "m",
    0.99: "W",
    1.0: "@\u2026",
}
_GLYPH = {c: w for w, chars in _GLYPHS.items() for c in chars}
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


def _text_width(text: str, size: float) -> float:
    return size * 1.02 * sum(_GLYPH.get(c, 0.8) for c in text)


def _fit(text: str, room: float, size: float) -> str:
    """The label, shortened with an ellipsis to fit `room`; '' if not even 3 characters fit."""
    if _text_width(text, size) <= room:
        return text
    for chars in range(len(text) - 1, 2, -1):
        short = text[:chars].rstrip() + ELLIPSIS
        if _text_width(short, size) <= room:
            return short
    return ""


class _Space:
    """Where text may go: every text's box, and every arrow's, in drawing units.
    A label goes only where it overlaps none of them (or is shortened, or left
    out: the <desc> says everything in words)."""

    def __init__(self):
        self.boxes: list[tuple[float, float, float, float]] = []
        self.segments: list[tuple[float, float, float, float]] = []

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """An arrow: it blocks, in each band, only the stretch it crosses there."""
        self.segments.append((x0, y0, x1, y1))

    def crossing(self, y0: float, y1: float) -> list[tuple[float, float]]:
        out = []
        for a, b, c, d in self.segments:
            lo, hi = max(min(b, d), y0), min(max(b, d), y1)
            if lo > hi:
                continue
            if d == b:
                xs = (a, c)
            else:
                xs = (a + (c - a) * (lo - b) / (d - b), a + (c - a) * (hi - b) / (d - b))
            out.append((min(xs) - 2, max(xs) + 2))
        return out

    def block(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))

    def gaps(self, y0: float, y1: float, lo: float, hi: float) -> list[tuple[float, float]]:
        """Free stretches of [lo, hi] in the band y0..y1, left to right."""
        taken = [(a, c) for a, b, c, d in self.boxes if b < y1 and d > y0]
        taken = sorted((a, c) for a, c in taken + self.crossing(y0, y1) if c > lo and a < hi)
        free, cursor = [], lo
        for a, c in taken:
            if a > cursor:
                free.append((cursor, a))
            cursor = max(cursor, c)
        if hi > cursor:
            free.append((cursor, hi))
        return free

    def place(self, text, size, baseline, lo, hi, start_by=None, end=False, shorten=True):
        """(x, shown text) of a label in [lo, hi] on this baseline, or None. It starts as
        far left as it can (as far right, for `end`), and no later than `start_by`."""
        y0, y1 = baseline - 0.93 * size, baseline + 0.24 * size
        width = _text_width(text, size)
        gaps = [g for g in self.gaps(y0, y1, lo, hi) if start_by is None or g[0] <= start_by]
        if end:
            gaps.reverse()
        shown = None
        for a, c in gaps:
            if c - a >= width:
                shown = text
                x = c - width if end else a
                break
        else:
            best = max(gaps, key=lambda g: g[1] - g[0], default=None)
            if best is None or not shorten:
                return None
            shown = _fit(text, best[1] - best[0], size)
            if not shown:
                return None
            width = _text_width(shown, size)
            x = best[1] - width if end else best[0]
        self.block(x - 1, y0, x + width + 1, y1)
        return x, shown


def _label(x: float, y: float, text: str, shown: str, size: int | None, cls: str = "") -> str:
    """A text element; shortened, it is wrapped with its full wording as a tooltip."""
    attrs = f' font-size="{size}"' if size else ""
    attrs += f' class="{cls}"' if cls else ""
    element = f'<text x="{_fmt(x)}" y="{_fmt(y)}"{attrs} stroke="none">{escape(shown)}</text>'
    if shown != text:
        return f"<g><title>{escape(text)}</title>{element}</g>"
    return element

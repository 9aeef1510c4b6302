"""The shapes that say how a task ended, and the legend of those a picture uses
(verify/timeline.py)."""

from __future__ import annotations

from verify.timeline_layout import SMALL, X0, X1, _fmt, _text_width


def _mark(kind: str, cx: float, cy: float) -> str:
    """Result: a disc. Exception: a cross. Cancelled: a hollow square. Destroyed while
    pending: a hollow circle struck through. Shape, not colour."""
    if kind == "destroyed":
        a, b = _fmt(cx - 3.5), _fmt(cx + 3.5)
        return (
            f'<g class="tl-destroyed" fill="none" stroke-width="1.4">'
            f'<circle cx="{_fmt(cx)}" cy="{cy}" r="4"/>'
            f'<path d="M{a} {cy + 3.5}L{b} {cy - 3.5}"/></g>'
        )
    if kind == "result":
        return f'<circle class="tl-result" cx="{_fmt(cx)}" cy="{cy}" r="4" stroke="none"/>'
    if kind == "exception":
        a, b = _fmt(cx - 4), _fmt(cx + 4)
        return (
            f'<path class="tl-exception" d="M{a} {cy - 4}L{b} {cy + 4}M{a} {cy + 4}L{b} {cy - 4}" '
            f'stroke-width="2" fill="none"/>'
        )
    return (
        f'<rect class="tl-cancelled" x="{_fmt(cx - 4)}" y="{cy - 4}" width="8" height="8" '
        f'fill="none" stroke-width="1.6"/>'
    )


def _legend(used: set, y: float, ident: str) -> tuple[str, int]:
    """What a bar, a line and each mark mean: only the ones this picture uses."""
    items = []
    order = [
        ("step", "step"),
        ("wait", "waiting"),
        ("scheduled", "not started"),
        ("result", "returned"),
        ("exception", "raised"),
        ("cancelled", "cancelled"),
        ("destroyed", "destroyed while pending"),
        ("cancel", "cancel"),
        ("uncancel", "cancel withdrawn"),
        ("await", "awaited"),
    ]
    cursor = X0
    rows = 1
    for key, word in order:
        if key not in used:
            continue
        if cursor + 15 + _text_width(word, SMALL) > X1 + 10:  # wrap to a new row
            cursor, y, rows = X0, y + 16, rows + 1
        c = cursor
        if key == "step":
            glyph = (
                f'<rect class="tl-step" x="{_fmt(c)}" y="{y - 4}" width="4" height="8" '
                f'stroke="none"/>'
            )
            c += 7
        elif key in ("wait", "scheduled"):
            dash = ' stroke-dasharray="1 2"' if key == "scheduled" else ""
            glyph = f'<path class="tl-wait" d="M{_fmt(c)} {y}h12" stroke-width="1.2"{dash}/>'
            c += 15
        elif key == "uncancel":
            glyph = (
                f'<path class="tl-uncancel" d="M{_fmt(c + 2)} {y - 5}V{y + 3}" stroke-width="1.2" '
                f'stroke-dasharray="1 1.5"/><circle class="tl-uncancel" cx="{_fmt(c + 2)}" '
                f'cy="{y + 3}" r="1.8" stroke="none"/>'
            )
            c += 7
        elif key in ("result", "exception", "cancelled", "destroyed"):
            glyph = _mark(key, c + 4, y)
            c += 11
        else:
            dash = ' stroke-dasharray="3 2"' if key == "cancel" else ""
            glyph = (
                f'<path class="tl-{key}" d="M{_fmt(c)} {y}h11" stroke-width="1.2"{dash} '
                f'marker-end="url(#{ident}-a)"/>'
            )
            c += 15
        items.append(glyph)
        items.append(
            f'<text x="{_fmt(c)}" y="{_fmt(y + 3.8)}" font-size="{SMALL}" '
            f'stroke="none">{word}</text>'
        )
        cursor = c + _text_width(word, SMALL) + 9
    return '<g class="tl-legend">' + "".join(items) + "</g>", rows

"""Draw an example's timeline (SVG) from the trace its run recorded.

The trace comes from verify/child/timeline_recorder.py (JSON: tasks with
their steps, waits and ends; cancel requests). One lane per task, time left
to right on a labelled axis in seconds; a step is a solid bar (at least a few
units wide: on the virtual clock a step takes no time), a wait a thin line
labelled with what was awaited, the end a mark whose shape says how it ended.

Plain string building: the picture has a dozen element kinds, and a library
would add a dependency without making it smaller or more deterministic. The
SVG is included inline in the page (pymdownx.snippets inside a <figure>), so
its colours come from the theme's CSS variables (docs/stylesheets/extra.css, "Timelines")
and follow dark mode; the attributes below are the fallback (currentColor).
Same trace -> byte-identical SVG: every number is formatted with fixed
decimals, and nothing depends on dict order or the clock.
"""

from __future__ import annotations

import math
from html import escape as _escape

# Characters Markdown reads as markup (`__aexit__` would become <strong>aexit</strong>
# where the page's Markdown processes the inlined SVG, e.g. inside content tabs,
# and an HTML element inside SVG ends the SVG in the browser).
_MARKDOWN = str.maketrans({"_": "&#95;", "*": "&#42;", "`": "&#96;", "[": "&#91;", "]": "&#93;"})


def escape(text: str) -> str:
    """Text for an SVG text node: HTML-escaped, Markdown-inert."""
    return _escape(text).translate(_MARKDOWN)


WIDTH = 360  # viewBox units; drawn at 100 % of the column, up to 36rem (extra.css)
X0, X1 = 8.0, WIDTH - 14.0
HEAD = 28  # the axis
LANE = 44
FONT = 13  # about the body text at 375 px, where the picture is drawn at 0.95 scale
SMALL = 11
STEP_MIN = 3.0  # a step drawn at least this wide
# Threads ran: the clock advanced by real time, always late by a few ms (more on a
# busy machine), so times are rounded down to this grid.
REAL_TIME_GRID = 0.1
# Tasks asyncio.run() makes after the example's own coroutine returned.
RUNNER_TASKS = ("shutdown_asyncgens", "shutdown_default_executor")
END_WORDS = {"result": "returned", "exception": "raised", "cancelled": "cancelled"}
VIA = {
    "on_timeout": "timeout",
    "abort": "TaskGroup",
    "on_task_done": "TaskGroup",
    "cancel_and_wait": "wait_for",
}


# How a page shows a timeline: data-search-exclude keeps the picture's labels
# ("waits on sleep(1)", times) out of the search index (Material's stock search).
FIGURE_OPEN = '<figure class="timeline" data-search-exclude>'


def read_trace(path) -> dict | None:
    """The trace the recorder wrote (a Python literal), or None if it wrote nothing."""
    import ast

    with open(path, encoding="utf-8") as f:
        return ast.literal_eval(f.read() or "None")


def needs_timeline(trace: dict | None) -> bool:
    """Two or more tasks, or time passing: then a timeline shows something."""
    if not trace:
        return False
    tasks = _visible(trace)
    return len(tasks) >= 2 or (bool(tasks) and _span(trace, tasks) > 0)


def _visible(trace: dict) -> list[dict]:
    return [t for t in trace["tasks"] if t.get("coro") not in RUNNER_TASKS and t["steps"]]


def _snap(trace: dict, t: float) -> float:
    if trace.get("real_time"):
        return round(math.floor(t / REAL_TIME_GRID + 1e-6) * REAL_TIME_GRID, 6)
    return round(t, 6)


def _span(trace: dict, tasks: list[dict]) -> float:
    times = [_snap(trace, t) for task in tasks for step in task["steps"] for t in step[:2] if t]
    return max(times, default=0.0)


def _lanes(trace: dict) -> list[dict]:
    """Visible tasks with snapped times; on a real-time run, waits that round to
    nothing are merged away (whether a thread finished before its await is a race)."""
    lanes = []
    for task in _visible(trace):
        steps = [
            [_snap(trace, a), _snap(trace, b if b is not None else a), seq]
            for a, b, seq in task["steps"]
        ]
        waits = list(task["waits"])
        if trace.get("real_time"):
            merged_steps, merged_waits = [steps[0]], []
            for i, step in enumerate(steps[1:]):
                if i < len(waits) and step[0] <= merged_steps[-1][1]:
                    merged_steps[-1][1] = max(merged_steps[-1][1], step[1])
                    continue
                merged_steps.append(step)
                if i < len(waits):
                    merged_waits.append(waits[i])
            if len(waits) >= len(steps):
                merged_waits.append(waits[-1])
            steps, waits = merged_steps, merged_waits
        created = task["created"]
        end = task["end"]
        lanes.append(
            {
                "id": task["id"],
                "name": task["name"],
                "created": _snap(trace, created) if created is not None else steps[0][0],
                "created_seq": task.get("created_seq", steps[0][2]),
                "creator": task["creator"],
                "steps": steps,
                "waits": waits,
                "end": dict(end, t=_snap(trace, end["t"])) if end else None,
            }
        )
    return lanes


def _cancels(trace: dict) -> list[dict]:
    """Cancel requests by time, then by who and whom: several at one instant often
    come from iterating a set of tasks, whose order varies with memory layout."""
    return sorted(
        trace["cancels"],
        key=lambda c: (_snap(trace, c["t"]), c["from"] is None, c["from"] or 0, c["to"]),
    )


def _fmt(x: float) -> str:
    """Coordinates with one decimal, no trailing zeros: stable and short."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _seconds(t: float) -> str:
    return f"{t:.3f}".rstrip("0").rstrip(".") or "0"


def _ticks(span: float) -> list[float]:
    for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 300, 600):
        if span / step <= 5:
            break
    count = int(math.floor(span / step + 1e-9))
    return [round(i * step, 6) for i in range(count + 1)]


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.56  # an average glyph of the theme's sans-serif


def _fit(text: str, room: float, size: float) -> str:
    """The label, shortened with an ellipsis to fit `room`; '' if not even 3 characters fit."""
    if _text_width(text, size) <= room:
        return text
    chars = int(room / (size * 0.56)) - 1
    return text[:chars] + "\N{HORIZONTAL ELLIPSIS}" if chars >= 3 else ""


def describe(trace: dict) -> str:
    """What the picture shows, in words: the SVG's <desc>, for screen readers."""
    lanes = _lanes(trace)
    names = {lane["id"]: lane["name"] for lane in lanes}
    sentences = []
    for lane in lanes:
        parts = []
        creator = names.get(lane["creator"])
        start = lane["steps"][0][0]
        parts.append(
            f"{lane['name']}"
            + (f", created by {creator}" if creator else "")
            + f", first runs at {_seconds(start)} s"
        )
        for step, wait in zip(lane["steps"], lane["waits"]):
            parts.append(f"waits on {wait[0]} from {_seconds(step[1])} s")
        if lane["end"]:
            end = lane["end"]
            detail = f" {end['detail']}" if end["detail"] else ""
            parts.append(f"{END_WORDS[end['kind']]}{detail} at {_seconds(end['t'])} s")
        else:
            parts.append("never finished")
        sentences.append("; ".join(parts) + ".")
    for cancel in _cancels(trace):
        if cancel["to"] in names:
            by = names.get(cancel["from"]) or VIA.get(cancel["via"], cancel["via"])
            sentences.append(
                f"{by} cancels {names[cancel['to']]} at {_seconds(_snap(trace, cancel['t']))} s."
            )
    return " ".join(sentences)


def draw(trace: dict, ident: str, title: str) -> str:
    """The SVG for a trace; `ident` makes its element ids unique on the page."""
    lanes = _lanes(trace)
    span = _span(trace, lanes)
    # Everything at one instant (no sleep): lay the events out in the order they ran.
    logical = span == 0
    span = span or 1.0
    scale = (X1 - X0) / span
    seqs = sorted(
        {step[2] for lane in lanes for step in lane["steps"]}
        | {lane["created_seq"] for lane in lanes}
        | {c["seq"] for c in trace["cancels"]}
    )
    rank = {seq: i for i, seq in enumerate(seqs)}
    slot = (X1 - X0) / max(len(seqs), 1)

    def x(t: float, seq: int | None = None) -> float:
        if logical:
            return X1 if seq is None else X0 + rank[seq] * slot
        return X0 + t * scale

    row = {lane["id"]: i for i, lane in enumerate(lanes)}

    def mid(i: int) -> float:
        return HEAD + i * LANE + 25

    legend_y = HEAD + len(lanes) * LANE + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" role="img" '
        f'viewBox="0 0 {WIDTH} {{height}}" font-size="{FONT}" '
        f'aria-labelledby="{ident}-t {ident}-d" fill="currentColor" stroke="currentColor">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(describe(trace))}</desc>',
        f'<defs><marker id="{ident}-a" viewBox="0 0 6 6" refX="5" refY="3" '
        f'markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        f'<path d="M0 0L6 3L0 6z" stroke="none"/></marker></defs>',
    ]
    # Axis: a tick and a label every round number of seconds.
    out.append(f'<g class="tl-axis" stroke-width="0.6"><path d="M{_fmt(X0)} 18H{_fmt(X1)}"/>')
    if logical:
        out.append(
            f'<text x="{_fmt(X0)}" y="11" font-size="{SMALL}" stroke="none">'
            f"0 s: all at one instant, left to right in the order they ran</text>"
        )
    for tick in [] if logical else _ticks(span):
        out.append(f'<path d="M{_fmt(x(tick))} 15V21"/>')
        label = f"{_seconds(tick)} s" if tick == 0 else _seconds(tick)
        anchor = "start" if tick == 0 else "middle"
        out.append(
            f'<text x="{_fmt(x(tick))}" y="11" font-size="{SMALL}" stroke="none" '
            f'text-anchor="{anchor}">{label}</text>'
        )
    out.append("</g>")
    used = set()
    arrows = []
    end_x = {}  # task id -> where its lane ends
    for i, lane in enumerate(lanes):
        y = mid(i)
        top = HEAD + i * LANE
        end = lane["end"]
        name = lane["name"]
        if end:
            detail = f" {end['detail']}" if end["detail"] else ""
            name += f" \N{EN DASH} {END_WORDS[end['kind']]}{detail}"
        out.append(f'<g class="tl-lane"><text x="{_fmt(X0)}" y="{top + 12}" stroke="none">')
        out.append(f"{escape(_fit(name, X1 - X0, FONT))}</text>")
        steps = lane["steps"]
        last = end["t"] if end else span
        # Created but not yet started: a dotted line.
        start = x(lane["created"], lane["created_seq"])
        if x(steps[0][0], steps[0][2]) > start:
            used.add("scheduled")
            out.append(
                f'<path class="tl-wait" d="M{_fmt(start)} {y}H{_fmt(x(steps[0][0], steps[0][2]))}" '
                f'stroke-width="1" stroke-dasharray="1 2"/>'
            )
        labels_right = [x(s[0], s[2]) for s in steps[1:]] + [X1 + 14]
        for k, (_, b, seq) in enumerate(steps):
            if k + 1 < len(steps):
                nxt = x(steps[k + 1][0], steps[k + 1][2])
            else:
                nxt = None if end else x(last)
            if k < len(lane["waits"]) and nxt is not None:
                used.add("wait")
                line = f"M{_fmt(x(b, seq))} {y}H{_fmt(nxt)}"
                out.append(f'<path class="tl-wait" d="{line}" stroke-width="1.2"/>')
                label, awaited = lane["waits"][k]
                room = labels_right[k] - x(b, seq) - 2
                text = _fit(label, room, SMALL)
                if text:
                    out.append(
                        f'<text x="{_fmt(x(b, seq) + 2)}" y="{y + 16}" font-size="{SMALL}" '
                        f'stroke="none" class="tl-label">{escape(text)}</text>'
                    )
                if awaited in row:
                    arrows.append(("await", awaited, i, nxt))
        for a, b, seq in steps:
            width = STEP_MIN if logical else max((b - a) * scale, STEP_MIN)
            left = min(x(a, seq), X1 + 2 - width)
            out.append(
                f'<rect class="tl-step" x="{_fmt(left)}" y="{y - 5}" width="{_fmt(width)}" '
                f'height="10" stroke="none"/>'
            )
        used.add("step")
        if end:
            used.add(end["kind"])
            end_x[lane["id"]] = x(end["t"], steps[-1][2])
            out.append(_mark(end["kind"], end_x[lane["id"]] + 6, y))
        out.append("</g>")
    for cancel in _cancels(trace):
        if cancel["to"] not in row:
            continue
        target = row[cancel["to"]]
        t = x(_snap(trace, cancel["t"]), cancel["seq"])
        if cancel["from"] in row and cancel["from"] != cancel["to"]:
            arrows.append(("cancel", row[cancel["from"]], target, t))
        else:  # a timeout or a TaskGroup, outside any task: a short arrow from above
            arrows.append(("cancel", None, target, t))
            cancel_label = VIA.get(cancel["via"], cancel["via"])
            arrows.append(("label", cancel_label, target, t))
    for kind, source, target, t in arrows:  # t: where, in drawing units
        xt = _fmt(t)
        if kind == "label":
            out.append(
                f'<text class="tl-cancel" x="{_fmt(t - 3)}" y="{HEAD + target * LANE + 12}" '
                f'font-size="{SMALL}" stroke="none" text-anchor="end">{escape(source)}</text>'
            )
            continue
        x0 = xt
        if kind == "await":  # from where the awaited task ended to where the waiter resumed
            used.add("await")
            x0 = _fmt(end_x.get(source, t))
            source = row[source]
        else:
            used.add("cancel")
        y0 = mid(source) if source is not None else HEAD + target * LANE + 6
        y1 = mid(target) + (-6 if y0 < mid(target) else 6)
        dash = ' stroke-dasharray="3 2"' if kind == "cancel" else ""
        out.append(
            f'<path class="tl-{kind}" d="M{x0} {_fmt(y0)}L{xt} {_fmt(y1)}" stroke-width="1.2"'
            f'{dash} marker-end="url(#{ident}-a)"/>'
        )
    legend, rows = _legend(used, legend_y, ident)
    out.append(legend)
    out.append("</svg>")
    height = legend_y + 16 * rows - 6
    out[0] = out[0].replace("{height}", _fmt(height))
    return "\n".join(out) + "\n"


def _mark(kind: str, cx: float, cy: float) -> str:
    """Result: a disc. Exception: a cross. Cancelled: a hollow square. Shape, not colour."""
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
        ("cancel", "cancel"),
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
        elif key in ("result", "exception", "cancelled"):
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

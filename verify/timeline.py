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

import bisect
import math
import re
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
END_WORDS = {
    "result": "returned",
    "exception": "raised",
    "cancelled": "cancelled",
    "destroyed": "destroyed while pending",
}
VIA = {
    "on_timeout": "timeout",
    "abort": "TaskGroup",
    "on_task_done": "TaskGroup",
    "cancel_and_wait": "wait_for",
    "cancel_all_tasks": "asyncio.run() shutdown",
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
                "coro": task.get("coro"),
                "internal": task.get("internal"),
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


# Advance widths (em) of DejaVu Sans, what system-ui is on Linux and the widest
# of the usual system fonts: a label measured with these fits in the others too.
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


def _title(lane: dict) -> str:
    """'Task-1 · main() – returned None': the name, what it runs if the runtime named
    it for its number and nothing made it (asyncio.run's task), and how it ended."""
    name = lane["name"]
    if name == "None":
        name = "'None'"  # the string a 3.13 task factory names an unnamed task (see the <desc>)
    elif lane["creator"] is None and re.fullmatch(r"Task-\d+", name) and lane.get("coro"):
        if not lane.get("internal") and not lane["coro"].startswith("_"):
            name += f" \N{MIDDLE DOT} {lane['coro']}()"
    end = lane["end"]
    if end:
        detail = f" {end['detail']}" if end["detail"] else ""
        name += f" \N{EN DASH} {END_WORDS[end['kind']]}{detail}"
    return name


def _lane_title(space: _Space, lane: dict, baseline: float, bar: float, end_x) -> list[str]:
    """The lane's title where no arrow crosses it: at the left; else its name there
    and how it ended beside its end mark; else wherever it fits; else shortened."""
    title = _title(lane)
    name = _title(dict(lane, end=None))
    end = lane["end"]
    if end and end_x is not None:
        words = title[len(name) + 3 :]
        right = end_x + 12
        y0, y1 = bar - 0.93 * SMALL + 4, bar + 0.24 * SMALL + 4
        fits = any(
            a <= right and b - right >= _text_width(words, SMALL)
            for a, b in space.gaps(y0, y1, right, WIDTH - 2)
        )
        named = fits and space.place(
            name, FONT, baseline, X0, X0 + _text_width(name, FONT) + 0.1, start_by=X0, shorten=False
        )
        if named:
            placed = space.place(words, SMALL, bar + 4, right, WIDTH - 2, start_by=right)
            return [
                _label(X0, baseline, name, name, None, "tl-name"),
                _label(placed[0], bar + 4, words, placed[1], SMALL, "tl-end"),
            ]
    if end:  # its name at the left, how it ended further along the same line
        words = title[len(name) + 3 :]
        name_end = X0 + _text_width(name, FONT) + 0.1
        if space.place(name, FONT, baseline, X0, name_end, start_by=X0, shorten=False):
            texts = [_label(X0, baseline, name, name, None, "tl-name")]
            placed = space.place(words, FONT, baseline, name_end + 6, WIDTH - 2, shorten=False)
            if placed:
                texts.append(_label(placed[0], baseline, words, placed[1], None, "tl-name"))
            elif end_x is not None:  # shortened beside its end mark, the rest in a tooltip
                right = end_x + 12
                placed = space.place(words, SMALL, bar + 4, right, WIDTH - 2, start_by=right)
                if placed:
                    texts.append(_label(placed[0], bar + 4, words, placed[1], SMALL, "tl-end"))
            return texts
    placed = space.place(title, FONT, baseline, X0, WIDTH - 2)
    return [_label(placed[0], baseline, title, placed[1], None, "tl-name")] if placed else []


def _via(cancel: dict) -> str:
    return VIA.get(cancel["via"], cancel["via"])


def describe(trace: dict) -> str:
    """What the picture shows, in words: the SVG's <desc>, for screen readers."""
    lanes = _lanes(trace)
    names = {lane["id"]: lane["name"] for lane in lanes}
    sentences = []
    for lane in lanes:
        parts = []
        creator = names.get(lane["creator"])
        start = lane["steps"][0][0]
        title = _title(dict(lane, end=None))
        parts.append(
            title
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
            by = names.get(cancel["from"]) or _via(cancel)
            verb = (
                "withdraws the cancel request of" if cancel.get("kind") == "uncancel" else "cancels"
            )
            sentences.append(
                f"{by} {verb} {names[cancel['to']]} at {_seconds(_snap(trace, cancel['t']))} s."
            )
    if "None" in names.values():
        sentences.append(
            "The lane named 'None' is a task a task factory made without a name: "
            "Python 3.13 names such a task the string 'None'."
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
            if seq is None:
                return X1
            if seq not in rank:  # a printed line: just after the last event before it
                return X0 + (bisect.bisect(seqs, seq) - 0.5) * slot
            return X0 + rank[seq] * slot
        return X0 + t * scale

    row = {lane["id"]: i for i, lane in enumerate(lanes)}

    def top(i: int) -> float:
        return HEAD + i * LANE

    def mid(i: int) -> float:
        return top(i) + 25

    space = _Space()
    legend_y = HEAD + len(lanes) * LANE + 10
    used = set()
    shapes = []  # lines, bars and marks, drawn first
    arrows = []  # (kind, x0, y0, x1, y1), drawn over them
    texts = []  # drawn last
    end_x = {}  # task id -> where its lane ends
    wait_spans = []  # (lane index, label, from x, to x)
    for i, lane in enumerate(lanes):
        y = mid(i)
        end = lane["end"]
        steps = lane["steps"]
        last = end["t"] if end else span
        lane_shapes = []
        # Created but not yet started: a dotted line.
        start = x(lane["created"], lane["created_seq"])
        if x(steps[0][0], steps[0][2]) > start:
            used.add("scheduled")
            lane_shapes.append(
                f'<path class="tl-wait" d="M{_fmt(start)} {y}H{_fmt(x(steps[0][0], steps[0][2]))}" '
                f'stroke-width="1" stroke-dasharray="1 2"/>'
            )
        for k, (_, b, seq) in enumerate(steps):
            if k + 1 < len(steps):
                nxt = x(steps[k + 1][0], steps[k + 1][2])
            elif end and end["kind"] == "destroyed":
                nxt = x(end["t"])  # it waited until it was destroyed
            else:
                nxt = None if end else x(last)
            if k < len(lane["waits"]) and nxt is not None:
                used.add("wait")
                line = f"M{_fmt(x(b, seq))} {y}H{_fmt(nxt)}"
                lane_shapes.append(f'<path class="tl-wait" d="{line}" stroke-width="1.2"/>')
                label, awaited = lane["waits"][k]
                wait_spans.append((i, label, x(b, seq), nxt))
                if awaited in row:
                    arrows.append(("await", awaited, i, nxt))
        for a, b, seq in steps:
            width = STEP_MIN if logical else max((b - a) * scale, STEP_MIN)
            left = min(x(a, seq), X1 + 2 - width)
            lane_shapes.append(
                f'<rect class="tl-step" x="{_fmt(left)}" y="{y - 5}" width="{_fmt(width)}" '
                f'height="10" stroke="none"/>'
            )
        used.add("step")
        if end:
            used.add(end["kind"])
            if end["kind"] == "destroyed":
                end_x[lane["id"]] = x(end["t"])
            else:
                end_x[lane["id"]] = x(end["t"], steps[-1][2])
            lane_shapes.append(_mark(end["kind"], end_x[lane["id"]] + 6, y))
        shapes.append(lane_shapes)
    externals = []  # (label, target row, x): a cancel no task made, or an uncancel()
    for cancel in _cancels(trace):
        if cancel["to"] not in row:
            continue
        target = row[cancel["to"]]
        t = x(_snap(trace, cancel["t"]), cancel["seq"])
        if cancel.get("kind") == "uncancel":
            used.add("uncancel")
            externals.append(("uncancel()", target, t, "uncancel"))
        elif cancel["from"] in row and cancel["from"] != cancel["to"]:
            arrows.append(("cancel", row[cancel["from"]], target, t))
        else:  # a timeout, a TaskGroup, a callback: outside any task, an arrow from above
            arrows.append(("cancel", None, target, t))
            externals.append((_via(cancel), target, t, "cancel"))
    drawn = []
    for kind, source, target, t in arrows:  # t: where, in drawing units
        x1 = t
        if kind == "await":  # from where the awaited task ended to where the waiter resumed
            used.add("await")
            x0 = end_x.get(source, t)
            source = row[source]
        else:
            used.add("cancel")
            x0 = t
        y0 = mid(source) if source is not None else top(target) + 3
        y1 = mid(target) + (-6 if y0 < mid(target) else 6)
        space.line(x0, y0, x1, y1)
        dash = ' stroke-dasharray="3 2"' if kind == "cancel" else ""
        drawn.append(
            f'<path class="tl-{kind}" d="M{_fmt(x0)} {_fmt(y0)}L{_fmt(x1)} {_fmt(y1)}" '
            f'stroke-width="1.2"{dash} marker-end="url(#{ident}-a)"/>'
        )
    for _, target, t, kind in externals:
        if kind == "uncancel":  # a short solid tick from above, with a round end
            space.line(t, top(target) + 3, t, mid(target) - 5)
            tick = f"M{_fmt(t)} {_fmt(top(target) + 3)}V{_fmt(mid(target) - 6)}"
            drawn.append(
                f'<path class="tl-uncancel" d="{tick}" '
                f'stroke-width="1.2" stroke-dasharray="1 1.5"/>'
                f'<circle class="tl-uncancel" cx="{_fmt(t)}" cy="{_fmt(mid(target) - 6)}" r="1.8" '
                f'stroke="none"/>'
            )
    # Text: the lane titles that fit at the left, what labels a cancel no task
    # made, the other titles, then the waits.
    later = []
    for i, lane in enumerate(lanes):
        title = _title(lane)
        width = _text_width(title, FONT)
        if space.place(title, FONT, top(i) + 12, X0, X0 + width + 0.1, start_by=X0, shorten=False):
            texts.append(_label(X0, top(i) + 12, title, title, None, "tl-name"))
        else:
            later.append(i)
    for label, target, t, kind in externals:
        baseline = top(target) + 12
        placed = space.place(label, SMALL, baseline, t + 3, WIDTH - 2, start_by=t + 4)
        if placed is None:
            placed = space.place(label, SMALL, baseline, X0 - 6, t - 3, end=True)
            if placed and placed[0] + _text_width(placed[1], SMALL) < t - 12:
                placed = None  # too far from its arrow to read as its label
        if placed:
            texts.append(_label(placed[0], baseline, label, placed[1], SMALL, f"tl-{kind}"))
    for i in later:
        lane = lanes[i]
        texts.extend(_lane_title(space, lane, top(i) + 12, mid(i), end_x.get(lane["id"])))
    for i, label, a, b in wait_spans:
        baseline = top(i) + 41
        placed = space.place(label, SMALL, baseline, a + 2, WIDTH - 2, start_by=max(a + 2, b - 12))
        if placed:
            texts.append(_label(placed[0], baseline, label, placed[1], SMALL, "tl-label"))
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
            f"0 s: all at one instant, in the order they ran</text>"
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
    # When each line of the output was printed: data for the page's script
    # (docs/assets/javascripts/timeline-links.js), which links the two; nothing shows without it.
    lines = trace.get("lines") or []
    if lines:
        bottom = HEAD + len(lanes) * LANE
        marks = "".join(
            f'<path data-line="{n}" d="M{_fmt(min(max(x(_snap(trace, t), seq), X0), X1))} '
            f'16V{_fmt(bottom)}"/>'
            for n, (t, seq) in enumerate(lines)
        )
        out.append(f'<g class="tl-printed" stroke-width="2" visibility="hidden">{marks}</g>')
    for lane_shapes in shapes:
        out.append('<g class="tl-lane">' + "\n".join(lane_shapes) + "</g>")
    out.extend(drawn)
    out.append("\n".join(texts))
    legend, rows = _legend(used, legend_y, ident)
    out.append(legend)
    out.append("</svg>")
    height = legend_y + 16 * rows - 6
    out[0] = out[0].replace("{height}", _fmt(height))
    return "\n".join(out) + "\n"


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

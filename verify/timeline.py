"""Draw an example's timeline (SVG) from the trace its run recorded.

Modules: timeline_trace (what the run recorded, as lanes), timeline_layout
(text widths and where labels fit), timeline_marks (end marks and the legend),
this one (the picture).

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

from verify.timeline_layout import (
    FONT,
    SMALL,
    WIDTH,
    X0,
    X1,
    _fmt,
    _label,
    _Space,
    _text_width,
    escape,
)
from verify.timeline_marks import _legend, _mark
from verify.timeline_trace import (  # noqa: F401 (read_trace and co. are this module's API)
    REAL_TIME_GRID,
    RUNNER_TASKS,
    _cancels,
    _lanes,
    _snap,
    _span,
    _visible,
    needs_timeline,
    read_trace,
)

HEAD = 28  # the axis
LANE = 44
STEP_MIN = 3.0  # a step drawn at least this wide
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
        named = (
            fits
            and X0 + _text_width(name, FONT) <= WIDTH - 2
            and space.place(
                name,
                FONT,
                baseline,
                X0,
                X0 + _text_width(name, FONT) + 0.1,
                start_by=X0,
                shorten=False,
            )
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
        fits_width = name_end <= WIDTH - 2
        if fits_width and space.place(
            name, FONT, baseline, X0, name_end, start_by=X0, shorten=False
        ):
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


def draw_run(trace: dict | None, ident: str, rel: str) -> str | None:
    """The picture of a run of the example `rel` (snippets/<page>/<name>.py),
    drawn whenever a task ran, else None: the harness's rule (running.py) and
    the browser's (docs/assets/javascripts/try_it_runner.py)."""
    if trace and _visible(trace):
        return draw(trace, ident, f"Timeline of {rel} as it ran")
    return None


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
        lane_title = _title(lane)  # not `title`: that is the picture's own
        width = _text_width(lane_title, FONT)
        if X0 + width <= WIDTH - 2 and space.place(
            lane_title, FONT, top(i) + 12, X0, X0 + width + 0.1, start_by=X0, shorten=False
        ):
            texts.append(_label(X0, top(i) + 12, lane_title, lane_title, None, "tl-name"))
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

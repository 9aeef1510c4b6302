"""The timeline recorder on every supported Python: what it records, and that
recording changes nothing a program prints (verify/child/timeline_recorder.py,
verify/timeline.py; Contributing, "Timelines")."""

from __future__ import annotations

import re
import subprocess

import pytest

from verify import timeline
from verify.environment import normalise, reader_env
from verify.interpreters import interpreter_or_skip
from verify.project import REPO, VERSIONS

# Everything the recorder must tell apart, and everything it must not disturb:
# a done callback and a repr, an exception nobody retrieves (logged at exit),
# task numbering, an eager task (3.12+), a timeout, a queue, a thread job.
PROGRAM = """\
import asyncio, sys


async def fetch(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError("no data")
    return delay


async def consume(queue):
    return await queue.get()


async def main():
    ok = asyncio.create_task(fetch(1), name="ok")
    bad = asyncio.create_task(fetch(2, fail=True), name="bad")
    slow = asyncio.create_task(fetch(9), name="slow")
    lost = asyncio.create_task(fetch(0.5, fail=True), name="lost")
    queue = asyncio.Queue()
    reader = asyncio.create_task(consume(queue), name="reader")
    ok.add_done_callback(lambda t: None)
    callbacks = repr(ok).split("cb=[")[1].split("]")[0]
    print("callbacks:", callbacks.count("lambda"), await ok)
    try:
        await bad
    except ValueError as exc:
        print("bad:", exc)
    slow.cancel()
    queue.put_nowait("item")
    print("reader:", await reader)
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.25)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.to_thread(len, "four"))
    if sys.version_info >= (3, 12):
        loop = asyncio.get_running_loop()
        loop.set_task_factory(asyncio.eager_task_factory)
        eager = asyncio.create_task(fetch(0), name="eager")
        loop.set_task_factory(None)
        print("eager done at once:", eager.done())
    else:
        print("eager done at once: True")
    print(lost.done(), sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
"""


def run(python, tmp_path, record: bool):
    script = tmp_path / "program.py"
    script.write_text(PROGRAM, encoding="utf-8")
    trace = tmp_path / "trace"
    env = reader_env(virtual_clock=True)
    if record:
        env["TIMELINE_TRACE"] = str(trace)
    result = subprocess.run(
        [str(python), str(script)], env=env, capture_output=True, text=True, timeout=60
    )
    output = result.stdout + result.stderr.replace(str(script), "program.py")
    return output, timeline.read_trace(trace) if record else None


@pytest.mark.parametrize("version", VERSIONS)
def test_recording_changes_nothing_and_records_every_kind_of_event(version, tmp_path):
    python = interpreter_or_skip(version)
    plain, _ = run(python, tmp_path, record=False)
    recorded, trace = run(python, tmp_path, record=True)
    assert recorded == plain, f"Python {version}: recording changed what the program printed"
    assert "Task exception was never retrieved" in plain  # still logged: not marked retrieved
    assert "callbacks: 1 1" in plain  # the snippet's own, and no other
    tasks = {t["name"]: t for t in trace["tasks"]}
    assert tasks["ok"]["end"] == {"t": 1.0, "kind": "result", "detail": "1"}
    assert tasks["bad"]["end"]["kind"] == "exception" and tasks["bad"]["end"]["detail"] == (
        "ValueError"
    )
    assert tasks["lost"]["end"]["detail"] == "ValueError"  # read without retrieving it
    assert "name='lost'" in plain.split("never retrieved")[1]
    assert tasks["slow"]["end"]["kind"] == "cancelled"
    assert tasks["ok"]["waits"] == [["sleep(1)", None]]
    assert tasks["reader"]["waits"] == [["Queue.get", None]]
    main = trace["tasks"][0]
    assert main["creator"] is None and tasks["ok"]["creator"] == main["id"]
    assert ["ok", tasks["ok"]["id"]] in main["waits"]  # awaited a task, by name
    cancels = {(c["from"], c["to"]) for c in trace["cancels"]}
    assert (main["id"], tasks["slow"]["id"]) in cancels
    if version_key(version) >= (3, 12):
        assert tasks["eager"]["end"]["kind"] == "result"
        assert tasks["eager"]["creator"] == main["id"]
        assert any(c["via"] == "on_timeout" for c in trace["cancels"])  # asyncio.timeout
    svg = timeline.draw(trace, "tl-test", "Timeline of program.py")
    assert svg == timeline.draw(trace, "tl-test", "Timeline of program.py")
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "raised ValueError" in timeline.describe(trace)


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def test_a_single_task_that_never_waits_needs_no_timeline():
    trace = {
        "end": 0.0,
        "real_time": False,
        "tasks": [
            {
                "id": 0,
                "name": "Task-1",
                "created": 0.0,
                "creator": None,
                "steps": [[0.0, 0.0, 1]],
                "waits": [],
                "end": {"t": 0.0, "kind": "result", "detail": "None"},
                "coro": "main",
            }
        ],
        "cancels": [],
    }
    assert not timeline.needs_timeline(trace)
    trace["tasks"][0]["steps"].append([1.0, 1.0, 2])
    trace["tasks"][0]["waits"].append(["sleep(1)", None])
    assert timeline.needs_timeline(trace)


# A pending task nothing references is collected by gc.collect(); a profiler on
# 3.9-3.10 keeps stale copies of frame locals that would keep it alive.
COLLECTED = """\
import asyncio, gc


async def wait_for_reply():
    try:
        await asyncio.get_running_loop().create_future()
    finally:
        print("finally ran")


async def main():
    asyncio.create_task(wait_for_reply())
    await asyncio.sleep(0)
    gc.collect()
    print("tasks left:", len(asyncio.all_tasks()))


asyncio.run(main())
"""


@pytest.mark.parametrize("version", VERSIONS)
def test_recording_keeps_nothing_alive(version, tmp_path):
    """The recorder holds no strong reference: gc.collect() finds the unreferenced
    task with and without it. The order in which the collector finalises the task
    and its coroutine is not compared: it depends on when the previous automatic
    collection ran, which any allocation moves (on 3.9 the recorder's did). That is
    why an example that imports gc has its output checked from a run without the
    recorder (verify/running.py)."""
    python = interpreter_or_skip(version)
    script = tmp_path / "collected.py"
    script.write_text(COLLECTED, encoding="utf-8")
    env = reader_env(virtual_clock=True)
    outputs = []
    for record in (False, True):
        if record:
            env["TIMELINE_TRACE"] = str(tmp_path / "trace")
        result = subprocess.run(
            [str(python), str(script)], env=env, capture_output=True, text=True, timeout=60
        )
        outputs.append(normalise(result.stdout + result.stderr))
    for output in outputs:
        assert "tasks left: 1" in output, f"Python {version}: the task was not collected"
        assert "Task was destroyed but it is pending!" in output
        assert "finally ran" in output


# ---------------------------------------------------------------------------
# Names a reader knows (issue 23): what a stored picture says a task waited on,
# or who cancelled it, is the API the program called, never asyncio's internals.

PICTURES = sorted(REPO.glob("snippets/**/*.timeline.svg"))
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def asyncio_private_names() -> set[str]:
    """Every private name in asyncio's modules and classes, as a label would show it
    with its underscores stripped ('_cancel_and_wait' -> 'cancel_and_wait'), less
    the names that are public too (wait, cancel)."""
    import asyncio
    import inspect

    private, public = set(), set()
    modules = [m for n, m in vars(asyncio).items() if inspect.ismodule(m)] + [asyncio]
    for module in modules:
        for name, value in vars(module).items():
            (private if name.startswith("_") else public).add(name)
            if inspect.isclass(value):
                for attr in vars(value):
                    (private if attr.startswith("_") else public).add(attr)
    found = {n.strip("_") for n in private if not n.startswith("__")} - public - {""}
    # Private on Pythons other than the one running the tests, and nested functions.
    return found | {"aexit", "wait_for_one", "cancel_and_wait", "cancel_all_tasks", "sleep0"}


def picture_labels(path) -> list[str]:
    """The waits and cancel sources a picture names, read from its <desc>."""
    import html

    text = path.read_text(encoding="utf-8")
    desc = html.unescape(re.search(r"<desc[^>]*>(.*?)</desc>", text, re.DOTALL).group(1))
    labels = re.findall(r"waits on (.+?) from [0-9.]+ s", desc)
    labels += re.findall(r"(?:^|\. )([^.;]+?) (?:cancels|withdraws)", desc)
    labels += [html.unescape(t) for t in re.findall(r'class="tl-label"[^>]*>([^<]*)<', text)]
    return labels


def test_pictures_name_waits_by_the_api_the_reader_called():
    assert PICTURES
    internal = asyncio_private_names()
    problems = []
    for path in PICTURES:
        for label in picture_labels(path):
            words = WORD.findall(label.split("(")[0])  # to_thread(fetch_rate): not its argument
            bad = [w for w in words if w.startswith("_") or w.strip("_") in internal]
            if "__" in label or bad:
                problems.append(f"{path.relative_to(path.parents[2])}: {label!r}")
    assert not problems, (
        "timeline labels that name asyncio's internals (map them to the API the "
        "program called in verify/child/timeline_recorder.py, then `make update`):\n"
        + "\n".join(sorted(set(problems)))
    )


# What the pictures mark besides steps and waits: a cancel the loop calls back
# (call_later), an uncancel() the program calls, each printed line's moment, and
# the API a wait went through (as_completed, not its internal Queue.get).
MARKS = """\
import asyncio


async def fetch_rate(delay):
    await asyncio.sleep(delay)
    return delay


async def work():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("work cancelled")
        raise


async def main():
    task = asyncio.create_task(work(), name="work")
    asyncio.get_running_loop().call_later(0.1, task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print("main saw it")
    for next_rate in asyncio.as_completed([fetch_rate(0.2), fetch_rate(0.1)]):
        print("rate", await next_rate)


asyncio.run(main())
"""


@pytest.mark.parametrize("version", VERSIONS)
def test_recording_marks_loop_cancels_printed_lines_and_public_names(version, tmp_path):
    python = interpreter_or_skip(version)
    script = tmp_path / "marks.py"
    script.write_text(MARKS, encoding="utf-8")
    env = reader_env(virtual_clock=True)
    env["TIMELINE_TRACE"] = str(tmp_path / "trace")
    result = subprocess.run(
        [str(python), str(script)], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout == "work cancelled\nmain saw it\nrate 0.1\nrate 0.2\n", result.stderr
    trace = timeline.read_trace(tmp_path / "trace")
    work = next(t for t in trace["tasks"] if t["name"] == "work")
    assert [(c["via"], c["to"], c["from"]) for c in trace["cancels"]] == [
        ("call_later", work["id"], None)
    ]
    assert [round(t, 3) for t, _ in trace["lines"]] == [0.1, 0.1, 0.2, 0.3]
    main = trace["tasks"][0]
    assert ["as_completed", None] in main["waits"], main["waits"]
    svg = timeline.draw(trace, "tl-test", "Timeline of marks.py")
    assert "call&#95;later" in svg and svg.count("data-line=") == 4
    assert "Task-1 \N{MIDDLE DOT} main()" in svg

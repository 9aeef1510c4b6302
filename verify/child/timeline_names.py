"""How the timeline recorder names what it saw: the API a program called (not
asyncio's private helpers), who made a cancel, and a result as it would print.

Runs inside the snippet's process, beside timeline_recorder.py.
"""


def _outcome(task):
    """('result', repr) / ('exception', 'ValueError') / ('cancelled', '') for a done task.

    The only private detail the recorder reads: Task._exception (present on
    every supported Python) tells an exception from a result without marking
    it retrieved, which exception() would do (it would silence "Task
    exception was never retrieved"). tests/test_timeline.py checks it.
    """
    if task.cancelled():
        return "cancelled", ""
    exc = getattr(task, "_exception", None)
    if exc is not None:
        return "exception", type(exc).__name__
    return "result", _short_repr(getattr(task, "_result", None))


def _short_repr(value, limit=24):
    """A result as the reader would print it: 'AAPL: 189.5', 42, (1, 2); a long
    string cut with an ellipsis; another object by its type ('a dict'), since its
    repr may hold an address or an order that varies (a set of strings)."""
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    if isinstance(value, str):
        text = repr(value)
        return (
            text if len(text) <= limit else text[: limit - 2] + "\N{HORIZONTAL ELLIPSIS}" + text[0]
        )
    if type(value) in (tuple, list) and all(
        item is None or isinstance(item, (bool, int, float, str)) for item in value
    ):
        text = repr(value)
        if len(text) <= limit:
            return text
    name = type(value).__name__
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name


_CANCELS = ("cancel", "uncancel")

# What the reader called, for asyncio's internals a step can suspend in.
_API = {
    "_wait_for_one": "as_completed",
    "_AsCompletedIterator": "as_completed",
    "_cancel_and_wait": "wait_for",
    "_cancel_all_tasks": "asyncio.run() shutdown",
}


def _api(owner, name):
    """'TaskGroup', '__aexit__' -> 'async with TaskGroup'; 'Queue', 'get' -> 'Queue.get'."""
    for key in (owner, name):
        if key in _API:
            return _API[key]
    if owner:
        if name in ("__aenter__", "__aexit__", "_aexit"):  # _aexit: 3.12+ TaskGroup, seen alone
            return f"async with {_public(owner)}"
        if name == "__anext__":
            return f"async for {_public(owner)}"
        return f"{_public(owner)}.{_public(name).strip('_')}"
    return _public(name).strip("_")


def _caller(frame):
    """Who asked, when no task did: asyncio.run()'s shutdown, a timeout, a TaskGroup."""
    name = frame.f_code.co_name
    if name == "_cancel_all_tasks":
        back = frame.f_back
        while back is not None:
            code = back.f_code
            if code.co_name == "run" and code.co_filename.endswith("runners.py"):
                if "self" not in back.f_code.co_varnames[:1]:
                    return "asyncio.run() shutdown"
            back = back.f_back
        return "Runner shutdown"
    if name == "cancel" and type(frame.f_locals.get("self")).__name__ == "_GatheringFuture":
        return "gather"
    return _public(name)


def _public(name):
    """'_wait' -> 'wait', '_on_timeout' -> 'on_timeout'; dunders ('__aexit__') stay."""
    if name.startswith("__") and name.endswith("__"):
        return name
    return name.lstrip("_") or name


def _job_name(fn):
    """The function a thread-pool job runs: to_thread wraps it in
    functools.partial(contextvars.Context.run, func, ...)."""
    import functools

    for _ in range(5):
        if not isinstance(fn, functools.partial):
            break
        inner = fn.func
        if getattr(inner, "__name__", "") == "run" and fn.args and callable(fn.args[0]):
            fn = fn.args[0]  # Context.run(func, ...)
        else:
            fn = inner
    return _public(getattr(fn, "__name__", None) or type(fn).__name__)

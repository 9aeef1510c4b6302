"""The API index (docs/api.md): every Task/Future name, where an executed snippet shows it.

`python -m tools.api_index --write` (or `make api-index`) regenerates the page
from the list below and the snippets' source; tests/test_api.py fails when a
name has no demonstrating snippet or when the page is out of date.
"""

from __future__ import annotations

import re
from functools import cache

from verify.project import INCLUDE_RE, ROOT, VERSIONS, version_key
from verify.snippets import Snippet, discover_snippets

DOCS = "https://docs.python.org/3/library/"

# (name, Python version it appeared in). Versions from the CPython docs'
# "Added in version" notes; "3.8 or earlier" means before the oldest we support.
NAMES = [
    ("ALL_COMPLETED", None),
    ("CancelledError", None),
    ("FIRST_COMPLETED", None),
    ("FIRST_EXCEPTION", None),
    ("Future", None),
    ("Future.add_done_callback", None),
    ("Future.cancel", None),
    ("Future.cancelled", None),
    ("Future.done", None),
    ("Future.exception", None),
    ("Future.get_loop", None),
    ("Future.remove_done_callback", None),
    ("Future.result", None),
    ("Future.set_exception", None),
    ("Future.set_result", None),
    ("InvalidStateError", None),
    ("FrameCallGraphEntry", "3.14"),
    ("FutureCallGraph", "3.14"),
    ("Runner", "3.11"),
    ("Runner.get_loop", "3.11"),
    ("Runner.run", "3.11"),
    ("Task", None),
    ("Task.add_done_callback", None),
    ("Task.cancel", None),
    ("Task.cancelled", None),
    ("Task.cancelling", "3.11"),
    ("Task.done", None),
    ("Task.exception", None),
    ("Task.get_context", "3.12"),
    ("Task.get_coro", None),
    ("Task.get_loop", None),
    ("Task.get_name", None),
    ("Task.get_stack", None),
    ("Task.print_stack", None),
    ("Task.remove_done_callback", None),
    ("Task.result", None),
    ("Task.set_exception", None),
    ("Task.set_name", None),
    ("Task.set_result", None),
    ("Task.uncancel", "3.11"),
    ("TaskGroup", "3.11"),
    ("TaskGroup.cancel", "3.15"),
    ("TaskGroup.create_task", "3.11"),
    ("Timeout", "3.11"),
    ("Timeout.expired", "3.11"),
    ("Timeout.reschedule", "3.11"),
    ("Timeout.when", "3.11"),
    ("TimeoutError", None),
    ("all_tasks", None),
    ("as_completed", None),
    ("capture_call_graph", "3.14"),
    ("create_eager_task_factory", "3.12"),
    ("create_task", None),
    ("current_task", None),
    ("eager_task_factory", "3.12"),
    ("ensure_future", None),
    ("format_call_graph", "3.14"),
    ("future_add_to_awaited_by", "3.14"),
    ("future_discard_from_awaited_by", "3.14"),
    ("gather", None),
    ("get_event_loop", None),
    ("get_running_loop", None),
    ("iscoroutine", None),
    ("isfuture", None),
    ("loop.call_later", None),
    ("loop.call_soon", None),
    ("loop.call_soon_threadsafe", None),
    ("loop.create_future", None),
    ("loop.create_task", None),
    ("loop.get_task_factory", None),
    ("loop.run_in_executor", None),
    ("loop.run_until_complete", None),
    ("loop.set_debug", None),
    ("loop.set_exception_handler", None),
    ("loop.set_task_factory", None),
    ("loop.slow_callback_duration", None),
    ("new_event_loop", None),
    ("print_call_graph", "3.14"),
    ("run", None),
    ("run_coroutine_threadsafe", None),
    ("shield", None),
    ("sleep", None),
    ("timeout", "3.11"),
    ("timeout_at", "3.11"),
    ("to_thread", "3.9"),
    ("wait", None),
    ("wait_for", None),
    ("wrap_future", None),
]

TASK_MAKERS = r"(create_task\(|ensure_future\(|\.create_task\(|TaskGroup|current_task\()"
FUTURE_MAKERS = r"(create_future\(|asyncio\.Future\(|run_in_executor\()"
MAKERS = {
    "TaskGroup": r"asyncio\.TaskGroup\(",
    "Timeout": r"asyncio\.timeout(_at)?\(",
    "Runner": r"asyncio\.Runner\(",
}
GRAPH_NAMES = {
    "FrameCallGraphEntry",
    "FutureCallGraph",
    "capture_call_graph",
    "format_call_graph",
    "future_add_to_awaited_by",
    "future_discard_from_awaited_by",
    "print_call_graph",
}


def patterns(name: str) -> list[str]:
    """What a snippet's source must all contain to demonstrate `name`."""
    owner, _, attr = name.rpartition(".")
    if owner in ("Task", "Future"):  # the method, called where such an object is made
        return [TASK_MAKERS if owner == "Task" else FUTURE_MAKERS, rf"\.{attr}\("]
    if owner == "loop":
        return [rf"\.{attr}\b"]
    if owner == "TaskGroup":  # called on the group, named `tg` by convention
        return [MAKERS[owner], rf"\btg\.{attr}\("]
    if owner in MAKERS:  # the method, called where such an object is made
        return [MAKERS[owner], rf"\.{attr}\("]
    if name == "Timeout":
        return [r"asyncio\.Timeout\b|\.reschedule\(|\.expired\("]
    if name.isupper() or name.endswith("Error"):
        return [rf"\b{name}\b"]
    return [rf"asyncio\.{name}\b|from asyncio import [^\n]*\b{name}\b"]


def docs_url(name: str) -> str:
    owner, _, attr = name.rpartition(".")
    if owner == "Future" or name in ("Future", "isfuture", "ensure_future", "wrap_future"):
        return f"{DOCS}asyncio-future.html#asyncio.{name}"
    if owner == "loop":
        return f"{DOCS}asyncio-eventloop.html#asyncio.loop.{attr}"
    if name in ("run", "Runner") or owner == "Runner":
        return f"{DOCS}asyncio-runner.html#asyncio.{name}"
    if name in GRAPH_NAMES:
        return f"{DOCS}asyncio-graph.html#asyncio.{name}"
    if name in ("get_event_loop", "get_running_loop", "new_event_loop"):
        return f"{DOCS}asyncio-eventloop.html#asyncio.{name}"
    if name in ("CancelledError", "InvalidStateError", "TimeoutError"):
        return f"{DOCS}asyncio-exceptions.html#asyncio.{name}"
    return f"{DOCS}asyncio-task.html#asyncio.{name}"


@cache
def source(snippet: Snippet) -> str:
    return snippet.source


# The page whose topic a name is, so its own page's example comes first.
TOPICS = [
    ("cancellation", r"cancel|CancelledError|shield"),
    ("timeouts", r"^(timeout|timeout_at|Timeout|wait_for$|TimeoutError)"),
    ("many-tasks", r"^(TaskGroup|gather|wait$|as_completed|ALL_|FIRST_)"),
    ("callbacks", r"done_callback|^loop\.call_(soon|later)$"),
    ("threads", r"to_thread|run_in_executor|threadsafe|wrap_future"),
    ("futures", r"^Future|isfuture|create_future|Task\.set_(result|exception)"),
    ("results", r"\.(result|exception|done)$|InvalidStateError"),
    (
        "debugging",
        r"name$|current_task|all_tasks|stack|get_coro|get_context|"
        r"debug|slow_callback|exception_handler|graph|awaited_by",
    ),
    ("creating", r"create_task|eager|task_factory|ensure_future|^Task$"),
    ("edge-cases", r"event_loop|run_until_complete|get_running_loop"),
]


def topic_page(name: str) -> str | None:
    """'cancellation' for Task.cancel: the page about what the name does."""
    return next((page for page, pattern in TOPICS if re.search(pattern, name)), None)


def demonstrations(name: str, snippets: list[Snippet], since: str | None = None) -> list[Snippet]:
    """Snippets that use `name`, best first: on the name's own page, runnable on every
    Python that has the name (a 3.15-only example is not the first one shown for a 3.11
    name), named after it, then in page order."""
    found = [s for s in snippets if all(re.search(p, source(s)) for p in patterns(name))]
    key = name.rpartition(".")[2].lower()
    topic = topic_page(name)
    oldest = version_key(since or VERSIONS[0])
    order = list(page_titles())

    def rank(snippet: Snippet) -> tuple:
        page, line = sections().get(snippet.rel, (f"{snippet.page}.md", "", "", 0))[::3]
        on_topic = snippet.page == topic
        return (
            not on_topic,
            version_key(snippet.min_version) > oldest,
            not on_topic and key not in snippet.path.stem.lower(),
            order.index(page) if page in order else len(order),
            line,  # the page's first example of it is the one it teaches with
        )

    return sorted(found, key=rank)


def page_titles() -> dict[str, str]:
    """Page file -> its title, in nav order (from mkdocs.yml)."""
    titles = {}
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s+- (.+): (\S+\.md)$", line)
        if match:
            titles[match.group(2)] = match.group(1)
    return titles


HEADING_RE = re.compile(r"^(#{2,6})\s+(?P<text>.*?)(?:\s*\{#(?P<id>[\w-]+)\})?\s*$")


def heading_anchor(text: str, seen: dict[str, int]) -> str:
    """The id Python-Markdown's toc gives a heading without an explicit one."""
    from markdown.extensions.toc import slugify

    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("`", "")
    slug = slugify(plain, "-")
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}_{count}"


@cache
def sections() -> dict[str, tuple[str, str, str, int]]:
    """Included snippet -> (page file, section anchor, section title, line) where it is
    shown, on its own page when it is shown on several."""
    found: dict[str, tuple[str, str, str, int]] = {}
    for page in sorted((ROOT / "docs").glob("*.md")):
        anchor, title, seen = "", "", {}
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if match := HEADING_RE.match(line):
                title = match.group("text").strip()
                anchor = match.group("id") or heading_anchor(title, seen)
            elif (include := INCLUDE_RE.match(line)) and include.group("path").endswith(".py"):
                path = include.group("path")
                own = path.split("/")[1:2] == [page.stem]
                here = (page.name, anchor, title, number)
                if path not in found or (own and found[path][0] != page.name):
                    found[path] = here
    return found


def render() -> str:
    snippets = discover_snippets()
    titles = page_titles()
    where_shown = sections()
    rows = []
    for name, since in NAMES:
        shown = []
        for snippet in demonstrations(name, snippets, since)[:2]:
            page, anchor, section, _ = where_shown.get(
                snippet.rel, (f"{snippet.page}.md", "", "", 0)
            )
            target = f"{page}#{anchor}" if anchor else page
            section = re.sub(r"\s*\|\s*", " ", section)  # a | would end the table cell
            context = f"{titles.get(page, page)}: {section}" if section else titles.get(page, page)
            shown.append(f"[`{snippet.path.name}`]({target}) ({context})")
        where = "<br>".join(shown) or "**not demonstrated yet**"
        added = since or "3.8 or earlier"
        rows.append(f"| [`{name}`]({docs_url(name)}) | {added} | {where} |")
    return HEADER + "\n".join(rows) + "\n" + FOOTER


HEADER = """---
description: >-
  Every asyncio Task and Future API name, the Python version it appeared in,
  and the page and executed example that shows it.
---

# API index

Every name below is demonstrated by at least one example on this site, and
that example is executed on each Python version the name exists in. The first
column links to the Python documentation; the last, to the page that explains
the name: each file name links to the section where that example is shown,
with its verified output, the name's own page first.

!!! info "Generated"
    This table is generated from the examples themselves
    (`python -m tools.api_index --write`); a test fails when a name has no
    example or when the table is out of date.

| Name | Since | Shown in |
| --- | --- | --- |
"""

FOOTER = """
## Key points

- Names marked 3.11 or later (`TaskGroup`, `timeout`, `Task.cancelling`, …)
  raise `AttributeError` on older Pythons; their examples declare
  `# Requires Python 3.11+` (or the version they need) and are only run where
  they exist. The call-graph names are 3.14+, `TaskGroup.cancel()` is 3.15+.
- `Task` inherits the whole `Future` API except `set_result()` and
  `set_exception()`, which it refuses.
"""


def write() -> str:
    """Rewrite docs/api.md; its path, relative to the repo."""
    target = ROOT / "docs" / "api.md"
    target.write_text(render(), encoding="utf-8")
    return target.relative_to(ROOT).as_posix()

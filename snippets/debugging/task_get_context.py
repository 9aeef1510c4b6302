# Requires Python 3.12+
"""get_context() returns the task's own copy of the context variables."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def handle_request():
    request_id.set("req-42")  # changes the task's copy only
    await asyncio.sleep(1)


async def main():
    request_id.set("req-1")
    task = asyncio.create_task(handle_request(), name="handle-request")
    print("task context, before it starts:", task.get_context()[request_id])
    await asyncio.sleep(0.1)
    print("task context, while it runs:   ", task.get_context()[request_id])
    print("main's own value:              ", request_id.get())
    await task
    print("task context, after it ends:   ", task.get_context()[request_id])


asyncio.run(main())

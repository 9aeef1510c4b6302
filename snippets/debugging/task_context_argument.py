# Requires Python 3.11+
"""With context=, a task runs in the context you pass instead of a copy."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def handle_request():
    request_id.set("req-42")


async def main():
    request_context = contextvars.copy_context()
    await asyncio.create_task(handle_request(), context=request_context)
    print("the context passed with context=:", request_context[request_id])
    await asyncio.create_task(handle_request())
    print("main's context, after a copy:   ", request_id.get())


asyncio.run(main())

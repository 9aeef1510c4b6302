# Requires Python 3.11+
"""A task runs in a copy of its creator's context, or in context= if given."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def log_request():
    print(f"log_request sees request_id={request_id.get()}")


async def main():
    request_id.set("req-1")
    await asyncio.create_task(log_request())  # copies main()'s current context

    other = contextvars.Context()  # an empty context: request_id at its default
    await asyncio.create_task(log_request(), context=other)

    other.run(request_id.set, "req-2")
    await asyncio.create_task(log_request(), context=other)


asyncio.run(main())

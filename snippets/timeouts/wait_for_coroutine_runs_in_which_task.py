"""Before 3.12, wait_for() runs a coroutine in a new task, not the caller's."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="unset")


async def fetch_quote():
    request_id.set("quote-42")
    print(f"fetch_quote runs in {asyncio.current_task().get_name()}")
    return 101.5


async def main():
    print(f"main runs in {asyncio.current_task().get_name()}")
    quote = await asyncio.wait_for(fetch_quote(), timeout=1)
    print(f"quote={quote}; main now sees request_id={request_id.get()!r}")


asyncio.run(main())

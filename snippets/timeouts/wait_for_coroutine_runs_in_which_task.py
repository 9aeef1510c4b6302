"""Before 3.12, wait_for() with a timeout runs a coroutine in a new task."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="unset")


async def fetch_quote():
    request_id.set("quote-42")
    print(f"fetch_quote runs in {asyncio.current_task().get_name()}")
    return 101.5


async def main():
    print(f"main runs in {asyncio.current_task().get_name()}")
    for timeout in (1, None):
        quote = await asyncio.wait_for(fetch_quote(), timeout)
        seen = request_id.get()
        print(f"timeout={timeout}: quote={quote}; main sees {seen!r}")


asyncio.run(main())

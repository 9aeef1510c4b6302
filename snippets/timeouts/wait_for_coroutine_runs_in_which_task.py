"""Which task runs a coroutine given to wait_for(): by timeout and version."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="unset")


async def fetch_quote():
    request_id.set("quote-42")
    print(f"fetch_quote runs in {asyncio.current_task().get_name()}")
    return 101.5


async def main():
    print(f"main runs in {asyncio.current_task().get_name()}")
    for timeout in (1, None, 0):
        try:
            quote = await asyncio.wait_for(fetch_quote(), timeout)
        except asyncio.TimeoutError:
            print(f"timeout={timeout}: TimeoutError, fetch_quote never ran")
            continue
        seen = request_id.get()
        print(f"timeout={timeout}: quote={quote}; main sees {seen!r}")


asyncio.run(main())

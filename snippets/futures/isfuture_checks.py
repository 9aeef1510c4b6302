"""isfuture() is True for futures and tasks, False for coroutines and values."""

import asyncio


async def fetch_quote():
    await asyncio.sleep(0.1)
    return "quote"


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    task = asyncio.create_task(fetch_quote())
    coro = fetch_quote()
    for label, obj in [
        ("future", future),
        ("task", task),
        ("coroutine", coro),
        ("string", "quote"),
    ]:
        print(f"isfuture({label}): {asyncio.isfuture(obj)}")
    coro.close()  # never awaited: close it to avoid a warning
    await task


asyncio.run(main())

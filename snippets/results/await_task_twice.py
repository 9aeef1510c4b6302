"""A task can be awaited again and again; a coroutine object only once."""

import asyncio

calls = 0


async def fetch_price(symbol):
    global calls
    calls += 1
    await asyncio.sleep(0.1)
    return 42.0


async def main():
    task = asyncio.create_task(fetch_price("ACME"))
    print(f"task: {await task}, again: {await task}, calls so far: {calls}")

    coro = fetch_price("ACME")
    print(f"coroutine: {await coro}, calls so far: {calls}")
    try:
        await coro
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")


asyncio.run(main())

"""Task.result() never waits: on a pending task it raises InvalidStateError."""

import asyncio


async def fetch_price():
    await asyncio.sleep(0.1)
    return 42.5


async def main():
    task = asyncio.create_task(fetch_price())
    try:
        print("price:", task.result())
    except asyncio.InvalidStateError as e:
        print(f"{type(e).__name__}: {e}")
    await task  # let it finish before the loop closes


asyncio.run(main())

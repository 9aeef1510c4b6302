"""await the task: it suspends until the result exists, then returns it."""

import asyncio


async def fetch_price():
    await asyncio.sleep(0.1)
    return 42.5


async def main():
    task = asyncio.create_task(fetch_price())
    print("price:", await task)
    print("result() is safe now:", task.result())


asyncio.run(main())

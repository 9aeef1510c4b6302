"""Create tasks inside a coroutine that asyncio.run() is running."""

import asyncio


async def warm_cache():
    return "cache warm"


async def main():
    task = asyncio.create_task(warm_cache())  # the loop is running here
    print(await task)


asyncio.run(main())

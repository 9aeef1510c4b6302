"""Looping over as_completed gives results in finishing order, via new awaitables."""

import asyncio


async def resize_image(name, delay):
    await asyncio.sleep(delay)
    return f"{name} resized"


async def main():
    tasks = [
        asyncio.create_task(resize_image(name, delay))
        for name, delay in [("cat.png", 0.3), ("dog.png", 0.1), ("owl.png", 0.2)]
    ]
    for next_done in asyncio.as_completed(tasks):
        result = await next_done
        kind = type(next_done).__name__
        print(f"{result:<16} yielded a {kind}; one of my tasks? {next_done in tasks}")


asyncio.run(main())

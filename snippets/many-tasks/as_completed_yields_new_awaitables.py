"""Looping over as_completed yields new awaitables, in finishing order."""

import asyncio


async def resize_image(name, delay):
    await asyncio.sleep(delay)
    return f"{name} resized"


async def main():
    images = [("cat.png", 0.3), ("dog.png", 0.1), ("owl.png", 0.2)]
    tasks = [
        asyncio.create_task(resize_image(name, delay)) for name, delay in images
    ]
    for next_done in asyncio.as_completed(tasks):
        result = await next_done
        kind = type(next_done).__name__
        mine = next_done in tasks
        print(f"{result:<16} yielded a {kind}; one of my tasks? {mine}")


asyncio.run(main())

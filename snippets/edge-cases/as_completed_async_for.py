# Requires Python 3.13+
"""From 3.13, `async for` over as_completed() yields the tasks themselves."""

import asyncio


async def fetch_price(seconds):
    await asyncio.sleep(seconds)
    return seconds * 10


async def main():
    shops = {"north": 0.3, "south": 0.1}
    tasks = {asyncio.create_task(fetch_price(t)): s for s, t in shops.items()}
    async for task in asyncio.as_completed(tasks):
        print(f"{tasks[task]}: {task.result():.0f} EUR")


asyncio.run(main())

"""What as_completed() yields: new awaitables, not the tasks you passed."""

import asyncio


async def fetch_price(shop, seconds):
    await asyncio.sleep(seconds)
    return f"{shop}: {seconds * 10:.0f} EUR"


async def main():
    shops = {"north": 0.3, "south": 0.1}
    tasks = [asyncio.create_task(fetch_price(s, t)) for s, t in shops.items()]
    for next_done in asyncio.as_completed(tasks):
        print("one of my tasks:", next_done in tasks, "|", await next_done)


asyncio.run(main())

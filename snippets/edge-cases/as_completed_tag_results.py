"""Tell which job finished, on every version: make each result say so."""

import asyncio


async def fetch_price(seconds):
    await asyncio.sleep(seconds)
    return seconds * 10


async def tagged(shop, awaitable):
    return shop, await awaitable


async def main():
    shops = {"north": 0.3, "south": 0.1}
    jobs = [
        asyncio.create_task(tagged(shop, fetch_price(t)))
        for shop, t in shops.items()
    ]
    for next_done in asyncio.as_completed(jobs):
        shop, price = await next_done
        print(f"{shop}: {price:.0f} EUR")


asyncio.run(main())

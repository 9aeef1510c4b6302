"""A loop taken with get_event_loop() in sync code is not the one that runs."""

import asyncio


class PriceFeed:
    def __init__(self):
        self.loop = asyncio.get_event_loop()  # sync code: no loop runs yet

    async def next_price(self):
        price = self.loop.create_future()
        self.loop.call_soon(price.set_result, 101.5)
        return await price


async def main(feed):
    try:
        print("price:", await feed.next_price())
    except RuntimeError as exc:
        print("RuntimeError:", str(exc)[str(exc).index("got Future") :])


try:
    feed = PriceFeed()
    asyncio.run(main(feed))
except RuntimeError as exc:
    print("RuntimeError:", exc)

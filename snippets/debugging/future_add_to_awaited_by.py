# Requires Python 3.14+
"""A library whose callers wait on their own futures records who waits."""

import asyncio


class PriceBatcher:
    """Each caller asks for one symbol; one task fetches them all."""

    def __init__(self):
        self.replies = {}
        self.fetcher = None

    async def price(self, symbol):
        reply = asyncio.get_running_loop().create_future()
        self.replies[symbol] = reply
        if self.fetcher is None:
            self.fetcher = asyncio.create_task(self.fetch_all(), name="fetch")
        caller = asyncio.current_task()
        asyncio.future_add_to_awaited_by(self.fetcher, caller)
        try:
            return await reply  # not the fetcher: only the edge links them
        finally:
            asyncio.future_discard_from_awaited_by(self.fetcher, caller)

    async def fetch_all(self):
        await asyncio.sleep(0.1)  # one round trip for every symbol
        for symbol, reply in self.replies.items():
            reply.set_result(len(symbol) * 10.0)


def waiters(task):
    graph = asyncio.capture_call_graph(task)
    return sorted(waiter.future.get_name() for waiter in graph.awaited_by)


async def main():
    batcher = PriceBatcher()
    callers = [
        asyncio.create_task(batcher.price(symbol), name=f"price-{symbol}")
        for symbol in ("ACME", "INITECH")
    ]
    await asyncio.sleep(0.05)
    print(f"fetch awaited by: {waiters(batcher.fetcher)}")
    print(await asyncio.gather(*callers))
    print(f"fetch awaited by: {waiters(batcher.fetcher)}")


asyncio.run(main())

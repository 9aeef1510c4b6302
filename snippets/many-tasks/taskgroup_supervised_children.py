# Requires Python 3.11+
"""A child that catches its own errors: one failure cancels nobody."""

import asyncio


async def supervised(coro, name):
    try:
        return await coro
    except Exception as error:  # not CancelledError: cancelling still works
        print(f"{name} failed: {error!r}")


async def fetch_price(symbol, seconds):
    await asyncio.sleep(seconds)
    if symbol == "TYPO":
        raise KeyError(symbol)
    return f"{symbol}: 189.5"


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [
            tg.create_task(supervised(fetch_price(symbol, seconds), symbol))
            for symbol, seconds in [("AAPL", 0.2), ("TYPO", 0.1)]
        ]
    print([task.result() for task in tasks])


asyncio.run(main())

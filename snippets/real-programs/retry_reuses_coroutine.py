"""A retry that awaits the same coroutine object twice fails the second time."""

import asyncio

failures_left = {"AAPL": 1}  # the first call fails


async def fetch_quote(symbol):
    await asyncio.sleep(0.1)  # stands for the network
    if failures_left[symbol] > 0:
        failures_left[symbol] -= 1
        raise ConnectionError("connection reset")
    return f"{symbol} 189.5"


async def retry(coro, tries=3):
    for attempt in range(1, tries + 1):
        try:
            return await coro  # the same object on every attempt
        except ConnectionError as error:
            print(f"attempt {attempt} failed: {error!r}")


async def main():
    try:
        print(await retry(fetch_quote("AAPL")))
    except RuntimeError as error:
        print(f"RuntimeError: {error}")


asyncio.run(main())

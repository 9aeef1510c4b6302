"""Retry by calling the coroutine function again: a new coroutine each time."""

import asyncio

failures_left = {"AAPL": 1}  # the first call fails


async def fetch_quote(symbol):
    await asyncio.sleep(0.1)  # stands for the network
    if failures_left[symbol] > 0:
        failures_left[symbol] -= 1
        raise ConnectionError("connection reset")
    return f"{symbol} 189.5"


async def retry(func, *args, tries=3):
    for attempt in range(1, tries + 1):
        try:
            return await func(*args)  # a fresh coroutine per attempt
        except ConnectionError as error:
            print(f"attempt {attempt} failed: {error!r}")
    raise ConnectionError(f"gave up after {tries} attempts")


async def main():
    print(await retry(fetch_quote, "AAPL"))
    # anything that makes a new coroutine when called works, e.g. a lambda:
    failures_left["MSFT"] = 2
    print(await retry(lambda: fetch_quote("MSFT")))


asyncio.run(main())

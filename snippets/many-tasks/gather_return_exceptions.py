"""With return_exceptions=True, a failure takes its slot in the results list."""

import asyncio

PRICES = {"AAPL": 189.5, "GOOG": 141.8, "MSFT": 415.2}


async def fetch_price(symbol):
    await asyncio.sleep(0.1)
    return PRICES[symbol]  # KeyError for an unknown symbol


async def main():
    symbols = ["AAPL", "TYPO", "GOOG", "MSFT"]
    tasks = [asyncio.create_task(fetch_price(s)) for s in symbols]
    tasks[-1].cancel()  # the MSFT request is withdrawn
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("results:", results)
    for symbol, result in zip(symbols, results):
        if isinstance(result, BaseException):  # CancelledError included
            print(f"{symbol}: failed with {type(result).__name__}")
        else:
            print(f"{symbol}: {result}")


asyncio.run(main())

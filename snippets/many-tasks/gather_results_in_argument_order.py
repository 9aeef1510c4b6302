"""gather returns results in argument order, whatever order they finish in."""

import asyncio

PRICES = {"AAPL": 189.5, "MSFT": 411.2, "GOOG": 141.8}


async def fetch_price(symbol, delay):
    await asyncio.sleep(delay)
    print(f"{symbol} arrived")
    return PRICES[symbol]


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    prices = await asyncio.gather(
        fetch_price("MSFT", 0.3),
        fetch_price("AAPL", 0.1),
        fetch_price("GOOG", 0.2),
    )
    print(f"t={loop.time() - start:.1f} gather returned: {prices}")


asyncio.run(main())

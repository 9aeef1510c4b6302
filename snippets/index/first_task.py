"""Two concurrent tasks take as long as the slowest one, not the sum of both."""

import asyncio


async def fetch_price(symbol, price, seconds):
    await asyncio.sleep(seconds)  # stands for a network call
    return f"{symbol}: {price}"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    apple = asyncio.create_task(fetch_price("AAPL", 189.5, 1.0))
    google = asyncio.create_task(fetch_price("GOOG", 141.2, 2.0))
    print(await apple, f"(t={loop.time() - start:.1f})")
    print(await google, f"(t={loop.time() - start:.1f})")


asyncio.run(main())

"""await task returns the task's value or raises the exception it ended with."""

import asyncio


async def fetch_price(symbol):
    await asyncio.sleep(0.1)
    if symbol == "NOPE":
        raise LookupError(f"unknown symbol {symbol}")
    return 42.0


async def main():
    good = asyncio.create_task(fetch_price("ACME"))
    bad = asyncio.create_task(fetch_price("NOPE"))
    gone = asyncio.create_task(fetch_price("ACME"))
    gone.cancel()
    print(f"await good -> {await good}")
    for name, task in [("bad", bad), ("gone", gone)]:
        try:
            await task
        except (LookupError, asyncio.CancelledError) as e:
            print(f"await {name} raised {e!r}")


asyncio.run(main())

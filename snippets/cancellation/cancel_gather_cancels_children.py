"""Cancelling a gather() cancels every child that has not finished yet."""

import asyncio


async def fetch_rate(currency, delay):
    try:
        await asyncio.sleep(delay)
        return f"{currency} fetched"
    except asyncio.CancelledError:
        print(f"{currency}: cancelled")
        raise


async def main():
    plan = [("EUR", 0.1), ("GBP", 1), ("JPY", 2)]
    children = [
        asyncio.create_task(fetch_rate(name, delay)) for name, delay in plan
    ]
    rates = asyncio.gather(*children)
    await asyncio.sleep(0.2)
    print(f"rates.cancel() returned {rates.cancel()}")
    try:
        await rates
    except asyncio.CancelledError:
        print("await rates raised CancelledError")
    for child in children:
        print(f"done={child.done()} cancelled={child.cancelled()}")


asyncio.run(main())

"""Run the sync code in a thread; from there, submit coroutines to the loop."""

import asyncio


async def fetch_rate(currency):
    await asyncio.sleep(0.1)
    return {"EUR": 1.08}[currency]


def price_in_usd(amount, currency, loop):  # sync code, now in a worker thread
    future = asyncio.run_coroutine_threadsafe(fetch_rate(currency), loop)
    return amount * future.result(timeout=5)  # blocks this thread only


async def main():
    loop = asyncio.get_running_loop()
    usd = await asyncio.to_thread(price_in_usd, 10, "EUR", loop)
    print(f"10 EUR = {usd:.2f} USD")


asyncio.run(main())

"""Retry a slow call: each attempt gets its own timeout, then a short pause."""

import asyncio

DELAYS = [2.0, 2.0, 0.3]  # the first two attempts hang, the third answers


async def fetch_rates(attempt):
    await asyncio.sleep(DELAYS[attempt])  # stands for a network call
    return {"EUR": 1.09}


async def fetch_with_retries(loop, start, attempts=3, timeout=0.5):
    for attempt in range(1, attempts + 1):
        try:
            return await asyncio.wait_for(fetch_rates(attempt - 1), timeout)
        except asyncio.TimeoutError:
            print(f"t={loop.time() - start:.1f} attempt {attempt} timed out")
            if attempt < attempts:
                await asyncio.sleep(0.1)  # back off before the next try
    raise RuntimeError(f"no answer after {attempts} attempts")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    rates = await fetch_with_retries(loop, start)
    print(f"t={loop.time() - start:.1f} rates={rates}")


asyncio.run(main())

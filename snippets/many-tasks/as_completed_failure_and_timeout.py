"""as_completed cancels nothing: failures and timeout= raise when awaited."""

import asyncio

RATES = {"EUR": 1.08, "GBP": 1.27}


async def fetch_rate(currency, delay):
    await asyncio.sleep(delay)
    return f"{currency} {RATES[currency]}"  # KeyError for an unknown currency


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    euro = asyncio.create_task(fetch_rate("EUR", 0.1))
    typo = asyncio.create_task(fetch_rate("EUX", 0.2))
    pound = asyncio.create_task(fetch_rate("GBP", 0.5))
    for next_done in asyncio.as_completed([euro, typo, pound], timeout=0.3):
        try:
            outcome = await next_done
        except (KeyError, asyncio.TimeoutError) as e:
            outcome = f"{type(e).__name__} raised"
        print(f"t={loop.time() - start:.1f} {outcome}")
    print("pound cancelled?", pound.cancelled())
    rate = await pound  # still running after the timeout: it finishes
    print(f"t={loop.time() - start:.1f} {rate}")


asyncio.run(main())

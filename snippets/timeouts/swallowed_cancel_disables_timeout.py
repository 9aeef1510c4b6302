# Requires Python 3.11+
"""Swallowing CancelledError inside asyncio.timeout() means no TimeoutError."""

import asyncio


async def fetch_report():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        pass  # the bug: the timeout's cancellation is swallowed here
    await asyncio.sleep(1)
    return "report"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.timeout(0.5) as cm:
        result = await fetch_report()
    print(f"t={loop.time() - start:.1f} got {result!r}, no TimeoutError")
    print(f"expired()={cm.expired()}")


asyncio.run(main())

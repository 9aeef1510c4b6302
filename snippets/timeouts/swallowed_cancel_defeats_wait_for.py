"""If the task swallows the cancellation, wait_for() returns its late result."""

import asyncio


async def fetch_report():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        pass  # the bug: wait_for's cancellation is swallowed here
    await asyncio.sleep(1)
    return "report"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        result = await asyncio.wait_for(fetch_report(), timeout=0.5)
        print(f"t={loop.time() - start:.1f} wait_for returned {result!r}")
    except asyncio.TimeoutError:
        print("never printed")


asyncio.run(main())

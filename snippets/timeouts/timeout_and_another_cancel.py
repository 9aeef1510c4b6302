# Requires Python 3.11+
"""A timeout fires, then the task is cancelled from outside: no TimeoutError."""

import asyncio


async def fetch_report(loop, start):
    try:
        async with asyncio.timeout(0.5):
            try:
                await asyncio.sleep(10)  # a slow download
            except asyncio.CancelledError:
                print(f"t={loop.time() - start:.1f} inside: CancelledError")
                await asyncio.sleep(0.2)  # closing the connection takes time
                raise
    except TimeoutError:
        print(f"t={loop.time() - start:.1f} fetch_report: TimeoutError")
        return "timed out"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(fetch_report(loop, start))
    await asyncio.sleep(0.6)
    task.cancel()  # the program shuts down while fetch_report is closing
    try:
        print(await task)
    except asyncio.CancelledError:
        print(f"t={loop.time() - start:.1f} main: fetch_report was cancelled")


asyncio.run(main())

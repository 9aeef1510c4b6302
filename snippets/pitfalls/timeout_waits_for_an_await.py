# Requires Python 3.11+
"""A timeout acts only at an await: blocking code inside it runs to the end."""

import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.timeout(0.1) as deadline:
        time.sleep(0.3)  # blocking, e.g. a synchronous HTTP call
    print(f"t={loop.time() - start:.1f} no await: expired={deadline.expired()}")
    try:
        async with asyncio.timeout(0.1):  # deadline: t=0.4
            time.sleep(0.3)
            print(f"t={loop.time() - start:.1f} blocking call returned")
            await asyncio.sleep(1)  # the first await: the timeout lands here
            print("never printed")
    except TimeoutError:
        print(f"t={loop.time() - start:.1f} TimeoutError")


asyncio.run(main())

# Requires Python 3.11+
"""Timeout.reschedule() moves the deadline: here, 0.5 s after the last chunk."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(None) as cm:  # no deadline yet
            print(f"{isinstance(cm, asyncio.Timeout)=} when()={cm.when()}")
            for delay in (0.3, 0.3, 0.3, 2.0):  # the fourth chunk stalls
                cm.reschedule(loop.time() + 0.5)
                await asyncio.sleep(delay)
                print(f"t={loop.time() - start:.1f} chunk received")
    except TimeoutError:
        expired = cm.expired()
        print(f"t={loop.time() - start:.1f} TimeoutError, expired()={expired}")


asyncio.run(main())

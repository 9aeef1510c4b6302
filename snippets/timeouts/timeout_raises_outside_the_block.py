# Requires Python 3.11+
"""Code inside asyncio.timeout() sees CancelledError; outside, TimeoutError."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(0.5):
            try:
                await asyncio.sleep(10)  # a slow download
            except asyncio.CancelledError:
                print(f"t={loop.time() - start:.1f} inside: CancelledError")
                raise
            print("never printed")
    except TimeoutError as exc:
        print(f"t={loop.time() - start:.1f} outside: {type(exc).__name__}")
        print(f"raised from {exc.__cause__!r}")


asyncio.run(main())

# Requires Python 3.11+
"""timeout_at() takes an absolute loop time: one deadline for several steps."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    deadline = start + 1.0
    try:
        async with asyncio.timeout_at(deadline):
            for step in ("connect", "authenticate", "download"):
                await asyncio.sleep(0.4)
                print(f"t={loop.time() - start:.1f} {step} done")
    except TimeoutError:
        print(f"t={loop.time() - start:.1f} TimeoutError: deadline reached")


asyncio.run(main())

"""get_running_loop() gives the loop running this code; time() is its clock."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()  # the loop asyncio.run() created
    print("loop.is_running():", loop.is_running())
    start = loop.time()  # seconds on a monotonic clock; only differences count
    await asyncio.sleep(0.5)
    print(f"t={loop.time() - start:.1f} after sleep(0.5)")
    await asyncio.sleep(1)
    print(f"t={loop.time() - start:.1f} after sleep(1)")


try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(f"outside a coroutine: RuntimeError: {e}")
asyncio.run(main())

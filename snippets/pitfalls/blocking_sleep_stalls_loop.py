"""time.sleep() inside a coroutine freezes every other task on the loop."""

import asyncio
import time


async def heartbeat(loop, start):
    for beat in (1, 2):
        await asyncio.sleep(0.1)
        now = loop.time() - start
        print(f"t={now:.1f} heartbeat {beat} (due at t=0.{beat})")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    beats = asyncio.create_task(heartbeat(loop, start))
    await asyncio.sleep(0)  # let the heartbeat start its first sleep
    time.sleep(0.3)  # blocks the whole loop, not just main()
    print(f"t={loop.time() - start:.1f} main: blocking sleep over")
    await beats


asyncio.run(main())

"""await asyncio.sleep() suspends only the current task; others keep running."""

import asyncio


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
    await asyncio.sleep(0.3)  # suspends main() only
    print(f"t={loop.time() - start:.1f} main: sleep over")
    await beats


asyncio.run(main())

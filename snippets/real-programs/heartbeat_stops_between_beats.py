"""Stop a heartbeat between beats, never in the middle of sending one."""

import asyncio
import time

START = time.monotonic()


async def heartbeat(stop, interval):
    beats = 0
    while not stop.is_set():
        beats += 1
        print(f"t={time.monotonic() - START:.1f} beat {beats} sending")
        await asyncio.sleep(0.3)  # a send that must not be cut in half
        print(f"t={time.monotonic() - START:.1f} beat {beats} sent")
        try:  # sleep until the next beat, or until stop is set
            await asyncio.wait_for(stop.wait(), interval)
        except asyncio.TimeoutError:
            pass
    return beats


async def main():
    stop = asyncio.Event()
    task = asyncio.create_task(heartbeat(stop, interval=1))
    await asyncio.sleep(1.4)  # the program decides to stop mid-send
    stop.set()
    print(f"t={time.monotonic() - START:.1f} stop set")
    print("beats sent:", await task)


asyncio.run(main())

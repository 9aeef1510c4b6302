"""Two heartbeats, every second: fixed delay drifts, fixed rate keeps time."""

import asyncio
import time

START = time.monotonic()


async def send_heartbeat(kind):
    print(f"t={time.monotonic() - START:.1f} {kind}")
    await asyncio.sleep(0.3)  # sending takes time too


async def fixed_delay(interval):
    while True:
        await send_heartbeat("fixed delay")
        await asyncio.sleep(interval)  # the interval starts after the send


async def fixed_rate(interval):
    loop = asyncio.get_running_loop()
    next_beat = loop.time()
    while True:
        await send_heartbeat("fixed rate")
        next_beat += interval  # the schedule does not move
        await asyncio.sleep(max(0, next_beat - loop.time()))


async def main():
    beats = [
        asyncio.create_task(fixed_delay(1)),
        asyncio.create_task(fixed_rate(1)),
    ]
    await asyncio.sleep(3.5)
    for task in beats:
        task.cancel()
    await asyncio.gather(*beats, return_exceptions=True)
    print("both stopped:", all(task.cancelled() for task in beats))


asyncio.run(main())

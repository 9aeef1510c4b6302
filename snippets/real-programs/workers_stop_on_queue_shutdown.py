# Requires Python 3.13+
"""Workers stop by themselves once the queue is shut down and empty."""

import asyncio
import time

START = time.monotonic()


async def resize(name, queue):
    resized = 0
    while True:
        try:
            photo = await queue.get()
        except asyncio.QueueShutDown:
            print(f"t={time.monotonic() - START:.1f} {name}: queue shut down")
            return resized
        await asyncio.sleep(0.3)  # stands for the work
        print(f"t={time.monotonic() - START:.1f} {name} resized {photo}")
        resized += 1


async def main():
    queue = asyncio.Queue()
    for n in range(1, 6):
        queue.put_nowait(f"photo-{n}.jpg")
    workers = [
        asyncio.create_task(resize(f"worker-{n}", queue)) for n in (1, 2)
    ]
    queue.shutdown()  # no more puts; get() raises once the queue is empty
    print("resized per worker:", await asyncio.gather(*workers))


asyncio.run(main())

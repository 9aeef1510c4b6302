# Requires Python 3.11+
"""A long-lived TaskGroup: a task reads jobs from a queue, starts one each."""

import asyncio
import time

START = time.monotonic()


async def resize(photo, seconds):
    await asyncio.sleep(seconds)  # stands for the work
    print(f"t={time.monotonic() - START:.1f} resized {photo}")


async def dispatch(queue, tg):
    while (job := await queue.get()) is not None:  # None: no more jobs
        print(f"t={time.monotonic() - START:.1f} started {job[0]}")
        tg.create_task(resize(*job))


async def main():
    queue = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(dispatch(queue, tg))
        await queue.put(("cat.jpg", 0.3))
        await asyncio.sleep(0.1)  # jobs arrive over time
        await queue.put(("dog.jpg", 0.1))
        await queue.put(None)
        print(f"t={time.monotonic() - START:.1f} body done")
    print(f"t={time.monotonic() - START:.1f} every job finished")


asyncio.run(main())

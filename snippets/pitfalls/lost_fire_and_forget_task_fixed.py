"""Keeping background tasks in a set protects them until they finish."""

import asyncio
import gc

background_tasks = set()


async def wait_for_signal():
    try:
        await asyncio.get_running_loop().create_future()
    finally:
        print("wait_for_signal: finally block ran")


async def main():
    task = asyncio.create_task(wait_for_signal())
    background_tasks.add(task)  # strong reference...
    task.add_done_callback(background_tasks.discard)  # ...dropped once done
    await asyncio.sleep(0.1)
    print("tasks before gc:", len(asyncio.all_tasks()))
    gc.collect()
    print("tasks after gc: ", len(asyncio.all_tasks()))
    task.cancel()
    await asyncio.wait([task])
    print("background tasks left:", len(background_tasks))


asyncio.run(main())

"""Catching CancelledError without re-raising makes a cancel a normal return."""

import asyncio


async def sync_catalog():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sync_catalog: cancelled, cleaning up")  # ...and no raise
    return "finished anyway"


async def main():
    task = asyncio.create_task(sync_catalog())
    await asyncio.sleep(0.1)
    print("task.cancel() ->", task.cancel())
    print("await task ->", await task)
    print("task.cancelled():", task.cancelled())


asyncio.run(main())

"""Re-raising CancelledError after cleanup lets the cancellation complete."""

import asyncio


async def sync_catalog():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sync_catalog: cancelled, cleaning up")
        raise
    return "finished"


async def main():
    task = asyncio.create_task(sync_catalog())
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("await task -> CancelledError")
    print("task.cancelled():", task.cancelled())


asyncio.run(main())

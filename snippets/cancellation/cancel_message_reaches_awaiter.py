"""The cancel() message reaches the task; its awaiter sees it only on 3.11+."""

import asyncio


async def sync_inventory():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        print(f"task sees:      {exc!r}")
        raise


async def main():
    task = asyncio.create_task(sync_inventory())
    await asyncio.sleep(0.1)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as exc:
        print(f"awaiter sees:   {exc!r}")
        print(f"its __context__: {exc.__context__!r}")


asyncio.run(main())

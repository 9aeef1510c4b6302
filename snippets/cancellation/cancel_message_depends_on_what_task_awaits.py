"""On 3.9-3.10 the task loses the message if it awaits a task or a gather()."""

import asyncio


async def fetch_stock():
    await asyncio.sleep(10)


async def sync_inventory(awaiting):
    try:
        if awaiting == "sleep()":
            await asyncio.sleep(10)
        elif awaiting == "a task":
            await asyncio.create_task(fetch_stock())
        else:
            await asyncio.gather(fetch_stock())
    except asyncio.CancelledError as exc:
        print(f"awaiting {awaiting}: the task sees {exc!r}")
        raise


async def main():
    for awaiting in ("sleep()", "a task", "gather()"):
        task = asyncio.create_task(sync_inventory(awaiting))
        await asyncio.sleep(0.1)
        task.cancel("shutting down")
        await asyncio.wait([task])


asyncio.run(main())

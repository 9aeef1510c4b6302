"""A task that cancels itself, then returns at once, ends cancelled."""

import asyncio


async def save_draft():
    asyncio.current_task().cancel()  # only a request, noted for later
    print("save_draft: returns 'saved' with no await after cancel()")
    return "saved"


async def main():
    task = asyncio.create_task(save_draft())
    await asyncio.wait([task])
    print(f"cancelled()={task.cancelled()}")


asyncio.run(main())

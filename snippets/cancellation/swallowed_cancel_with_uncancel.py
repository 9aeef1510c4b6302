# Requires Python 3.11+
"""uncancel() after swallowing a cancel leaves the TaskGroup nothing to redo."""

import asyncio


async def charge_card():
    raise ValueError("card declined")


async def checkout():
    try:
        await asyncio.sleep(10)  # wait for a coupon; cancel() means "skip it"
    except asyncio.CancelledError:
        asyncio.current_task().uncancel()  # withdraw the request handled here
    count = asyncio.current_task().cancelling()
    print(f"checkout: swallowed, cancelling()={count}")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(charge_card())
    except Exception as errors:  # an ExceptionGroup
        print(f"checkout: handled {errors.exceptions!r}")


async def main():
    task = asyncio.create_task(checkout())
    # main() skips the coupon step by cancelling it
    await asyncio.sleep(0.1)
    task.cancel()
    await asyncio.wait([task])
    print(f"main: checkout cancelled()={task.cancelled()}")


asyncio.run(main())

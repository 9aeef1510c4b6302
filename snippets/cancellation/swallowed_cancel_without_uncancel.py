# Requires Python 3.11+
"""A cancel swallowed without uncancel() stays counted; TaskGroup acts on it."""

import asyncio
import contextlib


async def charge_card():
    raise ValueError("card declined")


async def checkout():
    with contextlib.suppress(asyncio.CancelledError):  # no uncancel()
        await asyncio.sleep(10)
    count = asyncio.current_task().cancelling()
    print(f"checkout: swallowed, cancelling()={count}")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(charge_card())
    except Exception as errors:  # an ExceptionGroup
        print(f"checkout: handled {errors.exceptions!r}")


async def main():
    task = asyncio.create_task(checkout())
    # the task is cancelled from outside
    await asyncio.sleep(0.1)
    task.cancel()
    await asyncio.wait([task])
    print(f"main: checkout cancelled()={task.cancelled()}")


asyncio.run(main())

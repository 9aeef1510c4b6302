# Requires Python 3.11+
"""cancelling() counts pending cancel requests; uncancel() takes one back."""

import asyncio


async def poll_sensor():
    task = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"task: caught it, cancelling()={task.cancelling()}")
        print(f"task: uncancel() returned {task.uncancel()}")
    await asyncio.sleep(0.1)  # carries on as if never cancelled
    return "last reading: 21.5 C"


async def main():
    task = asyncio.create_task(poll_sensor())
    await asyncio.sleep(0.1)
    task.cancel()
    print(f"main: after cancel(), cancelling()={task.cancelling()}")
    print(f"main: {await task}")
    print(
        f"main: cancelled()={task.cancelled()} cancelling()={task.cancelling()}"
    )


asyncio.run(main())

"""A task that swallows CancelledError ends normally: cancelled() is False."""

import asyncio


async def send_newsletter():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("task: caught CancelledError and did not re-raise it")
    return "sent anyway"


async def main():
    task = asyncio.create_task(send_newsletter())
    await asyncio.sleep(0.1)
    print(f"cancel() returned {task.cancel()}")
    result = await task  # no CancelledError here
    print(f"result={result!r} cancelled()={task.cancelled()}")


asyncio.run(main())

"""cancel() throws CancelledError into the task's await; finally still runs."""

import asyncio


async def download_report():
    try:
        print("download: started")
        await asyncio.sleep(10)
        print("download: finished")  # never reached
    finally:
        print("download: finally closes the connection")


async def main():
    task = asyncio.create_task(download_report())
    await asyncio.sleep(0.1)
    print(f"cancel() returned {task.cancel()}")
    print(f"right after cancel(): cancelled()={task.cancelled()}")
    try:
        await task
    except asyncio.CancelledError:
        print("await task raised CancelledError")
    print(
        f"after it ended: cancelled()={task.cancelled()} done()={task.done()}"
    )


asyncio.run(main())

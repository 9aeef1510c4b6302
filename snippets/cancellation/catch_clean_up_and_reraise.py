"""A task may catch CancelledError, await its cleanup, then re-raise it."""

import asyncio


async def upload_file(loop, start):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(
            f"t={loop.time() - start:.1f} upload: cancelled,"
            " deleting partial file"
        )
        await asyncio.sleep(0.2)  # cleanup may await
        print(f"t={loop.time() - start:.1f} upload: partial file deleted")
        raise  # keep the task marked as cancelled


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(upload_file(loop, start))
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(
            f"t={loop.time() - start:.1f} main: cancelled()={task.cancelled()}"
        )


asyncio.run(main())

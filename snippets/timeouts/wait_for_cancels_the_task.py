"""On timeout, wait_for() cancels the task and waits for its cleanup to end."""

import asyncio


async def fetch_quote(loop, start):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        now = loop.time() - start
        print(f"t={now:.1f} fetch_quote: cancelled, closing socket")
        await asyncio.sleep(0.2)
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(fetch_quote(loop, start))
    try:
        await asyncio.wait_for(task, timeout=0.5)
    except asyncio.TimeoutError as exc:
        print(f"t={loop.time() - start:.1f} {type(exc).__name__} raised")
    print(f"task.cancelled()={task.cancelled()}")


asyncio.run(main())

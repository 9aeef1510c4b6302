"""A done callback gets the task itself and runs on a later loop iteration."""

import asyncio


async def fetch_rate():
    return 1.08


def log_rate(future):
    kind = type(future).__name__
    print(f"  log_rate got a {kind} with result {future.result()}")


async def main():
    task = asyncio.create_task(fetch_rate())
    await task
    task.add_done_callback(log_rate)  # the task is already done...
    print("after add_done_callback: log_rate has not run yet")
    await asyncio.sleep(0)  # ...yet the callback waits for the loop
    print("after one loop iteration")


asyncio.run(main())

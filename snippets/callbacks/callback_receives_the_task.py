"""A done callback is called with the finished task as its only argument."""

import asyncio


async def fetch_price():
    await asyncio.sleep(0.1)
    return 42.5


def report_price(task):
    print(f"callback got a {type(task).__name__} named {task.get_name()!r}")
    print(f"done={task.done()} result={task.result()}")


async def main():
    task = asyncio.create_task(fetch_price(), name="fetch-price")
    task.add_done_callback(report_price)
    print("callback registered, awaiting the task")
    await task
    print("main resumes after the callback")


asyncio.run(main())

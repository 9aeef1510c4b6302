"""Awaiting the task, not checking done() once, always gets its result."""

import asyncio


async def my_async_function():
    await asyncio.sleep(1)
    return "Async task completed"


async def main():
    task = asyncio.create_task(my_async_function())
    print("Task created")

    await asyncio.sleep(0.5)
    print(f"done at 0.5 s? {task.done()}")

    result = await task  # suspends main() until the task has finished
    print(f"Task result: {result}")


asyncio.run(main())

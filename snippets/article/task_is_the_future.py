"""create_task() returns one object: the Task, which is itself a Future."""

import asyncio


async def compute_total():
    return 42


async def main():
    task = asyncio.create_task(compute_total())
    print("type:", type(task).__name__)
    print("isinstance(task, asyncio.Future):", isinstance(task, asyncio.Future))
    print("Task subclasses Future:", issubclass(asyncio.Task, asyncio.Future))
    print("ensure_future(task) is task:", asyncio.ensure_future(task) is task)
    print("await task:", await task, "| task.done():", task.done())
    print("task.result():", task.result())


asyncio.run(main())

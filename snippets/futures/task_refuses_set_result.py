"""A Task's result is set by its coroutine: set_result() is refused."""

import asyncio


async def compute_total():
    await asyncio.sleep(0.1)
    return 42


async def main():
    task = asyncio.create_task(compute_total())
    print("task is a Future:", isinstance(task, asyncio.Future))
    try:
        task.set_result(0)
    except RuntimeError as e:
        print(f"set_result    -> RuntimeError: {e}")
    try:
        task.set_exception(ValueError("forced failure"))
    except RuntimeError as e:
        print(f"set_exception -> RuntimeError: {e}")
    print("the coroutine decides:", await task)


asyncio.run(main())

"""A Task has the Future API except set_result() and set_exception()."""

import asyncio


async def compute_total():
    await asyncio.sleep(0.1)
    return 42


async def main():
    task = asyncio.create_task(compute_total())
    attempts = [("set_result", 0), ("set_exception", ValueError())]
    for method, argument in attempts:
        try:
            getattr(task, method)(argument)
        except RuntimeError as e:
            print(f"task.{method}() -> {type(e).__name__}: {e}")
    print("the coroutine still decides the result:", await task)


asyncio.run(main())

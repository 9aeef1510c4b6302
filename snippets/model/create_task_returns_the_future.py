"""create_task() returns the Task, and the Task is itself a Future."""

import asyncio


async def download_report():
    await asyncio.sleep(0.1)
    return "report.pdf"


async def main():
    task = asyncio.create_task(download_report())
    print(f"type: {type(task).__name__}")
    print("isinstance(task, asyncio.Future):", isinstance(task, asyncio.Future))
    print("issubclass(Task, Future):", issubclass(asyncio.Task, asyncio.Future))
    print(f"classes: {[cls.__name__ for cls in type(task).__mro__]}")
    print(f"await task: {await task}")
    print(f"task.result(): {task.result()}")


asyncio.run(main())

"""At 0.5 s the article's task is pending; asyncio.run() then cancels it."""

import asyncio


async def my_async_function():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("my_async_function: cancelled before it could return")
        raise
    return "Async task completed"


async def main():
    task = asyncio.create_task(my_async_function())
    print("Task created")
    await asyncio.sleep(0.5)
    print(f"task.done() at 0.5 s: {task.done()}")
    running_tasks.add(task)
    print("main() returns")


running_tasks = set()
asyncio.run(main())
task = running_tasks.pop()
print(f"after asyncio.run(): done={task.done()} cancelled={task.cancelled()}")

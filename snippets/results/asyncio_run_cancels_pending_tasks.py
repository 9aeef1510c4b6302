"""When main() returns, asyncio.run() cancels every pending task, then waits."""

import asyncio


async def refresh_cache():
    try:
        await asyncio.sleep(10)
        print("refresh_cache: done")  # never reached
    except asyncio.CancelledError:
        print("refresh_cache: cancelled during asyncio.run() shutdown")
        raise
    finally:
        print("refresh_cache: cleanup ran")


async def main():
    background_tasks.add(asyncio.create_task(refresh_cache()))
    await asyncio.sleep(0.1)
    print("main() returns")


background_tasks = set()
asyncio.run(main())
task = background_tasks.pop()
print(f"after asyncio.run(): done={task.done()}, cancelled={task.cancelled()}")

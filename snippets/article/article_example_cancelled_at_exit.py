"""The article's example, instrumented: the task is cancelled, not completed."""

import asyncio


async def build_greeting():
    try:
        await asyncio.sleep(1)
        return "Async task completed"
    except asyncio.CancelledError:
        print("build_greeting: cancelled while sleeping")
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(build_greeting())
    print("Task created")
    await asyncio.sleep(0.5)
    print(f"t={loop.time() - start:.1f} task.done() = {task.done()}")
    if task.done():
        print(f"Task result: {task.result()}")
    print(f"t={loop.time() - start:.1f} main returns; asyncio.run() cleans up")
    return task


task = asyncio.run(main())
print("after asyncio.run(): cancelled =", task.cancelled())

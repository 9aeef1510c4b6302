"""asyncio.run() waits at exit for a task that swallows its cancellation."""

import asyncio


async def flush_metrics(loop, start):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"t={loop.time() - start:.1f} flush_metrics: cancel swallowed")
    await asyncio.sleep(2)  # carries on instead of stopping
    print(f"t={loop.time() - start:.1f} flush_metrics: finished")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    background_tasks.add(asyncio.create_task(flush_metrics(loop, start)))
    await asyncio.sleep(0.1)
    print(f"t={loop.time() - start:.1f} main() returns")


background_tasks = set()
asyncio.run(main())
print("asyncio.run() returned")

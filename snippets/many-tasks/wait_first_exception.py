"""wait(FIRST_EXCEPTION) returns when a task fails and raises nothing itself."""

import asyncio


async def check(name, delay, healthy=True):
    await asyncio.sleep(delay)
    if not healthy:
        raise OSError(f"{name} check failed")
    return f"{name} ok"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(check("disk", 0.3), name="disk"),
        asyncio.create_task(
            check("network", 0.1, healthy=False), name="network"
        ),
        asyncio.create_task(check("memory", 0.2), name="memory"),
    ]
    done, pending = await asyncio.wait(
        tasks, return_when=asyncio.FIRST_EXCEPTION
    )
    print(f"t={loop.time() - start:.1f} wait returned, no exception raised")
    for task in done:
        print(f"done: {task.get_name()} -> {task.exception()!r}")
    print("pending:", sorted(t.get_name() for t in pending))
    # the healthy checks were never cancelled; with no failure left,
    # FIRST_EXCEPTION waits for all of them
    await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
    results = [t.result() for t in tasks if t in pending]
    print(f"t={loop.time() - start:.1f}", results)


asyncio.run(main())

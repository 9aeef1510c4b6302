"""wait(FIRST_COMPLETED) returns two sets as soon as any one task is done."""

import asyncio


async def query_mirror(region, delay):
    await asyncio.sleep(delay)
    return f"answer from {region}"


async def main():
    tasks = [
        asyncio.create_task(query_mirror(region, delay), name=region)
        for region, delay in [("eu", 0.3), ("us", 0.1), ("asia", 0.2)]
    ]
    done, pending = await asyncio.wait(
        tasks, return_when=asyncio.FIRST_COMPLETED
    )
    print("done:", [t.get_name() for t in done])
    print("pending:", sorted(t.get_name() for t in pending))
    print("fastest:", done.pop().result())
    for task in pending:  # wait() left them running: stop them ourselves
        task.cancel()
    await asyncio.wait(pending)
    print("cancelled:", sorted(t.get_name() for t in pending if t.cancelled()))


asyncio.run(main())

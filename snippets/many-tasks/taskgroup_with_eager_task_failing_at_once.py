# Requires Python 3.13+
"""An eager task that fails at once does not stop the TaskGroup's body early."""

import asyncio


async def check_quota():
    raise ValueError("quota exceeded")  # fails in its first, eager step


async def upload(name):
    await asyncio.sleep(0.1)
    print(f"  {name} uploaded")


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check_quota())
            tg.create_task(upload("report.pdf"))
            print("body: both tasks created")
    except* ValueError as group:
        print(f"caught: {group.exceptions[0]!r}")


asyncio.run(main())

"""Keep background tasks in a set; a done callback removes each when it ends."""

import asyncio

background_tasks = set()


async def send_email(to, delay):
    await asyncio.sleep(delay)
    print(f"sent to {to}")


async def main():
    for to, delay in [("ada@example.com", 0.1), ("bob@example.com", 0.2)]:
        task = asyncio.create_task(send_email(to, delay))
        background_tasks.add(task)  # strong reference: the task cannot vanish
        task.add_done_callback(background_tasks.discard)  # ...and none leaks
    print(f"in flight: {len(background_tasks)}")
    await asyncio.sleep(0.15)
    print(f"in flight: {len(background_tasks)}")
    await asyncio.sleep(0.1)
    print(f"in flight: {len(background_tasks)}")


asyncio.run(main())

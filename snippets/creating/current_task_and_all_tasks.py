"""current_task() is the running task; all_tasks() is every unfinished one."""

import asyncio


async def poll_queue(name):
    me = asyncio.current_task()
    print(f"poll_queue({name!r}) runs in task {me.get_name()}")
    await asyncio.sleep(0.1)


async def main():
    print(f"main() runs in task {asyncio.current_task().get_name()}")
    queues = ["jobs", "mail"]
    workers = [
        asyncio.create_task(poll_queue(q), name=f"poller-{q}") for q in queues
    ]
    await asyncio.sleep(0)
    print(f"unfinished: {sorted(t.get_name() for t in asyncio.all_tasks())}")
    await asyncio.gather(*workers)
    print(f"unfinished: {sorted(t.get_name() for t in asyncio.all_tasks())}")


asyncio.run(main())

"""asyncio.Task(coro) skips the loop's task factory; create_task() uses it."""

import asyncio


def counting_factory(loop, coro, **kwargs):
    print("task factory called")
    return asyncio.Task(coro, loop=loop, **kwargs)


async def send_email(to):
    return f"sent to {to}"


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(counting_factory)
    print(await asyncio.create_task(send_email("ops@example.com")))
    print(await asyncio.Task(send_email("dev@example.com")))
    loop.set_task_factory(None)


asyncio.run(main())

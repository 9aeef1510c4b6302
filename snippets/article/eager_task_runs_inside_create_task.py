# Requires Python 3.12+
"""With the eager task factory, create_task() runs the coroutine at once."""

import asyncio


async def send_email():
    print("  send_email: started")
    return "sent"


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(send_email())
    print("main: task created, done =", task.done())
    print("main: result already there:", task.result())


asyncio.run(main())

# Requires Python 3.12+
"""With timeout <= 0, wait_for() still runs a coroutine in a task of its own."""

import asyncio


async def fetch_quote():
    print(f"fetch_quote runs in {asyncio.current_task().get_name()}")
    return 101.5


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)  # new tasks start at once
    print(f"main runs in {asyncio.current_task().get_name()}")
    for timeout in (0, 1):
        quote = await asyncio.wait_for(fetch_quote(), timeout)
        print(f"timeout={timeout}: quote={quote}")


asyncio.run(main())

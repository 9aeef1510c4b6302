# Requires Python 3.13+
"""An eager task that finished inside create_task() has no coroutine left."""

import asyncio


async def read_cache(key):
    return f"cached {key}"  # no await: runs to the end at once


async def main():
    loop = asyncio.get_running_loop()
    lazy = asyncio.create_task(read_cache("user:1"))
    loop.set_task_factory(asyncio.eager_task_factory)
    eager = asyncio.create_task(read_cache("user:2"))
    print("lazy:  done =", lazy.done(), "| get_coro() =", lazy.get_coro())
    print("eager: done =", eager.done(), "| get_coro() =", eager.get_coro())
    await lazy


asyncio.run(main())

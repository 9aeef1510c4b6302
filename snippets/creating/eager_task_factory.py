# Requires Python 3.12+
"""With eager_task_factory, create_task() runs a coroutine until it suspends."""

import asyncio


async def read_cache(key):
    print(f"  read_cache({key!r}) started")
    return "cached"  # finishes without ever suspending


async def fetch_price(symbol):
    print(f"  fetch_price({symbol!r}) started")
    # first real suspension: create_task() returns here
    await asyncio.sleep(0.1)
    print(f"  fetch_price({symbol!r}) resumed")
    return 42.0


async def main():
    loop = asyncio.get_running_loop()
    print(f"factory before: {loop.get_task_factory()}")
    loop.set_task_factory(asyncio.eager_task_factory)
    cache = asyncio.create_task(read_cache("ACME"))
    print(f"after create_task: cache done={cache.done()}")
    price = asyncio.create_task(fetch_price("ACME"))
    print(f"after create_task: price done={price.done()}")
    print(f"results: {cache.result()!r}, {await price!r}")


asyncio.run(main())

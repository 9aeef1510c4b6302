"""Task factories see name= from 3.14; before, the loop renamed the task."""

import asyncio


def logging_factory(loop, coro, **kwargs):
    print(f"factory got: {sorted(kwargs)}")
    return asyncio.Task(coro, loop=loop, **kwargs)


async def fetch_price(symbol):
    return asyncio.current_task().get_name()


async def main():
    asyncio.get_running_loop().set_task_factory(logging_factory)
    named = asyncio.create_task(fetch_price("ACME"), name="price-ACME")
    unnamed = asyncio.create_task(fetch_price("ACME"))
    print(f"named task:   {await named!r}")
    print(f"unnamed task: {await unnamed!r}")
    asyncio.get_running_loop().set_task_factory(None)


asyncio.run(main())

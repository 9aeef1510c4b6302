# Requires Python 3.12+
"""What an eager task sees as its own name during its first step."""

import asyncio


async def fetch_price(symbol):
    print(f"  first step runs as {asyncio.current_task().get_name()}")
    await asyncio.sleep(0.1)
    print(f"  after its await:   {asyncio.current_task().get_name()}")


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(fetch_price("ACME"), name="price-ACME")
    print(f"create_task() returned {task.get_name()}")
    await task
    await asyncio.create_task(fetch_price("ACME"))


asyncio.run(main())

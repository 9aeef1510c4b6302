"""Tasks get a default name "Task-N"; name= and set_name() give a better one."""

import asyncio


async def fetch_price(symbol):
    await asyncio.sleep(0.1)
    return 42.0


async def main():
    named = asyncio.create_task(fetch_price("ACME"), name="price-ACME")
    unnamed = asyncio.create_task(fetch_price("ACME"))
    print(f"name= given:  {named.get_name()}")
    print(f"default name: {unnamed.get_name()}")
    unnamed.set_name("price-ACME-retry")
    print(f"after set_name(): {unnamed.get_name()}")
    await asyncio.gather(unnamed, named)


asyncio.run(main())

# Requires Python 3.14+
"""eager_start=True starts one task inside create_task(); the rest stay lazy."""

import asyncio

CACHE = {"ACME": 42.0}


async def cached_price(symbol):
    print(f"  cached_price({symbol!r}) started")
    return CACHE[symbol]  # a cache hit: finishes without suspending


async def send_heartbeat():
    print("  send_heartbeat() started")


async def main():
    price = asyncio.create_task(cached_price("ACME"), eager_start=True)
    print(f"after create_task(eager_start=True): done={price.done()}")
    heartbeat = asyncio.create_task(send_heartbeat())
    print(f"after create_task():                 done={heartbeat.done()}")
    await heartbeat
    print(f"price: {price.result()}")


asyncio.run(main())

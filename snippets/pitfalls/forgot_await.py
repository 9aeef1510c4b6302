"""Calling a coroutine function without await runs nothing and only warns."""

import asyncio

saved_orders = []


async def save_order(order_id):
    await asyncio.sleep(0.1)
    saved_orders.append(order_id)


async def main():
    save_order(17)  # missing await: this only creates a coroutine object
    await asyncio.sleep(0.5)
    print("saved orders:", saved_orders)


asyncio.run(main())

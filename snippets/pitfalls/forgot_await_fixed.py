"""With await, the coroutine actually runs and finishes before main goes on."""

import asyncio

saved_orders = []


async def save_order(order_id):
    await asyncio.sleep(0.1)
    saved_orders.append(order_id)


async def main():
    await save_order(17)
    print("saved orders:", saved_orders)


asyncio.run(main())

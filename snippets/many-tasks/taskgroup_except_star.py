# Requires Python 3.11+
"""All failures in a TaskGroup land in one ExceptionGroup; except* splits it."""

import asyncio


async def validate_order(order_id):
    raise ValueError(f"order {order_id}: quantity must be positive")


async def load_customer(customer_id):
    raise KeyError(customer_id)


async def reserve_stock():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:  # the group cancels it, cleanup fails
        raise OSError("could not release the reservation")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(validate_order(17))
            tg.create_task(load_customer("c-42"))
            tg.create_task(reserve_stock())
    except* ValueError as group:
        print("ValueError part:", group.exceptions)
    except* KeyError as group:
        print("KeyError part:  ", group.exceptions)
    except* OSError as group:
        print("OSError part:   ", group.exceptions)


asyncio.run(main())

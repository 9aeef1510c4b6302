# Requires Python 3.11+
"""A TaskGroup cancels the other tasks as soon as one of them fails."""

import asyncio


async def charge_card(loop, start):
    await asyncio.sleep(0.3)
    print(f"t={loop.time() - start:.1f} charge_card: card charged")


async def reserve_stock():
    await asyncio.sleep(0.1)
    raise ValueError("out of stock")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as group:
            charge = group.create_task(charge_card(loop, start))
            group.create_task(reserve_stock())
    except Exception as e:
        print(f"t={loop.time() - start:.1f} TaskGroup raised {e!r}")
    print("charge_card cancelled:", charge.cancelled())
    await asyncio.sleep(0.5)  # nothing else happens: no late charge


asyncio.run(main())

"""Before 3.11, cancel the remaining tasks yourself when gather() raises."""

import asyncio


async def charge_card():
    await asyncio.sleep(0.3)
    print("charge_card: card charged")


async def reserve_stock():
    await asyncio.sleep(0.1)
    raise ValueError("out of stock")


async def main():
    charge = asyncio.create_task(charge_card())
    stock = asyncio.create_task(reserve_stock())
    try:
        await asyncio.gather(charge, stock)
    except ValueError as e:
        print(f"gather raised ValueError: {e}")
        charge.cancel()  # gather() did not do this for us
        await asyncio.wait([charge])
    print("charge_card cancelled:", charge.cancelled())
    await asyncio.sleep(0.5)  # nothing else happens: no late charge


asyncio.run(main())

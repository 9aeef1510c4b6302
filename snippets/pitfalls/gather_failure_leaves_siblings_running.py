"""If one gather() child fails, the others keep running after gather raises."""

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
        await asyncio.gather(charge_card(loop, start), reserve_stock())
    except ValueError as e:
        print(f"t={loop.time() - start:.1f} gather raised ValueError: {e}")
    await asyncio.sleep(0.5)  # main goes on; the charge still happens


asyncio.run(main())

# Requires Python 3.11+
"""A failure in a TaskGroup cancels the rest, then raises an ExceptionGroup."""

import asyncio


async def send_receipt():
    await asyncio.sleep(0.3)
    print("receipt sent")  # never printed: the task is cancelled at t=0.1


async def charge_card():
    await asyncio.sleep(0.1)
    raise ValueError("card declined")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            receipt = tg.create_task(send_receipt())
            tg.create_task(charge_card())
    except* ValueError as group:
        print(f"t={loop.time() - start:.1f} caught {group!r}")
        print(f"is it a ValueError? {isinstance(group, ValueError)}")
    print(f"receipt.cancelled() = {receipt.cancelled()}")


asyncio.run(main())

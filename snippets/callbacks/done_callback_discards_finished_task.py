"""A done callback can drop a finished task from the set that kept it alive."""

import asyncio

background_tasks = set()


async def send_receipt(order_id, delay):
    await asyncio.sleep(delay)
    print(f"receipt sent for order {order_id}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for order_id, delay in [(101, 0.3), (102, 0.1)]:
        task = asyncio.create_task(send_receipt(order_id, delay))
        background_tasks.add(task)  # a strong reference while it runs
        task.add_done_callback(background_tasks.discard)
    print(f"t={loop.time() - start:.1f} running: {len(background_tasks)}")
    await asyncio.sleep(0.2)
    print(f"t={loop.time() - start:.1f} running: {len(background_tasks)}")
    await asyncio.sleep(0.2)
    print(f"t={loop.time() - start:.1f} running: {len(background_tasks)}")


asyncio.run(main())

"""A callback added to an already-done future still waits for the loop."""

import asyncio


def notify_customer(future):
    print(f"callback runs: {future.result()}")


async def main():
    loop = asyncio.get_running_loop()
    shipment = loop.create_future()
    shipment.set_result("order 17 shipped")
    print(f"future done before adding the callback: {shipment.done()}")
    shipment.add_done_callback(notify_customer)
    print("add_done_callback returned; the callback has not run yet")
    await shipment  # already done: returns at once, without suspending
    print("after await shipment: the callback still has not run")
    await asyncio.sleep(0)  # suspends: the loop runs the scheduled callback
    print("after one loop iteration")


asyncio.run(main())

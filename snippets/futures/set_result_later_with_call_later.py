"""A timer callback can set a future's result later; its awaiter wakes then."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    future = loop.create_future()
    loop.call_later(0.5, future.set_result, "shipment arrived")
    print(f"t={loop.time() - start:.1f} waiting, done={future.done()}")
    value = await future
    print(f"t={loop.time() - start:.1f} got {value!r}, done={future.done()}")


asyncio.run(main())

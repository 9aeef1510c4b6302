"""loop.create_future() gives a pending future, done once a result is set."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    print("type:", type(future).__name__)
    print("belongs to this loop:", future.get_loop() is loop)
    print("done:", future.done(), "| cancelled:", future.cancelled())

    future.set_result("order #17 confirmed")
    print("done:", future.done(), "| cancelled:", future.cancelled())
    print("result():", future.result())
    print("exception():", future.exception())
    print("await:", await future)


asyncio.run(main())

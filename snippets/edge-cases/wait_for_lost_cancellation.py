"""Cancel a task whose wait_for() inner future has just completed."""

import asyncio


async def main():
    reply = asyncio.get_running_loop().create_future()
    waiter = asyncio.create_task(asyncio.wait_for(reply, timeout=10))
    await asyncio.sleep(0)  # waiter is now inside wait_for()
    reply.set_result("pong")  # the reply arrives...
    waiter.cancel()  # ...and, in the same loop iteration, a cancel
    try:
        print("wait_for returned", await waiter, "- the cancel was lost")
    except asyncio.CancelledError:
        print("CancelledError: the cancel was kept")


asyncio.run(main())

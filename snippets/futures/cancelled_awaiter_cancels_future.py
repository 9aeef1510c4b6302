"""A future is cancelled with the task awaiting it, so a late reply fails."""

import asyncio


async def wait_for_reply(reply):
    return await reply


async def main():
    reply = asyncio.get_running_loop().create_future()

    def deliver(value):  # the callback to give the library: checks done()
        if not reply.done():
            reply.set_result(value)

    waiter = asyncio.create_task(wait_for_reply(reply))
    await asyncio.sleep(0.1)  # the waiter is now suspended on `await reply`
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter cancelled; reply.cancelled():", reply.cancelled())
    try:
        reply.set_result("late reply")
    except asyncio.InvalidStateError as e:
        print(f"late set_result -> InvalidStateError: {e}")
    deliver("late reply")
    print("late deliver() raised nothing; cancelled():", reply.cancelled())


asyncio.run(main())

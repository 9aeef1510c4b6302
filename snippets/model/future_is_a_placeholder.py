"""A Future holds no code: it waits until someone else sets its result."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    reply = loop.create_future()
    print(f"t={loop.time() - start:.1f} reply.done(): {reply.done()}")

    # Someone else (here a timer callback) sets its result in 1 s.
    loop.call_later(1, reply.set_result, "pong")

    value = await reply
    print(f"t={loop.time() - start:.1f} got {value!r}, done(): {reply.done()}")


asyncio.run(main())

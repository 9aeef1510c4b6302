"""A Future whose exception nobody reads is logged when the Future is freed."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    reply = loop.create_future()
    reply.set_exception(TimeoutError("no reply from server"))
    print(f"reply.done(): {reply.done()}")
    print("dropping the last reference")
    del reply  # the unread exception is logged here
    print("main() finished")


asyncio.run(main())

"""A Future whose exception nobody reads is logged when it is garbage-collected."""

import asyncio
import gc


async def main():
    loop = asyncio.get_running_loop()
    reply = loop.create_future()
    reply.set_exception(TimeoutError("no reply from server"))
    print(f"reply.done(): {reply.done()}")
    del reply
    gc.collect()
    print("main() finished")


asyncio.run(main())

"""A shielded task fails after its awaiter was cancelled: who hears of it?"""

import asyncio


async def save_order():
    await asyncio.sleep(0.2)
    raise OSError("disk full")


async def handle_request():
    await asyncio.shield(save_order())


async def main():
    request = asyncio.create_task(handle_request())
    await asyncio.sleep(0.1)
    request.cancel()  # the client went away; the shielded save goes on
    await asyncio.gather(request, return_exceptions=True)
    print("request cancelled:", request.cancelled())
    await asyncio.sleep(0.2)  # save_order fails meanwhile
    print("main returns")


asyncio.run(main())

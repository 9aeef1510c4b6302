"""shield() lets the caller be cancelled while the shielded task runs on."""

import asyncio


async def save_order():
    await asyncio.sleep(0.3)
    return "order 17 saved"


async def handle_request(save_task):
    return await asyncio.shield(save_task)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    save_task = asyncio.create_task(save_order())  # keep this reference
    request = asyncio.create_task(handle_request(save_task))
    await asyncio.sleep(0.1)
    request.cancel()
    try:
        await request
    except asyncio.CancelledError:
        print(f"t={loop.time() - start:.1f} request cancelled")
    result = await save_task
    print(f"t={loop.time() - start:.1f} save_task finished: {result}")


asyncio.run(main())

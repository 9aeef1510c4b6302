"""In debug mode, loop.call_soon() from another thread raises RuntimeError."""

import asyncio


def notify_from_worker(loop):
    try:
        loop.call_soon(print, "never scheduled")
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
    loop.call_soon_threadsafe(print, "call_soon_threadsafe: scheduled")


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(notify_from_worker, loop)
    await asyncio.sleep(0.1)


asyncio.run(main(), debug=True)

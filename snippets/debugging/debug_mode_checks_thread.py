"""In debug mode, loop.call_soon() from another thread raises RuntimeError."""

import asyncio


def notify_from_worker(loop, reply):
    try:
        loop.call_soon(print, "never scheduled")
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
    reply.set_result("pong")  # just as unsafe, but schedules nothing: no error
    loop.call_soon_threadsafe(print, "call_soon_threadsafe: scheduled")


async def main():
    loop = asyncio.get_running_loop()
    reply = loop.create_future()  # nothing awaits it yet
    await asyncio.to_thread(notify_from_worker, loop, reply)
    await asyncio.sleep(0.1)
    print("set_result() from the worker went unnoticed:", reply.result())


asyncio.run(main(), debug=True)

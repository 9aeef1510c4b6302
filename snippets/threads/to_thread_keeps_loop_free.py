"""While to_thread runs a blocking call in a thread, the loop keeps running."""

import asyncio
import threading


def wait_for_badge(scanned, *, timeout):
    # Blocks its own thread until the event is set (or the timeout passes).
    if scanned.wait(timeout=timeout):
        return "badge scanned"
    return "gave up waiting"


async def main():
    scanned = threading.Event()
    job = asyncio.create_task(
        asyncio.to_thread(wait_for_badge, scanned, timeout=2)
    )
    await asyncio.sleep(0.1)
    print("the loop is still free: setting the event from a coroutine")
    scanned.set()
    print("to_thread result:", await job)


asyncio.run(main())

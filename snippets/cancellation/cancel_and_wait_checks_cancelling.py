# Requires Python 3.11+
"""cancel_and_wait() that re-raises when its caller was cancelled too."""

import asyncio
import time

START = time.monotonic()


def now():
    return f"t={time.monotonic() - START:.1f}"


async def cancel_and_wait(task):
    me = asyncio.current_task()
    requests = me.cancelling()  # cancel requests this task had on entry
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        if me.cancelling() > requests:
            raise  # a new request: this task was cancelled while waiting


async def heartbeat(name):
    try:
        await asyncio.sleep(10)
    finally:
        await asyncio.sleep(0.5)  # send a goodbye frame
        print(f"{now()} {name}: goodbye sent")


async def session(name):
    beat = asyncio.create_task(heartbeat(name), name=f"{name} heartbeat")
    await asyncio.sleep(0.1)
    await cancel_and_wait(beat)
    count = asyncio.current_task().cancelling()
    print(f"{now()} {name}: reconnecting, cancelling()={count}")
    await asyncio.sleep(1)


async def main():
    calm = asyncio.create_task(session("calm"), name="calm")
    doomed = asyncio.create_task(session("doomed"), name="doomed")
    await asyncio.sleep(0.2)
    print(f"{now()} main: cancelling doomed")
    doomed.cancel()  # while it waits in cancel_and_wait()
    await asyncio.wait([calm, doomed])
    print(f"main: calm.cancelled()={calm.cancelled()}")
    print(f"main: doomed.cancelled()={doomed.cancelled()}")


asyncio.run(main())

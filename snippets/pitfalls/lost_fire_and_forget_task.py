"""A task nobody references can be garbage-collected while still pending."""

import asyncio
import gc


async def wait_for_signal():
    try:
        # The task and this future only reference each other.
        await asyncio.get_running_loop().create_future()
    finally:
        print("wait_for_signal: finally block ran")


async def send_heartbeat():
    # The loop's timer for this sleep leads back to the task.
    await asyncio.sleep(1)


async def main():
    gc.disable()  # collect only below: then every run prints the same
    asyncio.create_task(wait_for_signal())  # returned task is dropped
    asyncio.create_task(send_heartbeat())  # dropped too, yet still reachable
    await asyncio.sleep(0.1)
    print("tasks before gc:", len(asyncio.all_tasks()))
    gc.collect()
    print("tasks after gc: ", len(asyncio.all_tasks()))


asyncio.run(main())

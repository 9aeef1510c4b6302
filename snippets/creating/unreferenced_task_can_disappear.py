"""A pending task nothing references can be garbage-collected mid-flight."""

import asyncio
import gc


async def wait_for_reply():
    try:
        # Only this task refers to the future: nothing leads back to the task.
        await asyncio.get_running_loop().create_future()
    finally:
        print("wait_for_reply: finally block ran")


async def main():
    asyncio.create_task(wait_for_reply())  # the returned task is thrown away
    await asyncio.sleep(0)  # let it start and suspend
    print(f"tasks before gc.collect(): {len(asyncio.all_tasks())}")
    gc.collect()
    print(f"tasks after gc.collect():  {len(asyncio.all_tasks())}")


asyncio.run(main())

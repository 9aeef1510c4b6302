"""A sleeping task nothing references is kept alive by the loop's timer."""

import asyncio
import gc


async def send_heartbeat():
    await asyncio.sleep(0.1)  # the loop's timer leads back to this task
    print("send_heartbeat: sent")


async def main():
    asyncio.create_task(send_heartbeat())  # the returned task is thrown away
    await asyncio.sleep(0)  # let it start and suspend
    gc.collect()
    print(f"tasks after gc.collect(): {len(asyncio.all_tasks())}")
    await asyncio.sleep(0.2)
    print(f"tasks at the end:         {len(asyncio.all_tasks())}")


asyncio.run(main())

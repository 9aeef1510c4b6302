"""A task still pending when its loop closes is logged when it is collected."""

import asyncio
import gc


async def poll_queue():
    while True:
        await asyncio.sleep(1)


gc.disable()  # collect only below: then every run prints the same
loop = asyncio.new_event_loop()
task = loop.create_task(poll_queue())
loop.run_until_complete(asyncio.sleep(0.1))  # poll_queue starts, then waits
loop.close()  # unlike asyncio.run(), close() does not cancel pending tasks
print(f"loop closed; task.done(): {task.done()}")
del task
gc.collect()
print("end of script")

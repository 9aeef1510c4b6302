# Requires Python 3.11+
"""A TaskGroup holds its tasks: one whose reference was dropped survives gc."""

import asyncio
import gc


async def wait_for_signal():
    # The task and this future only reference each other.
    await asyncio.get_running_loop().create_future()


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(wait_for_signal())  # returned task is dropped
        await asyncio.sleep(0.1)
        gc.collect()
        survivors = asyncio.all_tasks() - {asyncio.current_task()}
        print("tasks in the group after gc:", len(survivors))
        (survivor,) = survivors
        survivor.cancel()  # the group waits for its tasks: end this one
    print("group exited; its task cancelled:", survivor.cancelled())


asyncio.run(main())

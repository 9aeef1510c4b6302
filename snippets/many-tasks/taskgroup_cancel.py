# Requires Python 3.15+
"""TaskGroup.cancel() stops the group's tasks and body, and raises nothing."""

import asyncio


async def download(mirror, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {mirror} cancelled")
        raise
    return f"report.pdf from {mirror}"


async def main():
    async with asyncio.TaskGroup() as tg:
        eu = tg.create_task(download("mirror-eu", 0.3))
        us = tg.create_task(download("mirror-us", 0.1))
        done, _ = await asyncio.wait(
            [eu, us], return_when=asyncio.FIRST_COMPLETED
        )
        print(f"got {done.pop().result()}")
        tg.cancel()
        print("the body runs on until its next await")
        await asyncio.sleep(1)
        print("not printed")
    print(
        f"after the block, cancelling() = {asyncio.current_task().cancelling()}"
    )


asyncio.run(main())

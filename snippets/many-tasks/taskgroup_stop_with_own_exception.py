# Requires Python 3.11+
"""Stop a TaskGroup on purpose: raise your own exception, catch it outside."""

import asyncio


class StopGroup(Exception):
    """Raised by a child to end the whole group."""


async def download(mirror, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {mirror} cancelled")
        raise
    raise StopGroup(f"report.pdf from {mirror}")  # first answer: stop


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(download("mirror-eu", 0.3))
            tg.create_task(download("mirror-us", 0.1))
            await asyncio.sleep(1)
            print("not printed")
    except* StopGroup as group:
        print(f"got {group.exceptions[0]}")
    print(f"after, cancelling() = {asyncio.current_task().cancelling()}")


asyncio.run(main())

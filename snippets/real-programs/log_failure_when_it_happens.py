"""Log a background task's failure when it happens, from a done callback."""

import asyncio
import logging
import time

logging.basicConfig()
log = logging.getLogger("shop")
background_tasks = set()
START = time.monotonic()


def now():
    return f"t={time.monotonic() - START:.1f}"


def report_failure(task):
    background_tasks.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error(
            "%s %s failed", now(), task.get_name(), exc_info=task.exception()
        )


async def sync_inventory():
    await asyncio.sleep(0.1)
    raise ConnectionError("inventory service unreachable")


async def main():
    watched = asyncio.create_task(sync_inventory(), name="watched")
    background_tasks.add(watched)
    watched.add_done_callback(report_failure)
    unwatched = asyncio.create_task(sync_inventory(), name="unwatched")
    await asyncio.sleep(1)
    print(
        now(), f"main returns, {unwatched.get_name()} done: {unwatched.done()}"
    )


asyncio.run(main())

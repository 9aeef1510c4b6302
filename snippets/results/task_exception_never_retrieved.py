"""A task exception nobody reads is reported only when the task is freed."""

import asyncio


async def sync_inventory():
    await asyncio.sleep(0.1)
    raise ConnectionError("warehouse API unreachable")


async def main():
    checked = asyncio.create_task(sync_inventory())
    ignored = asyncio.create_task(sync_inventory())
    await asyncio.sleep(0.2)
    print(f"both done: {checked.done() and ignored.done()}")
    print(f"checked.exception(): {checked.exception()!r}")
    print("dropping the last references")
    del checked, ignored  # only now is the unread exception logged
    print("main() finished")


asyncio.run(main())

# Requires Python 3.11+
"""Once a task has failed, the group refuses new tasks: "is shutting down"."""

import asyncio


async def notify(name):
    print(f"notified: {name}")


async def upload(tg, name):
    try:
        await asyncio.sleep(0.3)
    finally:  # a follow-up job, whatever happened to the upload
        try:
            tg.create_task(notify(name))
        except RuntimeError as error:
            print(f"RuntimeError: {error}")


async def check_disk():
    await asyncio.sleep(0.1)
    raise OSError("disk full")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(upload(tg, "photos.zip"))
            tg.create_task(check_disk())
    except* OSError as group:
        print(f"caught {group.exceptions}")


asyncio.run(main())

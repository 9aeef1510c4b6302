# Requires Python 3.11+
"""A TaskGroup starts tasks only between entering and leaving its block."""

import asyncio


async def send_email(to):
    await asyncio.sleep(0.1)
    print(f"sent to {to}")


async def main():
    tg = asyncio.TaskGroup()
    try:
        tg.create_task(send_email("ana"))  # before async with
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
    async with tg:
        tg.create_task(send_email("bob"))
    try:
        tg.create_task(send_email("cy"))  # after the block has ended
    except RuntimeError as error:
        print(f"RuntimeError: {error}")


asyncio.run(main())

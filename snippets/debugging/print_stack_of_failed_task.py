"""print_stack() on a failed task prints the traceback of its exception."""

import asyncio
import sys


def parse_port(text):
    return int(text)


async def load_config():
    await asyncio.sleep(0.1)
    return {"port": parse_port("eighty")}


async def main():
    task = asyncio.create_task(load_config(), name="load-config")
    await asyncio.wait([task])
    task.print_stack(file=sys.stdout)
    print("get_stack():", [frame.f_code.co_name for frame in task.get_stack()])
    print(
        "get_stack(limit=1):",
        [frame.f_code.co_name for frame in task.get_stack(limit=1)],
    )
    task.exception()  # mark the exception as retrieved


asyncio.run(main())

# Requires Python 3.14+
"""`python -m asyncio ps PID` and `pstree PID` list another process's tasks."""

import os
import subprocess
import sys

SERVICE = """
import asyncio, sys

async def wait_for_orders(stop):
    await stop.wait()

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_reader(sys.stdin, stop.set)  # stdin closed: time to stop
    async with asyncio.TaskGroup() as tg:
        tg.create_task(wait_for_orders(stop), name="order-queue")
        loop.call_soon(print, "ready")  # runs once order-queue is waiting

asyncio.run(main())
"""


def middle_columns(table):
    """Keep `ps` columns "task name" to "awaiter name": drop ids, rule."""
    lines = table.splitlines()
    start, end = lines[0].index("task name"), lines[0].index("awaiter id")
    return "\n".join(
        line[start:end].rstrip() for line in lines if not line.startswith("-")
    )


service = subprocess.Popen(
    [sys.executable, "-u", "-c", SERVICE],
    stdin=subprocess.PIPE,
    stdout=subprocess.PIPE,
    text=True,
)
print(f"service says: {service.stdout.readline().strip()}")
stdlib = os.path.dirname(os.__file__)
for command in ("ps", "pstree"):
    argv = [sys.executable, "-m", "asyncio", command, str(service.pid)]
    print(f"$ python -m asyncio {command} PID")
    out = subprocess.run(argv, capture_output=True, text=True).stdout
    out = out.replace(stdlib, "<stdlib>")
    print(middle_columns(out) if command == "ps" else out.rstrip())
service.stdin.close()  # the service stops
print(f"service exit code: {service.wait()}")

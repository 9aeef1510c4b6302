# Requires Python 3.11+
"""uncancel() before the task has seen its CancelledError."""

import asyncio


async def send_report():
    print("send_report: started")
    return "report sent"


async def main():
    task = asyncio.create_task(send_report())
    task.cancel()
    print("cancelling() after cancel():", task.cancelling())
    print("uncancel() returned", task.uncancel())
    try:
        print("await task:", await task)
    except asyncio.CancelledError:
        print("await task: CancelledError")
    print("cancelled():", task.cancelled())


asyncio.run(main())

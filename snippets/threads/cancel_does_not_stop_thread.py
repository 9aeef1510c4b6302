"""Cancelling a thread job drops it if queued; a running one runs to the end."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def export_report(quarter):
    print(f"export_report({quarter!r}) started")
    time.sleep(0.5)  # blocking: nothing can interrupt it once it has started
    print(f"export_report({quarter!r}) finished")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=1))
    running = asyncio.create_task(asyncio.to_thread(export_report, "Q3"))
    await asyncio.sleep(0.1)  # Q3 now runs in the pool's only thread
    queued = loop.run_in_executor(None, export_report, "Q4")  # waits its turn
    print("cancel() returned:", running.cancel(), queued.cancel())
    await asyncio.sleep(0.8)
    print("cancelled:", running.cancelled(), queued.cancelled())


asyncio.run(main())

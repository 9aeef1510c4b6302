"""asyncio.run() returns only when the default executor's jobs have ended."""

import asyncio
import time

START = time.monotonic()


def log(message):
    print(f"t={time.monotonic() - START:.1f} {message}")


def export_report():
    log("export_report: started")
    time.sleep(0.5)  # blocking work that nothing can interrupt
    log("export_report: finished")


async def main():
    job = asyncio.create_task(asyncio.to_thread(export_report))
    try:
        await asyncio.wait_for(job, timeout=0.1)
    except asyncio.TimeoutError:
        log(f"main: timed out, job cancelled: {job.cancelled()}")
    log("main: returning")


asyncio.run(main())
log("asyncio.run() returned")

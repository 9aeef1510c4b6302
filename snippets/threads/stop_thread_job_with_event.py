"""A thread job that checks a threading.Event can be told to stop."""

import asyncio
import threading
import time

START = time.monotonic()


def log(message):
    print(f"t={time.monotonic() - START:.1f} {message}")


def export_report(stop):
    for batch in range(1, 6):
        if stop.is_set():
            log(f"export_report: stopped before batch {batch}")
            return
        time.sleep(0.2)  # one batch of blocking work
    log("export_report: finished")


async def main():
    stop = threading.Event()
    job = asyncio.create_task(asyncio.to_thread(export_report, stop))
    try:
        await asyncio.wait_for(job, timeout=0.1)
    except asyncio.TimeoutError:
        log("main: timed out, telling the job to stop")
    finally:
        stop.set()  # on every way out of main()


asyncio.run(main())
log("asyncio.run() returned")

# Requires Python 3.12+
"""shutdown_default_executor(timeout=...) stops waiting; the thread goes on."""

import asyncio
import atexit
import time
import warnings

START = time.monotonic()


def log(message):
    print(f"t={time.monotonic() - START:.1f} {message}")


def show_warning(message, category, *details):  # no file path in the output
    log(f"{category.__name__}: {message}")


def export_report():
    log("export_report: started")
    time.sleep(0.5)  # blocking work that nothing can interrupt
    log("export_report: finished")


async def main():
    job = asyncio.create_task(asyncio.to_thread(export_report))
    try:
        await asyncio.wait_for(job, timeout=0.1)
    except TimeoutError:
        log("main: timed out, returning")


warnings.showwarning = show_warning
atexit.register(log, "atexit: the interpreter exits")
loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
    loop.run_until_complete(loop.shutdown_default_executor(timeout=0.2))
finally:
    loop.close()
log("loop closed")

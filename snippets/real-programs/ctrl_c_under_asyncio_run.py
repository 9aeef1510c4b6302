"""Ctrl+C under asyncio.run(): what main() sees, and what stops the rest."""
# No timeline: the recorder (a profiler) would swallow KeyboardInterrupt

import asyncio
import os
import signal

# Python's own Ctrl+C handler, in case a parent process said to ignore SIGINT
signal.signal(signal.SIGINT, signal.default_int_handler)


async def upload_backup():
    try:
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        print("upload_backup: cancelled")
        raise


async def main():
    upload = asyncio.create_task(upload_backup())
    await asyncio.sleep(0.1)
    try:
        os.kill(os.getpid(), signal.SIGINT)  # what Ctrl+C sends
        await asyncio.sleep(60)
    except BaseException as exc:
        print(f"main: {type(exc).__name__}, upload done: {upload.done()}")
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run() raised KeyboardInterrupt")

"""Ctrl+C when main() swallows its CancelledError: the interrupt is lost."""
# No timeline: the recorder (a profiler) would swallow KeyboardInterrupt

import asyncio
import os
import signal

# Python's own Ctrl+C handler, in case a parent process said to ignore SIGINT
signal.signal(signal.SIGINT, signal.default_int_handler)


async def main():
    await asyncio.sleep(0.1)
    try:
        os.kill(os.getpid(), signal.SIGINT)  # what Ctrl+C sends
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        print("main: CancelledError, returning anyway")
    return "main's result"


try:
    print("asyncio.run() returned", repr(asyncio.run(main())))
except KeyboardInterrupt:
    print("asyncio.run() raised KeyboardInterrupt")

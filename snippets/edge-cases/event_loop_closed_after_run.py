"""A connection closed after asyncio.run() has closed its loop."""

import asyncio
import socket
import sys
import traceback


def report(unraisable):  # Python's own report, minus the stdlib's paths
    message = unraisable.err_msg or "Exception ignored in"
    if unraisable.object is not None:  # 3.14+ names it in err_msg
        message = f"{message}: {unraisable.object!r}"
    error = unraisable.exc_value
    where = traceback.extract_tb(unraisable.exc_traceback)[-1].name
    print(f"{message}\n{type(error).__name__}: {error}")
    print(f"  (raised in asyncio's {where}())")


sys.unraisablehook = report


class PriceClient:
    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer

    def __del__(self):
        self.writer.close()  # the transport schedules on its loop


async def main():
    ours, theirs = socket.socketpair()
    reader, writer = await asyncio.open_connection(sock=ours)
    theirs.sendall(b"EUR 1.08\n")
    print("price:", (await reader.readline()).decode().strip())
    theirs.close()
    return PriceClient(reader, writer), asyncio.get_running_loop()


client, loop = asyncio.run(main())
print("asyncio.run() returned; loop closed:", loop.is_closed())
del client  # the last reference goes, as at exit
print("done")

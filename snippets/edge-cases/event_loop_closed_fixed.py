"""Close the connection inside main(), while its loop still runs."""

import asyncio
import socket


class PriceClient:
    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer

    async def close(self):
        self.writer.close()
        await self.writer.wait_closed()  # the transport's close has run


async def main():
    ours, theirs = socket.socketpair()
    client = PriceClient(*await asyncio.open_connection(sock=ours))
    try:
        theirs.sendall(b"EUR 1.08\n")
        line = await client.reader.readline()
        print("price:", line.decode().strip())
    finally:
        await client.close()
        theirs.close()
    print("closed before the loop:", client.writer.is_closing())
    return client, asyncio.get_running_loop()


client, loop = asyncio.run(main())
print("asyncio.run() returned; loop closed:", loop.is_closed())
del client  # nothing left to schedule
print("done")

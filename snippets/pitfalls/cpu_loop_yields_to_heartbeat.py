"""An await between blocks of work lets the other tasks run."""

import asyncio
import time


def checksum_block(block):
    time.sleep(0.04)  # stands for 40 ms of CPU work on one block


async def heartbeat(loop, start, blocks_done):
    while True:
        await asyncio.sleep(0.1)
        now = loop.time() - start
        print(f"t={now:.1f} heartbeat, after block {len(blocks_done)}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    blocks_done = []
    beat = asyncio.create_task(heartbeat(loop, start, blocks_done))
    await asyncio.sleep(0)  # the heartbeat starts its first sleep
    for block in range(1, 11):
        checksum_block(block)
        blocks_done.append(block)
        await asyncio.sleep(0)  # give the loop back between blocks
    print(f"t={loop.time() - start:.1f} checksum of 10 blocks done")
    beat.cancel()


asyncio.run(main())

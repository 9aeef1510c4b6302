"""An await between blocks of work lets the other tasks run."""

import asyncio
import time


def checksum_block(block):
    time.sleep(0.04)  # stands for 40 ms of CPU work on one block


async def heartbeat(blocks_done):
    while True:
        await asyncio.sleep(0.1)
        print(f"heartbeat, after block {len(blocks_done)}")


async def main():
    blocks_done = []
    beat = asyncio.create_task(heartbeat(blocks_done))
    await asyncio.sleep(0)  # the heartbeat starts its first sleep
    for block in range(1, 11):
        checksum_block(block)
        blocks_done.append(block)
        await asyncio.sleep(0)  # give the loop back between blocks
    print("checksum done")
    beat.cancel()


asyncio.run(main())

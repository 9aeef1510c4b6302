"""A task cancelled before its first step never runs: no body, no finally."""

import asyncio


async def download_report():
    try:
        print("download: started")  # never printed
        await asyncio.sleep(10)
    finally:
        print("download: finally closes the connection")  # nor this


async def main():
    task = asyncio.create_task(download_report())
    task.cancel()  # main() has not yielded to the loop yet
    try:
        await task
    except asyncio.CancelledError:
        print("await task raised CancelledError")
    print(f"cancelled()={task.cancelled()}")


asyncio.run(main())

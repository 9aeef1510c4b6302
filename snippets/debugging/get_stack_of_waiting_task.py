"""get_stack() of a suspended task is one frame: where its coroutine waits."""

import asyncio


async def read_chunk():
    await asyncio.sleep(1)


async def download_report():
    await read_chunk()  # paused here, deeper inside read_chunk()


async def main():
    task = asyncio.create_task(download_report(), name="download-report")
    await asyncio.sleep(0.1)
    for frame in task.get_stack():
        print(f"{frame.f_code.co_name} paused at line {frame.f_lineno}")
    print("frames returned:", len(task.get_stack()))
    await task
    print("after it finished:", task.get_stack())


asyncio.run(main())

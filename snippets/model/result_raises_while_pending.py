"""result() on a pending task raises InvalidStateError; it never waits."""

import asyncio


async def download_report():
    await asyncio.sleep(1)
    return "report.pdf"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(download_report())
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print(f"t={loop.time() - start:.1f} {type(e).__name__}: {e}")
    report = await task
    print(f"t={loop.time() - start:.1f} await task -> {report!r}")
    print(f"t={loop.time() - start:.1f} task.result() -> {task.result()!r}")


asyncio.run(main())

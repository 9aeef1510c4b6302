"""If one awaitable fails, gather raises at once; the others keep running."""

import asyncio


async def download_report():
    await asyncio.sleep(0.3)
    print("download_report: finished")
    return "report.pdf"


async def upload_backup():
    await asyncio.sleep(0.1)
    raise ConnectionError("backup server unreachable")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    report = asyncio.create_task(download_report())
    try:
        await asyncio.gather(report, upload_backup())
    except ConnectionError as e:
        print(f"t={loop.time() - start:.1f} gather raised ConnectionError: {e}")
        print(f"report.done() = {report.done()}")
    result = await report  # the sibling was left running: it still finishes
    print(f"t={loop.time() - start:.1f} report = {result!r}")


asyncio.run(main())

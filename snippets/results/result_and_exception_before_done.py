"""result() and exception() raise InvalidStateError until the task is done."""

import asyncio


async def download_report():
    await asyncio.sleep(1)
    return "report.pdf"


async def main():
    task = asyncio.create_task(download_report())
    print(f"done(): {task.done()}, cancelled(): {task.cancelled()}")
    for method in (task.result, task.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print(f"{method.__name__}(): {type(e).__name__}: {e}")
    await task
    print(f"done(): {task.done()}, result(): {task.result()!r}")
    print(f"exception(): {task.exception()!r}")


asyncio.run(main())

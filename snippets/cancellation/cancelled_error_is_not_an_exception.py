"""CancelledError is a BaseException, so `except Exception` lets it through."""

import asyncio


async def resize_images():
    try:
        await asyncio.sleep(10)
    except Exception as exc:  # a catch-all for real errors
        print(f"never printed: {exc!r}")


async def main():
    task = asyncio.create_task(resize_images())
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("the task was cancelled, not caught by `except Exception`")
    for base in (Exception, BaseException):
        is_subclass = issubclass(asyncio.CancelledError, base)
        print(f"CancelledError is a subclass of {base.__name__}: {is_subclass}")


asyncio.run(main())

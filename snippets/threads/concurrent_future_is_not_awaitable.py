"""A concurrent.futures.Future is not an asyncio future: await rejects it."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def compress_log(name):
    time.sleep(0.1)  # a blocking call
    return f"{name}.gz"


async def main():
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(compress_log, "app.log")
        print(f"submit returned a {type(job).__module__}.{type(job).__name__}")
        print("isfuture:", asyncio.isfuture(job))
        try:
            await job
        except TypeError as e:
            print(f"TypeError: {e}")


asyncio.run(main())

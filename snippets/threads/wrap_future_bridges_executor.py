"""await a concurrent.futures.Future by wrapping it with asyncio.wrap_future."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def compress_log(name):
    time.sleep(0.1)  # a blocking call
    return f"{name}.gz"


async def main():
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(compress_log, "app.log")
        wrapped = asyncio.wrap_future(job)
        print(f"wrap_future returned a {type(wrapped).__name__}")
        print("isfuture:", asyncio.isfuture(wrapped))
        print("await:", await wrapped)
        print("the original is done too:", job.done(), job.result())


asyncio.run(main())

"""to_thread() runs as many jobs at once as the default executor has threads."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def resize_image(name, start):
    began = time.monotonic() - start
    time.sleep(0.3)  # blocking work
    ended = time.monotonic() - start
    return f"{name}: ran from t={began:.1f} to t={ended:.1f}"


async def resize_all(executor=None):
    if executor is not None:
        asyncio.get_running_loop().set_default_executor(executor)
    start = time.monotonic()
    names = ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]
    jobs = [asyncio.to_thread(resize_image, name, start) for name in names]
    for line in await asyncio.gather(*jobs):
        print(" ", line)


print("default executor (5 threads or more):")
asyncio.run(resize_all())
print("set_default_executor(ThreadPoolExecutor(max_workers=2)):")
asyncio.run(resize_all(ThreadPoolExecutor(max_workers=2)))

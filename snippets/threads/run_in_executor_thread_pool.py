"""run_in_executor takes your own ThreadPoolExecutor; keywords need partial."""

import asyncio
import functools
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def read_sensor(sensor_id, *, unit="C"):
    time.sleep(0.1)  # a blocking call
    thread = threading.current_thread().name
    return f"{sensor_id}: 21.5 {unit} (thread {thread})"


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sensor") as pool:
        print(await loop.run_in_executor(pool, read_sensor, "kitchen"))
        with_unit = functools.partial(read_sensor, "garage", unit="F")
        print(await loop.run_in_executor(pool, with_unit))
        try:
            loop.run_in_executor(pool, read_sensor, "attic", unit="K")
        except TypeError as e:
            print(f"TypeError: {e}")


asyncio.run(main())

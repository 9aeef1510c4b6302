"""run_in_executor(None, ...) runs blocking code in the default thread pool."""

import asyncio
import threading
import time


def read_sensor(sensor_id):
    time.sleep(0.2)  # a blocking call, e.g. reading a serial port
    thread = threading.current_thread().name
    return f"{sensor_id}: 21.5 C, read in thread {thread}"


async def main():
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(None, read_sensor, "kitchen")
    print(f"run_in_executor returned a {type(future).__name__}")
    print("isfuture:", asyncio.isfuture(future))
    print(await future)
    print("main runs in thread", threading.current_thread().name)


asyncio.run(main())

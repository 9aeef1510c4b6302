"""In debug mode asyncio logs every task step that holds the loop too long."""

import asyncio
import logging
import time


def shorten_slow_step(record):
    # Keep the task name, round the duration: the raw record varies by machine.
    if record.msg.startswith("Executing"):
        handle, seconds = record.args
        name = handle.split("'")[1]
        record.msg = "Executing <Task %s> took about %.1f seconds"
        record.args = (name, seconds)
    return True


async def resize_image():
    time.sleep(0.3)  # blocking call: the loop can do nothing else meanwhile


async def main():
    await asyncio.create_task(resize_image(), name="resize-image")
    print("main: done")


logging.basicConfig(format="%(levelname)s:%(name)s: %(message)s")
logging.getLogger("asyncio").addFilter(shorten_slow_step)
asyncio.run(main(), debug=True)

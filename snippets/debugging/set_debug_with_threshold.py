"""set_debug() turns debug on mid-run; slow_callback_duration sets the bar."""

import asyncio
import logging
import time


def shorten_slow_step(record):
    handle, seconds = record.args  # same rounding filter as the example above
    record.msg = "Executing <Task %s> took about %.1f seconds"
    record.args = (handle.split("'")[1], seconds)
    return True


async def parse_page(seconds):
    time.sleep(seconds)  # blocking work, under or over the bar


async def main():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug(), "| bar:", loop.slow_callback_duration)
    loop.set_debug(True)
    loop.slow_callback_duration = 0.2
    await asyncio.create_task(parse_page(0.1), name="parse-short-page")
    await asyncio.create_task(parse_page(0.3), name="parse-long-page")


logging.basicConfig(format="%(levelname)s:%(name)s: %(message)s")
logging.getLogger("asyncio").addFilter(shorten_slow_step)
asyncio.run(main())

"""A logging filter can stamp each log record with the current task's name."""

import asyncio
import logging


def add_task_name(record):
    try:
        record.task = asyncio.current_task().get_name()
    except (RuntimeError, AttributeError):  # no loop running, or not in a task
        record.task = "-"
    return True


async def fetch_price(symbol, delay):
    await asyncio.sleep(delay)
    logging.info("%s price fetched", symbol)


async def main():
    asyncio.get_running_loop().call_soon(logging.info, "plain callback ran")
    acme = asyncio.create_task(fetch_price("ACME", 0.2), name="price-ACME")
    initech = asyncio.create_task(
        fetch_price("INITECH", 0.1), name="price-INITECH"
    )
    await asyncio.gather(acme, initech)


logging.basicConfig(level=logging.INFO, format="[%(task)s] %(message)s")
logging.getLogger().handlers[0].addFilter(add_task_name)
asyncio.run(main())
logging.info("event loop closed")

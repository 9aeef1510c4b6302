# Requires Python 3.12+
"""Since Python 3.12 every log record carries taskName, no filter needed."""

import asyncio
import logging


async def fetch_price(symbol, delay):
    await asyncio.sleep(delay)
    logging.info("%s price fetched", symbol)


async def main():
    await asyncio.gather(
        asyncio.create_task(fetch_price("ACME", 0.2), name="price-ACME"),
        asyncio.create_task(fetch_price("INITECH", 0.1), name="price-INITECH"),
    )
    logging.info("all prices in")


logging.basicConfig(level=logging.INFO, format="[%(taskName)s] %(message)s")
asyncio.run(main())
logging.info("event loop closed")

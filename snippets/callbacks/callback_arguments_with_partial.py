"""functools.partial passes extra arguments; the future is appended last."""

import asyncio
import functools


async def fetch_price(region):
    await asyncio.sleep(0.1)
    return {"eu-west": 19.5, "us-east": 21.0}[region]


def record_price(region, currency, task):
    print(f"{region}: {task.result()} {currency}")


async def main():
    tasks = []
    for region, currency in [("eu-west", "EUR"), ("us-east", "USD")]:
        task = asyncio.create_task(fetch_price(region))
        callback = functools.partial(record_price, region, currency)
        task.add_done_callback(callback)
        tasks.append(task)
    await asyncio.gather(*tasks)


asyncio.run(main())

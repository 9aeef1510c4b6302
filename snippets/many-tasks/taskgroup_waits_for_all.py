# Requires Python 3.11+
"""A TaskGroup block ends only when every task created in it has finished."""

import asyncio


async def fetch_section(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} fetched")
    return f"<{name}>"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        header = tg.create_task(fetch_section("header", 0.2))
        body = tg.create_task(fetch_section("body", 0.3))
        footer = tg.create_task(fetch_section("footer", 0.1))
        print("tasks created, block body done")
    print(f"t={loop.time() - start:.1f} after the block")
    print("page:", header.result() + body.result() + footer.result())


asyncio.run(main())

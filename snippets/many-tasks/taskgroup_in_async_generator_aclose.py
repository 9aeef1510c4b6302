# Requires Python 3.11+
"""A TaskGroup inside an async generator, closed early with aclose()."""

import asyncio


async def prefetch(page):
    await asyncio.sleep(0.1)


async def pages():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(prefetch(2))
        yield 1
        yield 2


async def main():
    reader = pages()
    print(f"first page: {await anext(reader)}")
    try:
        await reader.aclose()
        print("aclose() returned")
    except BaseException as error:
        print(f"aclose() raised {type(error).__name__}: {error}")
        print(f"  inside it: {error.exceptions!r}")


asyncio.run(main())

"""ensure_future() wraps a coroutine or awaitable in a Task; a Future as is."""

import asyncio


async def fetch_price(symbol):
    await asyncio.sleep(0.1)
    return 42.0


class PriceQuote:
    def __await__(self):  # awaitable, but not a coroutine
        return fetch_price("INITECH").__await__()


async def main():
    task = asyncio.create_task(fetch_price("ACME"))
    print(f"task -> same task: {asyncio.ensure_future(task) is task}")

    wrapped = asyncio.ensure_future(fetch_price("GLOBEX"))
    print(f"coroutine -> {type(wrapped).__name__} named {wrapped.get_name()}")

    quote = asyncio.ensure_future(PriceQuote())
    print(f"awaitable -> {type(quote).__name__} named {quote.get_name()}")

    placeholder = asyncio.get_running_loop().create_future()
    same = asyncio.ensure_future(placeholder) is placeholder
    print(f"future -> same future: {same}")
    placeholder.set_result(None)
    print(await asyncio.gather(task, wrapped, quote, placeholder))


asyncio.run(main())

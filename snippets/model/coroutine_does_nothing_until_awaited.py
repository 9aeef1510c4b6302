"""Calling an async function runs none of its body; it returns a coroutine."""

import asyncio


async def fetch_price(symbol):
    print(f"fetch_price({symbol!r}) starts")
    await asyncio.sleep(0.1)
    return 42.0


async def main():
    coro = fetch_price("ACME")  # nothing printed: the body has not started
    print(f"type: {type(coro).__name__}")
    print("asyncio.iscoroutine(coro):", asyncio.iscoroutine(coro))
    print("asyncio.iscoroutine(fetch_price):", asyncio.iscoroutine(fetch_price))
    print("now awaiting it")
    price = await coro  # only now does the body run
    print(f"price: {price}")


asyncio.run(main())

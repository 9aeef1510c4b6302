"""A future turns a callback-style API into a coroutine you can await."""

import asyncio


def lookup_address(host, on_success, on_error):
    """A callback-style API: it reports back later via one of two callbacks."""
    loop = asyncio.get_running_loop()
    if host == "example.org":
        loop.call_later(0.2, on_success, "93.184.215.14")
    else:
        loop.call_later(0.2, on_error, LookupError(f"unknown host {host!r}"))


async def resolve(host):
    future = asyncio.get_running_loop().create_future()
    lookup_address(host, future.set_result, future.set_exception)
    return await future


async def main():
    print("example.org ->", await resolve("example.org"))
    try:
        await resolve("typo.invalid")
    except LookupError as e:
        print(f"LookupError: {e}")


asyncio.run(main())

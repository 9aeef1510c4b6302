"""set_exception: exception() returns the error; result() and await raise it."""

import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    future.set_exception(ConnectionError("payment gateway unreachable"))
    print("done:", future.done())
    print("exception():", repr(future.exception()))
    try:
        future.result()
    except ConnectionError as e:
        print(f"result() raised {type(e).__name__}: {e}")
    try:
        await future
    except ConnectionError as e:
        print(f"await raised {type(e).__name__}: {e}")


asyncio.run(main())

"""result() and exception() never wait: on a pending future they raise."""

import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    for method in (future.result, future.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print(f"{method.__name__}() -> {type(e).__name__}: {e}")


asyncio.run(main())

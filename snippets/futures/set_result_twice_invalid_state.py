"""A future is done once: a second set_result or set_exception is refused."""

import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    future.set_result("first answer")
    try:
        future.set_result("second answer")
    except asyncio.InvalidStateError as e:
        print(f"set_result again -> {type(e).__name__}: {e}")
    try:
        future.set_exception(ValueError("too late"))
    except asyncio.InvalidStateError as e:
        print(f"set_exception    -> {type(e).__name__}: {e}")
    print("result is still:", future.result())


asyncio.run(main())

"""cancel() makes a pending future done and cancelled; reading it raises."""

import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    print("cancel() returned:", future.cancel())
    print("done:", future.done(), "| cancelled:", future.cancelled())
    for method in (future.result, future.exception):
        try:
            method()
        except asyncio.CancelledError:
            print(f"{method.__name__}() raised CancelledError")
    try:
        future.set_result("too late")
    except asyncio.InvalidStateError as e:
        print(f"set_result() -> InvalidStateError: {e}")
    print("cancel() again returned:", future.cancel())


asyncio.run(main())

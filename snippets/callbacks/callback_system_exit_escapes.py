"""SystemExit and KeyboardInterrupt in a callback escape and stop the loop."""

import asyncio
import functools


def stop_service(error, future):
    raise error(f"stopping: {future.result()}")


async def main(error):
    loop = asyncio.get_running_loop()
    shutdown = loop.create_future()
    shutdown.add_done_callback(functools.partial(stop_service, error))
    shutdown.set_result("maintenance window")
    try:
        await asyncio.sleep(0.1)
        print("main resumes")  # never printed
    except asyncio.CancelledError:
        print("main() is cancelled as asyncio.run() cleans up")
        raise


for error in (SystemExit, KeyboardInterrupt):
    try:
        asyncio.run(main(error))
    except (SystemExit, KeyboardInterrupt) as exc:
        print(f"asyncio.run() raised {type(exc).__name__}: {exc}")

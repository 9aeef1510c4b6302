"""An exception in a done callback goes to the loop's handler, not to you."""

import asyncio


def update_cache(future):
    raise KeyError("cache is read-only")


def show_loop_error(loop, context):
    print(f"handler: {context['message']}")
    print(f"handler: exception={context['exception']!r}")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(show_loop_error)  # default: log with traceback
    lookup = loop.create_future()
    lookup.add_done_callback(update_cache)
    lookup.set_result("price=42")
    await asyncio.sleep(0.1)
    print(f"main carries on; result={lookup.result()!r}")


asyncio.run(main())

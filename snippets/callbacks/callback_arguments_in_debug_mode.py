"""From 3.13, the callback's arguments appear in the message in debug mode."""

import asyncio


def update_cache(future):
    raise KeyError("cache is read-only")


def show_loop_error(loop, context):
    print(f"debug={loop.get_debug()}: {context['message']}")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(show_loop_error)
    for debug in (False, True):
        lookup = loop.create_future()  # before set_debug(): a short repr
        loop.set_debug(debug)
        lookup.add_done_callback(update_cache)
        lookup.set_result("price=42")
        await asyncio.sleep(0.1)


asyncio.run(main())

"""From 3.13, a failed callback's arguments are shown only in debug mode."""

import asyncio


def update_cache(future):
    raise KeyError("cache is read-only")


def show_loop_error(loop, context):
    print(f"debug={loop.get_debug()}: {context['message']}")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(show_loop_error)
    for debug in (False, True):
        # Made before set_debug(): its repr has no 'created at' file and line.
        lookup = loop.create_future()
        loop.set_debug(debug)
        lookup.add_done_callback(update_cache)
        lookup.set_result("price=42")
        await asyncio.sleep(0.1)


asyncio.run(main())

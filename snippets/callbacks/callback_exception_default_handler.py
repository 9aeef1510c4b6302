"""With no handler set, a callback's error goes to the asyncio logger."""

import asyncio
import logging


class ShowRecord(logging.Handler):
    def emit(self, record):
        print(f"{record.levelname} from logger {record.name!r}:")
        print(record.getMessage())
        print("exception attached:", repr(record.exc_info[1]))


logging.getLogger("asyncio").addHandler(ShowRecord())


def update_cache(future):
    raise KeyError("cache is read-only")


async def main():
    loop = asyncio.get_running_loop()
    lookup = loop.create_future()
    lookup.add_done_callback(update_cache)
    lookup.set_result("price=42")
    await asyncio.sleep(0.1)
    print(f"main carries on; result={lookup.result()!r}")


asyncio.run(main())

"""With no handler set, the loop logs a callback's error at ERROR level."""

import asyncio
import logging


class CallbackFrameOnly(logging.Formatter):
    def formatException(self, exc_info):
        kind, error, tb = exc_info
        # skip the first frame: asyncio's own code, in your Python install
        return super().formatException((kind, error, tb.tb_next))


handler = logging.StreamHandler()  # writes to stderr
handler.setFormatter(CallbackFrameOnly(logging.BASIC_FORMAT))
logging.basicConfig(handlers=[handler])


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

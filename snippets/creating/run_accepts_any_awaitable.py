"""asyncio.run() takes any awaitable from 3.14; before, only a coroutine."""

import asyncio


class PriceQuote:
    """Awaitable through __await__(), but not a coroutine."""

    def __await__(self):
        yield from asyncio.sleep(0.1).__await__()
        return 42.0


for argument in (PriceQuote(), "ACME"):
    try:
        print(f"result: {asyncio.run(argument)}")
    except (TypeError, ValueError) as error:
        print(f"{type(error).__name__}: {error}")

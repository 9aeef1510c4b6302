"""Inside a coroutine, await the other coroutine; do not call asyncio.run()."""

import asyncio


async def load_settings():
    return {"theme": "dark"}


async def main():
    settings = await load_settings()
    print(settings)


asyncio.run(main())

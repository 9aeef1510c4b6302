"""asyncio.run() refuses to start a second loop inside a running one."""

import asyncio


async def load_settings():
    return {"theme": "dark"}


async def main():
    coro = load_settings()
    try:
        settings = asyncio.run(coro)
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
        coro.close()  # never ran: close it to avoid a 'never awaited' warning
    else:
        print(settings)


asyncio.run(main())

"""asyncio.create_task() outside a running event loop raises RuntimeError."""

import asyncio


async def send_email():
    return "sent"


coro = send_email()
try:
    asyncio.create_task(coro)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
    coro.close()  # never scheduled: close it to avoid a "never awaited" warning

# asyncio.run() starts a loop and runs it there
print(asyncio.run(send_email()))

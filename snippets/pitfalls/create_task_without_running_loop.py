"""create_task() needs a running event loop; plain module code has none."""

import asyncio


async def warm_cache():
    return "cache warm"


coro = warm_cache()
try:
    task = asyncio.create_task(coro)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
    coro.close()  # never ran: close it to avoid a 'never awaited' warning

"""One Lock shared by two asyncio.run() calls, as in a CLI or a test suite."""

import asyncio

token_lock = asyncio.Lock()  # made at import time, outside any loop


async def refresh_token(client):
    async with token_lock:  # the second client waits here
        await asyncio.sleep(0.1)


async def sync_accounts():
    await asyncio.gather(refresh_token("billing"), refresh_token("search"))


for run in (1, 2):
    try:
        asyncio.run(sync_accounts())
        print(f"run {run}: ok")
    except RuntimeError as exc:
        message = str(exc)
        if "got Future" in message:  # the part before names your files
            message = message[message.index("got Future") :]
        print(f"run {run}: RuntimeError: {message}")

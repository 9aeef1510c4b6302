"""After gather() has raised, a sibling's later failure is never reported."""

import asyncio


async def upload_backup():
    await asyncio.sleep(0.1)
    raise ConnectionError("backup server down")


async def send_invoices():
    await asyncio.sleep(0.3)
    raise ValueError("invoice 17 has no address")


async def main():
    try:
        await asyncio.gather(upload_backup(), send_invoices())
    except ConnectionError as exc:
        print(f"gather raised {exc!r}")
    await asyncio.sleep(0.5)  # send_invoices fails meanwhile
    print("main: done")


asyncio.run(main())

"""wait_for(shield(task)) stops waiting at the timeout; the task keeps going."""

import asyncio


async def generate_invoice():
    await asyncio.sleep(0.5)
    return "invoice 88 ready"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    invoice = asyncio.create_task(generate_invoice())  # keep this reference
    try:
        await asyncio.wait_for(asyncio.shield(invoice), timeout=0.2)
    except asyncio.TimeoutError:
        print(f"t={loop.time() - start:.1f} gave up waiting")
    cancelled = invoice.cancelled()
    print(f"t={loop.time() - start:.1f} invoice.cancelled()={cancelled}")
    result = await invoice
    print(f"t={loop.time() - start:.1f} {result}")


asyncio.run(main())

"""Awaiting the task, not checking done() once, always gets its result."""

import asyncio


async def render_invoice():
    await asyncio.sleep(1)
    return "invoice.pdf"


async def main():
    task = asyncio.create_task(render_invoice())
    print("task created")
    await asyncio.sleep(0.5)
    print(f"done at 0.5 s? {task.done()}")
    invoice = await task  # suspends main() until the task has finished
    print(f"invoice: {invoice}")


asyncio.run(main())

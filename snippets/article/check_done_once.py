"""Checking done() once, half-way through, misses a task that takes 1 s."""

import asyncio


async def render_invoice():
    await asyncio.sleep(1)  # stands for a second of real work
    return "invoice.pdf"


async def main():
    task = asyncio.create_task(render_invoice())
    print("task created")
    await asyncio.sleep(0.5)
    if task.done():
        print(f"invoice: {task.result()}")


asyncio.run(main())

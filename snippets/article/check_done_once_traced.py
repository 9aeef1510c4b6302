"""The same pattern with times printed: the task is cancelled, never done."""

import asyncio


async def render_invoice():
    try:
        await asyncio.sleep(1)
        return "invoice.pdf"
    except asyncio.CancelledError:
        print("render_invoice: cancelled while sleeping")
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(render_invoice())
    print("task created")
    await asyncio.sleep(0.5)
    print(f"t={loop.time() - start:.1f} task.done() = {task.done()}")
    if task.done():
        print(f"invoice: {task.result()}")
    print(f"t={loop.time() - start:.1f} main returns; asyncio.run() cleans up")
    return task


task = asyncio.run(main())
print("after asyncio.run(): cancelled =", task.cancelled())

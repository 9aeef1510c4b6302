"""Tasks run coroutines concurrently; a Future's result is set from outside."""

import asyncio


async def download(name):
    await asyncio.sleep(1)
    return f"{name} downloaded"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [asyncio.create_task(download(name)) for name in ("a.csv", "b.csv")]
    approval = loop.create_future()  # no coroutine behind it
    loop.call_later(0.5, approval.set_result, "approved")  # a timer sets it
    print(f"t={loop.time() - start:.1f} approval.done() = {approval.done()}")
    decision = await approval
    print(f"t={loop.time() - start:.1f} approval: {decision}")
    results = await asyncio.gather(*tasks)
    print(f"t={loop.time() - start:.1f} both tasks: {results}")


asyncio.run(main())

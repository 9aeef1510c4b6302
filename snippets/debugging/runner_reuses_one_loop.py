# Requires Python 3.11+
"""asyncio.Runner reuses one loop: a task can outlive the run() that made it."""

import asyncio


async def refresh_cache():
    await asyncio.sleep(0.1)
    return "cache refreshed"


async def start_refresh():
    return asyncio.create_task(refresh_cache(), name="refresh-cache")


async def wait_for_refresh(task):
    return await task


with asyncio.Runner(debug=True) as runner:
    loop = runner.get_loop()
    refresh = runner.run(start_refresh())
    print("after run() #1:", refresh.get_name(), "done =", refresh.done())
    print("run() #2 returned:", runner.run(wait_for_refresh(refresh)))
    same_loop = runner.get_loop() is loop
    print("still one loop:", same_loop, "| debug:", loop.get_debug())
    leftover = runner.run(start_refresh())  # still pending at the end
print("after the with block: loop closed =", loop.is_closed())
print("task left pending: cancelled =", leftover.cancelled())

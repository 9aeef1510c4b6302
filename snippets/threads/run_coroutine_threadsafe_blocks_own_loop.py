"""In the loop's thread, future.result() blocks the coroutine it waits for."""

import asyncio
import concurrent.futures


async def fetch_balance():
    print("fetch_balance: started")
    await asyncio.sleep(0.1)
    return 120.5


async def main():
    loop = asyncio.get_running_loop()
    future = asyncio.run_coroutine_threadsafe(fetch_balance(), loop)
    try:
        # Blocks the loop's thread: nothing else can run.
        future.result(timeout=0.3)
    except concurrent.futures.TimeoutError:
        print("result() timed out: the loop was blocked the whole time")
    print("await wrap_future(...):", await asyncio.wrap_future(future))


asyncio.run(main())

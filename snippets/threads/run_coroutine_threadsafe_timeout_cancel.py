"""After result() times out, the coroutine runs on until you cancel it."""

import asyncio
import concurrent.futures


async def fetch_balance(account):
    try:
        await asyncio.sleep(10)  # a server that does not answer
    except asyncio.CancelledError:
        print(f"fetch_balance({account!r}): cancelled")
        raise


def build_report(loop):
    future = asyncio.run_coroutine_threadsafe(fetch_balance("acc-1"), loop)
    try:
        return future.result(timeout=0.1)
    except concurrent.futures.TimeoutError:
        print("result() timed out; coroutine done:", future.done())
        future.cancel()  # otherwise it goes on running on the loop
        return "report: balance unavailable"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(build_report, loop))


asyncio.run(main())

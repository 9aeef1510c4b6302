"""Before 3.11, result(timeout=...) raises a TimeoutError of its own."""

import asyncio
import concurrent.futures


async def fetch_balance():
    await asyncio.sleep(10)  # a server that does not answer


def build_report(loop):
    future = asyncio.run_coroutine_threadsafe(fetch_balance(), loop)
    try:
        future.result(timeout=0.1)
    except TimeoutError:  # the built-in class
        print("caught by except TimeoutError")
    except concurrent.futures.TimeoutError as e:
        print(f"except TimeoutError missed {type(e).__module__}.TimeoutError")
    future.cancel()
    error_class = concurrent.futures.TimeoutError
    print("concurrent.futures.TimeoutError is:")
    print("  TimeoutError?", error_class is TimeoutError)
    print("  asyncio.TimeoutError?", error_class is asyncio.TimeoutError)


async def main():
    await asyncio.to_thread(build_report, asyncio.get_running_loop())


asyncio.run(main())

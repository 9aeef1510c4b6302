"""From a thread, run a coroutine on the loop with run_coroutine_threadsafe."""

import asyncio
import threading


async def fetch_balance(account):
    await asyncio.sleep(0.1)
    thread = threading.current_thread().name
    print(f"fetch_balance({account!r}) ran in thread {thread}")
    return 120.5


def build_report(loop):
    """Plain blocking code, running in a worker thread."""
    future = asyncio.run_coroutine_threadsafe(fetch_balance("acc-1"), loop)
    balance = future.result(timeout=2)  # blocks this thread, not the loop
    kind = f"{type(future).__module__}.{type(future).__name__}"
    return f"report: balance {balance}, received through a {kind}"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(build_report, loop))


asyncio.run(main())

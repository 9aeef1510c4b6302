"""A service that stops on SIGTERM or Ctrl+C: cancel the workers, await them."""

import asyncio
import os
import signal


async def serve_orders(worker):
    try:
        while True:
            await asyncio.sleep(1)  # take and handle one order
    except asyncio.CancelledError:
        print(f"{worker}: closing its connection")
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stop = asyncio.Event()

    def on_signal(sig):
        print(f"t={loop.time() - start:.1f} got {sig.name}")
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, on_signal, sig)
    workers = [asyncio.create_task(serve_orders(f"worker-{n}")) for n in (1, 2)]
    loop.call_later(2.5, os.kill, os.getpid(), signal.SIGTERM)  # `kill PID`
    await stop.wait()
    for worker in workers:
        worker.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print("workers ended:", [type(r).__name__ for r in results])
    print("clean exit")


asyncio.run(main())

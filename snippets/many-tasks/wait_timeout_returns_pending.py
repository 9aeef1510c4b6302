"""wait(timeout=) returns the unfinished tasks: no TimeoutError, no cancel."""

import asyncio


async def render_thumbnail(name, delay):
    await asyncio.sleep(delay)
    return f"{name}.png"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    quick = asyncio.create_task(render_thumbnail("quick", 0.1))
    slow = asyncio.create_task(render_thumbnail("slow", 0.3))
    done, pending = await asyncio.wait(
        {quick, slow}, timeout=0.2, return_when=asyncio.ALL_COMPLETED
    )
    elapsed = loop.time() - start
    print(f"t={elapsed:.1f} done={len(done)} pending={len(pending)}")
    print(f"slow.done()={slow.done()} slow.cancelled()={slow.cancelled()}")
    done, pending = await asyncio.wait(
        {slow}, return_when=asyncio.ALL_COMPLETED
    )
    elapsed = loop.time() - start
    print(f"t={elapsed:.1f} done={len(done)} pending={len(pending)}")
    print("results:", quick.result(), slow.result())


asyncio.run(main())

"""asyncio's result() raises at once on a pending task; only await waits."""

import asyncio


async def build_report():
    await asyncio.sleep(1)
    return "report ready"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(build_report())
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print(f"t={loop.time() - start:.1f} result(): {type(e).__name__}: {e}")
    try:
        task.exception()
    except asyncio.InvalidStateError as e:
        kind = type(e).__name__
        print(f"t={loop.time() - start:.1f} exception(): {kind}: {e}")
    report = await task
    print(f"t={loop.time() - start:.1f} await task -> {report!r}")


asyncio.run(main())

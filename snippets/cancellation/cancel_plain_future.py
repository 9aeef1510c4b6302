"""Future.cancel() cancels a plain future at once, but not one that is done."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    reply = loop.create_future()
    print(f"reply.cancel() returned {reply.cancel()}")
    print(f"reply.cancelled()={reply.cancelled()} (no waiting, unlike a task)")
    try:
        await reply
    except asyncio.CancelledError:
        print("await reply raised CancelledError")
    try:
        reply.set_result("too late")
    except asyncio.InvalidStateError as exc:
        print(f"{type(exc).__name__}: {exc}")

    receipt = loop.create_future()
    receipt.set_result("paid")
    returned = receipt.cancel()
    print(f"receipt.cancel() returned {returned}; result={receipt.result()!r}")


asyncio.run(main())

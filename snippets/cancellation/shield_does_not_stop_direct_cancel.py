"""shield() guards a task against its waiter's cancellation, not cancel()."""

import asyncio


async def save_order():
    await asyncio.sleep(0.3)
    return "order 17 saved"


async def main():
    save_task = asyncio.create_task(save_order())
    shielded = asyncio.shield(save_task)
    await asyncio.sleep(0.1)
    save_task.cancel()  # cancelling the task itself, not its waiter
    try:
        await shielded
    except asyncio.CancelledError:
        print("await shielded raised CancelledError")
    print(f"save_task.cancelled()={save_task.cancelled()}")


asyncio.run(main())

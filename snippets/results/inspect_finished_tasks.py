"""On a done task, result(), exception() and cancelled() tell how it ended."""

import asyncio


async def charge_card(amount):
    await asyncio.sleep(0.1)
    if amount < 0:
        raise ValueError(f"invalid amount {amount}")
    return f"charged {amount}"


async def main():
    tasks = [asyncio.create_task(charge_card(n)) for n in (10, -1, 5)]
    tasks[2].cancel()
    await asyncio.wait(tasks)
    for task in tasks:
        print(f"{task.get_name()}: cancelled()={task.cancelled()}")
        for method in (task.exception, task.result):
            try:
                print(f"  {method.__name__}() -> {method()!r}")
            except BaseException as e:  # CancelledError is not an Exception
                print(f"  {method.__name__}() raised {e!r}")


asyncio.run(main())

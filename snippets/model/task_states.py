"""A task is pending, then done: with a result, an exception, or cancelled."""

import asyncio


async def charge_card(amount):
    await asyncio.sleep(0.1)
    if amount < 0:
        raise ValueError(f"invalid amount {amount}")
    return f"charged {amount}"


def state(task):
    if task.cancelled():
        return "done: cancelled() is True"
    if task.exception() is not None:
        return f"done: exception() is {task.exception()!r}"
    return f"done: result() is {task.result()!r}"


async def main():
    tasks = [asyncio.create_task(charge_card(n)) for n in (10, -1, 5)]
    tasks[2].cancel()
    flags = [(t.done(), t.cancelled()) for t in tasks]
    print("pending (done, cancelled):", flags)
    await asyncio.wait(tasks)
    print(*[f"{task.get_name()} {state(task)}" for task in tasks], sep="\n")


asyncio.run(main())

"""Keep the shielded task and give it a done callback that reads its outcome."""

import asyncio

background_tasks = set()


def report(task):
    background_tasks.discard(task)
    if not task.cancelled() and task.exception() is not None:
        print(f"{task.get_name()} failed: {task.exception()!r}")


async def save_order():
    await asyncio.sleep(0.2)
    raise OSError("disk full")


async def handle_request():
    save = asyncio.create_task(save_order(), name="save-order")
    background_tasks.add(save)
    save.add_done_callback(report)
    await asyncio.shield(save)


async def main():
    request = asyncio.create_task(handle_request())
    await asyncio.sleep(0.1)
    request.cancel()
    await asyncio.gather(request, return_exceptions=True)
    print("request cancelled:", request.cancelled())
    await asyncio.sleep(0.2)
    print("main returns")


asyncio.run(main())

# Requires Python 3.12+
"""create_eager_task_factory() makes an eager factory for a Task subclass."""

import asyncio


class AuditedTask(asyncio.Task):
    def __init__(self, coro, **kwargs):
        print(f"AuditedTask created, eager_start={kwargs.get('eager_start')}")
        # an eager task takes its first step here
        super().__init__(coro, **kwargs)


async def send_email(to):
    print(f"  send_email({to!r}) started")
    await asyncio.sleep(0.1)
    print(f"  send_email({to!r}) finished")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.create_eager_task_factory(AuditedTask))
    task = asyncio.create_task(send_email("ada@example.com"))
    print(f"create_task returned: {type(task).__name__}, done={task.done()}")
    await task
    loop.set_task_factory(None)  # back to plain, lazily started Tasks
    print(f"factory after reset: {loop.get_task_factory()}")


asyncio.run(main())

"""Task.get_loop() returns the event loop the task is bound to."""

import asyncio


async def send_email(to):
    await asyncio.sleep(0.1)
    return f"sent to {to}"


async def main():
    task = asyncio.create_task(send_email("ada@example.com"))
    loop = task.get_loop()
    same = loop is asyncio.get_running_loop()
    print(f"task.get_loop() is the running loop: {same}")
    print(f"loop.is_running(): {loop.is_running()}")
    loop.call_soon(print, "a callback scheduled on the task's loop ran")
    print(await task)


asyncio.run(main())

"""A new task does not run until the coroutine that created it suspends."""

import asyncio


async def send_email():
    print("  send_email: started")


async def main():
    task = asyncio.create_task(send_email())
    print(f"main: task created, done={task.done()}")
    print("main: still running, send_email has not started")
    await asyncio.sleep(0)  # the first point where main() lets the loop run
    print(f"main: after one await, done={task.done()}")


asyncio.run(main())
